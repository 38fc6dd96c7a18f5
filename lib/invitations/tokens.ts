import "server-only";
import { createHash, randomBytes } from "node:crypto";

// An invitation link carries 32 random bytes (256 bits), base64url-encoded: 43 characters.
// Only the SHA-256 of the secret is stored, so a copy of the database opens no door;
// a fast hash is right here because the secret is random, not a password.
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A link that cannot be one of ours, rejected without a database lookup. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Expiry of an invitation sent (or resent) at `sentAt` by a workspace whose links live `days` days. */
export function invitationExpiry(sentAt: Date, days: number): Date {
  return new Date(sentAt.getTime() + days * DAY_MS);
}

export function isExpired(invitation: { expiresAt: Date }, now = new Date()): boolean {
  return invitation.expiresAt.getTime() <= now.getTime();
}
