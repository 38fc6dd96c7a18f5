import type { RefusalCode } from "@/lib/core/result";

/** Every `error.code` the Team API answers with: the guard's refusals and the API's own. */
export const API_ERROR_CODES = [
  "invalid_json",
  "invalid_query",
  "unauthenticated",
  "forbidden",
  "two_factor_required",
  "not_found",
  "conflict",
  "seat_limit",
  "gone",
  "idempotency_in_progress",
  "invalid_input",
  "idempotency_key_reused",
  "rate_limited",
  "internal",
  "unavailable",
] as const satisfies readonly (RefusalCode | string)[];

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
