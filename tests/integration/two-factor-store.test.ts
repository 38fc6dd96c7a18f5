// Accepting a second factor: one conditional write each, so a code is taken once however
// many requests present it, on both engines.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { acceptTotpCode, openTotpSecret, replaceRecoveryCodes, sealTotpSecret, redeemRecoveryCode } from "@/lib/auth/two-factor/store";
import { totpCode } from "@/lib/auth/two-factor/totp";
import { createUser } from "../support/factories";
import { withSealingKey, userWithTotp } from "../support/two-factor";

withSealingKey();

describe("two-factor storage", () => {
  it("keeps the secret sealed, readable for its own user only", async () => {
    const { user, secret } = await userWithTotp();
    const other = await createUser();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).not.toContain(secret);
    expect(openTotpSecret(row)).toBe(secret);
    // Copied onto another user's row, it does not open there.
    expect(openTotpSecret({ id: other.id, totpSecret: row.totpSecret })).toBeNull();
  });

  it("accepts a code once: a replay, an older code, a wrong one and a copied secret are refused", async () => {
    const { user, secret } = await userWithTotp();
    const at = Date.now();
    const code = totpCode(secret, at);
    expect(await acceptTotpCode(prisma, user.id, code, at)).toBe(true);
    expect(await acceptTotpCode(prisma, user.id, code, at + 5_000)).toBe(false);
    expect(await acceptTotpCode(prisma, user.id, totpCode(secret, at - 30_000), at)).toBe(false);
    const wrong = String((Number(totpCode(secret, at + 30_000)) + 1) % 1_000_000).padStart(6, "0");
    expect(await acceptTotpCode(prisma, user.id, wrong, at + 30_000)).toBe(false);
    expect(await acceptTotpCode(prisma, user.id, totpCode(secret, at + 30_000), at + 30_000)).toBe(true);
    // A user without a secret, or whose sealed secret was altered, accepts nothing.
    const plain = await createUser();
    expect(await acceptTotpCode(prisma, plain.id, code, at)).toBe(false);
    await prisma.user.update({ where: { id: plain.id }, data: { totpSecret: sealTotpSecret(user.id, secret) } });
    expect(await acceptTotpCode(prisma, plain.id, totpCode(secret, at + 60_000), at + 60_000)).toBe(false);
  });

  it("takes one code presented by 10 requests at once exactly once", async () => {
    const { user, secret } = await userWithTotp();
    const at = Date.now();
    const code = totpCode(secret, at);
    const results = await Promise.all(Array.from({ length: 10 }, () => acceptTotpCode(prisma, user.id, code, at)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("uses each recovery code once, even when 10 requests present it at once; new codes void the old", async () => {
    const user = await createUser();
    const other = await createUser();
    const codes = await prisma.$transaction((tx) => replaceRecoveryCodes(tx, user.id));
    expect(codes).toHaveLength(10);
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((r) => r.codeHash).join()).not.toContain(codes[0]!.replace("-", ""));

    const results = await Promise.all(Array.from({ length: 10 }, () => redeemRecoveryCode(prisma, user.id, codes[0]!)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await redeemRecoveryCode(prisma, user.id, codes[0]!)).toBe(false);
    expect(await redeemRecoveryCode(prisma, other.id, codes[1]!)).toBe(false); // another user's code
    expect(await redeemRecoveryCode(prisma, user.id, codes[1]!.toUpperCase().replace("-", " "))).toBe(true);
    expect(await redeemRecoveryCode(prisma, user.id, "not a code")).toBe(false);

    const fresh = await prisma.$transaction((tx) => replaceRecoveryCodes(tx, user.id));
    expect(await redeemRecoveryCode(prisma, user.id, codes[2]!)).toBe(false);
    expect(await redeemRecoveryCode(prisma, user.id, fresh[0]!)).toBe(true);
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
  });
});
