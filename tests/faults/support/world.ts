// What each fault trial starts from: an owner with a workspace of members, and the owner's
// real session (a Session row and its Auth.js cookie), written while no server runs.
import { randomBytes } from "node:crypto";
import type { Db } from "../../../lib/db";
import { mintSessionCookie } from "../../../scripts/lib/session-cookie";

export const FAULTS_AUTH_SECRET = "roster-fault-suite-secret-0123456789abcdef";

export type TrialWorld = { slug: string; ownerCookie: string; memberIds: string[] };

export async function seedTrial(db: Db, trial: string, members = 10): Promise<TrialWorld> {
  const owner = await db.user.create({ data: { email: `owner-${trial}@faults.test`, firstName: "Owner", lastName: trial, passwordHash: "x", emailVerifiedAt: new Date() } });
  const workspace = await db.workspace.create({ data: { name: `Faults ${trial}`, slug: `faults-${trial}-${randomBytes(3).toString("hex")}`, plan: "enterprise" } });
  await db.membership.create({ data: { workspaceId: workspace.id, userId: owner.id, role: "owner" } });
  const memberIds: string[] = [];
  for (let i = 0; i < members; i++) {
    const user = await db.user.create({ data: { email: `m${i}-${trial}@faults.test`, firstName: "Member", lastName: `${i}`, passwordHash: "x", emailVerifiedAt: new Date() } });
    const m = await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "read" } });
    memberIds.push(m.id);
  }
  const cookie = await mintSessionCookie(db, owner.id, FAULTS_AUTH_SECRET, "fault-suite");
  return { slug: workspace.slug, ownerCookie: `${cookie.name}=${cookie.value}`, memberIds };
}
