import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { lockDataDir } from "./data-dir-lock";

/**
 * The extensions the migrations create (`CREATE EXTENSION pg_trgm`, for the members
 * search's trigram indexes: docs/decisions/014-member-counts-and-trigram-search.md).
 * PGlite loads an extension's code only when the instance is built with it, and a
 * database that holds a trigram index cannot even be written to without it, so every
 * PGlite Roster makes, in the app, the scripts, the migrations and the tests, comes from
 * `newPglite`.
 */
export const PGLITE_EXTENSIONS = { pg_trgm } as const;

/** A PGlite with Roster's extensions: in memory (no `dataDir`), in a directory, or loaded from a dump. */
export function newPglite(dataDir?: string, options: Omit<PGliteOptions, "extensions" | "dataDir"> = {}): PGlite {
  return new PGlite({ ...options, ...(dataDir ? { dataDir } : {}), extensions: PGLITE_EXTENSIONS });
}

/**
 * Opens the embedded database at a `file:` URL (or an in-memory one for `memory://`).
 * A data directory is held by one process at a time (lib/db/data-dir-lock.ts); closing
 * the database releases it.
 */
export function openPglite(url: string): PGlite {
  if (url.startsWith("memory://")) return newPglite();
  const dir = path.resolve(url.replace(/^file:/, ""));
  mkdirSync(path.dirname(dir), { recursive: true });
  const release = lockDataDir(dir);
  mkdirSync(dir, { recursive: true });
  const db = newPglite(dir);
  const close = db.close.bind(db);
  db.close = async () => {
    try {
      await close();
    } finally {
      release();
    }
  };
  return db;
}
