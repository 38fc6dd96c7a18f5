// SESSION_IDLE_DAYS and SESSION_MAX_DAYS (lib/auth/session-lifetime.ts), and the rule
// that ends a session row. The database side is in tests/integration/account-sessions.test.ts.
import { describe, expect, it, vi } from "vitest";
import { parseSessionLifetime, sessionEnded } from "@/lib/auth/session-lifetime";

const DAY = 24 * 60 * 60_000;

describe("session lifetime from the environment", () => {
  it("defaults to 7 days idle and 30 days in all", () => {
    expect(parseSessionLifetime({})).toEqual({ idleDays: 7, maxDays: 30 });
    expect(parseSessionLifetime({ SESSION_IDLE_DAYS: "", SESSION_MAX_DAYS: " " })).toEqual({ idleDays: 7, maxDays: 30 });
  });

  it("reads whole days", () => {
    expect(parseSessionLifetime({ SESSION_IDLE_DAYS: "1", SESSION_MAX_DAYS: " 90 " })).toEqual({ idleDays: 1, maxDays: 90 });
    expect(parseSessionLifetime({ SESSION_IDLE_DAYS: "14", SESSION_MAX_DAYS: "14" })).toEqual({ idleDays: 14, maxDays: 14 });
  });

  it.each(["0", "-1", "1.5", "7d", "abc", "1e3", "99999"])("refuses %j, naming the variable", (value) => {
    expect(() => parseSessionLifetime({ SESSION_IDLE_DAYS: value })).toThrow(/SESSION_IDLE_DAYS must be a whole number of days/);
    expect(() => parseSessionLifetime({ SESSION_MAX_DAYS: value })).toThrow(/SESSION_MAX_DAYS must be a whole number of days/);
  });

  it("refuses an idle limit longer than the maximum (the default idle against a short maximum, too)", () => {
    expect(() => parseSessionLifetime({ SESSION_IDLE_DAYS: "10", SESSION_MAX_DAYS: "5" })).toThrow("SESSION_IDLE_DAYS (10) must not be longer than SESSION_MAX_DAYS (5).");
    expect(() => parseSessionLifetime({ SESSION_MAX_DAYS: "3" })).toThrow("SESSION_IDLE_DAYS (7) must not be longer than SESSION_MAX_DAYS (3).");
  });
});

describe("when a session row has ended", () => {
  const now = Date.parse("2026-06-01T12:00:00Z");
  const lifetime = { idleDays: 7, maxDays: 30 };
  const row = (createdDaysAgo: number, seenDaysAgo: number, expiresInDays = 30 - createdDaysAgo) => ({
    createdAt: new Date(now - createdDaysAgo * DAY),
    lastSeenAt: new Date(now - seenDaysAgo * DAY),
    expiresAt: new Date(now + expiresInDays * DAY),
  });

  it("is live while used within the idle limit and younger than the maximum", () => {
    expect(sessionEnded(row(0, 0), now, lifetime)).toBe(false);
    expect(sessionEnded(row(29.9, 6.9), now, lifetime)).toBe(false);
  });

  it("ends after the idle limit without a request", () => {
    expect(sessionEnded(row(8, 7), now, lifetime)).toBe(true);
    expect(sessionEnded(row(2, 1.5), now, { idleDays: 1, maxDays: 30 })).toBe(true);
  });

  it("ends at the maximum age however recently it was used", () => {
    expect(sessionEnded(row(30, 0, 10), now, lifetime)).toBe(true);
    expect(sessionEnded(row(3, 0), now, { idleDays: 1, maxDays: 2 })).toBe(true);
  });

  it("ends at its stored expiry", () => {
    expect(sessionEnded(row(1, 0, 0), now, lifetime)).toBe(true);
  });
});

// Re-importing the auth modules takes seconds on a busy machine: more than the unit default.
describe("the session token's lifetime", { timeout: 30_000 }, () => {
  async function loadWith(env: Record<string, string>) {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    vi.resetModules();
    try {
      return await import("@/lib/auth/sessions");
    } finally {
      process.env = saved;
      vi.resetModules();
    }
  }

  it("is the maximum session age, so the row, not the cookie, ends the session", async () => {
    expect((await loadWith({ SESSION_IDLE_DAYS: "3", SESSION_MAX_DAYS: "45" })).SESSION_MAX_AGE_SECONDS).toBe(45 * 24 * 60 * 60);
  });

  it("refuses to start with a bad value", async () => {
    await expect(loadWith({ SESSION_IDLE_DAYS: "9", SESSION_MAX_DAYS: "8" })).rejects.toThrow("SESSION_IDLE_DAYS (9) must not be longer than SESSION_MAX_DAYS (8).");
  });
});
