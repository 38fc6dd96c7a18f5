import "server-only";
import { prisma, type Db, type Tx } from "@/lib/db";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import { Refusal } from "@/lib/core/result";
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken } from "@/lib/secret-tokens";

// One-time links mailed to a user's own address: "verify your email" (24 hours) and
// "choose a new password" (1 hour). The secret is made and stored like an invitation's
// (only its SHA-256); a GET of the link only displays a page with a button, because mail
// scanners open links, and the POST behind the button uses the link up.

export const ACCOUNT_LINK_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * 60 * 60_000,
  reset_password: 60 * 60_000,
};

/** A fresh link for `purpose`; the user's older unused links for it stop working (the newest mail is the one that counts). */
export async function issueAccountLink(tx: Tx, userId: string, purpose: AccountTokenPurpose) {
  await tx.accountToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  const { token, tokenHash } = generateSecretToken();
  const expiresAt = new Date(Date.now() + ACCOUNT_LINK_LIFETIME_MS[purpose]);
  await tx.accountToken.create({ data: { userId, purpose, tokenHash, expiresAt } });
  return { token, expiresAt };
}

/** After the address is proven or the password replaced, no older link of either kind may act again. */
export async function dropAccountLinks(tx: Tx, userId: string) {
  await tx.accountToken.deleteMany({ where: { userId, usedAt: null } });
}

export type AccountLinkState = "valid" | "unknown" | "used" | "expired";

const userFields = { id: true, email: true, firstName: true, lastName: true, emailVerifiedAt: true } as const;

async function find(db: Db | Tx, token: string, purpose: AccountTokenPurpose) {
  if (!isWellFormedSecretToken(token)) return null;
  const link = await db.accountToken.findUnique({ where: { tokenHash: hashSecretToken(token) }, include: { user: { select: userFields } } });
  // A reset link is not a verification link, and the other way round.
  return link && link.purpose === purpose ? link : null;
}

function stateOf(link: { usedAt: Date | null; expiresAt: Date } | null, now = Date.now()): AccountLinkState {
  if (!link) return "unknown";
  if (link.usedAt) return "used";
  if (link.expiresAt.getTime() <= now) return "expired";
  return "valid";
}

/** What the link's page shows. Reads only. */
export async function lookupAccountLink(token: string, purpose: AccountTokenPurpose) {
  const link = await find(prisma, token, purpose);
  return { state: stateOf(link), email: link?.user.email ?? null };
}

/**
 * Uses the link up, once: of two requests with the same link, the conditional update
 * lets exactly one through. Refuses with `messages[state]` for a link that cannot act.
 */
export async function consumeAccountLink(tx: Tx, token: string, purpose: AccountTokenPurpose, messages: Record<Exclude<AccountLinkState, "valid">, string>) {
  const link = await find(tx, token, purpose);
  const state = stateOf(link);
  if (state !== "valid" || !link) throw new Refusal("gone", messages[state as Exclude<AccountLinkState, "valid">]);
  const { count } = await tx.accountToken.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: new Date() } });
  if (count !== 1) throw new Refusal("gone", messages.used);
  return link.user;
}
