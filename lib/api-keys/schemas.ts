import * as z from "@/lib/zod";
import { resourceIdSchema, resourceNameSchema } from "@/lib/resources/schemas";

/** How long a new key lives: 30, 90 or 365 days, or until it is revoked. */
export const API_KEY_EXPIRIES = ["30", "90", "365", "never"] as const;
export type ApiKeyExpiry = (typeof API_KEY_EXPIRIES)[number];
export const API_KEY_EXPIRY_LABELS: Record<ApiKeyExpiry, string> = { "30": "30 days", "90": "90 days", "365": "1 year", never: "No expiry" };

/** Live keys one member may hold in one workspace: a script per runbook, not one per call. */
export const MAX_LIVE_KEYS_PER_MEMBER = 25;

export const createApiKeySchema = z.object({
  name: resourceNameSchema("key"),
  expiresIn: z.enum(API_KEY_EXPIRIES, { error: "Choose when the key expires: 30, 90 or 365 days, or never." }),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ keyId: resourceIdSchema });
