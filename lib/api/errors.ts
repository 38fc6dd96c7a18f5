import "server-only";
import type { FieldErrors } from "@/lib/core/result";
import { API_ERROR_CODES, type ApiErrorCode } from "./errors-codes";

export { API_ERROR_CODES, type ApiErrorCode };

// The Team API's one error envelope: `{ "error": { "code", "message", "fields"? } }`. Codes
// are stable; the guard's refusals keep their codes and get the status that means them.

const STATUS: Record<ApiErrorCode, number> = {
  invalid_json: 400,
  invalid_query: 400,
  unauthenticated: 401,
  forbidden: 403,
  two_factor_required: 403,
  not_found: 404,
  conflict: 409,
  seat_limit: 409,
  gone: 409,
  idempotency_in_progress: 409,
  invalid_input: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal: 500,
  // The database cannot be reached: nothing was done, and the answer carries Retry-After.
  unavailable: 503,
};

export const statusOf = (code: ApiErrorCode) => STATUS[code];

export const NO_STORE = { "cache-control": "no-store" } as const;

export type ApiErrorBody = { error: { code: ApiErrorCode; message: string; fields?: FieldErrors } };

export function errorBody(code: ApiErrorCode, message: string, fields?: FieldErrors): ApiErrorBody {
  return { error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}) } };
}

export function apiError(code: ApiErrorCode, message: string, details: { fields?: FieldErrors; retryAfterSeconds?: number } = {}): Response {
  const headers: Record<string, string> = { ...NO_STORE };
  if (details.retryAfterSeconds) headers["retry-after"] = String(details.retryAfterSeconds);
  return Response.json(errorBody(code, message, details.fields), { status: statusOf(code), headers });
}

/** Every unauthenticated answer is this one, whatever the reason: no key, unknown, revoked, expired. */
export const unauthenticated = () =>
  apiError("unauthenticated", "Send a valid API key: Authorization: Bearer rst_… (create one in the workspace's Settings → API keys).");
