// Property-based input fuzzing of the Team API's writes (fast-check): for each endpoint with
// a body, 1,000 generated bodies (API_FUZZ_RUNS to change) — arbitrary JSON, and objects
// with the endpoint's own field names holding arbitrary values. Called in-process through
// the route files. No answer may be a 5xx, and an answer that refuses (4xx) must leave the
// team, its invitations, its groups and the audit log exactly as they were.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { prisma } from "@/lib/db";
import type { ApiMethod } from "@/lib/api/route";
import { actAs } from "../support/request";
import { createUser, createWorkspace } from "../support/factories";
import { makeApiKey } from "../support/api-keys";
import { answered, api } from "../support/api";
import { contractViolations } from "../support/contract";

const RUNS = Number(process.env.API_FUZZ_RUNS ?? 1000);

let ctx: { workspaceId: string; key: { id: string; secret: string }; memberId: string; groupId: string };

beforeAll(async () => {
  actAs(null);
  const ws = await createWorkspace(["owner", "admin"]);
  const target = await createUser();
  const membership = await prisma.membership.create({ data: { workspaceId: ws.workspace.id, userId: target.id, role: "read" } });
  const group = await prisma.group.create({ data: { workspaceId: ws.workspace.id, name: "Fuzz", nameKey: "fuzz" } });
  ctx = { workspaceId: ws.workspace.id, key: await makeApiKey(ws.workspace.id, ws.members.owner.user.id), memberId: membership.id, groupId: group.id };
});

async function snapshot() {
  const where = { workspaceId: ctx.workspaceId };
  const [members, invitations, groups, items, events] = await Promise.all([
    prisma.membership.findMany({ where, select: { id: true, role: true }, orderBy: { id: "asc" } }),
    prisma.invitation.count({ where }),
    prisma.group.findMany({ where, select: { id: true, name: true, description: true }, orderBy: { id: "asc" } }),
    prisma.groupMember.count({ where: { group: where } }),
    prisma.auditEvent.count({ where }),
  ]);
  return { members, invitations, groups, items, events };
}

/** Values anywhere in a body: JSON of every kind, and strings that look like ours or break things. */
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: "grapheme", maxLength: 400 }),
  fc.constantFrom("", " ", "\u0000", "\ud800", "admin", "owner", "read", "billing", "a@b.co", "x".repeat(10_000), "members", "<script>", "'; DROP TABLE", "rst_"),
  fc.integer(),
  fc.array(fc.record({ email: fc.string(), role: fc.string(), groups: fc.array(fc.string(), { maxLength: 3 }) }, { requiredKeys: [] }), { maxLength: 5 }),
);
const bodyWith = (fields: string[]) => fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom(...fields, "extra"), value, { maxKeys: fields.length + 1 }));

const CASES: { name: string; method: ApiMethod; path: () => string; fields: string[] }[] = [
  { name: "change a member's role", method: "PATCH", path: () => `/members/${ctx.memberId}`, fields: ["role", "memberId"] },
  { name: "invite one", method: "POST", path: () => "/invitations", fields: ["email", "role", "groupIds"] },
  { name: "invite in bulk", method: "POST", path: () => "/invitations/bulk", fields: ["rows"] },
  { name: "create a group", method: "POST", path: () => "/groups", fields: ["name", "description"] },
  { name: "edit a group", method: "PATCH", path: () => `/groups/${ctx.groupId}`, fields: ["name", "description", "groupId"] },
  { name: "add to a group", method: "POST", path: () => `/groups/${ctx.groupId}/members`, fields: ["itemId", "kind"] },
];

describe.each(CASES)("$name: generated bodies", ({ method, path, fields }) => {
  it(`${RUNS} bodies: never a 5xx, nothing stored when refused`, { timeout: 600_000 }, async () => {
    const statuses = new Map<number, number>();
    // The fuzzer is one client sending thousands of requests a minute: every limit it would
    // run into (the key's 600 a minute, the workspace's 10 role changes a minute) is cleared
    // before each call, so each body reaches the endpoint's own checks. The limits
    // themselves are tested in api.test.ts and limits.test.ts.
    const clearLimits = () => prisma.rateLimitHit.deleteMany({});
    // The state as the last call left it: a refusal must leave it as it was; a success moves it.
    let state = await snapshot();
    await fc.assert(
      fc.asyncProperty(bodyWith(fields), async (body) => {
        await clearLimits();
        const answer = await api(method, path(), { key: ctx.key.secret, body });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(answer.status).toBeLessThan(500);
        const after = await snapshot();
        if (answer.status >= 400) expect(after).toEqual(state);
        state = after;
      }),
      { numRuns: RUNS },
    );
    console.log(`${method} ${path()}: ${RUNS} bodies →`, Object.fromEntries([...statuses].sort()));
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
    // Every body reached the endpoint's own checks, not the key's request limit.
    expect(statuses.has(429)).toBe(false);
  });
});

it("every fuzzed answer matches the OpenAPI document", () => {
  expect(answered.length).toBeGreaterThanOrEqual(RUNS * CASES.length);
  expect(contractViolations(answered)).toEqual([]);
});
