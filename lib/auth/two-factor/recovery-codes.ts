// Recovery codes: ten single-use codes shown once when two-factor authentication is set up.
// Each is 10 characters of Crockford's base32 (digits and letters without i, l, o, u: 50
// bits), shown as "xxxxx-xxxxx"; typed, o reads as 0 and i or l as 1, as Crockford says.
// Stored as an HMAC-SHA-256 of the user id and the code, under a key derived from the
// sealing key (secret-box.ts), never in the database: 50 bits can be swept offline (a GPU
// does SHA-256 in hours), so a copy of the database alone must not yield anyone's codes,
// and the user id keeps one user's sweep from serving another's. Guessing online is
// bounded by the sign-in limits. Typed codes are compared case- and separator-insensitively.
import "server-only";
import { createHmac, hkdfSync, randomInt } from "node:crypto";
import { sealingKey } from "./secret-box";

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

const recoveryKey = (key: Buffer) => Buffer.from(hkdfSync("sha256", key, "roster", "roster recovery codes v1", 32));

/** The stored form of one of `userId`'s codes (typed or as generated). */
export function hashRecoveryCode(code: string, userId: string, key = sealingKey()): string {
  const normal = normalizeRecoveryCode(code);
  if (!normal) throw new Error("not a recovery code");
  return createHmac("sha256", recoveryKey(key)).update(`${userId}:${normal}`).digest("hex");
}
