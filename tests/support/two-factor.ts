import { afterAll, beforeAll } from "vitest";
import { prisma } from "@/lib/db";
import { replaceRecoveryCodes, sealTotpSecret } from "@/lib/auth/two-factor/store";
import { newTotpSecret } from "@/lib/auth/two-factor/totp";
import { createUser } from "./factories";

/** The sealing key, as an operator sets it; restored afterwards for the files that follow. */
export function withSealingKey() {
  const previousKey = process.env.TOTP_ENCRYPTION_KEY;
  beforeAll(() => void (process.env.TOTP_ENCRYPTION_KEY = "42".repeat(32)));
  afterAll(() => {
    if (previousKey === undefined) delete process.env.TOTP_ENCRYPTION_KEY;
    else process.env.TOTP_ENCRYPTION_KEY = previousKey;
  });
}

/** Turns 2FA on for a user as setting it up would: a sealed secret (returned, as the app holds it) and ten recovery codes. */
export async function enableTotp(user: { id: string }) {
  const secret = newTotpSecret();
  await prisma.user.update({ where: { id: user.id }, data: { totpSecret: sealTotpSecret(user.id, secret), totpEnabledAt: new Date() } });
  const recoveryCodes = await prisma.$transaction((tx) => replaceRecoveryCodes(tx, user.id));
  return { secret, recoveryCodes };
}

/** A new user with 2FA on. */
export async function userWithTotp(overrides: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(overrides);
  return { user, ...(await enableTotp(user)) };
}
