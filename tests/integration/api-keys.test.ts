// API keys (docs/decisions/017-team-api.md): who may create, see and revoke them, their
// limits, and a key standing in for its member in the guard: with the member's current
// role, in its own workspace only, revoked with the membership.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/actions";
import { listApiKeys } from "@/lib/api-keys/queries";
import { authenticateApiKey, hashApiKeySecret } from "@/lib/auth/api-keys";
import { runWithApiKey } from "@/lib/auth/api-key-scope";
import { changeMemberRole, leaveWorkspace, removeMember } from "@/lib/members/actions";
import { createWorkspace as createNewWorkspace } from "@/lib/workspaces/actions";
import { LIMITS } from "@/lib/rate-limit";
import type { Role } from "@/lib/authz/permissions";
import { createUser, createWorkspace, signInAs } from "../support/factories";

type Ws = Awaited<ReturnType<typeof createWorkspace>>;

async function keyFor(ws: Ws, role: Role, name = `${role} key`) {
  await signInAs(ws.members[role].user);
  const result = await createApiKey(ws.workspace.slug, { name, expiresIn: "90" });
  if (!result.ok) throw new Error(`${role}: ${result.message}`);
  return result.data;
}

describe("creating a key", () => {
  it.each<[Role, boolean]>([
    ["owner", true],
    ["admin", true],
    ["write", true],
    ["read", true],
    ["billing", false],
  ])("as %s: allowed %s", async (role, allowed) => {
    const ws = await createWorkspace();
    await signInAs(ws.members[role].user);
    const result = await createApiKey(ws.workspace.slug, { name: "Offboarding runbook", expiresIn: "30" });
    if (!allowed) {
      expect(result).toMatchObject({ ok: false, code: "forbidden" });
      expect(await prisma.apiKey.count({ where: { workspaceId: ws.workspace.id } })).toBe(0);
      return;
    }
    if (!result.ok) throw new Error(result.message);
    expect(result.data.secret).toMatch(/^rst_[A-Za-z0-9_-]{43}$/);
    const stored = await prisma.apiKey.findUniqueOrThrow({ where: { id: result.data.id } });
    // Only the hash and a short prefix are stored, never the secret.
    expect(stored.secretHash).toBe(hashApiKeySecret(result.data.secret));
    expect(JSON.stringify(stored)).not.toContain(result.data.secret);
    expect(stored.prefix).toBe(result.data.secret.slice(0, 12));
    expect(stored.userId).toBe(ws.members[role].user.id);
    const days = (stored.expiresAt!.getTime() - stored.createdAt.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, action: "api_key.created" } });
    expect(event).toMatchObject({ actorId: ws.members[role].user.id, targetType: "api_key", targetId: stored.id, targetLabel: "Offboarding runbook" });
    expect(JSON.stringify(event)).not.toContain(result.data.secret);
  });

  it("refuses a non-member as a workspace that does not exist", async () => {
    const ws = await createWorkspace(["owner"]);
    await signInAs(await createUser());
    expect(await createApiKey(ws.workspace.slug, { name: "x", expiresIn: "never" })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("validates the name and the expiry with field paths", async () => {
    const ws = await createWorkspace(["owner"]);
    await signInAs(ws.members.owner.user);
    const result = await createApiKey(ws.workspace.slug, { name: "   ", expiresIn: "7" as never });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors).sort()).toEqual(["expiresIn", "name"]);
  });

  it("allows 25 live keys per member; revoked and expired ones do not count", async () => {
    const ws = await createWorkspace(["owner", "admin"]);
    const { workspace, members } = ws;
    const base = { workspaceId: workspace.id, userId: members.admin.user.id, name: "k" };
    await prisma.apiKey.createMany({ data: Array.from({ length: 24 }, (_, i) => ({ ...base, prefix: "rst_x", secretHash: `live-${workspace.id}-${i}` })) });
    await prisma.apiKey.create({ data: { ...base, prefix: "rst_x", secretHash: `revoked-${workspace.id}`, revokedAt: new Date() } });
    await prisma.apiKey.create({ data: { ...base, prefix: "rst_x", secretHash: `expired-${workspace.id}`, expiresAt: new Date(Date.now() - 1000) } });
    await signInAs(members.admin.user);
    expect(await createApiKey(workspace.slug, { name: "25th", expiresIn: "never" })).toMatchObject({ ok: true });
    expect(await createApiKey(workspace.slug, { name: "26th", expiresIn: "never" })).toMatchObject({ ok: false, code: "conflict" });
    // Another member's count is their own.
    await signInAs(members.owner.user);
    expect(await createApiKey(workspace.slug, { name: "owner's", expiresIn: "never" })).toMatchObject({ ok: true });
  });

  it("is rate-limited per member", async () => {
    const ws = await createWorkspace(["owner"]);
    const key = `api-key-create:${ws.workspace.id}:${ws.members.owner.user.id}`;
    await prisma.rateLimitHit.createMany({ data: Array.from({ length: LIMITS.apiKeyCreations.limit }, () => ({ key })) });
    await signInAs(ws.members.owner.user);
    const result = await createApiKey(ws.workspace.slug, { name: "one too many", expiresIn: "never" });
    expect(result).toMatchObject({ ok: false, code: "rate_limited" });
    expect((result as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("listing and revoking", () => {
  it("owners and admins see every key, others their own", async () => {
    const ws = await createWorkspace();
    const mine = { owner: await keyFor(ws, "owner"), admin: await keyFor(ws, "admin"), write: await keyFor(ws, "write"), read: await keyFor(ws, "read") };
    const list = async (role: Role) =>
      (await listApiKeys({ workspaceId: ws.workspace.id, userId: ws.members[role].user.id, role })).map((k) => k.id).sort();
    const all = Object.values(mine).map((k) => k.id).sort();
    expect(await list("owner")).toEqual(all);
    expect(await list("admin")).toEqual(all);
    expect(await list("write")).toEqual([mine.write.id]);
    expect(await list("read")).toEqual([mine.read.id]);
  });

  it("a member revokes their own key; someone else's is not found to them; an admin revokes anyone's", async () => {
    const ws = await createWorkspace();
    const adminKey = await keyFor(ws, "admin");
    const writeKey = await keyFor(ws, "write");
    const readKey = await keyFor(ws, "read");
    await signInAs(ws.members.write.user);
    expect(await revokeApiKey(ws.workspace.slug, { keyId: adminKey.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await revokeApiKey(ws.workspace.slug, { keyId: writeKey.id })).toMatchObject({ ok: true });
    await signInAs(ws.members.admin.user);
    expect(await revokeApiKey(ws.workspace.slug, { keyId: readKey.id })).toMatchObject({ ok: true });
    const revoked = await prisma.apiKey.findMany({ where: { workspaceId: ws.workspace.id, revokedAt: { not: null } }, select: { id: true } });
    expect(revoked.map((k) => k.id).sort()).toEqual([writeKey.id, readKey.id].sort());
    const events = await prisma.auditEvent.findMany({ where: { workspaceId: ws.workspace.id, action: "api_key.revoked" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.actorId, e.targetId, (e.after as { reason: string }).reason])).toEqual([
      [ws.members.write.user.id, writeKey.id, "revoked"],
      [ws.members.admin.user.id, readKey.id, "revoked"],
    ]);
    // A key of another workspace is not found, even to its owner.
    const other = await createWorkspace(["owner"]);
    const otherKey = await keyFor(other, "owner");
    await signInAs(ws.members.owner.user);
    expect(await revokeApiKey(ws.workspace.slug, { keyId: otherKey.id })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("revoking twice changes nothing the second time", async () => {
    const ws = await createWorkspace(["owner"]);
    const key = await keyFor(ws, "owner");
    await revokeApiKey(ws.workspace.slug, { keyId: key.id });
    const events = await prisma.auditEvent.count({ where: { workspaceId: ws.workspace.id } });
    expect(await revokeApiKey(ws.workspace.slug, { keyId: key.id })).toMatchObject({ ok: true });
    expect(await prisma.auditEvent.count({ where: { workspaceId: ws.workspace.id } })).toBe(events);
  });
});

describe("a key acts as its member", () => {
  it("authenticates live keys only: unknown, malformed, revoked and expired give null", async () => {
    const ws = await createWorkspace(["owner", "admin"]);
    const key = await keyFor(ws, "admin");
    expect(await authenticateApiKey(key.secret)).toMatchObject({ id: key.id, workspace: { slug: ws.workspace.slug } });
    expect(await authenticateApiKey(`rst_${"A".repeat(43)}`)).toBeNull();
    expect(await authenticateApiKey("not a key")).toBeNull();
    await prisma.apiKey.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await authenticateApiKey(key.secret)).toBeNull();
    await prisma.apiKey.update({ where: { id: key.id }, data: { expiresAt: null, revokedAt: new Date() } });
    expect(await authenticateApiKey(key.secret)).toBeNull();
  });

  it("with the member's current role, and its changes are audited as the key's", async () => {
    const ws = await createWorkspace(["owner", "admin", "write", "read"]);
    const key = await keyFor(ws, "admin", "HR sync");
    const readMember = await prisma.membership.findFirstOrThrow({ where: { userId: ws.members.read.user.id } });
    const asKey = <T>(fn: () => Promise<T>) => runWithApiKey(key.id, fn);
    // No session at all: the key is the credential.
    await signInAs(await createUser());
    expect(await asKey(() => changeMemberRole(ws.workspace.slug, { memberId: readMember.id, role: "write" }))).toMatchObject({ ok: true });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, action: "member.role_changed" } });
    expect(event).toMatchObject({ actorType: "api_key", actorId: ws.members.admin.user.id, actorEmail: ws.members.admin.user.email, actorKeyId: key.id, actorKeyName: "HR sync" });

    // Demoted: the key loses the power on its next request.
    await prisma.membership.update({ where: { id: ws.members.admin.membershipId }, data: { role: "read" } });
    expect(await asKey(() => changeMemberRole(ws.workspace.slug, { memberId: readMember.id, role: "read" }))).toMatchObject({ ok: false, code: "forbidden" });
    await prisma.membership.update({ where: { id: ws.members.admin.membershipId }, data: { role: "admin" } });
    expect(await asKey(() => changeMemberRole(ws.workspace.slug, { memberId: readMember.id, role: "read" }))).toMatchObject({ ok: true });
  });

  it("in its own workspace only, and never outside one", async () => {
    const ws = await createWorkspace(["owner", "admin"]);
    const other = await createWorkspace(["owner", "read"]);
    // The same person is admin in the other workspace too: the key still does not reach it.
    await prisma.membership.create({ data: { workspaceId: other.workspace.id, userId: ws.members.admin.user.id, role: "admin" } });
    const key = await keyFor(ws, "admin");
    const target = await prisma.membership.findFirstOrThrow({ where: { userId: other.members.read.user.id } });
    expect(await runWithApiKey(key.id, () => removeMember(other.workspace.slug, { memberId: target.id }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await prisma.membership.count({ where: { id: target.id } })).toBe(1);
    // A member id of another workspace, in the key's own workspace, is not found either.
    expect(await runWithApiKey(key.id, () => removeMember(ws.workspace.slug, { memberId: target.id }))).toMatchObject({ ok: false, code: "not_found" });
    // Actions outside a workspace (creating one) are closed to keys.
    expect(await runWithApiKey(key.id, () => createNewWorkspace({ name: "Made by a key" }))).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("a revoked or expired key is refused by the guard", async () => {
    const ws = await createWorkspace(["owner", "admin", "read"]);
    const key = await keyFor(ws, "admin");
    const target = await prisma.membership.findFirstOrThrow({ where: { userId: ws.members.read.user.id } });
    await prisma.apiKey.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await runWithApiKey(key.id, () => removeMember(ws.workspace.slug, { memberId: target.id }))).toMatchObject({ ok: false, code: "unauthenticated" });
    await prisma.apiKey.update({ where: { id: key.id }, data: { expiresAt: null, revokedAt: new Date() } });
    expect(await runWithApiKey(key.id, () => removeMember(ws.workspace.slug, { memberId: target.id }))).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await prisma.membership.count({ where: { id: target.id } })).toBe(1);
  });

  it("removing a member revokes their keys in the same transaction, audited", async () => {
    const ws = await createWorkspace(["owner", "admin", "write"]);
    const first = await keyFor(ws, "write", "first");
    const second = await keyFor(ws, "write", "second");
    const adminKey = await keyFor(ws, "admin");
    const writeMember = await prisma.membership.findFirstOrThrow({ where: { userId: ws.members.write.user.id } });
    await signInAs(ws.members.owner.user);
    expect(await removeMember(ws.workspace.slug, { memberId: writeMember.id })).toMatchObject({ ok: true });
    const keys = await prisma.apiKey.findMany({ where: { workspaceId: ws.workspace.id } });
    const revoked = Object.fromEntries(keys.map((k) => [k.id, k.revokedAt !== null]));
    expect(revoked).toEqual({ [adminKey.id]: false, [first.id]: true, [second.id]: true });
    const events = await prisma.auditEvent.findMany({ where: { workspaceId: ws.workspace.id, action: "api_key.revoked" } });
    expect(events.map((e) => [e.targetId, (e.after as { reason: string }).reason]).sort()).toEqual([
      [first.id, "member_removed"],
      [second.id, "member_removed"],
    ].sort());
    expect(await authenticateApiKey(first.secret)).toBeNull();
  });

  it("leaving revokes the member's keys too; a refused removal revokes nothing", async () => {
    const ws = await createWorkspace(["owner", "admin", "read"]);
    const readKey = await keyFor(ws, "read");
    const ownerKey = await keyFor(ws, "owner");
    // The admin may not remove the owner: nothing happens to the owner's key.
    await signInAs(ws.members.admin.user);
    const ownerMember = await prisma.membership.findFirstOrThrow({ where: { userId: ws.members.owner.user.id } });
    expect(await removeMember(ws.workspace.slug, { memberId: ownerMember.id })).toMatchObject({ ok: false });
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: ownerKey.id } })).revokedAt).toBeNull();
    await signInAs(ws.members.read.user);
    expect(await leaveWorkspace(ws.workspace.slug, {})).toMatchObject({ ok: true });
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: readKey.id } })).revokedAt).not.toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, action: "api_key.revoked" } });
    expect(event).toMatchObject({ targetId: readKey.id, after: { reason: "member_left" } });
  });
});
