// The shapes every layer shares: what an action returns, and how code below the guard
// refuses. This module depends on nothing, so any layer may import it without creating
// a cycle (see docs/architecture.md).

/** What every server action returns; forms show `message` and `fieldErrors`. */
export type ActionResult<T = void> =
  | { ok: true; data: T }
  | { ok: false; code: RefusalCode; message: string; fieldErrors?: FieldErrors; retryAfterSeconds?: number };

export type Refused = Extract<ActionResult<never>, { ok: false }>;

export type FieldErrors = Record<string, string[]>;

export type RefusalCode =
  | "unauthenticated"
  | "not_found"
  | "forbidden"
  | "invalid_input"
  | "conflict"
  | "rate_limited"
  | "seat_limit"
  | "gone"
  /** The workspace requires two-factor authentication and the actor has not set it up. */
  | "two_factor_required"
  /** The database cannot be reached (lib/db/unavailable.ts): nothing was done; try again shortly. */
  | "unavailable"
  | "internal";

export type RefusalDetails = {
  /** Messages per form field ("_form" for the form as a whole). */
  fieldErrors?: FieldErrors;
  /** For `rate_limited` and `unavailable`: when trying again makes sense. */
  retryAfterSeconds?: number;
};

/** Thrown inside a guarded handler to refuse; the guard rolls the transaction back and returns it as a result. */
export class Refusal extends Error {
  readonly fieldErrors?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: RefusalCode,
    message: string,
    details: RefusalDetails = {},
  ) {
    super(message);
    this.fieldErrors = details.fieldErrors;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  toResult(): Refused {
    return { ok: false, code: this.code, message: this.message, fieldErrors: this.fieldErrors, retryAfterSeconds: this.retryAfterSeconds };
  }
}
