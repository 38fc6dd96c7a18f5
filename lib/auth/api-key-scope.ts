import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// A Team API request (app/api/v1) runs inside this scope, naming the API key its bearer
// secret matched. The guard asks here before it looks for a session: inside the scope the
// key is the only credential, so a browser's cookie never authorizes an API call, and
// outside it (pages, server actions) no key does (docs/decisions/017-team-api.md).
const scope = new AsyncLocalStorage<{ keyId: string }>();

export function runWithApiKey<T>(keyId: string, fn: () => Promise<T>): Promise<T> {
  return scope.run({ keyId }, fn);
}

/** The API key this request authenticated with, or null outside an API request. */
export function currentApiKeyId(): string | null {
  return scope.getStore()?.keyId ?? null;
}
