import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { prismaOnPostgres } from "@/lib/db/clients";
import { EmbeddedDatabaseBusy } from "@/lib/db/data-dir-lock";
import { DATABASE_UNREACHABLE_MESSAGE, databaseUnavailability } from "@/lib/db/unavailable";
import { Refusal } from "@/lib/core/result";

// "The database cannot be reached" is told apart by the codes of the driver, Prisma and
// PostgreSQL (docs/decisions/016-operating-roster.md). The errors here are real where a
// unit test can make them real (a port nobody listens on, a server that hangs up).

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("databaseUnavailability", () => {
  it("classifies Prisma's errors when PostgreSQL refuses connections: model queries (P1001), raw queries (P2010 with the adapter's kind) and transactions", async () => {
    const prisma = prismaOnPostgres(`postgres://roster@127.0.0.1:${await closedPort()}/roster_ops_none`);
    try {
      const errors = [
        await caught(() => prisma.user.findFirst()),
        await caught(() => prisma.$queryRaw`SELECT 1`),
        await caught(() => prisma.$transaction(async (tx) => tx.user.count())),
      ];
      expect(errors.map((e) => (e as { code?: string }).code)).toEqual(["P1001", "P2010", "P1001"]);
      for (const error of errors) expect(databaseUnavailability(error)).toEqual({ reason: "unreachable", message: DATABASE_UNREACHABLE_MESSAGE });
    } finally {
      await prisma.$disconnect();
    }
  });

  it("classifies node-postgres's own errors: a refused socket, and a server that hangs up (no code, matched by its exact text)", async () => {
    const port0 = await closedPort();
    const refused = await caught(() => new pg.Client({ connectionString: `postgres://roster@127.0.0.1:${port0}/x` }).connect());
    expect((refused as { code?: string }).code).toBe("ECONNREFUSED");
    expect(databaseUnavailability(refused)?.reason).toBe("unreachable");

    // A "server" that accepts the connection and closes it at once.
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const hungUp = await caught(() => new pg.Client({ connectionString: `postgres://roster@127.0.0.1:${port}/x` }).connect());
    await new Promise((resolve) => server.close(resolve));
    expect(databaseUnavailability(hungUp)?.reason).toBe("unreachable");
  });

  it("classifies PostgreSQL's SQLSTATEs for shutdown, startup and connection failures, through Prisma's cause chain", () => {
    for (const code of ["57P01", "57P02", "57P03", "08006", "08001", "53300"]) {
      const driver = Object.assign(new Error("terminating connection due to administrator command"), { code, severity: "FATAL" });
      expect(databaseUnavailability(driver)?.reason, code).toBe("unreachable");
      const wrapped = Object.assign(new Error("Raw query failed"), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", code } } } });
      expect(databaseUnavailability(wrapped)?.reason, code).toBe("unreachable");
    }
  });

  it("names a busy embedded directory and a broken embedded database with what to do", () => {
    const busy = databaseUnavailability(new EmbeddedDatabaseBusy(`${process.cwd()}/.data/pglite`, 4242));
    expect(busy?.reason).toBe("embedded_busy");
    expect(busy?.message).toContain("another Roster process holds the embedded database in .data/pglite");
    expect(busy?.message).toContain("stop the other process");
    const broken = databaseUnavailability(new WebAssembly.RuntimeError("Aborted(). Build with -sASSERTIONS for more info."));
    expect(broken?.reason).toBe("embedded_broken");
    expect(broken?.message).toContain("restored from a backup");
  });

  it("leaves every other error alone, whatever its message says", () => {
    const unique = Object.assign(new Error("Unique constraint failed"), { code: "P2002", meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } } });
    const syntax = Object.assign(new Error("syntax error"), { code: "42601", severity: "ERROR" });
    for (const error of [
      unique,
      syntax,
      new Error("Can't reach database server at 127.0.0.1:5432"),
      new Error("connect ECONNREFUSED 127.0.0.1:5432"),
      new Refusal("forbidden", "No."),
      new TypeError("x is undefined"),
      null,
      "ECONNREFUSED",
    ]) {
      expect(databaseUnavailability(error)).toBeNull();
    }
  });

  it("follows `cause` and aggregated errors", () => {
    const socket = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 });
    expect(databaseUnavailability(new Error("render failed", { cause: socket }))?.reason).toBe("unreachable");
    expect(databaseUnavailability(new AggregateError([new Error("x"), socket]))?.reason).toBe("unreachable");
  });
});
