import "server-only";
import type { Audit } from "@/lib/audit/record";
import { userActor } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { assertSeatsAvailable } from "@/lib/billing/seats";
import type { LockedInvitation } from "./join";
import { personLabel } from "@/lib/format";
import { meetsTwoFactorRequirement, twoFactorSetupPath } from "@/lib/authz/two-factor-requirement";

type Person = { id: string; email: string; firstName: string; lastName: string; emailVerifiedAt: Date | null; totpEnabledAt: Date | null };

/** Membership (unless they already have one), invitation used up, audit event. */
export async function consumeInvitation(tx: Tx, invitation: LockedInvitation, person: Person, audit: Audit) {
  const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: person.id } } });
  // An existing member keeps their role and their groups: accepting only uses the invitation up.
  let joinedGroups: string[] = [];
  if (!existing) {
    // The invitation already holds its seat, so this passes unless the team outgrew the
    // plan some other way; checked under the same lock as sending.
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: invitation.workspaceId }, select: { id: true, plan: true } });
    await assertSeatsAvailable(tx, workspace, 0);
    const membership = await tx.membership.create({ data: { workspaceId: invitation.workspaceId, userId: person.id, role: invitation.role } });
    // The invitation's groups that still exist (a deleted group dropped out of it), in the same transaction.
    const groups = await tx.invitationGroup.findMany({ where: { invitationId: invitation.id }, select: { group: { select: { id: true, name: true } } } });
    await tx.groupMember.createMany({ data: groups.map(({ group }) => ({ groupId: group.id, membershipId: membership.id })) });
    joinedGroups = groups.map(({ group }) => group.name);
  }
  await tx.invitation.update({ where: { id: invitation.id }, data: { status: "accepted", acceptedById: person.id, acceptedAt: new Date() } });
  // Opening a link sent to the address proves it.
  if (!person.emailVerifiedAt) await tx.user.update({ where: { id: person.id }, data: { emailVerifiedAt: new Date() } });
  await audit({
    workspaceId: invitation.workspaceId,
    action: "invitation.accepted",
    actor: userActor(person),
    target: { type: "member", id: person.id, label: personLabel(person) },
    after: existing ? { role: existing.role, alreadyMember: true } : { role: invitation.role, ...(joinedGroups.length ? { groups: joinedGroups } : {}) },
  });
  // A workspace that requires two-factor authentication would only bounce a member
  // without it to /account: send them there directly, and the client says why.
  const { slug } = invitation.workspace;
  const twoFactorSetupFirst = !meetsTwoFactorRequirement(person, invitation.workspace);
  return { redirectTo: twoFactorSetupFirst ? twoFactorSetupPath(slug) : `/w/${slug}`, twoFactorSetupFirst };
}
