import { defineConfig } from "vitest/config";
import path from "node:path";

// `server-only` throws unless imported under the "react-server" condition, as Next does
// for server code; tests run that code directly, so they get the condition's empty module.
const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") };

export default defineConfig({
  resolve: { alias },
  test: {
    environment: "node",
    pool: "forks",
    // Two test files at a time suits 2 cores; each integration file has its own database.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], setupFiles: ["tests/support/setup-unit.ts"] } },
      // A production build that must fail: slow (a next build of one page), so one file of its own.
      { resolve: { alias }, test: { name: "build", include: ["tests/build/**/*.test.ts"], testTimeout: 300_000 } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup.ts"],
          // Processed by Vite, so its extensionless `next/server` import resolves: the Auth.js
          // route handlers are called for real in tests/integration/auth-endpoints.test.ts.
          server: { deps: { inline: ["next-auth"] } },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
