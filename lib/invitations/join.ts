import "server-only";
import { rateLimitAddress } from "@/lib/auth/client-ip";
import { prisma, type Tx } from "@/lib/db";
import type { RequestContext } from "@/lib/auth/request-context";
import type { Role } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/core/result";
import { LIMITS, formatWait, peek, pruneExpired, record } from "@/lib/rate-limit";
import { lockWorkspace } from "@/lib/authz/membership";
import { hashInvitationToken, isExpired, isWellFormedToken } from "./tokens";
import { fullName } from "@/lib/format";

// The join page and its two actions (accept; create an account and accept). Guessing
// links is limited per IP: every lookup of a link that does not exist is counted, and
// past the limit no link is looked up at all from that address for a while.

const failureKey = (ip: string | null) => `join:ip:${ip ? rateLimitAddress(ip) : "unknown"}`;

export type DeadState = "revoked" | "used" | "expired";

export type JoinLookup =
  | { state: "rate_limited"; retryAfterSeconds: number }
  | { state: "unknown" }
  | { state: DeadState; workspaceName: string }
  | {
      state: "valid";
      /** "unverified": an account exists but never proved the address; the link holder may take it over (join-actions.ts). */
      account: "none" | "unverified" | "verified";
      /** `groups`: the names of the groups joining adds them to. */
      invitation: {
        email: string;
        role: Role;
        expiresAt: Date;
        inviterName: string | null;
        groups: string[];
        workspace: { name: string; slug: string; requireTwoFactor: boolean };
      };
    };

async function refusedByLimit(ip: string | null) {
  const { count, retryAfterSeconds } = await peek(prisma, failureKey(ip), LIMITS.joinFailuresPerIp);
  return count >= LIMITS.joinFailuresPerIp.limit ? retryAfterSeconds : null;
}

function findInvitation(db: typeof prisma | Tx, where: { tokenHash: string } | { id: string }) {
  return db.invitation.findUnique({
    where,
    include: {
      workspace: { select: { id: true, name: true, slug: true, requireTwoFactor: true } },
      invitedBy: { select: { firstName: true, lastName: true } },
      groups: { select: { group: { select: { name: true } } }, orderBy: { group: { nameKey: "asc" } } },
    },
  });
}

function findByToken(db: typeof prisma | Tx, token: string) {
  if (!isWellFormedToken(token)) return Promise.resolve(null);
  return findInvitation(db, { tokenHash: hashInvitationToken(token) });
}

function deadState(invitation: { status: string; expiresAt: Date }): DeadState | null {
  if (invitation.status === "revoked") return "revoked";
  if (invitation.status === "accepted") return "used";
  if (isExpired(invitation)) return "expired";
  return null;
}

/** What the join page shows for `token`. Reads only, except counting a miss toward the IP's limit. */
export async function lookupInvitation(token: string, ip: string | null): Promise<JoinLookup> {
  const wait = await refusedByLimit(ip);
  if (wait !== null) return { state: "rate_limited", retryAfterSeconds: wait };
  const invitation = await findByToken(prisma, token);
  if (!invitation) {
    await record(prisma, failureKey(ip));
    await pruneExpired(prisma);
    return { state: "unknown" };
  }
  const dead = deadState(invitation);
  if (dead) return { state: dead, workspaceName: invitation.workspace.name };
  const account = await prisma.user.findUnique({ where: { email: invitation.email }, select: { emailVerifiedAt: true } });
  return {
    state: "valid",
    account: !account ? "none" : account.emailVerifiedAt ? "verified" : "unverified",
    invitation: {
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      inviterName: invitation.invitedBy ? fullName(invitation.invitedBy) : null,
      groups: invitation.groups.map((g) => g.group.name),
      workspace: { name: invitation.workspace.name, slug: invitation.workspace.slug, requireTwoFactor: invitation.workspace.requireTwoFactor },
    },
  };
}

export const DEAD_LINK_MESSAGES: Record<DeadState | "unknown", string> = {
  unknown: "This invitation link is not valid. Ask for a new invitation.",
  revoked: "This invitation was revoked. Ask the person who invited you for a new invitation.",
  used: "This invitation was already used. Ask the person who invited you for a new invitation if you still need one.",
  expired: "This invitation has expired. Ask the person who invited you to resend it.",
};

/** The actions' `before` step, outside their transaction: the IP limit, and counting a link that does not exist. */
export async function screenJoinAttempt(input: { token: string }, request: RequestContext) {
  const wait = await refusedByLimit(request.ip);
  if (wait !== null) throw new Refusal("rate_limited", `Too many invalid invitation links from your network. Try again in ${formatWait(wait)}.`, { retryAfterSeconds: wait });
  if (!(await findByToken(prisma, input.token))) {
    await record(prisma, failureKey(request.ip));
    await pruneExpired(prisma);
    throw new Refusal("gone", DEAD_LINK_MESSAGES.unknown);
  }
}

/**
 * The invitation behind `token`, read again after locking its workspace: of two
 * requests accepting the same link at once, the second sees the first one's result.
 */
export async function lockInvitation(tx: Tx, token: string) {
  return lockFound(tx, () => findByToken(tx, token));
}

/** The same, by id: for a signed-in person acting on an invitation addressed to them. */
export async function lockInvitationById(tx: Tx, id: string) {
  return lockFound(tx, () => findInvitation(tx, { id }));
}

type FoundInvitation = Awaited<ReturnType<typeof findInvitation>>;

async function lockFound(tx: Tx, find: () => Promise<FoundInvitation>) {
  const found = await find();
  if (!found) throw new Refusal("gone", DEAD_LINK_MESSAGES.unknown);
  await lockWorkspace(tx, found.workspaceId);
  const invitation = await find();
  if (!invitation) throw new Refusal("gone", DEAD_LINK_MESSAGES.unknown);
  return { invitation, dead: deadState(invitation) };
}

export type LockedInvitation = Awaited<ReturnType<typeof lockInvitation>>["invitation"];
