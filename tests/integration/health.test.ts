import { createServer, type Server } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { prisma, setPrismaClient } from "@/lib/db";
import { prismaOnPostgres } from "@/lib/db/clients";
import { DATABASE_UNREACHABLE_MESSAGE } from "@/lib/db/unavailable";
import { liveResponse, readyResponse } from "@/lib/ops/health";
import { changeMemberRole } from "@/lib/members/actions";
import { version } from "@/package.json";
import { createWorkspace, signInAs } from "../support/factories";

// GET /api/health/live and /api/health/ready as load balancers and orchestrators call
// them, and what a server action answers when the database cannot be reached. The tests
// that cut the app off from its database come last: they point it elsewhere for good.

const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

async function listen(onConnection: (socket: import("node:net").Socket) => void): Promise<number> {
  const server = createServer(onConnection);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

async function closedPort(): Promise<number> {
  const port = await listen(() => {});
  await new Promise((resolve) => servers.pop()!.close(resolve));
  return port;
}

describe("health endpoints", () => {
  it("live answers 200 with the version and nothing else", async () => {
    const res = liveResponse();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "live", version });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("ready answers 200 when the database answers and every migration is applied", async () => {
    const res = await readyResponse();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", version });
  });

  it("ready answers 503 naming the migrations not applied, and 200 again once they are", async () => {
    const [latest] = await prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await prisma.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${latest!.migration_name}`;
    const res = await readyResponse();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toEqual({
      status: "unavailable",
      version,
      reason: "migrations_pending",
      message: "1 database migration(s) not applied: run npm run db:migrate.",
      pending: [latest!.migration_name],
    });
    await prisma.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${latest!.migration_name}`;
    expect((await readyResponse()).status).toBe(200);
  });
});

describe("with the database out of reach", () => {
  it("a server action returns the typed refusal forms show, with the outage message", async () => {
    const { workspace, members } = await createWorkspace(["owner", "read"]);
    await signInAs(members.owner.user);
    setPrismaClient(prismaOnPostgres(`postgres://roster@127.0.0.1:${await closedPort()}/roster_ops_none`));
    const result = await changeMemberRole(workspace.slug, { memberId: members.read.membershipId, role: "write" });
    expect(result).toEqual({ ok: false, code: "unavailable", message: DATABASE_UNREACHABLE_MESSAGE, retryAfterSeconds: 5 });
  });

  it("ready answers 503 when connections are refused, without the database's address or the driver's words", async () => {
    setPrismaClient(prismaOnPostgres(`postgres://roster@127.0.0.1:${await closedPort()}/roster_ops_none`));
    const res = await readyResponse();
    expect(res.status).toBe(503);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ status: "unavailable", version, reason: "unreachable", message: DATABASE_UNREACHABLE_MESSAGE });
    expect(body).not.toMatch(/127\.0\.0\.1|reach database server|roster_ops_none/);
  });

  it("ready answers 503 within its timeout when the server accepts connections but never answers", async () => {
    const silent = await listen(() => {}); // accepts, then says nothing
    setPrismaClient(prismaOnPostgres(`postgres://roster@127.0.0.1:${silent}/roster_ops_none`));
    const started = Date.now();
    const res = await readyResponse();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ reason: "unreachable" });
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
