import { afterAll, beforeAll, vi } from "vitest";
import { currentRequest } from "./request";
import { openTestDatabase } from "./database";

vi.mock("@/lib/auth/request-context", () => ({
  readRequestContext: async () => ({ ...currentRequest }),
}));

// Auth.js is driven by Next's request scope, which tests do not have; the actions
// that call it (sign-in, sign-out) are covered end to end in Playwright instead.
vi.mock("@/lib/auth/config", () => ({
  auth: async () => null,
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
  SignInRefused: class extends Error {},
}));

let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  close = await openTestDatabase();
});

afterAll(async () => {
  await close?.();
});
