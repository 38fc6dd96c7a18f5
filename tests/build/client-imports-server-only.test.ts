import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `import "server-only"` is a promise only if the build keeps it: this builds a one-page
// Next app whose client component imports one of Roster's real server modules
// (lib/auth/passwords.ts: argon2 hashing) and expects `next build` to refuse it.
// The app lives under .data/ (ignored by git) so it resolves the project's node_modules.

const ROOT = path.resolve(import.meta.dirname, "../..");
const PROBE = path.join(ROOT, ".data/build-probe");

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(PROBE, file)), { recursive: true });
  writeFileSync(path.join(PROBE, file), text);
}

describe("a client component that imports a server-only module", () => {
  it("fails the production build", { timeout: 300_000 }, () => {
    rmSync(PROBE, { recursive: true, force: true });
    write("next.config.mjs", `export default { turbopack: { root: ${JSON.stringify(ROOT)} } };\n`);
    write(
      "tsconfig.json",
      JSON.stringify({ compilerOptions: { jsx: "react-jsx", module: "esnext", moduleResolution: "bundler", strict: true, skipLibCheck: true, paths: { "@/*": ["../../*"] } } }),
    );
    write("app/layout.tsx", `export default function Layout({ children }: { children: React.ReactNode }) {\n  return <html><body>{children}</body></html>;\n}\n`);
    write("app/page.tsx", `import { Hasher } from "./hasher";\nexport default function Page() {\n  return <Hasher />;\n}\n`);
    write(
      "app/hasher.tsx",
      `"use client";\nimport { hashPassword } from "@/lib/auth/passwords";\nexport function Hasher() {\n  return <button onClick={() => hashPassword("x")}>Hash</button>;\n}\n`,
    );
    const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build", PROBE], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    const output = `${build.stdout}\n${build.stderr}`;
    rmSync(PROBE, { recursive: true, force: true });
    expect(build.status, output).not.toBe(0);
    expect(output).toMatch(/server-only/);
    expect(output).toMatch(/lib\/auth\/passwords\.ts/);
  });
});
