import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";

/** Opens the embedded database at a `file:` URL (or an in-memory one for `memory://`). */
export function openPglite(url: string): PGlite {
  if (url.startsWith("memory://")) return new PGlite();
  const dir = url.replace(/^file:/, "");
  mkdirSync(dir, { recursive: true });
  return new PGlite(dir);
}
