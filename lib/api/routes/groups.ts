import "server-only";
import * as z from "@/lib/zod";
import { addToGroup, createGroup, deleteGroup, removeFromGroup, updateGroup } from "@/lib/groups/actions";
import { createGroupSchema, deleteGroupSchema, groupItemSchema, updateGroupSchema } from "@/lib/groups/schemas";
import { apiListGroups } from "../reads";
import { dataOf, groupListQuerySchema, groupSchema, listOf } from "../schemas";
import { defineRoute } from "../route";
import { reply } from "./reply";

// Members, agents and personas are added and removed by kind: /groups/{groupId}/members,
// …/agents, …/personas. A member is named by their membership id (the members list's `id`).
const KIND_OF = { members: "member", agents: "agent", personas: "persona" } as const;
const KINDS = Object.keys(KIND_OF) as (keyof typeof KIND_OF)[];

const groupPath = deleteGroupSchema;
const kindPath = z.extend(groupPath, { kind: z.enum(KINDS) });
const itemPath = z.extend(kindPath, { itemId: z.pick(groupItemSchema, { itemId: true }).shape.itemId });
const kindOf = (kind: string | undefined) => KIND_OF[kind as keyof typeof KIND_OF] ?? (kind as never);

export const groupRoutes = [
  defineRoute({
    operationId: "listGroups",
    method: "GET",
    path: "/groups",
    tag: "Groups",
    summary: "List groups",
    description: "Groups by name with how many members, agents and personas each has (agents and personas counted as far as the key's member can reach them). `q` searches names.",
    permission: "groups:view",
    query: groupListQuerySchema,
    success: { status: 200, description: "One page of groups.", schema: listOf(groupSchema) },
    refusals: [403, 422],
    run: ({ slug, query }) => reply(apiListGroups(slug, query), (page) => page),
  }),
  defineRoute({
    operationId: "createGroup",
    method: "POST",
    path: "/groups",
    tag: "Groups",
    summary: "Create a group",
    permission: "groups:manage",
    body: createGroupSchema,
    idempotent: true,
    success: { status: 201, description: "The new group's id.", schema: dataOf(z.object({ id: z.string() })) },
    refusals: [403, 409, 422],
    run: ({ slug, body }) => reply(createGroup(slug, body as never), undefined, 201),
  }),
  defineRoute({
    operationId: "updateGroup",
    method: "PATCH",
    path: "/groups/{groupId}",
    tag: "Groups",
    summary: "Edit a group",
    description: "Its name and description (both sent).",
    permission: "groups:manage",
    params: groupPath,
    body: z.omit(updateGroupSchema, { groupId: true }),
    success: { status: 200, description: "The group's id.", schema: dataOf(z.object({ id: z.string() })) },
    refusals: [403, 404, 409, 422],
    run: ({ slug, params, body }) => reply(updateGroup(slug, { ...(body as object), groupId: params.groupId ?? "" } as never)),
  }),
  defineRoute({
    operationId: "deleteGroup",
    method: "DELETE",
    path: "/groups/{groupId}",
    tag: "Groups",
    summary: "Delete a group",
    description: "Its members lose the group-only agents and personas they reached through it on their next request.",
    permission: "groups:manage",
    params: groupPath,
    success: { status: 200, description: "The deleted group's id.", schema: dataOf(z.object({ deleted: z.string() })) },
    refusals: [403, 404],
    run: ({ slug, params }) => reply(deleteGroup(slug, { groupId: params.groupId ?? "" })),
  }),
  defineRoute({
    operationId: "addToGroup",
    method: "POST",
    path: "/groups/{groupId}/{kind}",
    tag: "Groups",
    summary: "Add a member, agent or persona to a group",
    description: "`kind` is members, agents or personas; the body names the item by id (a member by the members list's `id`). Adding what is already there changes nothing.",
    permission: "groups:manage",
    params: kindPath,
    body: z.pick(groupItemSchema, { itemId: true }),
    success: { status: 200, description: "Whether it was added (false: it was already there).", schema: dataOf(z.object({ added: z.boolean() })) },
    refusals: [403, 404, 422],
    run: ({ slug, params, body }) => reply(addToGroup(slug, { ...(body as object), groupId: params.groupId ?? "", kind: kindOf(params.kind) } as never)),
  }),
  defineRoute({
    operationId: "removeFromGroup",
    method: "DELETE",
    path: "/groups/{groupId}/{kind}/{itemId}",
    tag: "Groups",
    summary: "Remove a member, agent or persona from a group",
    permission: "groups:manage",
    params: itemPath,
    success: { status: 200, description: "Whether it was removed (false: it was not there).", schema: dataOf(z.object({ removed: z.boolean() })) },
    refusals: [403, 404, 422],
    run: ({ slug, params }) => reply(removeFromGroup(slug, { groupId: params.groupId ?? "", kind: kindOf(params.kind), itemId: params.itemId ?? "" })),
  }),
];
