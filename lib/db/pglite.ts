import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "./data-dir-lock";

/**
 * Opens the embedded database at a `file:` URL (or an in-memory one for `memory://`).
 * A data directory is held by one process at a time (lib/db/data-dir-lock.ts); closing
 * the database releases it.
 */
export function openPglite(url: string): PGlite {
  if (url.startsWith("memory://")) return new PGlite();
  const dir = path.resolve(url.replace(/^file:/, ""));
  mkdirSync(path.dirname(dir), { recursive: true });
  const release = lockDataDir(dir);
  mkdirSync(dir, { recursive: true });
  const db = new PGlite(dir);
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
