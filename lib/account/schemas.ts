import { z } from "zod";
import { emailSchema, newPasswordSchema } from "@/lib/auth/schemas";

// The forms of the links mailed to a user's own address (verify, reset), shared by the
// forms and the server actions.

const linkTokenSchema = z.string().min(1).max(128);

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
