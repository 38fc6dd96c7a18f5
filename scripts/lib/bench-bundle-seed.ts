// The bundle benchmark's world: small, but with something on every page, so each page
// renders the components a person meets there (a members table with rows, pending
// invitations, a group with members, an agent and a persona, audit events) and one
// pending invitation whose link opens the join page.
import type { Db } from "../../lib/db";
import type { Role } from "../../lib/authz/permissions";
import { hashPassword } from "../../lib/auth/passwords";
import { recordAudit, userActor } from "../../lib/audit/record";
import { groupNameKey } from "../../lib/groups/schemas";
import { generateSecretToken } from "../../lib/secret-tokens";

export type BundleWorld = { slug: string; viewerId: string; joinToken: string };

export async function seedBundleWorld(db: Db): Promise<BundleWorld> {
  const passwordHash = await hashPassword("Bundle-bench-1");
  const person = (first: string, last: string) =>
    db.user.create({ data: { email: `${first}.${last}@bundle.test`.toLowerCase(), firstName: first, lastName: last, passwordHash, emailVerifiedAt: new Date() } });

  const owner = await person("Olive", "Owner");
  const workspace = await db.workspace.create({ data: { name: "Bundle Bench", slug: "bundle-bench", plan: "business" } });
  const other = await db.workspace.create({ data: { name: "Second Bench", slug: "second-bench" } });
  await db.membership.create({ data: { workspaceId: other.id, userId: owner.id, role: "owner" } });
  const ownerMembership = await db.membership.create({ data: { workspaceId: workspace.id, userId: owner.id, role: "owner" } });

  const roles: Role[] = ["admin", "write", "write", "read", "read", "billing"];
  const names = [["Ada", "Admin"], ["Wes", "Writer"], ["Wanda", "Wright"], ["Rob", "Reader"], ["Rae", "Reed"], ["Bill", "Biller"]] as const;
  const memberships = [ownerMembership];
  for (const [i, [first, last]] of names.entries()) {
    const user = await person(first, last);
    memberships.push(await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: roles[i]!, lastActiveAt: new Date() } }));
  }

  const group = await db.group.create({ data: { workspaceId: workspace.id, name: "Support team", nameKey: groupNameKey("Support team"), description: "First line" } });
  for (const m of memberships.slice(1, 4)) await db.groupMember.create({ data: { groupId: group.id, membershipId: m.id } });
  const made = { workspaceId: workspace.id, createdById: owner.id, createdByName: "Olive Owner" };
  const agent = await db.agent.create({ data: { ...made, name: "Triage bot", searchName: "triage bot", model: "gpt-4o", description: "Sorts tickets", visibility: "groups" } });
  await db.groupAgent.create({ data: { groupId: group.id, agentId: agent.id } });
  await db.agent.create({ data: { ...made, name: "Open helper", searchName: "open helper", model: "gpt-4o" } });
  await db.persona.create({ data: { ...made, name: "Friendly voice", searchName: "friendly voice", tone: "Warm" } });

  const { token, tokenHash } = generateSecretToken();
  const expiresAt = new Date(Date.now() + 7 * 86_400_000);
  await db.invitation.create({ data: { workspaceId: workspace.id, email: "newcomer@bundle.test", role: "write", tokenHash, expiresAt, invitedById: owner.id } });
  await db.invitation.create({ data: { workspaceId: workspace.id, email: "later@bundle.test", role: "read", tokenHash: generateSecretToken().tokenHash, expiresAt, invitedById: owner.id } });

  const actor = userActor(owner);
  const events = [
    { action: "invitation.sent", target: { type: "invitation", id: "i1", label: "newcomer@bundle.test" }, after: { email: "newcomer@bundle.test", role: "write" } },
    { action: "member.role_changed", target: { type: "member", id: memberships[2]!.id, label: "Wes Writer" }, before: { role: "read" }, after: { role: "write" } },
    { action: "group.member_added", target: { type: "group", id: group.id, label: "Support team" }, after: { member: "Ada Admin" } },
    { action: "agent.created", target: { type: "agent", id: agent.id, label: "Triage bot" }, after: { name: "Triage bot" } },
  ] as const;
  for (const e of events) await recordAudit(db, { workspaceId: workspace.id, actor, ip: "127.0.0.1", userAgent: "roster-bench", ...e });

  return { slug: workspace.slug, viewerId: owner.id, joinToken: token };
}
