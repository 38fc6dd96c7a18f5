import "server-only";
import { Refusal } from "@/lib/core/result";
import { signIn } from "./config";

/**
 * What starting a session came to: signed in, or (an account with two-factor
 * authentication) a challenge that the form answers with a code, through `finishSession`.
 */
export type SessionStart = { challenge: string } | { challenge?: undefined };

function refusalOf(error: unknown): Refusal | { challenge: string } {
  const refused = error as { code?: string; userMessage?: string; challenge?: string };
  if (!refused.userMessage) throw error;
  if (refused.code === "two_factor_required" && refused.challenge) return { challenge: refused.challenge };
  if (refused.code === "rate_limited") return new Refusal("rate_limited", refused.userMessage);
  if (refused.code === "wrong_code") return new Refusal("invalid_input", refused.userMessage, { fieldErrors: { code: [refused.userMessage] } });
  if (refused.code === "two_factor_expired") return new Refusal("gone", refused.userMessage);
  return new Refusal("unauthenticated", refused.userMessage);
}

/** Starts the Auth.js session (a JWT naming a fresh Session row) for credentials just checked or created. */
export async function startSession(email: string, password: string): Promise<SessionStart> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return {};
  } catch (error) {
    const outcome = refusalOf(error);
    if (outcome instanceof Refusal) throw outcome;
    return outcome;
  }
}

/** The second step: the challenge `startSession` returned, and a code from the app or a recovery code. */
export async function finishSession(challenge: string, code: string): Promise<void> {
  try {
    await signIn("two-factor", { challenge, code, redirect: false });
  } catch (error) {
    const outcome = refusalOf(error);
    throw outcome instanceof Refusal ? outcome : new Refusal("internal", "Sign in again.");
  }
}
