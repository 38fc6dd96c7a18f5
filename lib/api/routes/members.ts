import "server-only";
import * as z from "@/lib/zod";
import { changeMemberRole, removeMember } from "@/lib/members/actions";
import { changeRoleSchema, removeMemberSchema } from "@/lib/members/schemas";
import { apiGetMember, apiListMembers } from "../reads";
import { dataOf, listOf, memberListQuerySchema, memberSchema } from "../schemas";
import { defineRoute } from "../route";
import { reply, replyThen } from "./reply";

const memberPath = z.pick(removeMemberSchema, { memberId: true });

export const memberRoutes = [
  defineRoute({
    operationId: "listMembers",
    method: "GET",
    path: "/members",
    tag: "Members",
    summary: "List members",
    description: "The team, as the members page lists it: search by name or email (`q`), filter by `role`, `sort` by name, email, role, joined or active (a leading `-` for descending).",
    permission: "members:view",
    query: memberListQuerySchema,
    success: { status: 200, description: "One page of members.", schema: listOf(memberSchema) },
    refusals: [403, 422],
    run: ({ slug, query }) => reply(apiListMembers(slug, query), (page) => page),
  }),
  defineRoute({
    operationId: "getMember",
    method: "GET",
    path: "/members/{memberId}",
    tag: "Members",
    summary: "Get a member",
    permission: "members:view",
    params: memberPath,
    success: { status: 200, description: "The member.", schema: dataOf(memberSchema) },
    refusals: [403, 404],
    run: ({ slug, params }) => reply(apiGetMember(slug, { memberId: params.memberId ?? "" })),
  }),
  defineRoute({
    operationId: "changeMemberRole",
    method: "PATCH",
    path: "/members/{memberId}",
    tag: "Members",
    summary: "Change a member's role",
    description: "Admin, write, read or billing — never owner. At most 10 role changes a minute per workspace. Applies on the member's next request.",
    permission: "members:manage",
    params: memberPath,
    body: z.omit(changeRoleSchema, { memberId: true }),
    success: { status: 200, description: "The member with their new role.", schema: dataOf(memberSchema) },
    refusals: [403, 404, 422],
    run: ({ slug, params, body }) =>
      replyThen(changeMemberRole(slug, { ...(body as object), memberId: params.memberId ?? "" } as never), () => reply(apiGetMember(slug, { memberId: params.memberId ?? "" }))),
  }),
  defineRoute({
    operationId: "removeMember",
    method: "DELETE",
    path: "/members/{memberId}",
    tag: "Members",
    summary: "Remove a member",
    description: "Their access ends on their next request; their pending invitations and their API keys in this workspace are revoked in the same step.",
    permission: "members:manage",
    params: memberPath,
    success: { status: 200, description: "The removed membership's id.", schema: dataOf(z.object({ removed: z.string() })) },
    refusals: [403, 404],
    run: ({ slug, params }) => reply(removeMember(slug, { memberId: params.memberId ?? "" })),
  }),
];
