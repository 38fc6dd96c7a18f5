// npm run bench:bundle [-- --check] [--contents 5]
//
// First-load JavaScript per page, as a person's browser gets it. Builds Roster when the
// build is stale, seeds a small world in a fresh PGlite directory (a workspace with
// members, invitations, a group, agents, personas and audit events; one pending
// invitation for the join page), starts the production server (server.mjs) and opens
// every page in Chromium, each in a new browser context with the cache disabled, signed
// in through a real session cookie where the page needs one. Every script response until
// the network is idle counts: compressed = bytes on the wire (the server gzips), and
// uncompressed = the decoded body (scripts/lib/first-load-js.ts, shared with the budget
// test in e2e/bundle-budget.spec.ts).
//
// Prints a markdown table per page and the largest chunks with what is in them
// (scripts/lib/chunk-contents.ts). With --check, exits 1 when a page is over the budget
// (FIRST_LOAD_BUDGET_KB, 150 KB compressed); without it, a report and exit 0.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "@playwright/test";
import { openMigratedDatabase } from "../lib/db/bootstrap";
import { seedBundleWorld } from "./lib/bench-bundle-seed";
import { buildIfStale } from "./lib/build";
import { Fingerprints, chunkOrigins } from "./lib/chunk-contents";
import { FIRST_LOAD_BUDGET_KB, kb, measureFirstLoad, type FirstLoad } from "./lib/first-load-js";
import { startNext, waitForServer } from "./lib/next-server";
import { SESSION_COOKIE, mintSessionCookie } from "./lib/session-cookie";

const { values: args } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    contents: { type: "string", default: "5" },
  },
});
const AUTH_SECRET = "bench-only-secret-do-not-use-in-production-0123456789";
const PORT = Number(process.env.BENCH_PORT || 3499);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

type PageCase = { name: string; path: string; signedIn: boolean };

function pages(slug: string, joinToken: string): PageCase[] {
  const w = `/w/${slug}`;
  const out = (name: string, p: string): PageCase => ({ name, path: p, signedIn: false });
  const inn = (name: string, p: string): PageCase => ({ name, path: p, signedIn: true });
  return [
    out("login", "/login"),
    out("signup", "/signup"),
    out("join (signed out)", `/join/${joinToken}`),
    inn("workspaces", "/w"),
    inn("overview", w),
    inn("members", `${w}/members`),
    inn("invitations", `${w}/invitations`),
    inn("bulk invite", `${w}/invitations/bulk`),
    inn("settings", `${w}/settings`),
    inn("billing", `${w}/billing`),
    inn("groups", `${w}/groups`),
    inn("agents", `${w}/agents`),
    inn("personas", `${w}/personas`),
    inn("audit", `${w}/audit`),
    inn("roles", `${w}/roles`),
    inn("account", "/account"),
  ];
}

const f1 = (bytes: number) => kb(bytes).toFixed(1);
const shortPath = (p: string) => p.replace(/^\/w\/[^/]+/, "/w/…").replace(/^\/join\/.+$/, "/join/…");

async function measureAll(browser: Browser, list: PageCase[], cookie: { name: string; value: string; expires: number }) {
  const results: (FirstLoad & { name: string })[] = [];
  for (const c of list) {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    if (c.signedIn) await context.addCookies([{ ...cookie, domain: "127.0.0.1", path: "/", httpOnly: true, secure: false, sameSite: "Lax" }]);
    try {
      const r = await measureFirstLoad(context, ORIGIN, c.path);
      if (r.status !== 200 || new URL(r.finalUrl).pathname !== c.path) throw new Error(`${c.name} (${c.path}): HTTP ${r.status}, ended at ${r.finalUrl}`);
      results.push({ ...r, name: c.name });
    } finally {
      await context.close();
    }
  }
  return results;
}

function pageTable(results: (FirstLoad & { name: string })[]): string {
  const rows = results.map((r) => {
    const over = kb(r.compressed) > FIRST_LOAD_BUDGET_KB;
    return `| ${r.name} | \`${shortPath(r.path)}\` | ${r.scripts.length} | ${f1(r.compressed)} | ${f1(r.uncompressed)} | ${over ? "✗ over" : "✓"} |`;
  });
  return [`| page | path | scripts | compressed KB | uncompressed KB | ≤ ${FIRST_LOAD_BUDGET_KB} KB |`, "| --- | --- | ---: | ---: | ---: | --- |", ...rows].join("\n");
}

