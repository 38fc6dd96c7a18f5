// Time-based one-time passwords (RFC 6238) as Roster uses them: 6 digits, 30-second steps,
// HMAC-SHA-1 (what every authenticator app reads from an otpauth:// link), one step of
// clock drift accepted either way. `otpauth` does the arithmetic; this file fixes the
// parameters in one place and adds what RFC 6238 §5.2 asks of a verifier: a code, once
// accepted, is never accepted again.
import "server-only";
import { Secret, TOTP } from "otpauth";

export const TOTP_PARAMETERS = { algorithm: "SHA1", digits: 6, period: 30 } as const;
/** Steps accepted either side of the current one. */
export const TOTP_DRIFT_STEPS = 1;
const ISSUER = "Roster";

/** A new shared secret: 20 random bytes (160 bits, RFC 4226's recommendation), as base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

const totpOf = (secretBase32: string, label = "") => new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secretBase32), ...TOTP_PARAMETERS });

/** `otpauth://totp/Roster:<email>?secret=…&issuer=Roster&…`, for the QR code an app scans. */
export function totpUri(secretBase32: string, email: string): string {
  return totpOf(secretBase32, email).toString();
}

/** The code for a moment (for tests, which play the authenticator app). */
export function totpCode(secretBase32: string, at = Date.now()): string {
  return totpOf(secretBase32).generate({ timestamp: at });
}

/** The time step a moment falls in (seconds since 1970 over the period). */
export const totpStep = (at = Date.now()) => Math.floor(at / 1000 / TOTP_PARAMETERS.period);

/**
 * Checks a typed code. Returns the step it belongs to, or null when it is wrong, outside
 * the drift window, or not newer than `lastUsedStep` — a code already used (or an older
 * one) is refused, so a code seen over someone's shoulder cannot be replayed within its
 * window. The caller stores the returned step, atomically with accepting it.
 */
export function verifyTotp(secretBase32: string, typed: string, lastUsedStep: number | null, at = Date.now()): number | null {
  const code = typed.replace(/[\s-]/g, "");
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secretBase32).validate({ token: code, timestamp: at, window: TOTP_DRIFT_STEPS });
  if (delta === null) return null;
  const step = totpStep(at) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}
