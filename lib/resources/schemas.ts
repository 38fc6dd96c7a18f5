import { z } from "zod";

export const VISIBILITIES = ["workspace", "groups"] as const;
export type VisibilityValue = (typeof VISIBILITIES)[number];
export const VISIBILITY_LABELS: Record<VisibilityValue, string> = {
  workspace: "Everyone in the workspace",
  groups: "Only its groups (and owners and admins)",
};

export const NAME_MAX = 100;

/** A name: trimmed, 1–100 characters. Used by agents, personas and groups alike. */
export const resourceNameSchema = (what: string) =>
  z
    .string({ error: `Enter a name for the ${what}.` })
    .trim()
    .min(1, { error: `Enter a name for the ${what}.` })
    .max(NAME_MAX, { error: `Keep the name to ${NAME_MAX} characters or fewer.` });

export const descriptionSchema = z.string().trim().max(500, { error: "Keep the description to 500 characters or fewer." }).default("");

export const visibilitySchema = z.enum(VISIBILITIES, { error: "Choose who can reach it." });

export const resourceIdSchema = z.string({ error: "Not found." }).min(1, { error: "Not found." }).max(64);

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const LIST_PAGE_SIZE = 25;

/** A list's view in the URL (`?q=&page=`): malformed values fall back to the default. */
export const resourceListParamsSchema = z.object({
  q: z.preprocess(firstOf, z.string().trim().max(100).catch("")).default(""),
  page: z.preprocess(firstOf, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
});
export type ResourceListParams = z.output<typeof resourceListParamsSchema>;
