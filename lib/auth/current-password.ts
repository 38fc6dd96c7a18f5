import "server-only";
import { Refusal } from "@/lib/core/result";
import { formatWait } from "@/lib/rate-limit";
import type { AuditEventInput } from "@/lib/audit/record";
import { checkPassword } from "./sign-in";

export const WRONG_PASSWORD = "That password is not correct.";

/**
 * The signed-in person's own password, asked again before a change that needs it
 * (ownership transfer, a new password). It is checked on the sign-in counters
 * (docs/decisions/009-sign-in-limits.md), so a stolen session guesses it no faster here
 * than at /login. Call it from the guard's `before` hook: outside the action's
 * transaction, so a refused attempt still counts, and before any workspace lock, so a
 * slow hash never holds one.
 */
export async function confirmOwnPassword(actor: AuditEventInput["actor"], password: string, ip: string | null, field: string) {
  if (actor.type !== "user" || !actor.email) throw new Refusal("unauthenticated", "Your session has ended. Sign in again.");
  const check = await checkPassword({ email: actor.email, password, ip });
  if (check.ok) return;
  if (check.code === "rate_limited") {
    throw new Refusal("rate_limited", `Too many wrong passwords. Try again in ${formatWait(check.retryAfterSeconds)}.`, { retryAfterSeconds: check.retryAfterSeconds });
  }
  throw new Refusal("invalid_input", WRONG_PASSWORD, { fieldErrors: { [field]: [WRONG_PASSWORD] } });
}
