// The Team API (docs/decisions/017-team-api.md), called in-process through its route files:
// authentication, limits, the error envelope, idempotency, and every endpoint for a key of
// each role, whose answers and refusals must be the guard's.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { LIMITS } from "@/lib/rate-limit";
import type { Role } from "@/lib/authz/permissions";
import { actAs } from "../support/request";
import { createUser, createWorkspace } from "../support/factories";
import { makeApiKey } from "../support/api-keys";
import { answered, api } from "../support/api";
import { contractViolations } from "../support/contract";
import { requestHash, reserve, settleReservation } from "@/lib/api/idempotency";

const ROLES: Role[] = ["owner", "admin", "write", "read", "billing"];

async function world() {
  actAs(null);
  const ws = await createWorkspace();
  const keys = {} as Record<Role, { id: string; secret: string }>;
  for (const role of ROLES) keys[role] = await makeApiKey(ws.workspace.id, ws.members[role].user.id, { name: `${role} key` });
  const target = await createUser({ firstName: "Tara", lastName: "Target" });
  const targetMembership = await prisma.membership.create({ data: { workspaceId: ws.workspace.id, userId: target.id, role: "read" } });
  return { ...ws, keys, target, targetMembership };
}

describe("authentication", () => {
  it("answers the same 401 for no key, a malformed, unknown, revoked or expired key", async () => {
    const ws = await createWorkspace(["owner"]);
    const revoked = await makeApiKey(ws.workspace.id, ws.members.owner.user.id, { revokedAt: new Date() });
    const expired = await makeApiKey(ws.workspace.id, ws.members.owner.user.id, { expiresAt: new Date(Date.now() - 1000) });
    const answers = [
      await api("GET", "/members", { key: null }),
      await api("GET", "/members", { key: "garbage" }),
      await api("GET", "/members", { key: `rst_${"B".repeat(43)}` }),
      await api("GET", "/members", { key: revoked.secret }),
      await api("GET", "/members", { key: expired.secret }),
    ];
    for (const answer of answers) expect(answer.status).toBe(401);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers[0]!.body).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("ignores a session: only the bearer key counts", async () => {
    const ws = await createWorkspace(["owner"]);
    const { signInAs } = await import("../support/factories");
    await signInAs(ws.members.owner.user);
    expect((await api("GET", "/members", { key: null })).status).toBe(401);
  });

  it("stamps last used with the time and address", async () => {
    const ws = await createWorkspace(["owner"]);
    const key = await makeApiKey(ws.workspace.id, ws.members.owner.user.id);
    actAs(null, "198.51.100.23");
    expect((await api("GET", "/members", { key: key.secret })).status).toBe(200);
    const stored = await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(stored.lastUsedIp).toBe("198.51.100.23");
    expect(Date.now() - stored.lastUsedAt!.getTime()).toBeLessThan(60_000);
  });

  it("rate-limits per key with 429 and Retry-After; another key is not affected", async () => {
    const ws = await createWorkspace(["owner", "admin"]);
    const busy = await makeApiKey(ws.workspace.id, ws.members.owner.user.id);
    const other = await makeApiKey(ws.workspace.id, ws.members.admin.user.id);
    await prisma.rateLimitHit.createMany({ data: Array.from({ length: LIMITS.apiRequestsPerKey.limit }, () => ({ key: `api:${busy.id}` })) });
    const refused = await api("GET", "/members", { key: busy.secret });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: "rate_limited" } });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await api("GET", "/members", { key: other.secret })).status).toBe(200);
  });
});

