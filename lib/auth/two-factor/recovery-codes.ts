// Recovery codes: ten single-use codes shown once when two-factor authentication is set up.
// Each is 10 characters of Crockford's base32 (digits and letters without i, l, o, u: 50
// bits), shown as "xxxxx-xxxxx"; typed, o reads as 0 and i or l as 1, as Crockford says. At that strength a plain SHA-256 is enough to store them: guessing one
// online is bounded by the sign-in limits, and a leaked hash cannot be searched backwards
// in any useful time. Typed codes are compared case- and separator-insensitively.
import "server-only";
import { createHash, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const LENGTH = 10;

function oneCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Ten new codes, all different, as shown to the person. */
export function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(oneCode());
  return [...codes];
}

/** What a typed code means: lower case, spaces and dashes dropped, look-alikes read as digits; null when it cannot be a code. */
export function normalizeRecoveryCode(typed: string): string | null {
  const code = typed.toLowerCase().replace(/[\s-]/g, "").replace(/o/g, "0").replace(/[il]/g, "1");
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** The stored form of a code (typed or as generated). */
export function hashRecoveryCode(code: string): string {
  const normal = normalizeRecoveryCode(code);
  if (!normal) throw new Error("not a recovery code");
  return createHash("sha256").update(`roster-recovery:${normal}`).digest("hex");
}
