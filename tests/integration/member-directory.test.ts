import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listMembers } from "@/lib/members/queries";
import { memberListParamsSchema } from "@/lib/members/schemas";
import { createUser, createWorkspace } from "../support/factories";

// The members list sorts and searches on lower-cased copies of each member's name and
// email that database triggers keep (migration member_directory). If a trigger is lost,
// new members vanish from searches and renamed people keep their old place in the list.
describe("the member directory kept by the database", () => {
  it("fills the keys when a membership is created, however it is created", async () => {
    const { workspace, members } = await createWorkspace(["owner"]);
    const user = await createUser({ firstName: "Ada", lastName: "LOVELACE", email: "ada.lovelace@example.test" });
    await prisma.membership.createMany({ data: [{ workspaceId: workspace.id, userId: user.id, role: "read" }] });
    const row = await prisma.membership.findFirstOrThrow({ where: { workspaceId: workspace.id, userId: user.id } });
    expect(row).toMatchObject({ searchName: "ada lovelace", searchEmail: "ada.lovelace@example.test" });
    const owner = await prisma.membership.findUniqueOrThrow({ where: { id: members.owner.membershipId } });
    expect(owner.searchName).toBe(`${members.owner.user.firstName} ${members.owner.user.lastName}`.toLowerCase());
  });

  it("follows a renamed user into every workspace, and search and sort see it at once", async () => {
    const a = await createWorkspace(["owner"]);
    const b = await createWorkspace(["owner"]);
    const user = await createUser({ firstName: "Zed", lastName: "Zulu", email: "zed@example.test" });
    for (const ws of [a, b]) await prisma.membership.create({ data: { workspaceId: ws.workspace.id, userId: user.id, role: "write" } });

    await prisma.user.update({ where: { id: user.id }, data: { firstName: "Aaron", lastName: "Abbott", email: "aaron@example.test" } });

    for (const ws of [a, b]) {
      const viewer = { workspaceId: ws.workspace.id, userId: ws.members.owner.user.id, role: "owner" as const };
      const found = await listMembers(viewer, memberListParamsSchema.parse({ q: "ABBOTT" }));
      expect(found.rows.map((r) => r.email)).toEqual(["aaron@example.test"]);
      const first = await listMembers(viewer, memberListParamsSchema.parse({ sort: "name" }));
      expect(first.rows[0]?.email).toBe("aaron@example.test");
      expect((await listMembers(viewer, memberListParamsSchema.parse({ q: "zulu" }))).total).toBe(0);
    }
  });

  it("pages through the list in order, with no member twice or missing, in both directions", async () => {
    const { workspace, members } = await createWorkspace(["owner"]);
    const names = ["delta", "Alpha", "charlie", "Bravo", "echo"].flatMap((n) => [1, 2, 3, 4, 5, 6].map((i) => `${n} ${i}`));
    for (const name of names) {
      const [firstName, lastName] = name.split(" ");
      const user = await createUser({ firstName, lastName });
      await prisma.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "read" } });
    }
    const viewer = { workspaceId: workspace.id, userId: members.owner.user.id, role: "owner" as const };
    for (const sort of ["name", "-name"]) {
      const one = await listMembers(viewer, memberListParamsSchema.parse({ sort, page: 1 }));
      const two = await listMembers(viewer, memberListParamsSchema.parse({ sort, page: 2 }));
      expect(one.total).toBe(31);
      expect(one.rows).toHaveLength(25);
      expect(two.rows).toHaveLength(6);
      const listed = [...one.rows, ...two.rows].map((r) => `${r.firstName} ${r.lastName}`.toLowerCase());
      expect(new Set(listed).size).toBe(31);
      const sorted = [...listed].sort();
      expect(listed).toEqual(sort === "name" ? sorted : sorted.reverse());
    }
  });

  it("sorts by first name, then last, byte by byte whatever the server's locale", async () => {
    const columns = await prisma.$queryRaw<{ column_name: string; collation_name: string }[]>`
      SELECT column_name, collation_name FROM information_schema.columns
       WHERE table_name = 'Membership' AND column_name IN ('searchName', 'searchEmail') ORDER BY column_name`;
    expect(columns).toEqual([
      { column_name: "searchEmail", collation_name: "C" },
      { column_name: "searchName", collation_name: "C" },
    ]);
    const { workspace, members } = await createWorkspace(["owner"]);
    for (const [firstName, lastName] of [["Anna", "Abel"], ["Ann", "Zed"]]) {
      const user = await createUser({ firstName, lastName });
      await prisma.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "read" } });
    }
    const viewer = { workspaceId: workspace.id, userId: members.owner.user.id, role: "owner" as const };
    const { rows } = await listMembers(viewer, memberListParamsSchema.parse({ q: "ann" }));
    expect(rows.map((r) => `${r.firstName} ${r.lastName}`)).toEqual(["Ann Zed", "Anna Abel"]);
  });
});
