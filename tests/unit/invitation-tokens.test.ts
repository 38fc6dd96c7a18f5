// Invitation secrets and their lifetime: hashed at rest (documenso and twenty stored theirs
// in plain text) and expiring exactly when they should (cal.com #11311 minted links already
// expired).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateInvitationToken, hashInvitationToken, invitationExpiry, isExpired, isWellFormedToken } from "@/lib/invitations/tokens";

const DAY_MS = 24 * 60 * 60 * 1000;

describe("invitation tokens", () => {
  it("are 43 base64url characters carrying 256 random bits", () => {
    const { token } = generateInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("are distinct across many calls", () => {
    const tokens = new Set(Array.from({ length: 2000 }, () => generateInvitationToken().token));
    expect(tokens.size).toBe(2000);
  });

  it("are stored as the SHA-256 hex of the token, never the token itself", () => {
    const { token, tokenHash } = generateInvitationToken();
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).not.toBe(token);
    expect(tokenHash).not.toContain(token);
    expect(hashInvitationToken(token)).toBe(tokenHash);
    expect(hashInvitationToken(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).not.toBe(tokenHash);
  });

  it("are recognised as well formed; anything else is not", () => {
    expect(isWellFormedToken(generateInvitationToken().token)).toBe(true);
    expect(isWellFormedToken("a".repeat(43))).toBe(true);
    for (const bad of ["", "a".repeat(42), "a".repeat(44), `${"a".repeat(42)}=`, `${"a".repeat(42)}+`, `${"a".repeat(42)}/`, ` ${"a".repeat(42)}`, "../../etc/passwd"]) {
      expect(isWellFormedToken(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("invitation expiry", () => {
  const sentAt = new Date("2026-03-01T12:34:56.789Z");

  it.each([1, 14, 30])("is exactly %i day(s) after sending", (days) => {
    const expiresAt = invitationExpiry(sentAt, days);
    expect(expiresAt.getTime() - sentAt.getTime()).toBe(days * DAY_MS);
    expect(isExpired({ expiresAt }, sentAt)).toBe(false);
  });

  it("crosses month ends and daylight-saving changes by exact days (UTC arithmetic)", () => {
    expect(invitationExpiry(new Date("2026-01-31T00:00:00Z"), 30).toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(invitationExpiry(new Date("2026-03-28T10:00:00Z"), 1).toISOString()).toBe("2026-03-29T10:00:00.000Z");
  });

  it("a fresh link is not expired; one millisecond before expiry still works", () => {
    const expiresAt = invitationExpiry(sentAt, 14);
    expect(isExpired({ expiresAt }, new Date(expiresAt.getTime() - 1))).toBe(false);
  });

  it("counts exactly at expiresAt as expired, and after it too", () => {
    const expiresAt = invitationExpiry(sentAt, 14);
    expect(isExpired({ expiresAt }, new Date(expiresAt.getTime()))).toBe(true);
    expect(isExpired({ expiresAt }, new Date(expiresAt.getTime() + 1))).toBe(true);
  });

  it("defaults `now` to the current time", () => {
    expect(isExpired({ expiresAt: new Date(Date.now() + 60_000) })).toBe(false);
    expect(isExpired({ expiresAt: new Date(Date.now() - 1) })).toBe(true);
  });
});
