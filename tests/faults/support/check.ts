// After a kill: every acknowledged write is in the database, and no write is half-done —
// each change has its audit event and each audit event its change, and the audit chain
// of the trial's workspace verifies.
import type { Db } from "../../../lib/db";
import { verifyAuditChain } from "../../../lib/audit/verify";
import type { Ledger } from "./writes";
import type { TrialWorld } from "./world";

export type Loss = string;

export async function checkTrial(db: Db, trial: string, world: TrialWorld, ledger: Ledger): Promise<Loss[]> {
  const problems: Loss[] = [];
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: world.slug } });

  // Sign-ups: the account, its own workspace with it as owner, and `auth.signed_up`.
  const users = await db.user.findMany({ where: { email: { startsWith: `su-${trial}-` } }, include: { memberships: true } });
  const signedUp = await db.auditEvent.findMany({ where: { action: "auth.signed_up", targetLabel: { startsWith: `su-${trial}-` } } });
  const userEmails = new Set(users.map((u) => u.email));
  const eventEmails = new Set(signedUp.map((e) => e.targetLabel));
  for (const email of ledger.signUps) if (!userEmails.has(email)) problems.push(`acknowledged sign-up ${email} is missing`);
  for (const u of users) {
    if (!eventEmails.has(u.email)) problems.push(`user ${u.email} has no auth.signed_up event`);
    if (!u.memberships.some((m) => m.role === "owner")) problems.push(`user ${u.email} owns no workspace`);
  }
  for (const e of signedUp) if (!userEmails.has(e.targetLabel!)) problems.push(`auth.signed_up for ${e.targetLabel} has no user`);

  // Invitations: the row and `invitation.sent`, both ways.
  const invitations = await db.invitation.findMany({ where: { workspaceId: workspace.id } });
  const sent = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "invitation.sent" } });
  const invited = new Set(invitations.map((i) => i.email));
  const sentFor = new Set(sent.map((e) => e.targetId));
  for (const email of ledger.invitations) if (!invited.has(email)) problems.push(`acknowledged invitation to ${email} is missing`);
  for (const i of invitations) if (!sentFor.has(i.id)) problems.push(`invitation ${i.email} has no invitation.sent event`);
  for (const e of sent) if (!invitations.some((i) => i.id === e.targetId)) problems.push(`invitation.sent ${e.targetLabel} has no invitation`);

  // Role changes: the events for a member, in order, are the acknowledged changes, then at
  // most the one in flight; the member's role is the last event's.
  const memberships = await db.membership.findMany({ where: { workspaceId: workspace.id, id: { in: world.memberIds } } });
  const changed = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "member.role_changed" }, orderBy: { seq: "asc" } });
  for (const m of memberships) {
    const entry = ledger.roles.get(m.id)!;
    const events = changed.filter((e) => e.targetId === m.userId).map((e) => (e.after as { role: string }).role);
    const expected = entry.acked;
    const prefixOk = expected.every((role, i) => events[i] === role);
    const extra = events.slice(expected.length);
    if (!prefixOk) problems.push(`member ${m.id}: acknowledged roles ${expected.join(",")} but events ${events.join(",")}`);
    if (extra.length > 1 || (extra.length === 1 && extra[0] !== entry.inFlight)) problems.push(`member ${m.id}: unexpected role events ${extra.join(",")}`);
    const current = events.at(-1) ?? "read";
    if (m.role !== current) problems.push(`member ${m.id}: role ${m.role} but its last event says ${current}`);
  }

  const chain = await verifyAuditChain(db, workspace.id);
  if (!chain.intact) problems.push(`audit chain of ${world.slug} broken: ${chain.reason}`);
  return problems;
}
