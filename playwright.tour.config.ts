import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// `npm run screenshots`: the README tour (e2e/tour/*.tour.ts) on the same server and
// seeded world as the end-to-end suite. It writes docs/screenshots, which is why it is
// not part of `npm test` (the default config only matches *.spec.ts).
// One long test through eight pages: more time than a single journey gets.
export default defineConfig({ ...base, testDir: "e2e/tour", testMatch: "*.tour.ts", timeout: 180_000, reporter: [["list"]] });
