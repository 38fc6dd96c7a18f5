// Support staff (docs/product.md#support-staff): granted and revoked from the command line
// (lib/support/staff.ts), they read any workspace's team and audit log through the viewer
// functions (lib/authz/page-access.ts, the guard's reads) and change nothing; each page
// view is recorded in that workspace's audit log as `support.viewed`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { GUARDED, workspaceQuery } from "@/lib/authz/guard";
import { requireSupportStaff, requireWorkspaceFrame, requireWorkspaceMember, requireWorkspaceViewer } from "@/lib/authz/page-access";
import { SUPPORT_PERMISSIONS, viewerCan } from "@/lib/authz/permissions";
import { grantSupportStaff, listSupportStaff, revokeSupportStaff } from "@/lib/support/staff";
import { listWorkspacesForSupport } from "@/lib/support/queries";
import { listMembers } from "@/lib/members/queries";
import { seatUsage } from "@/lib/billing/seats";
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from "@/lib/members/actions";
import { previewBulkInvitations, resendInvitation, revokeInvitation, sendBulkInvitations, sendInvitation } from "@/lib/invitations/actions";
import { updateWorkspaceSettings } from "@/lib/workspaces/actions";
import { changePlan } from "@/lib/billing/actions";
import { createGroup } from "@/lib/groups/actions";
import { createAgent } from "@/lib/agents/actions";
import { GET as exportRoute } from "@/app/w/[slug]/audit/export/route";
import { TEST_PASSWORD, createUser, createWorkspace, signInAs } from "../support/factories";
import { isolateOutbox, seedInvitation } from "../support/invitations";

// React's `cache` lasts one server request; outside a render it caches nothing. This
// stands in for the request: `newRequest()` starts the next one, and every `cache`d
// function shares its results until then, as the layout and the page of one request do.
const scope = vi.hoisted(() => ({ memo: new Map<unknown, Map<string, unknown>>(), path: "/w/test/members" }));
function newRequest(pathname = "/w/test/members") {
  scope.memo = new Map();
  scope.path = pathname;
}
vi.mock("react", async (importOriginal) => {
  const actual = await importOriginal<typeof import("react")>();
  const cache = <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      const results = scope.memo.get(fn) ?? new Map<string, unknown>();
      scope.memo.set(fn, results);
      const key = JSON.stringify(args);
      if (!results.has(key)) results.set(key, fn(...args));
      return results.get(key) as R;
    };
  return { ...actual, cache };
});
// The path the proxy passes on (proxy.ts), which `support.viewed` records.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-roster-path": scope.path }) }));

isolateOutbox();
beforeEach(() => newRequest());

const NOT_FOUND = { digest: "NEXT_HTTP_ERROR_FALLBACK;404" };

/** A user with a verified address, made support staff by the same logic as `npm run support-staff -- grant`. */
async function supportUser() {
  const user = await createUser({ firstName: "Sam", lastName: "Support" });
  await prisma.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  expect(await grantSupportStaff(prisma, user.email)).toMatchObject({ outcome: "granted" });
  return user;
}

