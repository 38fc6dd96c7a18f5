// One IPv6 host is normally given a whole /64 (2^64 addresses): counted per full address,
// rotating the low bits would give a fresh limit per request. Per-IP limits count an IPv6
// /64 as one address (lib/auth/client-ip.ts rateLimitAddress).
import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/sign-in";

const limits = {
  signInFailures: { limit: 3, windowMs: 15 * 60_000, slowAfter: 1000 },
  signInFailuresPerIp: { limit: 3, windowMs: 15 * 60_000, slowAfter: 1000 },
};

describe("IPv6 addresses of one /64 share the per-IP sign-in limit", () => {
  it("refuses the 4th failure from one /64 (limit 3) even when the interface id changes", async () => {
    const results = [];
    for (let i = 1; i <= 6; i++) {
      results.push(
        await verifyCredentials(
          { email: `spray-${i}@example.test`, password: "Wrong-passw0rd", ip: `2001:db8:1:2::${i.toString(16)}`, userAgent: "vitest" },
          { limits, sleep: async () => {} },
        ),
      );
    }
    expect(results.slice(3).map((r) => r.ok === false && r.code)).toEqual(["rate_limited", "rate_limited", "rate_limited"]);
  });

  it("does not refuse the right password for an email whose failures came with no known address (a shared 'unknown' counter a stranger could fill)", async () => {
    for (let i = 0; i < 4; i++) {
      await verifyCredentials({ email: "nobody-known@example.test", password: "Wrong-passw0rd", ip: null, userAgent: "vitest" }, { limits, sleep: async () => {} });
    }
    const result = await verifyCredentials({ email: "nobody-known@example.test", password: "Wrong-passw0rd", ip: null, userAgent: "vitest" }, { limits, sleep: async () => {} });
    expect(result).toMatchObject({ ok: false, code: "invalid_credentials" });
  });
});
