import { vi } from "vitest";

// Unit tests import modules that, when called in a request, reach Auth.js; they never call them here.
vi.mock("@/lib/auth/config", () => ({
  auth: async () => null,
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
  SignInRefused: class extends Error {},
}));
