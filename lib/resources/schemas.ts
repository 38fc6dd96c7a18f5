import * as z from "@/lib/zod";
import { VISIBILITIES, withoutNul } from "./values";

// The values and helpers without zod, for client components: ./values.ts.
export { LIST_PAGE_SIZE, VISIBILITIES, VISIBILITY_LABELS, isRecordId, withoutNul, type VisibilityValue } from "./values";

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
  z.pipe(
    z.pipe(
      z.string({ error: `Enter a name for the ${what}.` }),
      z.transform((s: string) => s.normalize("NFC").replace(BIDI_CONTROLS, "").trim()),
    ),
    z
      .string()
      .check(
        z.minLength(1, { error: `Enter a name for the ${what}.`, abort: true }),
        z.maxLength(NAME_MAX, { error: `Keep the name to ${NAME_MAX} characters or fewer.` }),
        z.regex(VISIBLE, { error: `Enter a name for the ${what}: this one has no visible characters.` }),
      ),
  );

export const descriptionSchema = z._default(
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((s: string) => s.normalize("NFC").trim()),
    ),
    z.string().check(z.maxLength(500, { error: "Keep the description to 500 characters or fewer." })),
  ),
  "",
);

export const visibilitySchema = z.enum(VISIBILITIES, { error: "Choose who can reach it." });

export const resourceIdSchema = z.string({ error: "Not found." }).check(z.minLength(1, { error: "Not found." }), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, { error: "Not found." }));

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);


/** A list's view in the URL (`?q=&page=`): malformed values fall back to the default. */
export const resourceListParamsSchema = z.object({
  q: z._default(z.preprocess(firstOf, z.catch(z.pipe(z.string().check(z.trim(), z.maxLength(100)), z.transform(withoutNul)), "")), ""),
  page: z._default(z.preprocess(firstOf, z.catch(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 1)), 1),
});
export type ResourceListParams = z.output<typeof resourceListParamsSchema>;
