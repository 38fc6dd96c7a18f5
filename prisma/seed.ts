// The demo workspace: "Acme Support" with an owner, one member of every other role, two
// pending invitations, whose emails (with their join links) go to the mail outbox or
// Resend like any other, and a few agents, personas and groups (prisma/seed-resources.ts).
// Safe to run again: it seeds only once.
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { recordAudit } from "../lib/audit/record";
import { hashPassword } from "../lib/auth/passwords";
import { sendInvitationMails, type InvitationMail } from "../lib/invitations/mail";
import { generateInvitationToken, invitationExpiry } from "../lib/invitations/tokens";
import { seedDemoResources, type SeededPerson } from "./seed-resources";

export { DEMO_AGENTS, DEMO_GROUPS, DEMO_PERSONAS } from "./seed-resources";

export const DEMO_PASSWORD = "Roster-demo-2026";
export const DEMO_WORKSPACE = { name: "Acme Support", slug: "acme-support" };
export const DEMO_PEOPLE = [
  { firstName: "Olivia", lastName: "Owner", email: "owner@acme.test", role: "owner" },
  { firstName: "Adam", lastName: "Admin", email: "admin@acme.test", role: "admin" },
  { firstName: "Wendy", lastName: "Writer", email: "write@acme.test", role: "write" },
  { firstName: "Reed", lastName: "Reader", email: "read@acme.test", role: "read" },
  { firstName: "Bill", lastName: "Payer", email: "billing@acme.test", role: "billing" },
] as const;
export const DEMO_INVITATIONS = [
  { email: "maya.patel@acme.test", role: "write" },
  { email: "sam.okafor@acme.test", role: "read" },
] as const;

export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  if (await prisma.workspace.findUnique({ where: { slug: DEMO_WORKSPACE.slug } })) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const mails = await prisma.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({ data: DEMO_WORKSPACE });
    const people: SeededPerson[] = [];
    for (const person of DEMO_PEOPLE) {
      const user = await tx.user.upsert({
        where: { email: person.email },
        update: {},
        create: { email: person.email, firstName: person.firstName, lastName: person.lastName, passwordHash, emailVerifiedAt: new Date() },
      });
      const membership = await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: person.role } });
      people.push({ ...person, userId: user.id, membershipId: membership.id });
    }
    await recordAudit(tx, {
      workspaceId: workspace.id,
      action: "workspace.created",
      actor: { type: "system" },
      target: { type: "workspace", id: workspace.id, label: workspace.name },
      after: { name: workspace.name, slug: workspace.slug, seeded: true },
    });
    const inviter = DEMO_PEOPLE[0];
    const out: InvitationMail[] = [];
    for (const invitation of DEMO_INVITATIONS) {
      const { token, tokenHash } = generateInvitationToken();
      const expiresAt = invitationExpiry(new Date(), workspace.invitationLifetimeDays);
      const row = await tx.invitation.create({ data: { workspaceId: workspace.id, email: invitation.email, role: invitation.role, tokenHash, expiresAt, invitedById: people[0]!.userId } });
      await recordAudit(tx, {
        workspaceId: workspace.id,
        action: "invitation.sent",
        actor: { type: "system" },
        target: { type: "invitation", id: row.id, label: invitation.email },
        after: { email: invitation.email, role: invitation.role, expiresAt: expiresAt.toISOString(), seeded: true },
      });
      out.push({ to: invitation.email, token, inviterName: `${inviter.firstName} ${inviter.lastName}`, workspaceName: workspace.name, role: invitation.role, expiresAt });
    }
    await seedDemoResources(tx, workspace.id, people);
    return out;
  });
  await sendInvitationMails(mails);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { openMigratedDatabase } = await import("../lib/db/bootstrap");
  const db = await openMigratedDatabase();
  const seeded = await seedDemo(db.prisma);
  console.log(seeded ? "Seeded the demo workspace." : "The demo workspace already exists; nothing seeded.");
  await db.close();
}
