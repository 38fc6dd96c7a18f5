// The building blocks of two-factor authentication: TOTP as configured (RFC 6238), the
// sealed storage of its secret, and recovery codes.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newTotpSecret, totpCode, totpStep, totpUri, verifyTotp } from "@/lib/auth/two-factor/totp";
import { open, seal, sealingKey } from "@/lib/auth/two-factor/secret-box";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from "@/lib/auth/two-factor/recovery-codes";

// RFC 6238 Appendix B, SHA-1: the secret is the ASCII "12345678901234567890" (base32 below);
// the RFC prints 8 digits, and a 6-digit code is the same value's last six.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP", () => {
  it("gives RFC 6238's SHA-1 test vectors, as 6 digits", () => {
    for (const [seconds, code] of RFC_VECTORS) expect(totpCode(RFC_SECRET, seconds * 1000), String(seconds)).toBe(code.slice(-6));
  });

  it("makes 20-byte secrets and an otpauth link for the app", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 20 bytes = 32 base32 letters
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "ada@example.test"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Roster:ada@example.test");
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ secret, issuer: "Roster", algorithm: "SHA1", digits: "6", period: "30" });
  });

  it("accepts the current code and one step of drift either way, nothing further", () => {
    const at = 1_700_000_000_000;
    const step = totpStep(at);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, at), null, at)).toBe(step);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, at - 30_000), null, at)).toBe(step - 1);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, at + 30_000), null, at)).toBe(step + 1);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, at - 60_000), null, at)).toBeNull();
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, at + 60_000), null, at)).toBeNull();
    expect(verifyTotp(RFC_SECRET, ` ${totpCode(RFC_SECRET, at).replace(/^(\d{3})/, "$1 ")} `, null, at)).toBe(step);
    for (const junk of ["", "12345", "1234567", "abcdef", "١٢٣٤٥٦"]) expect(verifyTotp(RFC_SECRET, junk, null, at), junk).toBeNull();
  });

  it("refuses a code already used, and any older one, within its window (RFC 6238 §5.2)", () => {
    const at = 1_700_000_000_000;
    const code = totpCode(RFC_SECRET, at);
    const used = verifyTotp(RFC_SECRET, code, null, at)!;
    expect(verifyTotp(RFC_SECRET, code, used, at + 10_000)).toBeNull();
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, at - 30_000), used, at)).toBeNull();
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, at + 30_000), used, at + 30_000)).toBe(used + 1);
  });
});

describe("sealed secrets", () => {
  const env = { AUTH_SECRET: "a-test-secret-that-is-long-enough-0123456789" };
  const key = sealingKey(env);

  it("round-trips, with a fresh nonce each time", () => {
    const a = seal("JBSWY3DPEHPK3PXP", "user-1", key);
    const b = seal("JBSWY3DPEHPK3PXP", "user-1", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(open(a, "user-1", key)).toBe("JBSWY3DPEHPK3PXP");
    expect(open(b, "user-1", key)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("does not open when altered, moved to another user, or under another key", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP", "user-1", key);
    const [v, nonce, body, tag] = sealed.split(".");
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0]! ^= 1;
      return bytes.toString("base64url");
    };
    expect(open([v, flip(nonce!), body, tag].join("."), "user-1", key)).toBeNull();
    expect(open([v, nonce, flip(body!), tag].join("."), "user-1", key)).toBeNull();
    expect(open([v, nonce, body, flip(tag!)].join("."), "user-1", key)).toBeNull();
    expect(open(sealed, "user-2", key)).toBeNull();
    expect(open(sealed, "user-1", sealingKey({ AUTH_SECRET: "another-secret-entirely-0123456789abcdef" }))).toBeNull();
    for (const junk of ["", "v1", "v2.a.b.c", `${sealed}.extra`]) expect(open(junk, "user-1", key), junk).toBeNull();
  });

  it("takes TOTP_ENCRYPTION_KEY over AUTH_SECRET, and refuses a key of the wrong size", () => {
    const hex = "11".repeat(32);
    expect(sealingKey({ ...env, TOTP_ENCRYPTION_KEY: hex })).toEqual(Buffer.alloc(32, 0x11));
    expect(sealingKey({ ...env, TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") })).toEqual(Buffer.alloc(32, 7));
    expect(sealingKey(env)).not.toEqual(sealingKey({ AUTH_SECRET: `${env.AUTH_SECRET}x` }));
    expect(() => sealingKey({ ...env, TOTP_ENCRYPTION_KEY: "too-short" })).toThrow(/32 bytes/);
    expect(() => sealingKey({})).toThrow(/AUTH_SECRET/);
  });
});

describe("recovery codes", () => {
  it("are ten different codes of 50 bits, hashed the same however they are typed", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    const code = codes[0]!;
    const key = Buffer.alloc(32, 7);
    const hash = hashRecoveryCode(code, "user-a", key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code.replace("-", ""));
    expect(hashRecoveryCode(` ${code.toUpperCase().replace("-", " ")} `, "user-a", key)).toBe(hash);
    expect(hashRecoveryCode(codes[1]!, "user-a", key)).not.toBe(hash);
    // Keyed and per user: neither a copy of the database alone nor another user's row matches it.
    expect(hashRecoveryCode(code, "user-b", key)).not.toBe(hash);
    expect(hashRecoveryCode(code, "user-a", Buffer.alloc(32, 8))).not.toBe(hash);
    expect(hash).not.toBe(createHash("sha256").update(`roster-recovery:${code.replace("-", "")}`).digest("hex"));
  });

  it("read look-alike letters as the digits they resemble, and refuse what cannot be a code", () => {
    expect(normalizeRecoveryCode("OIL23-45678")).toBe("0112345678");
    for (const junk of ["", "short", "abcde-fghjk-m", "abcde-fghju", "abcde_fghjk"]) expect(normalizeRecoveryCode(junk), junk).toBeNull();
  });
});

describe("the second-factor code field", () => {
  it("takes 6 digits, 10 digits or a recovery code, and calls other runs of digits a typo before anything is counted", async () => {
    const { secondFactorCodeSchema } = await import("@/lib/auth/two-factor/schemas");
    for (const ok of ["123456", "123 456", "0123456789", "abcde-fghjk", "ABCDE FGHJK"]) expect(secondFactorCodeSchema.safeParse(ok).success, ok).toBe(true);
    for (const typo of ["12345", "1234567", "12345678901", ""]) expect(secondFactorCodeSchema.safeParse(typo).success, typo).toBe(false);
  });
});
