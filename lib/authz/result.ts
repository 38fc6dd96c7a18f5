/** What every server action returns; forms show `message` and `fieldErrors`. */
export type ActionResult<T = void> =
  | { ok: true; data: T }
  | { ok: false; code: RefusalCode; message: string; fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number };

export type RefusalCode =
  | "unauthenticated"
  | "not_found"
  | "forbidden"
  | "invalid_input"
  | "conflict"
  | "rate_limited"
  | "seat_limit"
  | "gone"
  | "internal";

/** Thrown inside a guarded handler to refuse; the guard rolls the transaction back and returns it as a result. */
export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export function refuse(code: RefusalCode, message: string, fieldErrors?: Record<string, string[]>): never {
  throw new Refusal(code, message, fieldErrors);
}