function supportViews(workspaceId: string) {
  return prisma.auditEvent.findMany({ where: { workspaceId, action: "support.viewed" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** Everything a refused write must leave as it was, in every workspace. */
async function everything() {
  return {
    users: await prisma.user.findMany({ orderBy: { id: "asc" } }),
    memberships: await prisma.membership.findMany({ orderBy: { id: "asc" } }),
    invitations: await prisma.invitation.findMany({ orderBy: { id: "asc" } }),
    workspaces: await prisma.workspace.findMany({ orderBy: { id: "asc" } }),
    groups: await prisma.group.count(),
    agents: await prisma.agent.count(),
    events: await prisma.auditEvent.count(),
  };
}

// Reads built by the guard's read path, as a form or a route handler would build them.
const readMembers = workspaceQuery("members:view", z.object({}), async (_input, { db, workspace }) => db.membership.count({ where: { workspaceId: workspace.id } }));
const readAudit = workspaceQuery("audit:view", z.object({}), async (_input, { db, workspace, viewer }) => ({
  kind: viewer.kind,
  actions: (await db.auditEvent.findMany({ where: { workspaceId: workspace.id }, select: { action: true } })).map((e) => e.action),
}));
const readGroups = workspaceQuery("groups:view", z.object({}), async () => "read");

describe("granting, revoking and listing (npm run support-staff)", () => {
  it("grants once, records an instance event by the system, and says so when granted twice", async () => {
    const user = await createUser();
    await prisma.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    const events = await prisma.auditEvent.count();

    // Typed as a person would: trimmed and lower-cased like every email (lib/auth/schemas.ts).
    const granted = await grantSupportStaff(prisma, `  ${user.email.toUpperCase()} `);
    expect(granted).toMatchObject({ outcome: "granted", user: { id: user.id, email: user.email } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).supportStaff).toBe(true);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "support.granted", targetId: user.id } });
    expect(event).toMatchObject({
      workspaceId: null,
      actorType: "system",
      actorId: null,
      targetType: "user",
      targetLabel: user.email,
      before: { supportStaff: false },
      after: { supportStaff: true },
    });

    expect(await grantSupportStaff(prisma, user.email)).toMatchObject({ outcome: "already" });
    expect(await prisma.auditEvent.count()).toBe(events + 1);
    expect((await listSupportStaff(prisma)).map((s) => s.email)).toContain(user.email);
  });

  it("revokes once, records it, and says so when there is nothing to revoke", async () => {
    const user = await supportUser();
    const events = await prisma.auditEvent.count();
    expect(await revokeSupportStaff(prisma, user.email)).toMatchObject({ outcome: "revoked" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).supportStaff).toBe(false);
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "support.revoked", targetId: user.id } })).toMatchObject({
      workspaceId: null,
      actorType: "system",
      before: { supportStaff: true },
      after: { supportStaff: false },
    });
    expect(await revokeSupportStaff(prisma, user.email)).toMatchObject({ outcome: "already" });
    expect(await prisma.auditEvent.count()).toBe(events + 1);
    expect((await listSupportStaff(prisma)).map((s) => s.email)).not.toContain(user.email);
  });

  it("refuses an unknown email and an unverified account, changing and recording nothing", async () => {
    const unverified = await createUser();
    const before = await everything();
    expect(await grantSupportStaff(prisma, "nobody-here@example.test")).toEqual({ outcome: "unknown_email", email: "nobody-here@example.test" });
    expect(await revokeSupportStaff(prisma, "nobody-here@example.test")).toMatchObject({ outcome: "unknown_email" });
    // Anyone can sign up with any address: an unverified account may not be its owner's.
    expect(await grantSupportStaff(prisma, unverified.email)).toMatchObject({ outcome: "unverified" });
    expect(await everything()).toEqual(before);
  });
});

describe("what support staff hold", () => {
  it("is exactly the read-only set, whatever a role holds", () => {
    expect([...SUPPORT_PERMISSIONS].sort()).toEqual(["audit:view", "members:view"]);
    expect(viewerCan({ kind: "support" }, "members:manage")).toBe(false);
    expect(viewerCan({ kind: "support" }, "groups:view")).toBe(false);
    expect(viewerCan({ kind: "member", role: "read" }, "members:view")).toBe(true);
    expect(viewerCan(null, "members:view")).toBe(false);
  });
});

