import * as z from "@/lib/zod";
import { GRANTABLE_ROLES } from "@/lib/authz/roles";
import { emailSchema, firstNameSchema, lastNameSchema, newPasswordSchema } from "@/lib/auth/schemas";
import { INVITATION_GROUPS_MAX, invitationGroupIdsSchema } from "@/lib/groups/schemas";

export const BULK_INVITE_MAX_ROWS = 500;
/** The pasted or uploaded text is bounded by size before it is parsed; the row limit is checked while parsing (lib/invitations/csv.ts). */
export const BULK_INVITE_MAX_CHARACTERS = 100_000;

export const invitationRoleSchema = z.enum(GRANTABLE_ROLES, { error: "Choose a role: admin, write, read or billing." });

/** `groupIds`: the groups the person joins on accepting (optional). */
export const sendInvitationSchema = z.object({ email: emailSchema, role: invitationRoleSchema, groupIds: invitationGroupIdsSchema });
export type SendInvitationInput = z.input<typeof sendInvitationSchema>;

export const invitationIdSchema = z.object({ invitationId: z.string().check(z.minLength(1), z.maxLength(64)) });

/** Bulk invite, step 1: the pasted or uploaded CSV text. */
export const bulkPreviewSchema = z.object({
  csv: z.string().check(
    z.trim(),
    z.minLength(1, { error: "Paste rows or choose a CSV file." }),
    z.maxLength(BULK_INVITE_MAX_CHARACTERS, {
      error: `That text is too long: at most ${BULK_INVITE_MAX_CHARACTERS.toLocaleString("en")} characters. Split it and invite at most ${BULK_INVITE_MAX_ROWS} people at a time.`,
    }),
  ),
});
export type BulkPreviewInput = z.input<typeof bulkPreviewSchema>;

/** The rows of a bulk invite as the preview showed them; the server judges each one again before sending. */
export const bulkInviteSchema = z.object({
  rows: z
    .array(
      z.object({
        email: z.string().check(z.maxLength(320)),
        role: z.string().check(z.maxLength(32)),
        groups: z._default(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(INVITATION_GROUPS_MAX + 1)), []),
      }),
    )
    .check(z.minLength(1, { error: "Add at least one row." }), z.maxLength(BULK_INVITE_MAX_ROWS, { error: `At most ${BULK_INVITE_MAX_ROWS} rows at a time.` })),
});

export const invitationTokenSchema = z.string().check(z.minLength(1), z.maxLength(128));

export const acceptInvitationSchema = z.object({ token: invitationTokenSchema });

/** The join page's "create your account" form: the email is the invitation's, never typed. */
export const joinWithNewAccountSchema = z.object({
  token: invitationTokenSchema,
  firstName: firstNameSchema,
  lastName: lastNameSchema,
  password: newPasswordSchema,
});
export type JoinWithNewAccountInput = z.input<typeof joinWithNewAccountSchema>;
