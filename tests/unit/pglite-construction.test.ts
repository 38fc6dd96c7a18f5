import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The migrations create the pg_trgm extension, and PGlite loads an extension's code only
// when an instance is built with it: a PGlite made any other way than newPglite
// (lib/db/pglite.ts) fails on the first write to Membership, in whichever of the app,
// scripts, migrations or tests made it. This scan finds one before that does.
const ROOTS = ["lib", "app", "scripts", "tests", "e2e", "prisma"];
const ALLOWED = path.join("lib", "db", "pglite.ts");
const CONSTRUCTION = /new\s+PGlite\s*\(|PGlite\s*\.\s*create\s*\(/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) return [];
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(m?[jt]sx?)$/.test(name) ? [full] : [];
  });
}

describe("PGlite instances", () => {
  const files = ROOTS.flatMap((d) => sources(path.resolve(d))).map((f) => path.relative(process.cwd(), f));

  it("are built in lib/db/pglite.ts only, with Roster's extensions", () => {
    expect(files).toContain(ALLOWED);
    expect(readFileSync(ALLOWED, "utf8")).toMatch(CONSTRUCTION);
    const elsewhere = files.filter((f) => f !== ALLOWED && f !== path.join("tests", "unit", "pglite-construction.test.ts") && CONSTRUCTION.test(readFileSync(f, "utf8")));
    expect(elsewhere, "build it with newPglite() from lib/db/pglite.ts").toEqual([]);
  });
});
