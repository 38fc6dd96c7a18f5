// Who is asking, and what they are in the workspace they ask about, in one statement: the
// session, its user, and (for a workspace's slug) the workspace with the user's membership
// in it. Every page and every action needs these before anything else; read one by one they
// were four statements a request, five with the support-staff flag (bench:members prints
// the count). The statement is marked `roster:who` so the benchmark can tell it apart.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Membership, Workspace } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db";

export type WhoSession = { id: string; createdAt: Date; expiresAt: Date; lastSeenAt: Date };
/** The user as every request sees them: never the password hash or the two-factor secret. */
export type WhoUser = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  emailVerifiedAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  totpEnabledAt: Date | null;
  /** Platform support staff (lib/support/staff.ts): read here, per request, like a role. */
  supportStaff: boolean;
};
/** `workspace`: the one the slug names, if it exists; `membership`: the user's in it, if any. */
export type Who = { session: WhoSession; user: WhoUser; workspace: Workspace | null; membership: (Membership & { workspace: Workspace }) | null };

/** A row of the statement: the user's columns as they are, the session's renamed, the rest as JSON. */
type Row = WhoUser & {
  sessionId: string;
  sessionCreatedAt: Date;
  sessionExpiresAt: Date;
  sessionLastSeenAt: Date;
  workspace: Record<string, unknown> | null;
  membership: Record<string, unknown> | null;
};

// to_jsonb writes a `timestamp(3)` (stored in UTC, without a zone) as "2026-12-07T16:09:16.123".
const utc = (value: unknown) => (typeof value === "string" ? new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`) : null);

function withDates<T>(json: Record<string, unknown>, fields: string[]): T {
  const out: Record<string, unknown> = { ...json };
  for (const field of fields) out[field] = json[field] == null ? null : utc(json[field]);
  return out as T;
}

const WORKSPACE_DATES = ["createdAt", "updatedAt"];
const MEMBERSHIP_DATES = ["createdAt", "lastActiveAt"];

/** The session with this id and everything above, or null when there is no such session row (ended or not: the caller decides). */
export async function lookupWho(sessionId: string, slug: string | null): Promise<Who | null> {
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT /* roster:who */
      s."id" AS "sessionId", s."createdAt" AS "sessionCreatedAt", s."expiresAt" AS "sessionExpiresAt", s."lastSeenAt" AS "sessionLastSeenAt",
      u."id", u."email", u."firstName", u."lastName", u."emailVerifiedAt", u."lastSignInAt", u."createdAt", u."totpEnabledAt", u."supportStaff",
      to_jsonb(w) AS "workspace", to_jsonb(m) AS "membership"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Workspace" w ON w."slug" = ${slug}
    LEFT JOIN "Membership" m ON m."workspaceId" = w."id" AND m."userId" = u."id"
    WHERE s."id" = ${sessionId}`);
  const row = rows[0];
  if (!row) return null;
  const workspace = row.workspace ? withDates<Workspace>(row.workspace, WORKSPACE_DATES) : null;
  const membership = row.membership && workspace ? { ...withDates<Membership>(row.membership, MEMBERSHIP_DATES), workspace } : null;
  return {
    session: { id: row.sessionId, createdAt: row.sessionCreatedAt, expiresAt: row.sessionExpiresAt, lastSeenAt: row.sessionLastSeenAt },
    user: {
      id: row.id,
      email: row.email,
      firstName: row.firstName,
      lastName: row.lastName,
      emailVerifiedAt: row.emailVerifiedAt,
      lastSignInAt: row.lastSignInAt,
      createdAt: row.createdAt,
      totpEnabledAt: row.totpEnabledAt,
      supportStaff: row.supportStaff,
    } satisfies WhoUser,
    workspace,
    membership,
  };
}
