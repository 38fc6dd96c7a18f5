import "server-only";
import type { AsyncLocalStorage } from "node:async_hooks";
import type { Unavailability } from "@/lib/db/unavailable";

// The app's side of what Roster's server (server.mjs) shares through one object on
// globalThis (server/database-state.mjs): the request being served, and the database's
// state. Under plain `next start`, `next dev` or in tests there is no such server: the
// request is unknown and the notes go nowhere but the log.

type RequestContext = { id: string; userId?: string };
type LogWrite = (level: "error" | "warn" | "info" | "debug", msg: string, fields?: Record<string, unknown>) => void;
type Ops = {
  requests?: AsyncLocalStorage<RequestContext>;
  log?: LogWrite;
  database: {
    down: Unavailability | null;
    probe: (() => Promise<Unavailability | null>) | null;
    close: (() => Promise<void>) | null;
  };
};

const KEY = Symbol.for("roster.ops");

function ops(): Ops {
  const g = globalThis as unknown as Record<symbol, Ops | undefined>;
  g[KEY] ??= { database: { down: null, probe: null, close: null } };
  return g[KEY]!;
}

/** The request being served, when Roster's server serves it. */
export function currentRequest(): RequestContext | undefined {
  return ops().requests?.getStore();
}

/** Records who is signed in on this request, for its log line (never anything else about them). */
export function noteRequestUser(userId: string) {
  const request = currentRequest();
  if (request) request.userId = userId;
}

/** Writes one log event through the server's logger (LOG_LEVEL, JSON lines), or as JSON to stderr without it. */
export function logEvent(level: "error" | "warn" | "info" | "debug", msg: string, fields: Record<string, unknown> = {}) {
  const withRequest = { requestId: currentRequest()?.id, ...fields };
  const write = ops().log;
  if (write) return write(level, msg, withRequest);
  if (level === "error" || level === "warn") console.error(JSON.stringify({ time: new Date().toISOString(), level, msg, ...withRequest }));
}

/** Logs an error with its stack. */
export function logError(msg: string, error: unknown, fields: Record<string, unknown> = {}) {
  const e = error as { message?: unknown; stack?: unknown; digest?: unknown };
  logEvent("error", msg, { ...fields, error: String(e?.message ?? error), ...(e?.digest ? { digest: e.digest } : {}), stack: e?.stack });
}

/**
 * A query failed to reach the database: from now on the server answers pages with 503 at
 * once, until its probe finds the database again.
 */
export function noteDatabaseDown(down: Unavailability) {
  const db = ops().database;
  if (!db.down) logEvent("warn", "database unavailable", { reason: down.reason });
  db.down = down;
}

/** Registered once at start (instrumentation.ts): how the server probes and closes the database. */
export function registerDatabaseHooks(hooks: { probe: () => Promise<Unavailability | null>; close: () => Promise<void> }) {
  const db = ops().database;
  db.probe = hooks.probe;
  db.close = hooks.close;
}
