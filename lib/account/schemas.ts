import * as z from "@/lib/zod";
import { PASSWORD_MAX_LENGTH, emailSchema, firstNameSchema, lastNameSchema, newPasswordSchema } from "@/lib/auth/schemas";

// The /account forms and their actions share these (docs/architecture.md#layers).

export const profileSchema = z.object({ firstName: firstNameSchema, lastName: lastNameSchema });
export type ProfileInput = z.input<typeof profileSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).check(z.minLength(1, { error: "Enter your current password." }), z.maxLength(PASSWORD_MAX_LENGTH)),
    // The sign-up rules, from the one schema sign-up uses.
    newPassword: newPasswordSchema,
  })
  .check(
    z.refine((input) => input.newPassword !== input.currentPassword, {
      path: ["newPassword"],
      error: "Choose a password different from the current one.",
    }),
  );
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** A session as the sessions list names it: its handle (lib/auth/sessions.ts `sessionHandle`), never its id. */
export const revokeSessionSchema = z.object({ handle: z.string().check(z.minLength(1), z.maxLength(64)) });

// The forms of the links mailed to a user's own address (verify, reset), shared by the
// forms and the server actions.

const linkTokenSchema = z.string().check(z.minLength(1), z.maxLength(128));

/** The "Verify email" button of /verify-email/<token>. */
export const verifyEmailSchema = z.object({ token: linkTokenSchema });

/** /reset-password: the address to send a reset link to. */
export const requestPasswordResetSchema = z.object({ email: emailSchema });
export type RequestPasswordResetInput = z.input<typeof requestPasswordResetSchema>;

/** /reset-password/<token>: the new password, under the sign-up rules. */
export const resetPasswordSchema = z.object({ token: linkTokenSchema, password: newPasswordSchema });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

/** The answer to every reset request, whether or not the address has an account. */
export const RESET_REQUESTED_MESSAGE =
  "If an account exists for that address, we sent it a link to choose a new password. The link works once, for 1 hour.";
