import * as z from "@/lib/zod";
import { descriptionSchema, resourceIdSchema, resourceNameSchema, withoutNul } from "@/lib/resources/schemas";

/** What a group bundles: members, agents and personas. */
export const GROUP_ITEM_KINDS = ["member", "agent", "persona"] as const;
export type GroupItemKind = (typeof GROUP_ITEM_KINDS)[number];

/** `|` and `;` separate group names in a bulk CSV's groups column, so a name cannot hold them. */
const groupNameSchema = resourceNameSchema("group").check(
  z.refine((name) => !/[|;]/.test(name), {
    error: "A group name cannot contain | or ; (they separate group names in a bulk invite).",
  }),
);

export const groupFieldsSchema = z.object({ name: groupNameSchema, description: descriptionSchema });
export type GroupFieldsInput = z.input<typeof groupFieldsSchema>;

export const createGroupSchema = groupFieldsSchema;
export const updateGroupSchema = z.extend(groupFieldsSchema, { groupId: resourceIdSchema });
export type UpdateGroupInput = z.input<typeof updateGroupSchema>;
export const deleteGroupSchema = z.object({ groupId: resourceIdSchema });

/** Add or remove one member (by membership id), agent or persona. */
export const groupItemSchema = z.object({ groupId: resourceIdSchema, kind: z.enum(GROUP_ITEM_KINDS), itemId: resourceIdSchema });
export type GroupItemInput = z.input<typeof groupItemSchema>;

/** The + popover's search: what is not yet in the group, matching `q`. */
export const groupCandidatesSchema = z.object({
  groupId: resourceIdSchema,
  kind: z.enum(GROUP_ITEM_KINDS),
  q: z._default(z.pipe(z.string().check(z.trim(), z.maxLength(100)), z.transform(withoutNul)), ""),
});

/** At most this many groups on one invitation. */
export const INVITATION_GROUPS_MAX = 20;
export const invitationGroupIdsSchema = z._default(z.array(resourceIdSchema).check(z.maxLength(INVITATION_GROUPS_MAX, { error: `Choose at most ${INVITATION_GROUPS_MAX} groups.` })), []);

/**
 * The key that makes group names unique per workspace whatever their case or Unicode
 * form (NFKC, so look-alikes such as "é" typed as e + accent, or full-width letters,
 * are one name), and by which a bulk CSV finds a group.
 */
export const groupNameKey = (name: string) => name.normalize("NFKC").trim().toLowerCase();

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The groups page's view in the URL: `?q=&page=&open=<groupId>` (the expanded row). */
export const groupListParamsSchema = z.object({
  q: z._default(z.preprocess(firstOf, z.catch(z.pipe(z.string().check(z.trim(), z.maxLength(100)), z.transform(withoutNul)), "")), ""),
  page: z._default(z.preprocess(firstOf, z.catch(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 1)), 1),
  open: z.preprocess(firstOf, z.catch(z.optional(z.string().check(z.maxLength(64))), undefined)),
});
export type GroupListParams = z.output<typeof groupListParamsSchema>;
