// The Content-Security-Policy: a fresh nonce on every response (proxy.ts), the directives
// that make it worth having, and the same header on Auth.js's routes and static files.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect } from "./support/test";
import { E2E_PORT } from "./support/world";

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

function directives(policy: string) {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

test("every page response carries a CSP with a per-request nonce, on its scripts too, and the strict directives", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const policy = first.headers()["content-security-policy"]!;
  expect(policy).toBeTruthy();
  const nonce = NONCE.exec(policy)?.[1];
  const otherNonce = NONCE.exec(second.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(otherNonce).toBeTruthy();
  expect(nonce).not.toBe(otherNonce);
  expect(nonce!.length).toBeGreaterThanOrEqual(16);

  const d = directives(policy);
  expect(d.get("default-src")).toEqual(["'self'"]);
  expect(d.get("script-src")).toEqual(expect.arrayContaining([`'nonce-${nonce}'`, "'strict-dynamic'"]));
  expect(d.get("script-src")).not.toContain("'unsafe-inline'");
  expect(d.get("script-src")).not.toContain("'unsafe-eval'");
  expect(d.get("object-src")).toEqual(["'none'"]);
  expect(d.get("base-uri")).toEqual(["'self'"]);
  expect(d.get("frame-ancestors")).toEqual(["'none'"]);
  expect(d.get("form-action")).toEqual(["'self'"]);

  // Next put this response's nonce on the scripts it rendered, and no other.
  const html = await first.text();
  const scriptNonces = [...html.matchAll(/<script\b[^>]*\bnonce="([^"]+)"/g)].map((m) => m[1]);
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  expect(html.match(/<script\b/g)!.length).toBe(scriptNonces.length);

  // Served over http (APP_URL is http here): no HSTS, which browsers would ignore anyway.
  expect(first.headers()["strict-transport-security"]).toBeUndefined();
  expect(first.headers()["x-frame-options"]).toBe("DENY");
});

test("Auth.js's routes, signed-in pages and static files carry a policy too", async ({ request, pageAs }) => {
  const session = await request.get("/api/auth/session");
  expect(session.headers()["content-security-policy"]).toMatch(NONCE);
  expect(session.headers()["x-content-type-options"]).toBe("nosniff");

  const page = await pageAs("owner");
  const response = await page.goto("/w/acme-e2e/members");
  expect(response!.headers()["content-security-policy"]).toMatch(NONCE);

  const html = await (await request.get("/login")).text();
  const chunk = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk).toBeTruthy();
  const asset = await request.get(chunk!);
  expect(asset.ok()).toBe(true);
  expect(asset.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
});

test("with an https APP_URL, responses carry Strict-Transport-Security", async () => {
  // A second server on the same build, configured for https, read at run time by proxy.ts.
  const port = E2E_PORT + 1;
  const dataDir = mkdtempSync(path.join(tmpdir(), "roster-hsts-"));
  const server = spawn(process.execPath, ["server.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: "https://roster.example.test",
      AUTH_SECRET: "hsts-test-secret-0123456789abcdef0123456789",
      AUTH_TRUST_HOST: "true",
      DATABASE_URL: `file:${dataDir}`,
    },
    stdio: "ignore",
  });
  try {
    let response: Response | undefined;
    for (let i = 0; i < 120 && !response; i++) {
      response = await fetch(`http://127.0.0.1:${port}/api/auth/csrf`).catch(() => undefined);
      if (!response) await new Promise((r) => setTimeout(r, 250));
    }
    expect(response?.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(response?.headers.get("content-security-policy")).toMatch(NONCE);
  } finally {
    server.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
