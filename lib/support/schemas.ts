import * as z from "@/lib/zod";
import { slugSchema } from "@/lib/workspaces/schemas";

export const SUPPORT_PAGE_SIZE = 50;

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);
// A workspace slug as lib/workspaces makes them; anything else is no cursor at all.
const slugCursor = z.preprocess(firstOf, z.catch(z.optional(slugSchema.check(z.maxLength(100))), undefined));

/**
 * The support page's view, as it lives in the URL (`?q=acme&after=acme-e2e`): a search by
 * name or slug and a keyset cursor, the slug of the row the page starts after (or ends
 * before). Anything malformed falls back to the first page rather than failing it.
 */
export const supportWorkspaceListSchema = z.object({
  // U+0000 cannot reach PostgreSQL text: stripped, as the audit filters do.
  q: z._default(
    z.preprocess(
      firstOf,
      z.catch(
        z.pipe(
          z.pipe(
            z.string(),
            z.transform((v: string) => v.replaceAll("\u0000", "")),
          ),
          z.string().check(z.trim(), z.maxLength(100)),
        ),
        "",
      ),
    ),
    "",
  ),
  after: slugCursor,
  before: slugCursor,
});
export type SupportWorkspaceListParams = z.output<typeof supportWorkspaceListSchema>;
