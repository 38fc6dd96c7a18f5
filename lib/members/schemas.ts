import * as z from "@/lib/zod";
import { GRANTABLE_ROLES, ROLES } from "@/lib/authz/roles";

import { MEMBER_SORTS, PAGE_SIZES } from "./list-view";

// The view's values and sort parser, without zod, for the list's client components.
export { MEMBER_SORTS, PAGE_SIZES, parseSort, type MemberSort } from "./list-view";

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The members list's view, as it lives in the URL (`?q=&role=&twofa=off&sort=-joined&page=2&size=50`):
 * reload, back and a shared link give the same view. Anything malformed falls back to the
 * default rather than failing the page. `twofa=off` keeps members without two-factor
 * authentication; it is parsed for everyone but honoured only for viewers who may see the
 * 2FA column (lib/members/queries.ts), so a crafted link tells no one else anything.
 */
export const memberListParamsSchema = z.object({
  q: z._default(z.preprocess(firstOf, z.catch(z.string().check(z.trim(), z.maxLength(100)), "")), ""),
  role: z.preprocess(firstOf, z.catch(z.optional(z.enum(ROLES)), undefined)),
  twofa: z.preprocess(firstOf, z.catch(z.optional(z.enum(["off"])), undefined)),
  sort: z._default(z.preprocess(firstOf, z.catch(z.string().check(z.regex(new RegExp(`^-?(${MEMBER_SORTS.join("|")})$`))), "name")), "name"),
  page: z._default(z.preprocess(firstOf, z.catch(z.coerce.number().check(z.int(), z.gte(1), z.lte(100_000)), 1)), 1),
  size: z._default(z.preprocess(firstOf, z.catch(z.pipe(z.coerce.number(), z.union(PAGE_SIZES.map((s) => z.literal(s)))), 25)), 25),
});
export type MemberListParams = z.output<typeof memberListParamsSchema>;

const memberId = z.string({ error: "Choose a member." }).check(z.minLength(1, { error: "Choose a member." }), z.maxLength(64));

export const changeRoleSchema = z.object({
  memberId,
  role: z.enum(GRANTABLE_ROLES, { error: "Choose a role: admin, write, read or billing." }),
});
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;

export const removeMemberSchema = z.object({ memberId });
export type RemoveMemberInput = z.input<typeof removeMemberSchema>;

export const leaveWorkspaceSchema = z.object({});

export const transferOwnershipSchema = z.object({
  memberId,
  password: z.string().check(z.minLength(1, { error: "Enter your password." }), z.maxLength(128)),
  confirmName: z.string().check(z.trim(), z.minLength(1, { error: "Type the workspace name to confirm." })),
});
export type TransferOwnershipInput = z.input<typeof transferOwnershipSchema>;
