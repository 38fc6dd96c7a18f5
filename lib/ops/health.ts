import "server-only";
import { version } from "@/package.json";
import { noteDatabaseDown } from "./hooks";
import { checkReadiness } from "./readiness";

// The answers of GET /api/health/live and /api/health/ready, for load balancers and
// container orchestrators (README, "Operating Roster"). They reveal the app's version and,
// when not ready, why: never the database's address, its version or an error's text.

const NO_STORE = { "cache-control": "no-store" };
/** Seconds a probe or client should wait after a 503 (also the 503 page's Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

/** The process answers: nothing else is asked, the database least of all. */
export function liveResponse(): Response {
  return Response.json({ status: "live", version }, { headers: NO_STORE });
}

/** 200 when the database answers in time and its migrations are current; else 503 with the reason. */
export async function readyResponse(): Promise<Response> {
  const result = await checkReadiness();
  if (result.ready) return Response.json({ status: "ready", version }, { headers: NO_STORE });
  if (result.reason !== "migrations_pending" && result.reason !== "error") noteDatabaseDown(result);
  const { reason, message } = result;
  const pending = "pending" in result ? { pending: result.pending } : {};
  return Response.json(
    { status: "unavailable", version, reason, message, ...pending },
    { status: 503, headers: { ...NO_STORE, "retry-after": String(RETRY_AFTER_SECONDS) } },
  );
}
