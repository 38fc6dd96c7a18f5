import "server-only";
import path from "node:path";
import { EmbeddedDatabaseBusy } from "./data-dir-lock";

// Telling "the database cannot be reached" apart from every other error, so that pages
// answer 503 with a calm page and actions a typed refusal instead of a generic 500
// (docs/decisions/016-operating-roster.md). Decided by the codes the driver, Prisma and
// PostgreSQL give, never by a message alone: the two uncoded errors node-postgres throws
// are matched by their exact text, and only when nothing coded was found.

export type UnavailableReason =
  /** PostgreSQL refuses or drops connections, or does not answer in time. */
  | "unreachable"
  /** Another process holds the embedded data directory (lib/db/data-dir-lock.ts). */
  | "embedded_busy"
  /** The embedded database could not start (a damaged data directory) or has stopped. */
  | "embedded_broken";

export type Unavailability = { reason: UnavailableReason; message: string };

export const DATABASE_UNREACHABLE_MESSAGE = "Roster can't reach its database right now. Nothing was lost; try again in a moment.";

/** Socket errors of the server connection (Node's errno codes). */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);
/**
 * Prisma's: can't reach the server (P1001), timed out reaching it (P1002), operation timed
 * out (P1008), server closed the connection (P1017), timed out waiting for a pooled
 * connection (P2024).
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** What @prisma/adapter-pg calls a socket error (DriverAdapterError's `cause.kind`). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/**
 * PostgreSQL's SQLSTATEs: class 08 (connection exception), admin and crash shutdown,
 * "the database system is starting up / shutting down" (57P03), too many connections.
 */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const isSqlState = (code: unknown) => typeof code === "string" && (SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code));
/** node-postgres's own errors that carry no code. */
const PG_UNCODED = new Set([
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
]);

type Shape = { name?: unknown; code?: unknown; message?: unknown; kind?: unknown; cause?: unknown; meta?: unknown; errors?: unknown };

/** The error, its causes and the errors it aggregates, each once. */
function* chain(error: unknown, seen = new Set<unknown>()): Generator<Shape> {
  if (!error || typeof error !== "object" || seen.has(error)) return;
  seen.add(error);
  const e = error as Shape;
  yield e;
  const adapter = (e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  if (adapter) yield* chain(adapter, seen);
  if (e.cause) yield* chain(e.cause, seen);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* chain(inner, seen);
}

function embeddedDir(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : dir;
}

/** The message for each reason; the embedded ones say what whoever runs Roster should do. */
export function unavailableMessage(reason: UnavailableReason, dir = ".data/pglite"): string {
  switch (reason) {
    case "unreachable":
      return DATABASE_UNREACHABLE_MESSAGE;
    case "embedded_busy":
      return (
        `Roster can't open its database right now: another Roster process holds the embedded database in ${dir}. Nothing was lost. ` +
        "Whoever runs this server: stop the other process (a second server, or a command such as npm run audit:verify), then try again."
      );
    case "embedded_broken":
      return (
        `Roster can't open its embedded database in ${dir}. Nothing was changed. ` +
        "Whoever runs this server: stop Roster and start it again; if this message stays, the data directory is damaged and must be restored from a backup."
      );
  }
}

/** Null for any error that is not about reaching the database. */
export function databaseUnavailability(error: unknown): Unavailability | null {
  let uncoded = false;
  for (const e of chain(error)) {
    if (e instanceof EmbeddedDatabaseBusy) return { reason: "embedded_busy", message: unavailableMessage("embedded_busy", embeddedDir(e.dir)) };
    // PGlite's WebAssembly engine aborts when its data directory cannot be opened, and
    // every later query fails with the same error: the embedded database is gone for this process.
    if (e instanceof WebAssembly.RuntimeError) return { reason: "embedded_broken", message: unavailableMessage("embedded_broken") };
    if (typeof e.code === "string" && (SOCKET_CODES.has(e.code) || PRISMA_CODES.has(e.code) || isSqlState(e.code))) return unreachable();
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return unreachable();
    if (e.kind === "postgres" && isSqlState((e as { code?: unknown }).code)) return unreachable();
    if (typeof e.message === "string" && PG_UNCODED.has(e.message) && e.code === undefined) uncoded = true;
  }
  return uncoded ? unreachable() : null;
}

function unreachable(): Unavailability {
  return { reason: "unreachable", message: DATABASE_UNREACHABLE_MESSAGE };
}
