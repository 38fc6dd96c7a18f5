import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readModules, relative } from "@/tests/support/import-graph";

// Client components call server actions one way: through useAction (or useActionForm,
// built on it), which clears the busy state in `finally` and shows a refusal once. A
// hand-rolled `await someAction(…)` is how a thrown call used to leave a button disabled.

const modules = readModules();
const IMPORT_NAMES = /import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;

describe("client components", () => {
  it("never await a server action themselves", () => {
    const offences: string[] = [];
    for (const m of modules.values()) {
      if (m.directive !== "use client") continue;
      const text = readFileSync(m.file, "utf8");
      const actionModules = new Set(m.imports.filter((i) => modules.get(i)?.directive === "use server"));
      if (actionModules.size === 0) continue;
      for (const [, names] of text.matchAll(IMPORT_NAMES)) {
        for (const name of names!.split(",").map((n) => n.trim().split(/\s+as\s+/).pop()!).filter(Boolean)) {
          if (new RegExp(`(await|void)\\s+${name}\\(|${name}\\([^)]*\\)\\s*\\.then\\(`).test(text)) offences.push(`${relative(m.file)}: ${name}`);
        }
      }
      if (!/from "@\/components\/forms\/use-action(-form)?"/.test(text)) offences.push(`${relative(m.file)}: imports an action but not useAction`);
    }
    expect(offences).toEqual([]);
  });
});
