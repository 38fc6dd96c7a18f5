import "server-only";
import * as z from "@/lib/zod";
import { signInSchema } from "./schemas";
import { GENERIC_SIGN_IN_ERROR, verifyCredentials, type SignInResult } from "./sign-in";

/** The fields Auth.js passes to `authorize`, parsed as the sign-in form's are (with its length caps). */
const credentialsSchema = z.pick(signInSchema, { email: true, password: true });

/**
 * Auth.js's `authorize`: anyone can POST to /api/auth/callback/credentials, bypassing the
 * form and its action, so the raw credentials are parsed here with the same schema.
 * Malformed or oversized input is refused before anything is looked up, counted or
 * stored (a 200,000-character email once reached the audit log and the rate-limit table).
 */
export async function authorizeCredentials(credentials: unknown, meta: { ip: string | null; userAgent: string | null }): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(credentials ?? {});
  if (!parsed.success) return { ok: false, code: "invalid_credentials", message: parsed.error.issues[0]?.message ?? GENERIC_SIGN_IN_ERROR };
  return verifyCredentials({ ...parsed.data, ...meta });
}
