// Security review: per-IP limits key on the full address. One IPv6 host is normally given
// a whole /64 (2^64 addresses), so rotating the low bits gives a fresh "IP" per request:
// the per-IP refusal (signInFailuresPerIp, 50 per 15 min) and the per-(email, IP) refusal
// never trigger, leaving only the per-email slowdown (4 s, and parallel requests each
// sleep on their own). The same holds for sign-ups, join-link guessing and reset requests.
import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/sign-in";

const limits = {
  signInFailures: { limit: 3, windowMs: 15 * 60_000, slowAfter: 1000 },
  signInFailuresPerIp: { limit: 3, windowMs: 15 * 60_000, slowAfter: 1000 },
};

describe("review: IPv6 addresses of one /64 share the per-IP sign-in limit", () => {
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
});
