import { z } from "zod";

export const VISIBILITIES = ["workspace", "groups"] as const;
export type VisibilityValue = (typeof VISIBILITIES)[number];
export const VISIBILITY_LABELS: Record<VisibilityValue, string> = {
  workspace: "Everyone in the workspace",
  groups: "Restricted: only its groups (and owners and admins)",
};

export const NAME_MAX = 100;

// Bidirectional overrides and isolates reorder what follows them on screen (a name that
// reads as another one); they have no place in a name.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// What a name must have besides spaces and invisible format characters (zero-width
// spaces and joiners, word joiners): at least one character a person can see.
const VISIBLE = /[^\s\p{Cf}]/u;

/**
 * A name: Unicode-normalised (NFC, so "é" typed either way is one name), bidi controls
 * removed, trimmed, 1–100 characters, with something visible in it. Used by agents,
 * personas and groups alike.
 */
export const resourceNameSchema = (what: string) =>
  z
    .string({ error: `Enter a name for the ${what}.` })
    .transform((s) => s.normalize("NFC").replace(BIDI_CONTROLS, "").trim())
    .pipe(
      z
        .string()
        .min(1, { error: `Enter a name for the ${what}.`, abort: true })
        .max(NAME_MAX, { error: `Keep the name to ${NAME_MAX} characters or fewer.` })
        .regex(VISIBLE, { error: `Enter a name for the ${what}: this one has no visible characters.` }),
    );

export const descriptionSchema = z
  .string()
  .transform((s) => s.normalize("NFC").trim())
  .pipe(z.string().max(500, { error: "Keep the description to 500 characters or fewer." }))
  .default("");

export const visibilitySchema = z.enum(VISIBILITIES, { error: "Choose who can reach it." });

export const resourceIdSchema = z.string({ error: "Not found." }).min(1, { error: "Not found." }).max(64).regex(/^[A-Za-z0-9_-]+$/, { error: "Not found." });

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** PostgreSQL cannot hold U+0000 in text: a search for it is a search for the rest. */
export const withoutNul = (s: string) => s.replace(/\u0000/g, "");

/** The shape of Roster's ids (cuid): a route id of any other shape is simply not found. */
export const isRecordId = (id: string) => /^[A-Za-z0-9_-]{1,64}$/.test(id);

export const LIST_PAGE_SIZE = 25;

/** A list's view in the URL (`?q=&page=`): malformed values fall back to the default. */
export const resourceListParamsSchema = z.object({
  q: z.preprocess(firstOf, z.string().trim().max(100).transform(withoutNul).catch("")).default(""),
  page: z.preprocess(firstOf, z.coerce.number().int().min(1).max(100_000).catch(1)).default(1),
});
export type ResourceListParams = z.output<typeof resourceListParamsSchema>;
