import { defineConfig } from "vitest/config";
import path from "node:path";

// The fault suite (npm run test:faults): Roster's production server killed, stopped and
// cut off from its database, on both engines. One file at a time: each starts servers and
// a PostgreSQL cluster of its own, and the machine has few cores.
const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") };

export default defineConfig({
  resolve: { alias },
  test: {
    name: "faults",
    environment: "node",
    include: ["tests/faults/**/*.test.ts"],
    globalSetup: ["tests/faults/support/build.ts"],
    fileParallelism: false,
    pool: "forks",
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
