// bench:load's world: one workspace of `members` people (the owner signs in), with what the
// members page shows an owner around its table: a few groups (the invite dialog's choices),
// pending invitations, and two more workspaces in the switcher. Deterministic names, one
// password hash for all, written with createMany.
import { randomUUID } from "node:crypto";
import type { Db } from "../../lib/db";
import type { Role } from "../../lib/authz/permissions";
import { hashPassword } from "../../lib/auth/passwords";
import { groupNameKey } from "../../lib/groups/schemas";
import { generateSecretToken } from "../../lib/secret-tokens";

const FIRST = ["Ada", "Alan", "Aisha", "Ben", "Chen", "Daniel", "Elena", "Farah", "Grace", "Hugo", "Ines", "Jonas", "Kenji", "Laura", "Mei", "Noah", "Olivia", "Priya", "Rosa", "Wei"];
const LAST = ["Lovelace", "Turing", "Hopper", "Garcia", "Müller", "Nowak", "Okafor", "Patel", "Rossi", "Sato", "Schmidt", "Smith", "Svoboda", "Tanaka", "Wang"];

export type LoadWorld = { slug: string; viewerId: string; members: number };

export async function seedLoadWorld(db: Db, members: number, slug: string): Promise<LoadWorld> {
  const passwordHash = await hashPassword(randomUUID());
  const now = Date.now();
  const workspace = await db.workspace.create({ data: { name: `Load Bench ${members}`, slug, plan: "business" } });
  const owner = await db.user.create({ data: { email: `owner@${slug}.test`, firstName: "Olive", lastName: "Owner", passwordHash, emailVerifiedAt: new Date() } });
  await db.membership.create({ data: { workspaceId: workspace.id, userId: owner.id, role: "owner", createdAt: new Date(now - 400 * 86_400_000) } });
  for (const n of [1, 2]) {
    const other = await db.workspace.create({ data: { name: `Neighbour ${n} of ${slug}`, slug: `${slug}-n${n}` } });
    await db.membership.create({ data: { workspaceId: other.id, userId: owner.id, role: n === 1 ? "admin" : "read" } });
  }

  const roles: Role[] = ["admin", "write", "write", "write", "read", "read", "read", "read", "billing", "write"];
  const users = Array.from({ length: members - 1 }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    return { id: randomUUID(), email: `${first}.${last}.${i}@${slug}.test`.toLowerCase(), firstName: first, lastName: last, passwordHash, emailVerifiedAt: new Date(now - i * 3_600_000) };
  });
  for (let i = 0; i < users.length; i += 1000) await db.user.createMany({ data: users.slice(i, i + 1000) });
  const memberships = users.map((u, i) => ({
    workspaceId: workspace.id,
    userId: u.id,
    role: roles[i % roles.length]!,
    createdAt: new Date(now - (i + 1) * 86_400_000),
    lastActiveAt: i % 7 === 0 ? null : new Date(now - (i % 30) * 3_600_000),
  }));
  for (let i = 0; i < memberships.length; i += 1000) await db.membership.createMany({ data: memberships.slice(i, i + 1000) });

  for (const name of ["Support team", "Research", "Sales", "Platform", "Design"]) {
    await db.group.create({ data: { workspaceId: workspace.id, name, nameKey: groupNameKey(name), description: `${name} group` } });
  }
  const expiresAt = new Date(now + 7 * 86_400_000);
  for (const n of [1, 2, 3]) {
    await db.invitation.create({ data: { workspaceId: workspace.id, email: `newcomer${n}@${slug}.test`, role: "write", tokenHash: generateSecretToken().tokenHash, expiresAt, invitedById: owner.id } });
  }
  return { slug, viewerId: owner.id, members };
}
