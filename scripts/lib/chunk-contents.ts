// What is inside a production chunk. Turbopack's browser chunks name their modules by
// number only, so this splits a chunk into its modules (by running its `push` in a
// sandbox, which only records the module factories) and recognises each module by its
// string literals and long property names: one found in exactly one package (or one source file of
// Roster's own) names the module's origin. Minifiers keep string literals and property
// names as they are, so they are a good fingerprint; a module with none we know stays
// "unrecognised". For the benchmark's report, not for any decision at run time.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

export type ChunkModule = { id: string; size: number; source: string };
export type Origin = { origin: string; bytes: number; modules: number };

const STRING = /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\$]|\\.|\$(?!\{))*)(?:`|\$\{)/g;
const JSX_TEXT = />\s*([^<>{}\n]*[A-Za-z][^<>{}\n]*?)\s*</g;
// Long names: minifiers shorten local names but keep property names (`.dirtyFields`), and
// many packages have few string literals but many such names.
const WORD = /[A-Za-z_$][\w$]{9,}/g;
const MIN_LENGTH = 8;

function unescape(s: string): string {
  if (!s.includes("\\")) return s;
  try {
    return JSON.parse(`"${s.replace(/\\'/g, "'").replace(/\\`/g, "`").replace(/"/g, '\\"').replace(/\\\\"/g, '\\"')}"`) as string;
  } catch {
    return s;
  }
}

/** The string literals (and, for sources, JSX text) of a piece of code that are long enough to tell modules apart. */
function literals(code: string, jsx: boolean): Set<string> {
  const found = new Set<string>();
  for (const m of code.matchAll(STRING)) {
    const s = unescape(m[1] ?? m[2] ?? m[3] ?? "");
    if (s.length >= MIN_LENGTH) found.add(s);
  }
  if (jsx) for (const m of code.matchAll(JSX_TEXT)) if (m[1]!.length >= MIN_LENGTH) found.add(m[1]!.trim());
  for (const m of code.matchAll(WORD)) found.add(m[0]);
  return found;
}

/** Splits a Turbopack browser chunk into its modules; the runtime chunk (no `push`) comes back whole. */
export function splitChunk(text: string): ChunkModule[] {
  const sandbox: { TURBOPACK: unknown[][]; globalThis?: unknown } = { TURBOPACK: [] };
  sandbox.globalThis = sandbox;
  try {
    vm.runInNewContext(text, sandbox, { timeout: 2_000 });
  } catch {
    // The runtime chunk sets Turbopack up and pushes no modules; it needs a real browser to run.
    return [{ id: text.startsWith("(globalThis.TURBOPACK") ? "(whole chunk)" : "(runtime)", size: text.length, source: text }];
  }
  const modules: ChunkModule[] = [];
  for (const pushed of sandbox.TURBOPACK) {
    for (let i = 1; i < pushed.length; i++) {
      const id = pushed[i];
      const factory = pushed[i + 1];
      if ((typeof id === "number" || typeof id === "string") && typeof factory === "function") {
        const source = Function.prototype.toString.call(factory);
        modules.push({ id: String(id), size: source.length, source });
        i++;
      }
    }
  }
  return modules.length ? modules : [{ id: "(runtime)", size: text.length, source: text }];
}

function walk(dir: string, out: string[], test: (file: string) => boolean) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const full = path.join(dir, entry);
    const stat = statSync(full);
    if (stat.isDirectory()) walk(full, out, test);
    else if (test(full) && stat.size < 3_000_000) out.push(full);
  }
}

const isCode = (f: string) => /\.(m|c)?js$/.test(f) && !f.endsWith(".d.ts");
const isSource = (f: string) => /\.(ts|tsx)$/.test(f) && !f.endsWith(".d.ts");

/** The packages (and parts of Next) whose code may reach the browser, each under the name the report gives it. */
function packageRoots(root: string): { name: string; dir: string }[] {
  const nm = path.join(root, "node_modules");
  const roots: { name: string; dir: string }[] = [
    { name: "react-dom", dir: "next/dist/compiled/react-dom/cjs" },
    { name: "react", dir: "next/dist/compiled/react/cjs" },
    { name: "scheduler", dir: "next/dist/compiled/scheduler/cjs" },
    { name: "next", dir: "next/dist/compiled/react-server-dom-turbopack/cjs" },
    { name: "next", dir: "next/dist/client" },
    { name: "next", dir: "next/dist/shared/lib" },
    { name: "next", dir: "next/dist/lib" },
    { name: "next", dir: "next/dist/build/polyfills" },
  ];
  const seen = new Set(roots.map((r) => r.dir.split("/")[0]));
  const scopes = ["@radix-ui", "@floating-ui", "@tanstack", "@hookform", "@zxcvbn-ts"];
  const names = readdirSync(nm).flatMap((n) => (n.startsWith("@") ? (scopes.includes(n) ? readdirSync(path.join(nm, n)).map((s) => `${n}/${s}`) : []) : [n]));
  for (const name of names) {
    if (seen.has(name)) continue;
    const pkg = path.join(nm, name, "package.json");
    if (!existsSync(pkg)) continue;
    roots.push({ name, dir: existsSync(path.join(nm, name, "dist")) ? `${name}/dist` : name });
  }
  return roots.map((r) => ({ name: r.name, dir: path.join(nm, r.dir) }));
}

/** Roster's own browser-side sources and the packages a browser bundle may hold, fingerprinted. */
export class Fingerprints {
  private owners = new Map<string, string | null>();

  /** `byFile`: name a package module by its file (for digging in), not only its package. */
  constructor(root: string, { byFile = false } = {}) {
    const add = (literal: string, owner: string) => {
      const had = this.owners.get(literal);
      if (had === undefined) this.owners.set(literal, owner);
      else if (had !== owner) this.owners.set(literal, null);
    };
    const sources: string[] = [];
    for (const dir of ["app", "components", "lib"]) walk(path.join(root, dir), sources, isSource);
    for (const file of sources) {
      if (!existsSync(file) || file.includes(`${path.sep}generated${path.sep}`)) continue;
      for (const l of literals(readFileSync(file, "utf8"), true)) add(l, path.relative(root, file));
    }
    for (const { name, dir } of packageRoots(root)) {
      const files: string[] = [];
      walk(dir, files, isCode);
      for (const file of files) for (const l of literals(readFileSync(file, "utf8"), false)) add(l, byFile ? path.relative(path.join(root, "node_modules"), file) : name);
    }
  }

  /** The origin of one module: the owner with the most (and longest) unique literals in it. */
  originOf(source: string): string | null {
    const score = new Map<string, number>();
    for (const l of literals(source, false)) {
      const owner = this.owners.get(l);
      if (owner) score.set(owner, (score.get(owner) ?? 0) + Math.min(l.length, 40));
    }
    let best: string | null = null;
    let top = 0;
    for (const [owner, s] of score) if (s > top) [best, top] = [owner, s];
    return top >= 12 ? best : null;
  }
}

/** A chunk's contents, largest origin first: package names, or Roster's own source paths. */
export function chunkOrigins(text: string, prints: Fingerprints): Origin[] {
  const byOrigin = new Map<string, Origin>();
  for (const m of splitChunk(text)) {
    const origin = m.id === "(runtime)" ? "turbopack runtime" : (prints.originOf(m.source) ?? "unrecognised");
    const o = byOrigin.get(origin) ?? { origin, bytes: 0, modules: 0 };
    o.bytes += m.size;
    o.modules++;
    byOrigin.set(origin, o);
  }
  return [...byOrigin.values()].sort((a, b) => b.bytes - a.bytes);
}
