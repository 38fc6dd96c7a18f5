import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sendMail } from "@/lib/mail/send";
import { RESEND_ACCEPTED, startResendStandIn, unreachableUrl, type ResendReply } from "../support/resend";

// The Resend transport against a local stand-in for its API (tests/support/resend.ts):
// the real SDK builds and sends the request, and its error handling is what sendMail sees.

let reply: ResendReply;
let resend: Awaited<ReturnType<typeof startResendStandIn>>;
let outbox: string;

beforeAll(async () => {
  resend = await startResendStandIn(() => reply);
});

afterAll(() => resend.close());

beforeEach(() => {
  resend.received.length = 0;
  reply = RESEND_ACCEPTED;
  outbox = mkdtempSync(path.join(tmpdir(), "roster-resend-outbox-"));
  vi.stubEnv("RESEND_BASE_URL", resend.url);
  vi.stubEnv("RESEND_API_KEY", "re_test_0123456789");
  vi.stubEnv("MAIL_FROM", "Roster <team@roster.test>");
  vi.stubEnv("MAIL_OUTBOX_DIR", outbox);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

const message = {
  to: "ada@example.test",
  subject: "Olga invited you to Acme on Roster",
  html: '<p>Join <a href="http://localhost:3000/join/abc">Acme</a></p>',
  text: "Join Acme: http://localhost:3000/join/abc",
  links: { join: "http://localhost:3000/join/abc" },
};

describe("sendMail through Resend", () => {
  it("posts one message to /emails with the API key and exactly from, to, subject, html and text", async () => {
    await sendMail(message);

    expect(resend.received).toHaveLength(1);
    const [request] = resend.received;
    expect(request).toMatchObject({ method: "POST", url: "/emails" });
    expect(request!.headers).toMatchObject({
      authorization: "Bearer re_test_0123456789",
      "content-type": "application/json",
      "user-agent": expect.stringMatching(/^resend-node:/),
    });
    // `links` is for the local outbox only; the links travel inside html and text.
    expect(request!.body).toEqual({
      from: "Roster <team@roster.test>",
      to: "ada@example.test",
      subject: "Olga invited you to Acme on Roster",
      html: message.html,
      text: message.text,
    });
    expect(readdirSync(outbox)).toEqual([]);
  });

  it.each([
    {
      status: 422,
      body: JSON.stringify({ statusCode: 422, name: "validation_error", message: "Invalid `to` field." }),
      error: "Resend refused the message: Invalid `to` field.",
    },
    {
      status: 403,
      body: JSON.stringify({ statusCode: 403, name: "validation_error", message: "The roster.test domain is not verified." }),
      error: "Resend refused the message: The roster.test domain is not verified.",
    },
    {
      status: 502,
      body: "<html>Bad gateway</html>",
      error: "Resend refused the message: Internal server error. We are unable to process your request right now, please try again later.",
    },
  ])("throws with the API's reason when it answers $status, and falls back to nothing", async ({ status, body, error }) => {
    reply = { status, body };
    await expect(sendMail(message)).rejects.toThrow(error);
    expect(resend.received).toHaveLength(1);
    expect(readdirSync(outbox)).toEqual([]);
  });

  it("throws when the API cannot be reached", async () => {
    vi.stubEnv("RESEND_BASE_URL", await unreachableUrl());
    await expect(sendMail(message)).rejects.toThrow("Resend refused the message: Unable to fetch data. The request could not be resolved.");
    expect(readdirSync(outbox)).toEqual([]);
  });
});