describe("reading a workspace they are not in", () => {
  it("opens the members list, a member's page and the audit page, and reads through the guard", async () => {
    const { workspace: w, members: m } = await createWorkspace();
    const staff = await supportUser();
    await signInAs(staff);

    const page = await requireWorkspaceViewer(w.slug, "members:view", "members");
    expect(page.viewer).toMatchObject({ kind: "support", membership: null });
    expect(page.workspace.id).toBe(w.id);
    newRequest(`/w/${w.slug}/members/${m.read.membershipId}`);
    expect((await requireWorkspaceViewer(w.slug, "members:view", "member")).viewer.kind).toBe("support");
    newRequest(`/w/${w.slug}/audit`);
    expect((await requireWorkspaceViewer(w.slug, "audit:view", "audit")).viewer.kind).toBe("support");
    newRequest(`/w/${w.slug}`);
    expect((await requireWorkspaceFrame(w.slug)).viewer.kind).toBe("support");

    expect(await readMembers(w.slug, {})).toEqual({ ok: true, data: 5 });
    const audit = await readAudit(w.slug, {});
    expect(audit).toMatchObject({ ok: true, data: { kind: "support" } });
    expect(audit.ok && audit.data.actions).toContain("support.viewed");
  });

  it("gets 404 on every other workspace page, and not_found from reads outside the set", async () => {
    const { workspace: w } = await createWorkspace();
    await signInAs(await supportUser());
    // Every workspace page but theirs calls requireWorkspaceMember, with or without a permission.
    for (const permission of [undefined, "members:view", "members:manage", "groups:view", "agents:view", "settings:manage", "billing:view"] as const) {
      newRequest();
      await expect(requireWorkspaceMember(w.slug, permission)).rejects.toMatchObject(NOT_FOUND);
    }
    for (const permission of ["members:manage", "groups:view", "agents:view", "settings:manage", "billing:view"] as const) {
      newRequest();
      await expect(requireWorkspaceViewer(w.slug, permission, "members")).rejects.toMatchObject(NOT_FOUND);
    }
    expect(await readGroups(w.slug, {})).toMatchObject({ ok: false, code: "not_found" });
    expect(await previewBulkInvitations(w.slug, { csv: "x@example.test,read" })).toMatchObject({ ok: false, code: "not_found" });
    // And a workspace that does not exist is not found for them either.
    newRequest();
    await expect(requireWorkspaceViewer("no-such-workspace", "members:view", "members")).rejects.toMatchObject(NOT_FOUND);
  });

  it("as a member of the workspace, act as that member; where the role falls short, read as support staff, recorded", async () => {
    const { workspace: w, members: m } = await createWorkspace();
    await prisma.user.update({ where: { id: m.billing.user.id }, data: { emailVerifiedAt: new Date() } });
    await grantSupportStaff(prisma, m.billing.user.email);
    await signInAs(m.billing.user);
    // Billing does not include the team, but support staff read it: as support, and the visit is recorded.
    expect((await requireWorkspaceViewer(w.slug, "members:view", "members")).viewer).toMatchObject({ kind: "support", membership: null });
    expect(await supportViews(w.id)).toHaveLength(1);
    newRequest();
    // Where billing has the permission, they are the member, and nothing is recorded.
    expect((await requireWorkspaceViewer(w.slug, "billing:view", "members")).viewer).toMatchObject({ kind: "member", role: "billing" });
    expect((await requireWorkspaceFrame(w.slug)).viewer).toMatchObject({ kind: "member", role: "billing" });
    expect(await readMembers(w.slug, {})).toMatchObject({ ok: true });
    newRequest();
    await signInAs(m.admin.user);
    expect((await requireWorkspaceViewer(w.slug, "members:view", "members")).viewer).toMatchObject({ kind: "member", role: "admin" });
    expect(await supportViews(w.id)).toHaveLength(1);
  });

  it("loses access on the next request once revoked", async () => {
    const { workspace: w } = await createWorkspace();
    const staff = await supportUser();
    await signInAs(staff);
    await requireWorkspaceViewer(w.slug, "members:view", "members");
    await revokeSupportStaff(prisma, staff.email);
    newRequest();
    await expect(requireWorkspaceViewer(w.slug, "members:view", "members")).rejects.toMatchObject(NOT_FOUND);
    newRequest();
    await expect(requireSupportStaff()).rejects.toMatchObject(NOT_FOUND);
    expect(await readMembers(w.slug, {})).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("support.viewed", () => {
  it("is recorded once per page view, naming the page and the path, by the support user", async () => {
    const { workspace: w, members: m } = await createWorkspace();
    const staff = await supportUser();
    await signInAs(staff);

    // One request: the layout and the page, and the page asking again, record one event.
    newRequest(`/w/${w.slug}/members?q=ada`);
    await requireWorkspaceFrame(w.slug);
    await requireWorkspaceViewer(w.slug, "members:view", "members");
    await requireWorkspaceViewer(w.slug, "members:view", "members");
    // The layout alone (a page support staff may not open) records nothing.
    newRequest(`/w/${w.slug}/settings`);
    await requireWorkspaceFrame(w.slug);
    await expect(requireWorkspaceMember(w.slug, "settings:manage")).rejects.toMatchObject(NOT_FOUND);
    // The next two page views record one each.
    newRequest(`/w/${w.slug}/members/${m.owner.membershipId}`);
    await requireWorkspaceViewer(w.slug, "members:view", "member");
    newRequest(`/w/${w.slug}/audit`);
    await requireWorkspaceViewer(w.slug, "audit:view", "audit");

    const views = await supportViews(w.id);
    expect(views.map((e) => e.after)).toEqual([
      { page: "members", path: `/w/${w.slug}/members?q=ada` },
      { page: "member", path: `/w/${w.slug}/members/${m.owner.membershipId}` },
      { page: "audit", path: `/w/${w.slug}/audit` },
    ]);
    for (const e of views) {
      expect(e).toMatchObject({ actorType: "user", actorId: staff.id, actorEmail: staff.email, actorName: "Sam Support", ip: "203.0.113.7", userAgent: "vitest" });
      // In the workspace's own log, on its hash chain.
      expect(e.seq).not.toBeNull();
    }
  });

  it("an export by support staff is recorded as theirs, so the log can tell them from a removed member", async () => {
    const { workspace: w } = await createWorkspace(["owner"]);
    await signInAs(await supportUser());
    newRequest(`/w/${w.slug}/audit/export?format=ndjson`);
    const response = await exportRoute(new Request(`http://roster.test/w/${w.slug}/audit/export?format=ndjson`), { params: Promise.resolve({ slug: w.slug }) });
    expect(response.status).toBe(200);
    await response.text();
    const exported = await prisma.auditEvent.findMany({ where: { workspaceId: w.id, action: "audit.exported" } });
    expect(exported.map((e) => e.after)).toMatchObject([{ format: "ndjson", support: true }]);
  });

  it("is never recorded for a member's view, nor for a refused one", async () => {
    const { workspace: w, members: m } = await createWorkspace();
    await signInAs(m.read.user);
    await requireWorkspaceViewer(w.slug, "members:view", "members");
    newRequest();
    await expect(requireWorkspaceViewer(w.slug, "audit:view", "audit")).rejects.toMatchObject(NOT_FOUND);
    await signInAs(await createUser());
    newRequest();
    await expect(requireWorkspaceViewer(w.slug, "members:view", "members")).rejects.toMatchObject(NOT_FOUND);
    expect(await supportViews(w.id)).toEqual([]);
  });
});

describe("writes by support staff", () => {
  it("every action is refused as not found and changes nothing", async () => {
    const { workspace: w, members: m } = await createWorkspace();
    const { invitation } = await seedInvitation(w.id, { email: `pending-${w.slug}@example.test`, role: "read", invitedById: m.owner.user.id });
    await signInAs(await supportUser());
    const before = await everything();
    // Valid input each time: only the missing membership stands between them and the change.
    const results = [
      await changeMemberRole(w.slug, { memberId: m.write.membershipId, role: "read" }),
      await removeMember(w.slug, { memberId: m.write.membershipId }),
      await leaveWorkspace(w.slug, {}),
      await transferOwnership(w.slug, { memberId: m.admin.membershipId, password: TEST_PASSWORD, confirmName: w.name }),
      await sendInvitation(w.slug, { email: "new-person@example.test", role: "read" }),
      await sendBulkInvitations(w.slug, { rows: [{ email: "bulk-person@example.test", role: "read" }] }),
      await resendInvitation(w.slug, { invitationId: invitation.id }),
      await revokeInvitation(w.slug, { invitationId: invitation.id }),
      await updateWorkspaceSettings(w.slug, { name: "Taken over", invitationLifetimeDays: 30 }),
      await changePlan(w.slug, { plan: "free" }),
      await createGroup(w.slug, { name: "Support group", description: "" }),
      await createAgent(w.slug, { name: "Support bot", description: "", instructions: "", model: "gpt-4o", status: "active", visibility: "workspace" }),
    ];
    for (const r of results) expect(r).toEqual({ ok: false, code: "not_found", message: "Workspace not found." });
    expect(await everything()).toEqual(before);
  });

  it("every workspace action of every server-action module refuses them", async () => {
    const { workspace: w } = await createWorkspace();
    await signInAs(await supportUser());
    const before = await everything();
    const guarded = await workspaceActions();
    expect(guarded.length).toBeGreaterThan(20);
    for (const [name, fn] of guarded) {
      // The membership is checked before the input, so `{}` is refused the same way.
      expect(await fn(w.slug, {}), name).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await everything()).toEqual(before);
  });
});

describe("a signed-in user who is neither a member nor support staff", () => {
  it("gets 404 from every viewer function and not_found from reads", async () => {
    const { workspace: w } = await createWorkspace();
    await signInAs(await createUser());
    await expect(requireWorkspaceViewer(w.slug, "members:view", "members")).rejects.toMatchObject(NOT_FOUND);
    newRequest();
    await expect(requireWorkspaceViewer(w.slug, "audit:view", "audit")).rejects.toMatchObject(NOT_FOUND);
    newRequest();
    await expect(requireWorkspaceFrame(w.slug)).rejects.toMatchObject(NOT_FOUND);
    newRequest();
    await expect(requireWorkspaceMember(w.slug)).rejects.toMatchObject(NOT_FOUND);
    newRequest();
    await expect(requireSupportStaff()).rejects.toMatchObject(NOT_FOUND);
    expect(await readMembers(w.slug, {})).toMatchObject({ ok: false, code: "not_found" });
    expect(await readAudit(w.slug, {})).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("members and seats", () => {
  it("support staff are not in the members list, take no seat and get no membership from visiting", async () => {
    const { workspace: w, members: m } = await createWorkspace(["owner", "read"], { plan: "growth" });
    const staff = await supportUser();
    const seatsBefore = await seatUsage(prisma, w);
    await signInAs(staff);
    for (const page of ["members", "member"] as const) {
      newRequest();
      await requireWorkspaceViewer(w.slug, "members:view", page);
    }
    const view = { q: "", sort: "name", page: 1, size: 100 } as const;
    const asSupport = await listMembers({ workspaceId: w.id, userId: staff.id, role: null }, view);
    expect(asSupport.total).toBe(2);
    expect(asSupport.rows.map((r) => r.email)).not.toContain(staff.email);
    // Nothing to act on, whatever the row: the list offers support staff no action.
    expect(asSupport.rows.every((r) => !r.canManage && !r.isYou)).toBe(true);
    expect(await prisma.membership.count({ where: { userId: staff.id } })).toBe(0);
    expect(await seatUsage(prisma, w)).toEqual(seatsBefore);
    // The owner's list is the same two people.
    expect((await listMembers({ workspaceId: w.id, userId: m.owner.user.id, role: "owner" }, view)).total).toBe(2);
  });
});

describe("the support page's list", () => {
  it("is for support staff only, and searches by name or slug with keyset pages of 50", async () => {
    const tag = `zz${Date.now().toString(36)}`;
    for (let i = 0; i < 53; i++) {
      const n = String(i).padStart(2, "0");
      await prisma.workspace.create({ data: { name: `Paging ${tag.toUpperCase()} ${n}`, slug: `${tag}-${n}` } });
    }
    await signInAs(await createUser());
    await expect(requireSupportStaff()).rejects.toMatchObject(NOT_FOUND);
    newRequest();
    await signInAs(await supportUser());
    expect((await requireSupportStaff()).user.firstName).toBe("Sam");

    const first = await listWorkspacesForSupport({ q: tag });
    expect(first.total).toBe(53);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]).toMatchObject({ slug: `${tag}-00`, members: 0 });
    expect(first.previousCursor).toBeUndefined();
    expect(first.nextCursor).toBe(`${tag}-49`);

    const second = await listWorkspacesForSupport({ q: tag, after: first.nextCursor });
    expect(second.rows.map((r) => r.slug)).toEqual([`${tag}-50`, `${tag}-51`, `${tag}-52`]);
    expect(second.nextCursor).toBeUndefined();
    expect(second.previousCursor).toBe(`${tag}-50`);

    const back = await listWorkspacesForSupport({ q: tag, before: second.previousCursor });
    expect(back.rows.map((r) => r.slug)).toEqual(first.rows.map((r) => r.slug));
    expect(back.previousCursor).toBeUndefined();
    expect(back.nextCursor).toBe(`${tag}-49`);

    // By name, whatever its case, and by slug.
    expect((await listWorkspacesForSupport({ q: `paging ${tag} 07` })).rows.map((r) => r.slug)).toEqual([`${tag}-07`]);
    expect((await listWorkspacesForSupport({ q: `${tag}-52` })).rows.map((r) => r.slug)).toEqual([`${tag}-52`]);
    expect((await listWorkspacesForSupport({ q: `${tag}-nothing` })).total).toBe(0);
    // "%" and "_" are searched for as typed, not as wildcards (every slug here has a "-" where "_" would match).
    expect((await listWorkspacesForSupport({ q: `${tag}_52` })).total).toBe(0);
    expect((await listWorkspacesForSupport({ q: `${tag}%` })).total).toBe(0);
  });

  it("counts members", async () => {
    const { workspace: w } = await createWorkspace(["owner", "admin", "read"]);
    expect((await listWorkspacesForSupport({ q: w.slug })).rows).toEqual([
      { id: w.id, name: w.name, slug: w.slug, members: 3, createdAt: w.createdAt.toISOString() },
    ]);
  });
});

type GuardedFn = ((slug: string, input: unknown) => Promise<{ ok: boolean; code?: string }>) & { [GUARDED]?: string };

/** Every export of every "use server" module that the guard built as a workspace write (`workspaceAction`). */
async function workspaceActions(): Promise<[string, GuardedFn][]> {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (name === "generated" || name.startsWith(".")) return [];
      if (statSync(full).isDirectory()) return files(full);
      return /\.tsx?$/.test(name) && /^\s*["']use server["']/.test(readFileSync(full, "utf8")) ? [full] : [];
    });
  const found: [string, GuardedFn][] = [];
  for (const file of files(path.resolve("lib"))) {
    for (const [name, value] of Object.entries(await import(file))) {
      if ((value as GuardedFn)[GUARDED] === "workspace") found.push([`${path.relative(process.cwd(), file)}: ${name}`, value as GuardedFn]);
    }
  }
  return found;
}
