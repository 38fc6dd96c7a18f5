import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";

/** The project's own TypeScript modules and what each imports, read from the source text. */
export type ModuleInfo = {
  file: string;
  /** Modules loaded at run time: what a bundle would contain. */
  imports: string[];
  /** Every module named, type-only imports included: what the code depends on. */
  dependsOn: string[];
  directive: "use client" | "use server" | null;
  serverOnly: boolean;
};

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib"];
const EXTENSIONS = [".ts", ".tsx"];

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (entry === "generated" || entry === "node_modules") continue;
    if (statSync(full).isDirectory()) walk(full, out);
    else if (EXTENSIONS.some((e) => entry.endsWith(e)) && !entry.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, "index" + e))]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const IMPORT = /^\s*(import|export)\s+(type\s)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;

export function readModules(): Map<string, ModuleInfo> {
  const modules = new Map<string, ModuleInfo>();
  for (const dir of SOURCE_DIRS) {
    for (const file of walk(path.join(ROOT, dir))) {
      const text = readFileSync(file, "utf8");
      const imports: string[] = [];
      const dependsOn: string[] = [];
      for (const match of text.matchAll(IMPORT)) {
        const [, , typeOnly, spec] = match;
        const resolved = resolveImport(file, spec!);
        if (!resolved) continue;
        dependsOn.push(resolved);
        // Type-only imports vanish at compile time, so they cannot put server code in a client bundle.
        if (!typeOnly) imports.push(resolved);
      }
      const serverOnly = /^import "server-only";$/m.test(text);
      const first = text.match(/^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["'](use client|use server)["']/);
      modules.set(file, { file, imports, dependsOn, directive: (first?.[1] as ModuleInfo["directive"]) ?? null, serverOnly });
    }
  }
  return modules;
}

export const relative = (file: string) => path.relative(ROOT, file);

/** `lib/members/actions.ts` → "members"; `lib/db.ts` and `lib/db/…` → "db". Null outside lib/. */
export function libFolder(file: string): string | null {
  const rel = relative(file).split(path.sep);
  if (rel[0] !== "lib") return null;
  return rel.length === 2 ? rel[1]!.replace(/\.tsx?$/, "") : rel[1]!;
}

/** Strongly connected components with more than one node: each is a cycle. */
export function cycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!indices.has(v)) visit(v);
  return found;
}