describe("members", () => {
  it.each(ROLES)("list and get, as a %s key", async (role) => {
    const s = await world();
    const list = await api("GET", "/members?limit=2&sort=name", { key: s.keys[role].secret });
    const get = await api("GET", `/members/${s.targetMembership.id}`, { key: s.keys[role].secret });
    if (role === "billing") {
      expect([list.status, get.status]).toEqual([403, 403]);
      expect(list.body).toMatchObject({ error: { code: "forbidden" } });
      return;
    }
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(2);
    expect(typeof list.body.next_cursor).toBe("string");
    expect(get.body).toMatchObject({ data: { id: s.targetMembership.id, email: s.target.email, role: "read" } });
    // The 2FA column, as on the page, only for those who manage the team.
    expect("twoFactorOn" in list.body.data[0]).toBe(role === "owner" || role === "admin");
  });

  it("pages with the cursor through every member exactly once, filtered and sorted as the page", async () => {
    const s = await world();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof api>> = await api("GET", `/members?limit=2&sort=-joined${cursor ? `&cursor=${cursor}` : ""}`, { key: s.keys.owner.secret });
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((m: { id: string }) => m.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    const readers = await api("GET", "/members?role=read", { key: s.keys.owner.secret });
    expect(readers.body.data.map((m: { role: string }) => m.role)).toEqual(["read", "read"]);
    const found = await api("GET", "/members?q=tara", { key: s.keys.owner.secret });
    expect(found.body.data.map((m: { id: string }) => m.id)).toEqual([s.targetMembership.id]);
  });

  it("refuses bad queries with field paths", async () => {
    const s = await world();
    const bad = await api("GET", "/members?limit=500&sort=shoe&cursor=@@", { key: s.keys.owner.secret });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["cursor", "limit", "sort"]);
  });

  it.each(ROLES)("change a role and remove, as a %s key", async (role) => {
    const s = await world();
    const changed = await api("PATCH", `/members/${s.targetMembership.id}`, { key: s.keys[role].secret, body: { role: "write" } });
    const removed = await api("DELETE", `/members/${s.targetMembership.id}`, { key: s.keys[role].secret });
    const left = await prisma.membership.findUnique({ where: { id: s.targetMembership.id } });
    if (role === "owner" || role === "admin") {
      expect(changed).toMatchObject({ status: 200, body: { data: { id: s.targetMembership.id, role: "write" } } });
      expect(removed).toMatchObject({ status: 200, body: { data: { removed: s.targetMembership.id } } });
      expect(left).toBeNull();
      const events = await prisma.auditEvent.findMany({ where: { workspaceId: s.workspace.id, action: { in: ["member.role_changed", "member.removed"] } }, orderBy: { seq: "asc" } });
      expect(events.map((e) => [e.action, e.actorType, e.actorId, e.actorKeyId, e.actorKeyName])).toEqual([
        ["member.role_changed", "api_key", s.members[role].user.id, s.keys[role].id, `${role} key`],
        ["member.removed", "api_key", s.members[role].user.id, s.keys[role].id, `${role} key`],
      ]);
    } else {
      expect([changed.status, removed.status]).toEqual([403, 403]);
      expect(left).toMatchObject({ role: "read" });
    }
  });

  it("validation errors name the field; the owner and your own row are refused as on the page", async () => {
    const s = await world();
    const invalid = await api("PATCH", `/members/${s.targetMembership.id}`, { key: s.keys.admin.secret, body: { role: "owner" } });
    expect(invalid).toMatchObject({ status: 422, body: { error: { code: "invalid_input", fields: { role: [expect.any(String)] } } } });
    expect((await api("PATCH", `/members/${s.targetMembership.id}`, { key: s.keys.admin.secret, rawBody: "{not json" })).status).toBe(400);
    expect((await api("PATCH", `/members/${s.targetMembership.id}`, { key: s.keys.admin.secret, body: ["write"] })).status).toBe(422);
    expect((await api("DELETE", `/members/${s.members.owner.membershipId}`, { key: s.keys.admin.secret })).status).toBe(403);
    expect((await api("DELETE", `/members/${s.members.admin.membershipId}`, { key: s.keys.admin.secret })).status).toBe(403);
  });

  it("demotion and removal take effect on the key's next request", async () => {
    const s = await world();
    expect((await api("PATCH", `/members/${s.targetMembership.id}`, { key: s.keys.admin.secret, body: { role: "write" } })).status).toBe(200);
    await prisma.membership.update({ where: { id: s.members.admin.membershipId }, data: { role: "read" } });
    expect((await api("PATCH", `/members/${s.targetMembership.id}`, { key: s.keys.admin.secret, body: { role: "read" } })).status).toBe(403);
    expect((await api("GET", "/members", { key: s.keys.admin.secret })).status).toBe(200);
    // The owner removes the admin through the API: the admin's key is revoked with them.
    expect((await api("DELETE", `/members/${s.members.admin.membershipId}`, { key: s.keys.owner.secret })).status).toBe(200);
    expect((await api("GET", "/members", { key: s.keys.admin.secret })).status).toBe(401);
    const revoked = await prisma.auditEvent.findFirstOrThrow({ where: { workspaceId: s.workspace.id, action: "api_key.revoked" } });
    expect(revoked).toMatchObject({ targetId: s.keys.admin.id, actorKeyId: s.keys.owner.id, after: { reason: "member_removed" } });
  });

  it("ids of another workspace are not found", async () => {
    const s = await world();
    const other = await world();
    expect((await api("GET", `/members/${other.targetMembership.id}`, { key: s.keys.owner.secret })).status).toBe(404);
    expect((await api("DELETE", `/members/${other.targetMembership.id}`, { key: s.keys.owner.secret })).status).toBe(404);
    expect(await prisma.membership.count({ where: { id: other.targetMembership.id } })).toBe(1);
  });
});

