// The two engines a fault test runs on: a fresh embedded data directory, or a database on
// a throwaway PostgreSQL cluster (never the machine's own server).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "../../../lib/db";
import { prismaOnPglite, prismaOnPostgres } from "../../../lib/db/clients";
import { openPglite } from "../../../lib/db/pglite";
import { isPostgresUrl } from "../../../lib/db/url";
import { startCluster, type Cluster } from "./cluster";
import { FAULTS_PORT_BASE } from "./report";

export type Engine = "pglite" | "postgres";
export type EngineDb = { url: string; dir: string; destroy(): void };

export async function engineDatabase(engine: Engine): Promise<EngineDb & { cluster?: Cluster }> {
  const dir = mkdtempSync(path.join(tmpdir(), `roster-faults-${engine}-`));
  if (engine === "pglite") return { url: `file:${path.join(dir, "pglite")}`, dir, destroy: () => rmSync(dir, { recursive: true, force: true }) };
  const cluster = await startCluster(FAULTS_PORT_BASE);
  return {
    url: cluster.url("postgres"),
    dir,
    cluster,
    destroy: () => {
      cluster.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What every fault test's server runs with. */
export function serverEnv(url: string, dir: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: url,
    AUTH_SECRET: "roster-fault-suite-secret-0123456789abcdef",
    AUTH_TRUST_HOST: "true",
    // The writes come "through a proxy" from many addresses, as real sign-ups would.
    TRUST_PROXY_HOPS: "1",
    RESEND_API_KEY: "",
    MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
    APP_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: "warn",
  };
}

/**
 * A client on the database for checking and seeding between kills, without the schema
 * engine (migrations ran once, before the first trial). Opening the embedded directory
 * after a kill is itself checked: it must open and answer.
 */
export async function openForCheck(url: string): Promise<{ prisma: Db; close(): Promise<void> }> {
  if (isPostgresUrl(url)) {
    const prisma = prismaOnPostgres(url);
    return { prisma, close: () => prisma.$disconnect() };
  }
  const pglite = openPglite(url);
  await pglite.waitReady;
  const prisma = prismaOnPglite(pglite);
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
