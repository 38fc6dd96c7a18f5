// The client's address as actions store and limit it, from the headers a request really
// arrives with (docs/decisions/008-client-address-from-the-socket.md): server.mjs stamps
// the connection's peer address; X-Forwarded-For counts only behind TRUST_PROXY_HOPS
// proxies, and then only the entry they appended.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { signUp } from "@/lib/account/actions";
import { requestMeta } from "@/lib/auth/request-meta";
import { lookupInvitation } from "@/lib/invitations/join";
import { generateInvitationToken } from "@/lib/invitations/tokens";
import { LIMITS } from "@/lib/rate-limit";
import { currentRequest } from "../support/request";

const PEER = "x-roster-peer-address";
const mark = Symbol.for("roster.peer-address-header");
const globals = globalThis as Record<symbol, unknown>;

/** What server.mjs hands Next for a connection from `peer` carrying `sent` headers, as the guard reads it. */
function arrive(peer: string, sent: Record<string, string>) {
  const meta = requestMeta(new Headers({ ...sent, [PEER]: peer }));
  Object.assign(currentRequest, { sessionId: null, ...meta });
  return meta;
}

let n = 0;
const account = () => ({ firstName: "Fay", lastName: "Forger", email: `forger-${++n}-${Date.now()}@example.test`, password: "Forged-header-1" });

async function signUpAuditIp(email: string) {
  const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.signed_up", targetLabel: email } });
  return event.ip;
}

beforeEach(() => {
  globals[mark] = PEER;
});
afterEach(() => {
  delete globals[mark];
  vi.unstubAllEnvs();
});

describe("with no trusted proxy (TRUST_PROXY_HOPS=0)", () => {
  it("audits the connection's address, not a forged X-Forwarded-For or X-Real-IP", async () => {
    const input = account();
    arrive("203.0.113.50", { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.7" });
    expect(await signUp(input)).toMatchObject({ ok: true });
    expect(await signUpAuditIp(input.email)).toBe("203.0.113.50");
  });

  it("a new forged X-Forwarded-For per request does not escape the per-IP limit on guessing join links", async () => {
    const peer = "203.0.113.51";
    for (let i = 0; i < LIMITS.joinFailuresPerIp.limit; i++) {
      const { ip } = arrive(peer, { "x-forwarded-for": `6.6.${i}.1` });
      expect(await lookupInvitation(generateInvitationToken().token, ip)).toMatchObject({ state: "unknown" });
    }
    const { ip } = arrive(peer, { "x-forwarded-for": "6.6.250.1" });
    expect(await lookupInvitation(generateInvitationToken().token, ip)).toMatchObject({ state: "rate_limited" });
  });
});

describe("behind one trusted proxy (TRUST_PROXY_HOPS=1)", () => {
  it("audits the entry the proxy appended, not what the client put before it", async () => {
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    const input = account();
    arrive("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.77" });
    expect(await signUp(input)).toMatchObject({ ok: true });
    expect(await signUpAuditIp(input.email)).toBe("198.51.100.77");
  });

  it("limits each client behind the proxy on its own, whatever it forges", async () => {
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    for (let i = 0; i < LIMITS.joinFailuresPerIp.limit; i++) {
      const { ip } = arrive("10.0.0.2", { "x-forwarded-for": `6.6.${i}.2, 198.51.100.78` });
      expect(ip).toBe("198.51.100.78");
      await lookupInvitation(generateInvitationToken().token, ip);
    }
    expect(await lookupInvitation(generateInvitationToken().token, arrive("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.78" }).ip)).toMatchObject({ state: "rate_limited" });
    // Another client through the same proxy is not the one who guessed.
    expect(await lookupInvitation(generateInvitationToken().token, arrive("10.0.0.2", { "x-forwarded-for": "198.51.100.79" }).ip)).toMatchObject({ state: "unknown" });
  });
});
