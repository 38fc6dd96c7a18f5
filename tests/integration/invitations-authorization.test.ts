// The authorization matrix for invitation actions, called directly (no UI): only owners
// and admins may invite, resend, revoke or bulk-invite (docs/product.md#permissions);
// everyone else is refused by the server, and a refusal stores nothing, mails nothing and
// writes no audit event.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { previewBulkInvitations, resendInvitation, revokeInvitation, sendBulkInvitations, sendInvitation } from "@/lib/invitations/actions";
import type { Role } from "@/lib/authz/permissions";
import { actAs } from "../support/request";
import { createUser, createWorkspace, signInAs } from "../support/factories";
import { invitationSnapshot, isolateOutbox, seedInvitation } from "../support/invitations";

isolateOutbox();

type Caller = Role | "non-member" | "signed-out";
const CALLERS: Caller[] = ["owner", "admin", "write", "read", "billing", "non-member", "signed-out"];
const ALLOWED: Caller[] = ["owner", "admin"];
const refusalFor = (c: Caller) => (c === "signed-out" ? "unauthenticated" : c === "non-member" ? "not_found" : "forbidden");

async function setup(caller: Caller) {
  const ws = await createWorkspace();
  const { invitation } = await seedInvitation(ws.workspace.id, { email: `pending-${ws.workspace.slug}@example.test`, role: "read", invitedById: ws.members.owner.user.id });
  if (caller === "signed-out") actAs(null);
  else if (caller === "non-member") await signInAs(await createUser());
  else await signInAs(ws.members[caller].user);
  return { ...ws, invitation };
}

type Setup = Awaited<ReturnType<typeof setup>>;
type Case = { action: string; events: number; run: (s: Setup) => Promise<{ ok: boolean; code?: string }> };

const CASES: Case[] = [
  { action: "sendInvitation", events: 1, run: (s) => sendInvitation(s.workspace.slug, { email: `new-${s.workspace.slug}@example.test`, role: "write" }) },
  { action: "resendInvitation", events: 1, run: (s) => resendInvitation(s.workspace.slug, { invitationId: s.invitation.id }) },
  { action: "revokeInvitation", events: 1, run: (s) => revokeInvitation(s.workspace.slug, { invitationId: s.invitation.id }) },
  { action: "previewBulkInvitations", events: 0, run: (s) => previewBulkInvitations(s.workspace.slug, { csv: `email,role\nbulk-${s.workspace.slug}@example.test,read` }) },
  { action: "sendBulkInvitations", events: 1, run: (s) => sendBulkInvitations(s.workspace.slug, { rows: [{ email: `bulk-${s.workspace.slug}@example.test`, role: "read" }] }) },
];

describe.each(CASES)("$action", ({ events, run }) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const s = await setup(caller);
    const before = await invitationSnapshot(s.workspace.id);
    const result = await run(s);
    if (ALLOWED.includes(caller)) {
      expect(result).toMatchObject({ ok: true });
      expect(await prisma.auditEvent.count()).toBe(before.auditEvents + events);
    } else {
      expect(result).toMatchObject({ ok: false, code: refusalFor(caller) });
      expect(await invitationSnapshot(s.workspace.id)).toEqual(before);
    }
  });
});

describe("across workspaces", () => {
  it.each([
    ["resend", resendInvitation],
    ["revoke", revokeInvitation],
  ] as const)("an admin of A cannot %s B's invitation by its id", async (_name, action) => {
    const a = await createWorkspace(["owner", "admin"]);
    const b = await createWorkspace(["owner"]);
    const { invitation } = await seedInvitation(b.workspace.id, { email: "b-invitee@example.test" });
    await signInAs(a.members.admin.user);
    const [beforeA, beforeB] = [await invitationSnapshot(a.workspace.id), await invitationSnapshot(b.workspace.id)];
    expect(await action(a.workspace.slug, { invitationId: invitation.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await action(b.workspace.slug, { invitationId: invitation.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await invitationSnapshot(a.workspace.id)).toEqual(beforeA);
    expect(await invitationSnapshot(b.workspace.id)).toEqual(beforeB);
  });
});
