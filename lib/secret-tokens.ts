import "server-only";
import { createHash, randomBytes } from "node:crypto";

// A secret sent in a link (an invitation, an email verification, a password reset) is 32
// random bytes (256 bits), base64url-encoded: 43 characters. Only its SHA-256 is stored,
// so a copy of the database opens no door; a fast hash is right here because the secret
// is random, not a password.
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateSecretToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A link that cannot be one of ours, rejected without a database lookup. */
export function isWellFormedSecretToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
