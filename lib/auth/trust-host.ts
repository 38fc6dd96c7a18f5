/**
 * Auth.js's `trustHost`, from AUTH_TRUST_HOST. Auth.js builds its own URLs from AUTH_URL
 * when that is set, and otherwise from the request's Host (or X-Forwarded-Host) header;
 * with `trustHost` false it refuses every request, so sign-in fails and nobody is signed in.
 *
 * - unset or `true`: trust the header. Roster is self-hosted and usually reached directly or
 *   through its operator's own proxy; Auth.js's own default (false under `next start`)
 *   would refuse every sign-in of a fresh install.
 * - `false`: never take the address from the header. Auth.js then works only with AUTH_URL,
 *   which replaces the header entirely, so the gate opens exactly when AUTH_URL is set.
 */
export function trustHost(env: Record<string, string | undefined>): boolean {
  const value = env.AUTH_TRUST_HOST?.trim().toLowerCase() ?? "";
  if (value === "" || value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return Boolean(env.AUTH_URL?.trim());
  throw new Error(`AUTH_TRUST_HOST must be "true" or "false", not "${env.AUTH_TRUST_HOST}".`);
}
