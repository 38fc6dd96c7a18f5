// Auth.js's own endpoints (/api/auth/*) do not pass through the guard: these tests call
// the real route handlers, as a browser or a script would.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { SESSION_COOKIE, mintSessionCookie } from "@/scripts/lib/session-cookie";
import { TEST_PASSWORD, createUser } from "../support/factories";

vi.unmock("@/lib/auth/config");

const SECRET = "test-only-secret-0123456789abcdef0123456789abcdef";
const BASE = "http://localhost:3000";

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
  process.env.AUTH_TRUST_HOST = "true";
});

async function handlers() {
  return (await import("@/lib/auth/config")).handlers;
}

/** The CSRF token and its cookie, as the sign-in and sign-out forms get them. */
async function csrf() {
  const response = await (await handlers()).GET(new Request(`${BASE}/api/auth/csrf`) as never);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("authjs.csrf-token="))!.split(";")[0]!;
  return { csrfToken, cookie };
}

describe("POST /api/auth/signout", () => {
  it("ends the Session row named by the cookie, and audits it", async () => {
    const user = await createUser();
    const session = await mintSessionCookie(prisma, user.id, SECRET, "vitest");
    const sid = (await prisma.session.findFirstOrThrow({ where: { userId: user.id } })).id;
    const { csrfToken, cookie } = await csrf();
    const response = await (await handlers()).POST(
      new Request(`${BASE}/api/auth/signout`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${SESSION_COOKIE}=${session.value}` },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/login" }),
      }) as never,
    );
    expect(response.status).toBeLessThan(400);
    expect(await prisma.session.findUnique({ where: { id: sid } })).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "auth.signed_out", actorId: user.id } })).toBe(1);
  });
});

/** POST /api/auth/callback/credentials, as the sign-in form's Auth.js call (or any script) sends it. */
async function postCredentials(fields: Record<string, string>) {
  const { csrfToken, cookie } = await csrf();
  return (await handlers()).POST(
    new Request(`${BASE}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": "198.51.100.90", "user-agent": "vitest" },
      body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: "/w" }),
    }) as never,
  );
}

const sessionCookieOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));

describe("POST /api/auth/callback/credentials", () => {
  it("signs in with credentials parsed like the form's (trimmed, lower-cased email)", async () => {
    const user = await createUser({ email: "endpoint@example.test" });
    const response = await postCredentials({ email: "  Endpoint@Example.TEST ", password: TEST_PASSWORD });
    expect(sessionCookieOf(response)).toBeDefined();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it.each([
    ["a 200,000-character email", { email: `${"a".repeat(200_000)}@example.test`, password: "Whatever-1" }],
    ["a 255-character email", { email: `${"a".repeat(242)}@example.test`, password: "Whatever-1" }],
    ["a 100,000-character password", { email: "long-password@example.test", password: "Aa1".repeat(33_334) }],
    ["no email at all", { password: "Whatever-1" }],
  ])("refuses %s without looking anything up, counting or storing it", async (_case, fields) => {
    const [events, hits] = [await prisma.auditEvent.count(), await prisma.rateLimitHit.count()];
    const response = await postCredentials(fields);
    expect(sessionCookieOf(response)).toBeUndefined();
    expect(response.headers.get("location") ?? (await response.text())).toMatch(/error/i);
    expect(await prisma.auditEvent.count()).toBe(events);
    expect(await prisma.rateLimitHit.count()).toBe(hits);
  });
});
