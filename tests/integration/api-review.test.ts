// What the security review of the Team API found, each held here: a path segment Next has
// already decoded is not decoded again; an idempotent replay asks the member's role first;
// a billing member's key can do nothing; a live key never drops off the keys list; a search
// matching more members than the count's cap still pages to its end through the API.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listApiKeys } from "@/lib/api-keys/queries";
import { MATCH_COUNT_CAP } from "@/lib/members/queries";
import { actAs } from "../support/request";
import { createWorkspace } from "../support/factories";
import { makeApiKey } from "../support/api-keys";
import { api } from "../support/api";

describe("path segments", () => {
  it("a lone % (sent as %25, handed over decoded) is a member that does not exist: 404, not 500", async () => {
    actAs(null);
    const ws = await createWorkspace(["owner"]);
    const key = await makeApiKey(ws.workspace.id, ws.members.owner.user.id);
    expect((await api("GET", "/members/%", { key: key.secret })).status).toBe(404);
  });
});

describe("an idempotent replay", () => {
  it("is refused to a key whose member was demoted since, and still answered to one who may", async () => {
    actAs(null);
    const ws = await createWorkspace(["owner", "admin"]);
    const key = await makeApiKey(ws.workspace.id, ws.members.admin.user.id);
    const body = { email: "replayed@example.test", role: "read" };
    const first = await api("POST", "/invitations", { key: key.secret, body, headers: { "idempotency-key": "k1" } });
    expect(first.status).toBe(201);
    expect((await api("POST", "/invitations", { key: key.secret, body, headers: { "idempotency-key": "k1" } })).status).toBe(201);

    await prisma.membership.update({ where: { id: ws.members.admin.membershipId }, data: { role: "read" } });
    const replay = await api("POST", "/invitations", { key: key.secret, body, headers: { "idempotency-key": "k1" } });
    expect(replay.status).toBe(403);
    expect(JSON.stringify(replay.body)).not.toContain("replayed@example.test");
  });
});

describe("a billing member's key", () => {
  it("is refused everything while the member is billing (the role holds no API permission), and works again once their role allows it", async () => {
    actAs(null);
    const ws = await createWorkspace(["owner", "write"]);
    const key = await makeApiKey(ws.workspace.id, ws.members.write.user.id);
    expect((await api("GET", "/members", { key: key.secret })).status).toBe(200);
    await prisma.membership.update({ where: { id: ws.members.write.membershipId }, data: { role: "billing" } });
    expect((await api("GET", "/members", { key: key.secret })).status).toBe(403);
    expect((await api("GET", "/audit-events", { key: key.secret })).status).toBe(403);
    await prisma.membership.update({ where: { id: ws.members.write.membershipId }, data: { role: "read" } });
    expect((await api("GET", "/members", { key: key.secret })).status).toBe(200);
  });
});

describe("the keys list", () => {
  it("shows every live key to owners, however many keys were revoked or expired after it", async () => {
    actAs(null);
    const ws = await createWorkspace(["owner", "write"]);
    const hidden = await makeApiKey(ws.workspace.id, ws.members.write.user.id, { name: "old but live" });
    await prisma.apiKey.update({ where: { id: hidden.id }, data: { createdAt: new Date(Date.now() - 86_400_000) } });
    const ended = (i: number) => ({ workspaceId: ws.workspace.id, userId: ws.members.write.user.id, name: `rotated ${i}`, prefix: "rst_x", secretHash: `h-${ws.workspace.id}-${i}` });
    await prisma.apiKey.createMany({ data: Array.from({ length: 210 }, (_, i) => ({ ...ended(i), ...(i % 2 ? { revokedAt: new Date() } : { expiresAt: new Date(Date.now() - 1000) }) })) });

    const list = await listApiKeys({ workspaceId: ws.workspace.id, userId: ws.members.owner.user.id, role: "owner" });
    expect(list.filter((k) => k.status === "live").map((k) => k.id)).toEqual([hidden.id]);
    expect(list).toHaveLength(1 + 200);
  });
});

describe("a search matching more members than the page counts", () => {
  let secret = "";
  const MANY = MATCH_COUNT_CAP + 30;

  beforeAll(async () => {
    actAs(null);
    const { workspace, members } = await createWorkspace(["owner"]);
    const passwordHash = members.owner.user.passwordHash;
    const users = Array.from({ length: MANY }, (_, i) => ({ email: `paged-${i}-${workspace.id}@example.test`, firstName: "Paged", lastName: `Member ${i}`, passwordHash }));
    await prisma.user.createMany({ data: users });
    const ids = await prisma.user.findMany({ where: { email: { in: users.map((u) => u.email) } }, select: { id: true } });
    await prisma.membership.createMany({ data: ids.map((u) => ({ workspaceId: workspace.id, userId: u.id, role: "read" as const })) });
    secret = (await makeApiKey(workspace.id, members.owner.user.id)).secret;
  });

  it("pages through every match with next_cursor, past the count's cap", async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const answer = await api("GET", `/members?q=paged&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { key: secret });
      expect(answer.status).toBe(200);
      for (const member of answer.body.data as { id: string }[]) seen.add(member.id);
      cursor = answer.body.next_cursor as string | null;
      if (!cursor) break;
    }
    expect(seen.size).toBe(MANY);
  });
});