describe("invitations", () => {
  it.each(ROLES)("create, list, resend and revoke, as a %s key", async (role) => {
    const s = await world();
    const email = `invitee-${role}@example.test`;
    const created = await api("POST", "/invitations", { key: s.keys[role].secret, body: { email, role: "read" } });
    const list = await api("GET", "/invitations", { key: s.keys[role].secret });
    if (role !== "owner" && role !== "admin") {
      expect([created.status, list.status]).toEqual([403, 403]);
      expect(await prisma.invitation.count({ where: { workspaceId: s.workspace.id } })).toBe(0);
      return;
    }
    expect(created).toMatchObject({ status: 201, body: { data: { email, role: "read", expired: false } } });
    const id = created.body.data.id as string;
    expect(list.body.data.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(await api("POST", `/invitations/${id}/resend`, { key: s.keys[role].secret })).toMatchObject({ status: 200, body: { data: { id } } });
    expect(await api("DELETE", `/invitations/${id}`, { key: s.keys[role].secret })).toMatchObject({ status: 200, body: { data: { revoked: id } } });
    const events = await prisma.auditEvent.findMany({ where: { workspaceId: s.workspace.id, action: { startsWith: "invitation." } }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.action, e.actorKeyId])).toEqual([
      ["invitation.sent", s.keys[role].id],
      ["invitation.resent", s.keys[role].id],
      ["invitation.revoked", s.keys[role].id],
    ]);
  });

  it("a retried create with the same Idempotency-Key returns the first result and invites once", async () => {
    const s = await world();
    const headers = { "idempotency-key": "invite-ada-1" };
    const first = await api("POST", "/invitations", { key: s.keys.admin.secret, body: { email: "ada@example.test", role: "write" }, headers });
    const again = await api("POST", "/invitations", { key: s.keys.admin.secret, body: { email: "ada@example.test", role: "write" }, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await prisma.invitation.count({ where: { workspaceId: s.workspace.id } })).toBe(1);
    // The same key with another request is refused; without the key, a duplicate is a conflict.
    expect((await api("POST", "/invitations", { key: s.keys.admin.secret, body: { email: "bob@example.test", role: "write" }, headers })).body).toMatchObject({ error: { code: "idempotency_key_reused" } });
    expect((await api("POST", "/invitations", { key: s.keys.admin.secret, body: { email: "ada@example.test", role: "write" } })).status).toBe(409);
    // Keys are per API key: the owner's key with the same Idempotency-Key is a new request.
    expect((await api("POST", "/invitations", { key: s.keys.owner.secret, body: { email: "cy@example.test", role: "write" }, headers })).status).toBe(201);
  });

  it("a reservation left running by a stopped process is taken over after five minutes, not held for the day", async () => {
    const s = await world();
    const headers = { "idempotency-key": "left-running" };
    const body = { email: "left@example.test", role: "write" };
    const stale = (minutes: number) =>
      prisma.apiIdempotentRequest.upsert({
        where: { apiKeyId_idempotencyKey: { apiKeyId: s.keys.admin.id, idempotencyKey: "left-running" } },
        create: { apiKeyId: s.keys.admin.id, idempotencyKey: "left-running", requestHash: requestHash("POST", "/api/v1/invitations", JSON.stringify(body)), status: 0, body: {}, createdAt: new Date(Date.now() - minutes * 60_000) },
        update: { status: 0, body: {}, createdAt: new Date(Date.now() - minutes * 60_000) },
      });
    // Four minutes old: it may still be running.
    await stale(4);
    expect((await api("POST", "/invitations", { key: s.keys.admin.secret, body, headers })).body).toMatchObject({ error: { code: "idempotency_in_progress" } });
    expect(await prisma.invitation.count({ where: { workspaceId: s.workspace.id } })).toBe(0);
    // Six minutes old: abandoned; the retry runs, and its result is kept for the next one.
    await stale(6);
    const retried = await api("POST", "/invitations", { key: s.keys.admin.secret, body, headers });
    expect(retried.status).toBe(201);
    const again = await api("POST", "/invitations", { key: s.keys.admin.secret, body, headers });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(retried.body);
    expect(await prisma.invitation.count({ where: { workspaceId: s.workspace.id } })).toBe(1);
  });

  it("a slow request that ends after its key was taken over neither frees nor overwrites the retry's reservation", async () => {
    const s = await world();
    const key = s.keys.admin.id;
    const hash = requestHash("POST", "/api/v1/groups", "{}");
    const first = await reserve(key, "slow-one", hash);
    if (first.kind !== "new") throw new Error(`expected a new reservation, got ${first.kind}`);
    // Six minutes on, the first request has not settled: a retry takes the key over.
    const started = new Date(Date.now() - 6 * 60_000);
    await prisma.apiIdempotentRequest.update({ where: { apiKeyId_idempotencyKey: { apiKeyId: key, idempotencyKey: "slow-one" } }, data: { createdAt: started } });
    const retry = await reserve(key, "slow-one", hash);
    if (retry.kind !== "new") throw new Error(`expected the takeover, got ${retry.kind}`);
    // The slow request ends now, refused or answered: neither touches the retry's hold.
    await settleReservation(key, "slow-one", started, 409, null);
    await settleReservation(key, "slow-one", started, 201, { data: "the slow one" });
    expect(await reserve(key, "slow-one", hash)).toEqual({ kind: "running" });
    // The retry's own answer is the one kept.
    await settleReservation(key, "slow-one", retry.since, 201, { data: "the retry" });
    expect(await reserve(key, "slow-one", hash)).toEqual({ kind: "replay", status: 201, body: { data: "the retry" } });
  });

  it("a refused create is not kept: the retry runs again", async () => {
    const s = await world();
    const headers = { "idempotency-key": "retry-me" };
    expect((await api("POST", "/invitations", { key: s.keys.admin.secret, body: { email: "not-an-email", role: "write" }, headers })).status).toBe(422);
    expect(await prisma.apiIdempotentRequest.count({ where: { apiKeyId: s.keys.admin.id } })).toBe(0);
    expect((await api("POST", "/invitations", { key: s.keys.admin.secret, body: { email: "fixed@example.test", role: "write" }, headers })).status).toBe(201);
  });

  it("bulk: one result per row", async () => {
    const s = await world();
    const rows = [
      { email: "one@example.test", role: "read" },
      { email: "two@example.test", role: "owner" },
      { email: "one@example.test", role: "read" },
      { email: s.target.email, role: "read" },
    ];
    const done = await api("POST", "/invitations/bulk", { key: s.keys.owner.secret, body: { rows } });
    expect(done.status).toBe(201);
    expect(done.body.data.results.map((r: { status: string; reason?: string }) => [r.status, r.reason])).toEqual([
      ["sent", undefined],
      ["skipped", "invalid_role"],
      ["skipped", "duplicate"],
      ["skipped", "member"],
    ]);
    expect(await prisma.invitation.count({ where: { workspaceId: s.workspace.id } })).toBe(1);
    const none = await api("POST", "/invitations/bulk", { key: s.keys.owner.secret, body: { rows: [{ email: "x", role: "read" }] } });
    expect(none.status).toBe(422);
  });
});

describe("groups", () => {
  it.each(ROLES)("create, edit, add and remove a member, delete, as a %s key", async (role) => {
    const s = await world();
    const created = await api("POST", "/groups", { key: s.keys[role].secret, body: { name: `Ops ${role}`, description: "" } });
    const list = await api("GET", "/groups", { key: s.keys[role].secret });
    if (role === "billing") expect(list.status).toBe(403);
    else expect(list.status).toBe(200);
    if (role !== "owner" && role !== "admin") {
      expect(created.status).toBe(403);
      expect(await prisma.group.count({ where: { workspaceId: s.workspace.id } })).toBe(0);
      return;
    }
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect((await api("PATCH", `/groups/${id}`, { key: s.keys[role].secret, body: { name: "Operations", description: "On call" } })).status).toBe(200);
    expect(await api("POST", `/groups/${id}/members`, { key: s.keys[role].secret, body: { itemId: s.targetMembership.id } })).toMatchObject({ status: 200, body: { data: { added: true } } });
    expect((await api("GET", "/groups?q=operations", { key: s.keys[role].secret })).body.data).toMatchObject([{ id, name: "Operations", members: 1 }]);
    expect(await api("DELETE", `/groups/${id}/members/${s.targetMembership.id}`, { key: s.keys[role].secret })).toMatchObject({ status: 200, body: { data: { removed: true } } });
    expect((await api("POST", `/groups/${id}/robots`, { key: s.keys[role].secret, body: { itemId: "x" } })).body).toMatchObject({ error: { fields: { kind: [expect.any(String)] } } });
    expect(await api("DELETE", `/groups/${id}`, { key: s.keys[role].secret })).toMatchObject({ status: 200, body: { data: { deleted: id } } });
    const events = await prisma.auditEvent.findMany({ where: { workspaceId: s.workspace.id, action: { startsWith: "group." } } });
    expect(events).toHaveLength(5);
    expect(new Set(events.map((e) => e.actorKeyId))).toEqual(new Set([s.keys[role].id]));
  });

  it("a duplicate name is a 409 conflict or a 422 naming the field", async () => {
    const s = await world();
    await api("POST", "/groups", { key: s.keys.owner.secret, body: { name: "Ops" } });
    const again = await api("POST", "/groups", { key: s.keys.owner.secret, body: { name: "ops" } });
    expect([409, 422]).toContain(again.status);
    expect(await prisma.group.count({ where: { workspaceId: s.workspace.id } })).toBe(1);
  });
});

describe("audit events", () => {
  it.each(ROLES)("list and export, as a %s key", async (role) => {
    const s = await world();
    await api("PATCH", `/members/${s.targetMembership.id}`, { key: s.keys.owner.secret, body: { role: "write" } });
    const list = await api("GET", "/audit-events?action=member.role_changed&limit=5", { key: s.keys[role].secret });
    const exported = await api("GET", "/audit-events/export?format=ndjson", { key: s.keys[role].secret });
    if (role !== "owner" && role !== "admin") {
      expect([list.status, exported.status]).toEqual([403, 403]);
      return;
    }
    expect(list.status).toBe(200);
    expect(list.body.data).toMatchObject([{ action: "member.role_changed", actor: { type: "api_key", keyId: s.keys.owner.id, keyName: "owner key" } }]);
    expect(exported.status).toBe(200);
    const lines = (exported.body as unknown as string).trim().split("\n").map((l) => JSON.parse(l) as { action: string; actorKeyId: string | null });
    expect(lines.some((l) => l.action === "member.role_changed" && l.actorKeyId === s.keys.owner.id)).toBe(true);
    const recorded = await prisma.auditEvent.findFirstOrThrow({ where: { workspaceId: s.workspace.id, action: "audit.exported" } });
    expect(recorded).toMatchObject({ actorType: "api_key", actorKeyId: s.keys[role].id });
  });

  it("pages by keyset cursor, newest first", async () => {
    const s = await world();
    for (const r of ["write", "read", "write"] as const) await api("PATCH", `/members/${s.targetMembership.id}`, { key: s.keys.owner.secret, body: { role: r } });
    const first = await api("GET", "/audit-events?limit=2", { key: s.keys.owner.secret });
    const second = await api("GET", `/audit-events?limit=2&cursor=${first.body.next_cursor}`, { key: s.keys.owner.secret });
    const ids = [...first.body.data, ...second.body.data].map((e: { id: string }) => e.id);
    const stored = await prisma.auditEvent.findMany({ where: { workspaceId: s.workspace.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 4 });
    expect(ids).toEqual(stored.map((e) => e.id));
    expect((await api("GET", "/audit-events?range=custom&from=2026-13-01", { key: s.keys.owner.secret })).body).toMatchObject({ error: { code: "invalid_input", fields: { from: [expect.any(String)] } } });
  });
});

describe("the contract", () => {
  it("every answer above is declared in the OpenAPI document and matches its schema", () => {
    expect(answered.length).toBeGreaterThan(100);
    expect(new Set(answered.map((c) => `${c.method} ${c.template}`)).size).toBe(17);
    expect(contractViolations(answered)).toEqual([]);
  });

  it("notices an answer the document does not describe", () => {
    const wrong = { method: "GET" as const, template: "/members", status: 200, body: { data: [{ id: 1 }], next_cursor: null }, contentType: "application/json" };
    expect(contractViolations([wrong])).toHaveLength(1);
    expect(contractViolations([{ ...wrong, status: 418 }])).toHaveLength(1);
  });
});
