import { z } from "zod";
import { PASSWORD_MAX_LENGTH, firstNameSchema, lastNameSchema, newPasswordSchema } from "@/lib/auth/schemas";

// The /account forms and their actions share these (docs/architecture.md#layers).

export const profileSchema = z.object({ firstName: firstNameSchema, lastName: lastNameSchema });
export type ProfileInput = z.input<typeof profileSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, { error: "Enter your current password." }).max(PASSWORD_MAX_LENGTH),
    // The sign-up rules, from the one schema sign-up uses.
    newPassword: newPasswordSchema,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    error: "Choose a password different from the current one.",
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** A session id as the sessions list shows it: opaque, so only its size is checked. */
export const revokeSessionSchema = z.object({ sessionId: z.string().min(1).max(100) });
