import "server-only";
import path from "node:path";

/** The embedded database's directory, used when DATABASE_URL is unset. */
export const EMBEDDED_DATA_DIR = path.resolve(process.cwd(), ".data/pglite");

/**
 * DATABASE_URL decides the engine: `postgres://…` is PostgreSQL; unset, or a `file:` path,
 * is the embedded PGlite. It never falls back to some other server.
 */
export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || `file:${EMBEDDED_DATA_DIR}`;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
