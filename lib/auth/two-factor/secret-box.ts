// Secrets Roster must read back (a TOTP seed) are stored sealed: AES-256-GCM, a fresh
// 96-bit nonce each time, the authentication tag checked on opening, so a row edited in the
// database fails to open instead of yielding another secret. The key is TOTP_ENCRYPTION_KEY
// (32 bytes, base64 or hex) when set, otherwise derived from AUTH_SECRET with HKDF: one
// secret to configure, and a separate key to rotate apart from sessions when wanted.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The 32-byte key from the environment; throws with what to set when neither variable is usable. */
export function sealingKey(env: Record<string, string | undefined> = process.env): Buffer {
  const explicit = env.TOTP_ENCRYPTION_KEY?.trim();
  if (explicit) {
    const key = /^[0-9a-f]{64}$/i.test(explicit) ? Buffer.from(explicit, "hex") : Buffer.from(explicit, "base64");
    if (key.length !== 32) throw new Error("TOTP_ENCRYPTION_KEY must be 32 bytes, as 64 hex digits or base64 (e.g. `openssl rand -base64 32`).");
    return key;
  }
  const secret = env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET (or TOTP_ENCRYPTION_KEY) must be set to store two-factor secrets.");
  return Buffer.from(hkdfSync("sha256", secret, "roster", "roster two-factor secrets v1", 32));
}

/** `v1.<nonce>.<ciphertext>.<tag>`, base64url parts. `context` (e.g. the user id) is bound in: a sealed value copied to another row does not open. */
export function seal(plain: string, context: string, key = sealingKey()): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, nonce, body, cipher.getAuthTag()].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The plain text, or null when the value was altered, sealed for another context or with another key. */
export function open(sealed: string, context: string, key = sealingKey()): string | null {
  const [version, nonce, body, tag, ...rest] = sealed.split(".");
  if (version !== VERSION || !nonce || body === undefined || !tag || rest.length) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(nonce, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
