import { z } from "zod";
import { GRANTABLE_ROLES } from "@/lib/authz/permissions";
import { emailSchema, firstNameSchema, lastNameSchema, newPasswordSchema } from "@/lib/auth/schemas";
import { INVITATION_GROUPS_MAX, invitationGroupIdsSchema } from "@/lib/groups/schemas";

export const BULK_INVITE_MAX_ROWS = 500;
/** The pasted or uploaded text is bounded by size before it is parsed; the row limit is checked while parsing (lib/invitations/csv.ts). */
export const BULK_INVITE_MAX_CHARACTERS = 100_000;

export const invitationRoleSchema = z.enum(GRANTABLE_ROLES, { error: "Choose a role: admin, write, read or billing." });

/** `groupIds`: the groups the person joins on accepting (optional). */
export const sendInvitationSchema = z.object({ email: emailSchema, role: invitationRoleSchema, groupIds: invitationGroupIdsSchema });
export type SendInvitationInput = z.input<typeof sendInvitationSchema>;

export const invitationIdSchema = z.object({ invitationId: z.string().min(1).max(64) });

/** Bulk invite, step 1: the pasted or uploaded CSV text. */
export const bulkPreviewSchema = z.object({
  csv: z
    .string()
    .trim()
    .min(1, { error: "Paste rows or choose a CSV file." })
    .max(BULK_INVITE_MAX_CHARACTERS, {
      error: `That text is too long: at most ${BULK_INVITE_MAX_CHARACTERS.toLocaleString("en")} characters. Split it and invite at most ${BULK_INVITE_MAX_ROWS} people at a time.`,
    }),
});
export type BulkPreviewInput = z.input<typeof bulkPreviewSchema>;

/** The rows of a bulk invite as the preview showed them; the server judges each one again before sending. */
export const bulkInviteSchema = z.object({
  rows: z
    .array(
      z.object({
        email: z.string().max(320),
        role: z.string().max(32),
        groups: z.array(z.string().max(200)).max(INVITATION_GROUPS_MAX + 1).default([]),
      }),
    )
    .min(1, { error: "Add at least one row." })
    .max(BULK_INVITE_MAX_ROWS, { error: `At most ${BULK_INVITE_MAX_ROWS} rows at a time.` }),
});

export const invitationTokenSchema = z.string().min(1).max(128);

export const acceptInvitationSchema = z.object({ token: invitationTokenSchema });

/** The join page's "create your account" form: the email is the invitation's, never typed. */
export const joinWithNewAccountSchema = z.object({
  token: invitationTokenSchema,
  firstName: firstNameSchema,
  lastName: lastNameSchema,
  password: newPasswordSchema,
});
export type JoinWithNewAccountInput = z.input<typeof joinWithNewAccountSchema>;
