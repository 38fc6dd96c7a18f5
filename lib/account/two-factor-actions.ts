"use server";

import * as z from "@/lib/zod";
import QRCode from "qrcode";
import { userAction } from "@/lib/authz/guard";
import { Refusal } from "@/lib/core/result";
import { confirmOwnPassword } from "@/lib/auth/current-password";
import { confirmTwoFactorSchema, reauthenticateSchema } from "@/lib/auth/two-factor/schemas";
import { newTotpSecret, totpUri, verifyTotp } from "@/lib/auth/two-factor/totp";
import { openTotpSecret, clearTwoFactor, replaceRecoveryCodes, sealTotpSecret } from "@/lib/auth/two-factor/store";
import { confirmSecondFactor } from "@/lib/auth/two-factor/verify";
import { endOtherSessions } from "@/lib/auth/sessions";

// /account → Two-factor authentication (docs/decisions/013-two-factor.md). Setting up is
// two steps: a new secret kept aside (pending), then the password and a code from it, which
// turn 2FA on and show the recovery codes once. Turning it off and new recovery codes each
// take the password and a current code (or a recovery code).

const ALREADY_ON = "Two-factor authentication is already on for your account.";
const WRONG_SETUP_CODE = "That code does not match. Check that your app added the Roster account from this page, and enter the code it shows now.";
const target = (user: { id: string; email: string }) => ({ type: "user", id: user.id, label: user.email });

/**
 * An address nobody has proved may not be the account's owner's, and its owner can take the
 * account back by a reset or an invitation, which drop 2FA. So 2FA waits for a verified
 * address: a squatter cannot put it on, and on an account that has it, the inbox alone
 * cannot take it off.
 */
function assertVerified(user: { emailVerifiedAt: Date | null }) {
  if (!user.emailVerifiedAt) throw new Refusal("forbidden", "Verify your email address first (use the link we sent you), then set up two-factor authentication.");
}
const passwordBefore = (input: { password: string }, request: { ip: string | null }, actor: Parameters<typeof confirmOwnPassword>[0]) =>
  confirmOwnPassword(actor, input.password, request.ip, "password");

// POST /account — "Set up": a secret, sealed, waiting for its first code. A setup begun
// before (cancelled, or the page reloaded) keeps its secret, so an app that already scanned
// it still gives the right codes; a new one is made only when none is pending.
export const beginTwoFactorSetup = userAction(z.object({}), async (_input, { tx, user, audit }) => {
  if (user.totpEnabledAt) throw new Refusal("conflict", ALREADY_ON);
  assertVerified(user);
  const row = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpPendingSecret: true } });
  const pending = openTotpSecret({ id: user.id, totpSecret: row.totpPendingSecret });
  const secret = pending ?? newTotpSecret();
  if (!pending) await tx.user.update({ where: { id: user.id }, data: { totpPendingSecret: sealTotpSecret(user.id, secret) } });
  await audit({ action: "account.two_factor_setup_started", target: target(user), after: { newSecret: !pending } });
  const uri = totpUri(secret, user.email);
  // Drawn here, as an SVG: no image service ever sees the secret.
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg };
});

// POST /account — "Turn on": the password, and a code from the pending secret. Only then is 2FA on.
export const confirmTwoFactorSetup = userAction(
  confirmTwoFactorSchema,
  async (input, { tx, user, sessionId, audit }) => {
    assertVerified(user);
    const row = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpPendingSecret: true, totpEnabledAt: true } });
    if (row.totpEnabledAt) throw new Refusal("conflict", ALREADY_ON);
    const secret = openTotpSecret({ id: user.id, totpSecret: row.totpPendingSecret });
    if (!row.totpPendingSecret || !secret) throw new Refusal("gone", "This setup has ended. Choose Set up two-factor authentication to start again.");
    const step = verifyTotp(secret, input.code, null);
    if (step === null) throw new Refusal("invalid_input", WRONG_SETUP_CODE, { fieldErrors: { code: [WRONG_SETUP_CODE] } });
    // The same sealed value: it was sealed for this user, whichever column holds it.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null, totpPendingSecret: row.totpPendingSecret },
      data: { totpSecret: row.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (count !== 1) throw new Refusal("conflict", ALREADY_ON);
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    // Every other browser signed in with the password alone (perhaps not the person's) must now sign in with a code.
    const otherSessionsEnded = await endOtherSessions(tx, user.id, sessionId);
    await audit({ action: "account.two_factor_enabled", target: target(user), after: { recoveryCodes: recoveryCodes.length, otherSessionsEnded } });
    return { recoveryCodes, otherSessionsEnded };
  },
  { before: passwordBefore },
);

// POST /account — new recovery codes; every earlier one stops working.
export const regenerateRecoveryCodes = userAction(
  reauthenticateSchema,
  async (_input, { tx, user, audit }) => {
    if (!user.totpEnabledAt) throw new Refusal("conflict", "Two-factor authentication is off, so there are no recovery codes to replace.");
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await audit({ action: "account.recovery_codes_regenerated", target: target(user), after: { recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes };
  },
  {
    async before(input, request, actor) {
      await passwordBefore(input, request, actor);
      await confirmSecondFactor(actor, input.code, request);
    },
  },
);

// POST /account — turn 2FA off: the secret, the recovery codes and any half-finished sign-in go.
export const disableTwoFactor = userAction(
  reauthenticateSchema,
  async (_input, { tx, user, audit }) => {
    if (!user.totpEnabledAt) throw new Refusal("conflict", "Two-factor authentication is already off.");
    // The owner of a workspace that requires 2FA would lock themselves out of it, with no one left who may stop requiring it.
    const owned = await tx.membership.findMany({ where: { userId: user.id, role: "owner", workspace: { requireTwoFactor: true } }, select: { workspace: { select: { name: true } } } });
    if (owned.length > 0) {
      const names = owned.map((m) => m.workspace.name).join(", ");
      throw new Refusal("conflict", `You own ${names}, which ${owned.length === 1 ? "requires" : "require"} two-factor authentication. Stop requiring it there, or hand the workspace to someone else, before you turn it off.`);
    }
    await clearTwoFactor(tx, user.id);
    await audit({ action: "account.two_factor_disabled", target: target(user) });
    return null;
  },
  {
    async before(input, request, actor) {
      await passwordBefore(input, request, actor);
      await confirmSecondFactor(actor, input.code, request);
    },
  },
);
