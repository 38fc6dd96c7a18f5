import * as z from "@/lib/zod";

export const workspaceNameSchema = z
  .string({ error: "Name your workspace." })
  .check(z.trim(), z.minLength(2, { error: "Use at least 2 characters." }), z.maxLength(60, { error: "Use at most 60 characters." }));

export const createWorkspaceSchema = z.object({ name: workspaceNameSchema });
export type CreateWorkspaceInput = z.input<typeof createWorkspaceSchema>;

export const slugSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/** "Acme Support" → "acme-support". Accents are folded; anything else becomes a dash. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base || "workspace";
}

/** How long a new or resent invitation link stays valid; a workspace setting of 1–30 days. */
export const INVITATION_LIFETIME_DAYS = { min: 1, max: 30, default: 14 } as const;

const lifetimeError = `Enter a whole number of days from ${INVITATION_LIFETIME_DAYS.min} to ${INVITATION_LIFETIME_DAYS.max}.`;
export const invitationLifetimeDaysSchema = z
  .number({ error: lifetimeError })
  .check(z.int({ error: lifetimeError }), z.gte(INVITATION_LIFETIME_DAYS.min, { error: lifetimeError }), z.lte(INVITATION_LIFETIME_DAYS.max, { error: lifetimeError }));

export const workspaceSettingsSchema = z.object({ name: workspaceNameSchema, invitationLifetimeDays: invitationLifetimeDaysSchema });
export type WorkspaceSettingsInput = z.input<typeof workspaceSettingsSchema>;

/** How long a workspace keeps its audit events before the retention purge removes them: 30–3,650 days. */
export const AUDIT_RETENTION_DAYS = { min: 30, max: 3_650, default: 365 } as const;

const retentionError = `Enter a whole number of days from ${AUDIT_RETENTION_DAYS.min} to ${AUDIT_RETENTION_DAYS.max.toLocaleString("en-US")}.`;
export const auditRetentionSchema = z.object({
  auditRetentionDays: z
    .number({ error: retentionError })
    .check(z.int({ error: retentionError }), z.gte(AUDIT_RETENTION_DAYS.min, { error: retentionError }), z.lte(AUDIT_RETENTION_DAYS.max, { error: retentionError })),
});
export type AuditRetentionInput = z.input<typeof auditRetentionSchema>;

/**
 * Why the workspace cannot require two-factor authentication yet (docs/decisions/013-two-factor.md):
 * the member switching it on, or the owner, does not have it on. The server refuses with,
 * and the settings page shows, the same words. (The setting's input schema is
 * `twoFactorRequirementSchema` in lib/auth/two-factor/schemas.ts.)
 */
export type TwoFactorBlocker = { who: "you" } | { who: "owner"; ownerName: string };

export function twoFactorBlockerMessage(blocker: TwoFactorBlocker): string {
  return blocker.who === "you"
    ? "Turn on two-factor authentication for your own account first, in Your account."
    : `${blocker.ownerName}, the owner, does not have two-factor authentication on yet. They must turn it on in Your account before this workspace can require it.`;
}
