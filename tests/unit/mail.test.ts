import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { outboxPageEnabled, readOutbox, sendMail, usesOutbox } from "@/lib/mail/send";

const saved = { ...process.env };
afterEach(() => {
  vi.unstubAllEnvs();
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

  it("writes outbox files readable by their owner only (0600), in a directory it creates 0700: each holds a working link", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "roster-outbox-")), "outbox");
    process.env.MAIL_OUTBOX_DIR = dir;
    delete process.env.RESEND_API_KEY;
    const umask = process.umask(0o022);
    try {
      await sendMail({ to: "ada@example.test", subject: "Join", html: "<p>link</p>", text: "link", links: { invitation: "http://x/join/secret" } });
    } finally {
      process.umask(umask);
    }
    const [file] = readdirSync(dir);
    expect(statSync(path.join(dir, file!)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
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

describe("the /dev/mail page", () => {
  it("is off on a production server unless MAIL_OUTBOX_PAGE=true: it would show every join link", () => {
    vi.stubEnv("RESEND_API_KEY", "");
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("MAIL_OUTBOX_PAGE", "");
    expect(outboxPageEnabled()).toBe(false);
    vi.stubEnv("MAIL_OUTBOX_PAGE", "true");
    expect(outboxPageEnabled()).toBe(true);
    vi.stubEnv("RESEND_API_KEY", "re_test");
    expect(outboxPageEnabled()).toBe(false);
  });

  it("is on in development while the outbox is in use", () => {
    vi.stubEnv("RESEND_API_KEY", "");
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("MAIL_OUTBOX_PAGE", "");
    expect(outboxPageEnabled()).toBe(true);
  });
});
