import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cycles, libFolder, readModules, relative, type ModuleInfo } from "@/tests/support/import-graph";

// The layering of docs/architecture.md, checked on the source: dependencies between lib/
// folders point one way, and server code cannot end up in a browser bundle.

const modules = readModules();

describe("lib/ folders", () => {
  it("depend on each other without cycles", () => {
    const edges = new Map<string, Set<string>>();
    const via = new Map<string, string>();
    for (const m of modules.values()) {
      const from = libFolder(m.file);
      if (!from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      for (const dep of m.dependsOn) {
        const to = libFolder(dep);
        if (!to || to === from || to === "generated") continue;
        edges.get(from)!.add(to);
        via.set(`${from}→${to}`, `${relative(m.file)} imports ${relative(dep)}`);
      }
    }
    const found = cycles(edges).map((cycle) => {
      const links = [...via.entries()].filter(([edge]) => cycle.includes(edge.split("→")[0]!) && cycle.includes(edge.split("→")[1]!));
      return `${cycle.join(" ↔ ")}:\n  ${links.map(([, why]) => why).join("\n  ")}`;
    });
    expect(found, found.join("\n")).toEqual([]);
  });

  it("are found by the check (a cycle in a made-up graph is reported)", () => {
    const edges = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
      ["d", new Set(["a"])],
    ]);
    expect(cycles(edges)).toEqual([["a", "b", "c"]]);
  });
});

// What makes a module server code: the database, secrets, sessions, passwords, mail.
const SERVER_PACKAGES = /from "(node:[^"]+|next\/headers|next-auth[^"]*|@node-rs\/argon2|resend|pg|@electric-sql\/pglite|pglite-prisma-adapter|@prisma\/[^"]+)"/;
const touchesServer = (m: ModuleInfo) =>
  SERVER_PACKAGES.test(readFileSync(m.file, "utf8")) ||
  m.dependsOn.some((d) => /^lib\/(db(\.ts|\/)|generated\/prisma\/client)/.test(relative(d))) ||
  m.imports.some((d) => modules.get(d)?.serverOnly);

describe("server code", () => {
  it("is marked: every lib module that touches the database, secrets or mail starts with import \"server-only\"", () => {
    const unmarked = [...modules.values()]
      .filter((m) => relative(m.file).startsWith("lib/") && m.directive !== "use server" && touchesServer(m) && !m.serverOnly)
      .map((m) => relative(m.file));
    expect(unmarked).toEqual([]);
  });

  it("is never reached from a client component (server actions are references, not code)", () => {
    const leaks: string[] = [];
    for (const start of modules.values()) {
      if (start.directive !== "use client") continue;
      const seen = new Set<string>();
      const walk = (file: string, path: string[]) => {
        if (seen.has(file)) return;
        seen.add(file);
        const m = modules.get(file);
        if (!m || (m.directive === "use server" && path.length > 0)) return;
        if (m.serverOnly) leaks.push([...path, file].map(relative).join(" → "));
        for (const next of m.imports) walk(next, [...path, file]);
      };
      walk(start.file, []);
    }
    expect(leaks).toEqual([]);
  });

  it("fails outside the server: `server-only` throws unless bundled under the react-server condition", () => {
    // Next resolves `server-only` to an empty module for server code and to this throwing
    // one for the browser, which is how a client import of a marked module fails the build.
    const require = createRequire(import.meta.url);
    expect(() => require("server-only")).toThrow(/Server Component/);
    expect(require.resolve("server-only")).toMatch(/server-only\/index\.js$/);
  });
});
