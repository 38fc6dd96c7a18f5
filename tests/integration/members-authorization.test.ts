// The authorization matrix for member actions, called directly (no UI): the UI only
// hides buttons, the server must refuse (documenso's permission-hierarchy spec;
// docs/product.md#permissions).
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from "@/lib/members/actions";
import type { Role } from "@/lib/authz/permissions";
import { actAs } from "../support/request";
import { TEST_PASSWORD, createUser, createWorkspace, signInAs, teamSnapshot } from "../support/factories";

type Caller = Role | "non-member" | "signed-out";
const CALLERS: Caller[] = ["owner", "admin", "write", "read", "billing", "non-member", "signed-out"];

async function setup(caller: Caller) {
  const ws = await createWorkspace();
  const target = await createUser({ firstName: "Tara", lastName: "Target" });
  const targetMembership = await prisma.membership.create({ data: { workspaceId: ws.workspace.id, userId: target.id, role: "write" } });
  if (caller === "signed-out") actAs(null);
  else if (caller === "non-member") await signInAs(await createUser());
  else await signInAs(ws.members[caller].user);
  return { ...ws, targetMembership };
}

type Case = { action: string; allowed: Caller[]; refusal: (c: Caller) => string; run: (s: Awaited<ReturnType<typeof setup>>, caller: Caller) => Promise<{ ok: boolean; code?: string }> };

const refusalFor = (c: Caller) => (c === "signed-out" ? "unauthenticated" : c === "non-member" ? "not_found" : "forbidden");

const CASES: Case[] = [
  {
    action: "change a member's role",
    allowed: ["owner", "admin"],
    refusal: refusalFor,
    run: (s) => changeMemberRole(s.workspace.slug, { memberId: s.targetMembership.id, role: "read" }),
  },
  {
    action: "remove a member",
    allowed: ["owner", "admin"],
    refusal: refusalFor,
    run: (s) => removeMember(s.workspace.slug, { memberId: s.targetMembership.id }),
  },
  {
    action: "leave the workspace",
    allowed: ["admin", "write", "read", "billing"],
    refusal: refusalFor,
    run: (s) => leaveWorkspace(s.workspace.slug, {}),
  },
  {
    action: "transfer ownership",
    allowed: ["owner"],
    refusal: refusalFor,
    run: (s) => transferOwnership(s.workspace.slug, { memberId: s.targetMembership.id, password: TEST_PASSWORD, confirmName: s.workspace.name }),
  },
];

describe.each(CASES)("$action", ({ allowed, refusal, run }) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const s = await setup(caller);
    const before = await teamSnapshot(s.workspace.id);
    const result = await run(s, caller);
    if (allowed.includes(caller)) {
      expect(result).toMatchObject({ ok: true });
      expect(await prisma.auditEvent.count()).toBe(before.auditEvents + 1);
    } else {
      expect(result).toMatchObject({ ok: false, code: refusal(caller) });
      expect(await teamSnapshot(s.workspace.id)).toEqual(before);
    }
  });
});
