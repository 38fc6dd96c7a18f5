import "server-only";
import type * as z from "@/lib/zod";
import { readRequestContext } from "@/lib/auth/request-context";
import { runWithApiKey } from "@/lib/auth/api-key-scope";
import type { Permission } from "@/lib/authz/permissions";
import type { ActionResult } from "@/lib/core/result";
import { searchParamsRecord } from "@/lib/audit/filters";
import { admitRequest, apiKeyMayNow } from "./authenticate";
import { logEvent } from "@/lib/ops/hooks";
import { NO_STORE, apiError, unauthenticated } from "./errors";
import { IDEMPOTENCY_KEY_PATTERN, requestHash, reserve, settleReservation } from "./idempotency";

// One declaration per endpoint (docs/decisions/017-team-api.md): its method and path, the
// zod schemas of its path parameters, query and body (the forms' own), its response's
// schema, the permission it needs, and `run`, which calls the guarded action or query that
// does the work. The route handler (`apiHandler`) and the OpenAPI document (./openapi.ts)
// are both made from it, so neither can describe an endpoint the other does not have.

export type ApiMethod = "GET" | "POST" | "PATCH" | "DELETE";
type Schema = z.core.$ZodType;

/** What `run` is given: the key's workspace (its slug) and the request's parts, unparsed: the guard parses them. */
export type RunInput = { slug: string; params: Record<string, string>; query: Record<string, string | string[]>; body: unknown };
/** A guarded call's result with the status and body to answer, or a Response made by `run` itself (a stream). */
export type RunResult = ActionResult<{ status?: number; body: unknown }> | Response;

export type ApiRoute = {
  operationId: string;
  method: ApiMethod;
  /** The path under /api/v1, OpenAPI style: "/members/{memberId}". */
  path: string;
  tag: "Members" | "Invitations" | "Groups" | "Audit";
  summary: string;
  description?: string;
  /** The permission the guarded call checks; the reference lists it. */
  permission: Permission;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** The success answer: status and the schema of its JSON body, or other media types (the export). */
  success: { status: 200 | 201; description: string; schema?: Schema; media?: Record<string, { schema: Record<string, unknown> }> };
  /** The refusals this endpoint can answer with, besides 401 and 429 (every endpoint's). */
  refusals: number[];
  /** POSTs that create something honour Idempotency-Key. */
  idempotent?: boolean;
  run: (input: RunInput) => Promise<RunResult>;
};

export function defineRoute(route: ApiRoute): ApiRoute {
  return route;
}

// Next resolves `params` to undefined for a path without dynamic segments.
type Context = { params: Promise<Record<string, string | string[] | undefined> | undefined> };

async function readBody(request: Request): Promise<{ ok: true; text: string; value: unknown } | { ok: false }> {
  const text = await request.text();
  if (text.trim() === "") return { ok: true, text, value: {} };
  try {
    return { ok: true, text, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A path segment as text; one that is not valid percent-encoding stays as it came (and matches no id). */

function answer(result: RunResult, status = 200): { status: number; body: unknown; response: Response } {
  if (result instanceof Response) return { status: result.status, body: null, response: result };
  if (result.ok) {
    const code = result.data.status ?? status;
    return { status: code, body: result.data.body, response: Response.json(result.data.body, { status: code, headers: NO_STORE }) };
  }
  const response = apiError(result.code, result.message, { fields: result.fieldErrors, retryAfterSeconds: result.retryAfterSeconds });
  return { status: response.status, body: null, response };
}

/**
 * The route handler of one endpoint: the bearer key (401, the same for every unusable key),
 * its rate limit (429 with Retry-After), the JSON body (400), Idempotency-Key, then `run`
 * inside the key's scope, where the guard reads the key as it reads a session. Nothing
 * here decides who may do what: the guarded call does.
 */
export function apiHandler(route: ApiRoute) {
  return async function handle(request: Request, context: Context): Promise<Response> {
    try {
      const { ip } = await readRequestContext();
      const admitted = await admitRequest(request, ip);
      if ("retryAfterSeconds" in admitted) {
        return apiError("rate_limited", `Too many requests with this API key. Try again in ${admitted.retryAfterSeconds} seconds.`, { retryAfterSeconds: admitted.retryAfterSeconds });
      }
      const key = admitted.key;
      if (!key) return unauthenticated();
      // Next hands the segments over decoded already: decoding again would turn "%" (sent as
      // %25) into an error and "%2541" into "A".
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries((await context.params) ?? {})) if (typeof value === "string") params[name] = value;
      const url = new URL(request.url);
      const body = route.method === "GET" ? { ok: true as const, text: "", value: {} } : await readBody(request);
      if (!body.ok) return apiError("invalid_json", "The request body is not valid JSON.");
      if (route.body && (typeof body.value !== "object" || body.value === null || Array.isArray(body.value))) {
        return apiError("invalid_input", "The request body must be a JSON object.", { fields: { _form: ["The request body must be a JSON object."] } });
      }
      const input: RunInput = { slug: key.workspace.slug, params, query: searchParamsRecord(url.searchParams), body: body.value };
      const run = () => runWithApiKey(key.id, () => route.run(input));

      const idempotencyKey = route.idempotent ? request.headers.get("idempotency-key") : null;
      if (idempotencyKey === null) return answer(await run(), route.success.status).response;
      if (!IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
        return apiError("invalid_input", "Idempotency-Key must be 1–255 visible ASCII characters.", { fields: { "Idempotency-Key": ["1–255 visible ASCII characters."] } });
      }
      const hash = requestHash(route.method, url.pathname, body.text);
      const reservation = await reserve(key.id, idempotencyKey, hash);
      if (reservation.kind === "mismatch") return apiError("idempotency_key_reused", "This Idempotency-Key was used with another request. Use a new key for a new request.");
      if (reservation.kind === "running") return apiError("idempotency_in_progress", "A request with this Idempotency-Key is still running. Retry in a moment.");
      if (reservation.kind === "replay") {
        // The first answer again, but only to a member who may still make the request.
        if (!(await apiKeyMayNow(key.id, key.workspace.slug, route.permission))) {
          return apiError("forbidden", "Your role no longer allows this request, so its earlier answer is not replayed.");
        }
        return Response.json(reservation.body, { status: reservation.status, headers: { ...NO_STORE, "idempotent-replayed": "true" } });
      }
      let done: ReturnType<typeof answer> | null = null;
      try {
        done = answer(await run(), route.success.status);
        return done.response;
      } finally {
        await settleReservation(key.id, idempotencyKey, reservation.since, done?.status ?? 500, done?.body ?? null);
      }
    } catch (error) {
      // Through the server's logger: one JSON line with the request id and the stack.
      logEvent("error", "Team API request failed", { error: String(error), stack: error instanceof Error ? error.stack : undefined });
      return apiError("internal", "Something went wrong on our side. Nothing was changed; please try again.");
    }
  };
}
