import * as z from "@/lib/zod";
import { currentPasswordSchema } from "@/lib/auth/schemas";

// The two-factor forms and their actions share these (docs/decisions/013-two-factor.md).

/** How a second factor was given, as the audit log records it. */
export type SecondFactorMethod = "authenticator" | "recovery_code";

const CODE_REQUIRED = "Enter the 6-digit code from your authenticator app.";

/** A code from the authenticator app only (setting up proves the app has the secret). */
export const authenticatorCodeSchema = z
  .string({ error: CODE_REQUIRED })
  .check(
    z.trim(),
    z.minLength(1, { error: CODE_REQUIRED }),
    z.maxLength(20, { error: CODE_REQUIRED }),
    z.refine((code) => /^\d{6}$/.test(code.replace(/[\s-]/g, "")), { error: "The code is the 6 digits your authenticator app shows." }),
  );

/**
 * A code from the app, or one of the recovery codes (checked on the server, which knows
 * which it is). Digits alone that are neither 6 long (an app code) nor 10 (a recovery code
 * can be all digits) are a typo: said here, before anything is counted against the limits.
 */
export const secondFactorCodeSchema = z
  .string({ error: "Enter the code from your authenticator app, or a recovery code." })
  .check(
    z.trim(),
    z.minLength(1, { error: "Enter the code from your authenticator app, or a recovery code." }),
    z.maxLength(40, { error: "That is not a code Roster gave you or your app shows." }),
    z.refine(
      (code) => {
        const compact = code.replace(/[\s-]/g, "");
        return !/^[0-9]+$/.test(compact) || compact.length === 6 || compact.length === 10;
      },
      { error: "The code from your app is 6 digits; a recovery code is 10 characters." },
    ),
  );

/** The second step of signing in: the challenge the first step opened, and the code. */
export const twoFactorSignInSchema = z.object({
  challenge: z.string().check(z.minLength(1), z.maxLength(128)),
  code: secondFactorCodeSchema,
  callbackUrl: z.optional(z.string()),
});
export type TwoFactorSignInInput = z.input<typeof twoFactorSignInSchema>;

/**
 * Finishing setup: the password (a browser left signed in must not be enough to put an
 * authenticator of someone else's on the account, which a reset would not remove) and a
 * code from the secret just shown.
 */
export const confirmTwoFactorSchema = z.object({ password: currentPasswordSchema, code: authenticatorCodeSchema });
export type ConfirmTwoFactorInput = z.input<typeof confirmTwoFactorSchema>;

/** Turning 2FA off, or replacing the recovery codes: the password and a second factor. */
export const reauthenticateSchema = z.object({ password: currentPasswordSchema, code: secondFactorCodeSchema });
export type ReauthenticateInput = z.input<typeof reauthenticateSchema>;

/** The workspace setting, switched by owners and admins. */
export const twoFactorRequirementSchema = z.object({ required: z.boolean() });
