import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GUARDED } from "@/lib/authz/guard";

// Every exported server action must be built by the guard (lib/authz/guard.ts):
// a new action that checks permissions by hand, or not at all, fails here.
function serverActionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) return [];
    if (statSync(full).isDirectory()) return serverActionFiles(full);
    if (!/\.tsx?$/.test(name)) return [];
    return /^\s*["']use server["']/.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

const files = ["lib", "app", "components"].flatMap((d) => serverActionFiles(path.resolve(d)));

describe("server actions", () => {
  it("exist (the scan found the action files)", () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of files) {
    it(`${path.relative(process.cwd(), file)}: every export goes through the guard`, async () => {
      const mod = await import(file);
      const exports = Object.entries(mod);
      expect(exports.length).toBeGreaterThan(0);
      for (const [name, value] of exports) {
        expect.soft((value as Record<symbol, unknown>)[GUARDED], `${name} is not built by publicAction/userAction/workspaceAction`).toBeTruthy();
      }
    });
  }
});
