// The members list's 2FA column and its "2FA off" filter (issue 12): owners and admins see
// who has two-factor authentication on, so they can chase the rest; nobody else learns it,
// not from the rows and not from the filter's totals (docs/decisions/013-two-factor.md).
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listMembers } from "@/lib/members/queries";
import { memberListParamsSchema } from "@/lib/members/schemas";
import type { Role } from "@/lib/authz/permissions";
import { createUser, createWorkspace } from "../support/factories";

/** A workspace of one member per role, where only the owner and three "Ada" read members have 2FA on, and three other "Ada"s do not. */
async function team() {
  const ws = await createWorkspace(["owner", "admin", "write", "read"]);
  await prisma.user.update({ where: { id: ws.members.owner.user.id }, data: { totpEnabledAt: new Date() } });
  for (const [i, on] of [true, false, true, false, true, false].entries()) {
    const user = await createUser({ firstName: "Ada", lastName: `Number ${i}` });
    if (on) await prisma.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
    await prisma.membership.create({ data: { workspaceId: ws.workspace.id, userId: user.id, role: "read" } });
  }
  // role null: support staff, who read the team without being in it.
  const staff = await createUser();
  const as = (role: Role | null) => ({ workspaceId: ws.workspace.id, userId: role ? ws.members[role].user.id : staff.id, role });
  return { ...ws, as };
}

const view = (params: Record<string, string> = {}) => memberListParamsSchema.parse(params);

describe("the members list's 2FA column", () => {
  it("tells owners and admins who has 2FA on, as on or off and nothing more", async () => {
    const { as, members } = await team();
    for (const role of ["owner", "admin"] as const) {
      const { rows } = await listMembers(as(role), view({ size: "100" }));
      expect(rows).toHaveLength(10);
      expect(rows.find((r) => r.email === members.owner.user.email)?.twoFactorOn).toBe(true);
      expect(rows.find((r) => r.email === members.admin.user.email)?.twoFactorOn).toBe(false);
      expect(rows.filter((r) => r.twoFactorOn).length).toBe(4);
      // No secret, date or step rides along: the only 2FA key is the boolean.
      for (const row of rows) expect(Object.keys(row).filter((k) => /totp|two|factor|secret|recovery/i.test(k))).toEqual(["twoFactorOn"]);
    }
  });

  it("is not in the rows of write and read members, nor of support staff", async () => {
    const { as } = await team();
    for (const role of ["write", "read", null] as const) {
      const { rows } = await listMembers(as(role), view({ size: "100" }));
      expect(rows).toHaveLength(10);
      for (const row of rows) expect(row).not.toHaveProperty("twoFactorOn");
    }
  });
});

describe("the 2FA off filter", () => {
  it("keeps only members without 2FA, and the total counts them", async () => {
    const { as, members } = await team();
    const { rows, total } = await listMembers(as("admin"), view({ twofa: "off", size: "100" }));
    expect(total).toBe(6);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.twoFactorOn === false)).toBe(true);
    expect(rows.map((r) => r.email)).not.toContain(members.owner.user.email);
  });

  it("combines with search, role, sort and paging", async () => {
    const { as, members } = await team();
    // "ada number", not "ada" alone: the factories' random hex email tags can contain "ada".
    const filtered = { twofa: "off", q: "ada number", role: "read", sort: "-name", size: "25" };
    const all = await listMembers(as("owner"), view(filtered));
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.lastName)).toEqual(["Number 5", "Number 3", "Number 1"]);
    // The read member who is not an Ada has 2FA off too, and the search keeps them out.
    const noSearch = await listMembers(as("owner"), view({ ...filtered, q: "" }));
    expect(noSearch.total).toBe(4);
    expect(noSearch.rows.map((r) => r.email)).toContain(members.read.user.email);
    // Paging walks the filtered list: a page past its end is empty, the total unchanged.
    const past = await listMembers(as("owner"), view({ ...filtered, page: "2" }));
    expect(past).toMatchObject({ total: 3, rows: [] });
  });

  it("is ignored for a read member, whose list and total stay whole", async () => {
    const { as } = await team();
    for (const role of ["read", "write", null] as const) {
      const { rows, total } = await listMembers(as(role), view({ twofa: "off", size: "100" }));
      expect(total).toBe(10);
      expect(rows).toHaveLength(10);
    }
  });

  it("comes from the URL as twofa=off, and anything else is no filter", () => {
    expect(view({ twofa: "off" }).twofa).toBe("off");
    expect(memberListParamsSchema.parse({ twofa: ["off", "on"] }).twofa).toBe("off");
    for (const twofa of ["on", "OFF", "", "1"]) expect(view({ twofa }).twofa).toBeUndefined();
    expect(view().twofa).toBeUndefined();
  });
});
