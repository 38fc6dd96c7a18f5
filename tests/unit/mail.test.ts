import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readOutbox, sendMail, usesOutbox } from "@/lib/mail/send";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("sendMail", () => {
  it("writes each message to the outbox as JSON when no Resend key is set", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "roster-outbox-"));
    process.env.MAIL_OUTBOX_DIR = dir;
    delete process.env.RESEND_API_KEY;
    process.env.MAIL_FROM = "Roster <team@roster.test>";
    expect(usesOutbox()).toBe(true);

    await sendMail({ to: "ada@example.test", subject: "First", html: "<p>1</p>", text: "1", links: { invitation: "http://x/join/abc" } });
    await new Promise((r) => setTimeout(r, 5));
    await sendMail({ to: "bob@example.test", subject: "Second", html: "<p>2</p>", text: "2" });

    const files = readdirSync(dir);
    expect(files).toHaveLength(2);
    const first = JSON.parse(readFileSync(path.join(dir, files.sort()[0]!), "utf8"));
    expect(first).toMatchObject({ to: "ada@example.test", from: "Roster <team@roster.test>", subject: "First", html: "<p>1</p>", text: "1", links: { invitation: "http://x/join/abc" } });
    expect((await readOutbox()).map((m) => m.subject)).toEqual(["Second", "First"]);
  });

  it("uses Resend, not the outbox, once RESEND_API_KEY is set", () => {
    process.env.RESEND_API_KEY = "re_test";
    expect(usesOutbox()).toBe(false);
  });

  it("reads an empty outbox when nothing was sent", async () => {
    process.env.MAIL_OUTBOX_DIR = path.join(tmpdir(), "roster-outbox-missing-" + Date.now());
    expect(await readOutbox()).toEqual([]);
  });
});
