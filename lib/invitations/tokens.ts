import "server-only";
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken } from "@/lib/secret-tokens";

// An invitation link's secret is made and hashed like every link secret (lib/secret-tokens.ts).
export const generateInvitationToken = generateSecretToken;
export const hashInvitationToken = hashSecretToken;
export const isWellFormedToken = isWellFormedSecretToken;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Expiry of an invitation sent (or resent) at `sentAt` by a workspace whose links live `days` days. */
export function invitationExpiry(sentAt: Date, days: number): Date {
  return new Date(sentAt.getTime() + days * DAY_MS);
}

export function isExpired(invitation: { expiresAt: Date }, now = new Date()): boolean {
  return invitation.expiresAt.getTime() <= now.getTime();
}
