// What a page's first load costs in JavaScript, measured the way a person meets it: a
// fresh browser context (empty cache, cache disabled on top), the page opened, and every
// script response until the network is idle summed up. Shared by `npm run bench:bundle`
// and the budget test (e2e/bundle-budget.spec.ts), so both count the same bytes.
//
// "Compressed" is the body as it crossed the wire: Roster's server (server.mjs → Next's
// handler, `compress` on by default) gzips scripts when the browser accepts it, and
// Chromium reports the encoded body size. A script that arrived uncompressed (a server
// without compression in front) is gzipped here with zlib's default level instead, and
// flagged, so the figure still means "gzip size" rather than raw bytes.
// The inline RSC payload in the HTML is page data, not a script file, and is not counted;
// neither are `nomodule` polyfills, which a modern browser never fetches.
import { gzipSync } from "node:zlib";
import type { BrowserContext, Request } from "@playwright/test";

/** The goal for every page: first-load JavaScript, compressed. */
export const FIRST_LOAD_BUDGET_KB = 150;

export type ScriptLoad = {
  url: string;
  /** Bytes on the wire (the encoded body), or the gzip size computed here when `computed`. */
  compressed: number;
  /** The decoded body's length. */
  uncompressed: number;
  /** Content-Encoding as served ("identity" when none). */
  encoding: string;
  /** True when the server sent it uncompressed and `compressed` is zlib's gzip size of the body. */
  computed: boolean;
  body: Buffer;
};

export type FirstLoad = { path: string; status: number; finalUrl: string; scripts: ScriptLoad[]; compressed: number; uncompressed: number };

const isScript = (request: Request) => request.resourceType() === "script" || /\.m?js(\?|$)/.test(new URL(request.url()).pathname);

/** KB as the budget counts them: 1 KB = 1,000 bytes (the unit `next build` and most tools print). */
export const kb = (bytes: number) => bytes / 1000;

/**
 * Opens `path` in a new page of `context` (which should be fresh: its cache is what a
 * first visit has) and returns every script it loaded until the network went idle.
 */
export async function measureFirstLoad(context: BrowserContext, baseUrl: string, path: string): Promise<FirstLoad> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const pending: Promise<ScriptLoad | null>[] = [];
  page.on("requestfinished", (request) => {
    if (!isScript(request)) return;
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response || response.status() !== 200) return null;
        const [sizes, body, headers] = await Promise.all([request.sizes(), response.body(), response.allHeaders()]);
        const encoding = (headers["content-encoding"] ?? "identity").toLowerCase();
        const computed = encoding === "identity";
        return { url: request.url(), compressed: computed ? gzipSync(body).length : sizes.responseBodySize, uncompressed: body.length, encoding, computed, body };
      })(),
    );
  });
  const response = await page.goto(baseUrl + path, { waitUntil: "networkidle" });
  // Scripts requested by the page's own code once it ran (next/dynamic on mount, say) are
  // part of the first load too: wait for the network to settle again after hydration.
  await page.waitForLoadState("networkidle");
  const scripts = (await Promise.all(pending)).filter((s): s is ScriptLoad => s !== null);
  const finalUrl = page.url();
  await cdp.detach();
  await page.close();
  return {
    path,
    status: response?.status() ?? 0,
    finalUrl,
    scripts,
    compressed: scripts.reduce((n, s) => n + s.compressed, 0),
    uncompressed: scripts.reduce((n, s) => n + s.uncompressed, 0),
  };
}