function chunkReport(results: (FirstLoad & { name: string })[], top: number): string {
  const chunks = new Map<string, { url: string; compressed: number; uncompressed: number; body: Buffer; pages: string[] }>();
  for (const r of results) {
    for (const s of r.scripts) {
      const key = new URL(s.url).pathname;
      const c = chunks.get(key) ?? { url: key, compressed: s.compressed, uncompressed: s.uncompressed, body: s.body, pages: [] };
      c.pages.push(r.name);
      chunks.set(key, c);
    }
  }
  const everywhere = [...chunks.values()].filter((c) => c.pages.length === results.length);
  const shared = everywhere.reduce((n, c) => n + c.compressed, 0);
  const lines = [
    `Loaded by every page: ${everywhere.length} chunks, ${f1(shared)} KB compressed (${f1(everywhere.reduce((n, c) => n + c.uncompressed, 0))} KB uncompressed).`,
    "",
    `Largest ${top} chunks (compressed), with what is in them (module source bytes by origin, recognised from their string literals):`,
    "",
    "| chunk | compressed KB | uncompressed KB | pages | contents |",
    "| --- | ---: | ---: | ---: | --- |",
  ];
  const largest = [...chunks.values()].sort((a, b) => b.compressed - a.compressed).slice(0, top);
  const prints = largest.length ? new Fingerprints(process.cwd()) : null;
  for (const c of largest) {
    const origins = chunkOrigins(c.body.toString("utf8"), prints!);
    const total = origins.reduce((n, o) => n + o.bytes, 0) || 1;
    const contents = origins
      .slice(0, 6)
      .map((o) => `${o.origin} ${Math.round((o.bytes / total) * 100)}%`)
      .join(", ");
    lines.push(`| \`${path.basename(c.url)}\` | ${f1(c.compressed)} | ${f1(c.uncompressed)} | ${c.pages.length === results.length ? "all" : c.pages.length} | ${contents}${origins.length > 6 ? ", …" : ""} |`);
  }
  return lines.join("\n");
}

async function main() {
  buildIfStale({ ...process.env, NODE_ENV: "production" });
  const dir = mkdtempSync(path.join(os.tmpdir(), "roster-bundle-"));
  const databaseUrl = `file:${path.join(dir, "pglite")}`;
  let server: ReturnType<typeof startNext> | undefined;
  let browser: Browser | undefined;
  try {
    const db = await openMigratedDatabase(databaseUrl);
    let world: Awaited<ReturnType<typeof seedBundleWorld>>;
    let cookie: Awaited<ReturnType<typeof mintSessionCookie>>;
    try {
      world = await seedBundleWorld(db.prisma);
      cookie = await mintSessionCookie(db.prisma, world.viewerId, AUTH_SECRET, "roster-bench");
    } finally {
      await db.close(); // PGlite: one process per data directory; the server opens it next.
    }
    const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET, AUTH_TRUST_HOST: "true", RESEND_API_KEY: "", APP_URL: ORIGIN, NODE_ENV: "production" as const };
    server = startNext(PORT, env, { host: "127.0.0.1", stdio: ["ignore", "ignore", "inherit"] });
    if (!(await waitForServer(`${ORIGIN}/login`))) throw new Error(`the server did not answer on ${ORIGIN} within 60 s`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });

    const results = await measureAll(browser, pages(world.slug, world.joinToken), { name: SESSION_COOKIE, value: cookie.value, expires: cookie.expires });
    const computed = results.some((r) => r.scripts.some((s) => s.computed));
    const encodings = [...new Set(results.flatMap((r) => r.scripts.map((s) => s.encoding)))].join(", ");
    console.log(`\n## First-load JavaScript per page (budget ${FIRST_LOAD_BUDGET_KB} KB compressed; 1 KB = 1,000 bytes)\n`);
    console.log(`Chromium ${browser.version()}, a new context per page with the cache disabled; scripts until the network is idle.`);
    console.log(
      computed
        ? `Compressed: some scripts came uncompressed (Content-Encoding: ${encodings}); for those, the gzip size computed here with zlib's default level.\n`
        : `Compressed: bytes on the wire as served (Content-Encoding: ${encodings}).\n`,
    );
    console.log(pageTable(results));
    console.log(`\n${chunkReport(results, Number(args.contents))}`);
    const over = results.filter((r) => kb(r.compressed) > FIRST_LOAD_BUDGET_KB);
    if (over.length) console.log(`\nOver ${FIRST_LOAD_BUDGET_KB} KB: ${over.map((r) => `${r.name} ${f1(r.compressed)} KB`).join(", ")}`);
    if (args.check && over.length) process.exitCode = 1;
  } finally {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
