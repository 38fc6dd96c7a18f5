import "server-only";
import * as z from "@/lib/zod";
import { workspaceQuery } from "@/lib/authz/guard";
import { listMembers, getMember } from "@/lib/members/queries";
import { listPendingInvitations } from "@/lib/invitations/queries";
import { listGroups } from "@/lib/groups/queries";
import { LIST_PAGE_SIZE } from "@/lib/resources/values";
import { readerOf } from "@/lib/resources/reach";
import type { MemberViewer } from "@/lib/authz/viewer";
import { Refusal } from "@/lib/core/result";
import { decodeOffset, page } from "./cursor";
import { groupListQuerySchema, memberListQuerySchema, pageQuerySchema } from "./schemas";

// The Team API's reads: each a `workspaceQuery` (the guard's session → membership →
// permission → input steps, with the key as the session), calling the queries the pages
// call, so a list answers what the page shows for the same role.

const memberOf = (viewer: { kind: string }) => {
  if (viewer.kind !== "member") throw new Refusal("not_found", "Workspace not found.");
  return viewer as MemberViewer;
};

/** The members page reads 100 at a time; a slice across two of its pages reads both. */
const MEMBER_PAGE = 100;

export const apiListMembers = workspaceQuery("members:view", memberListQuerySchema, async (input, { viewer, user, workspace }) => {
  const member = memberOf(viewer);
  const who = { workspaceId: workspace.id, userId: user.id, role: member.role };
  const offset = decodeOffset(input.cursor);
  const first = Math.floor(offset / MEMBER_PAGE) + 1;
  const last = Math.floor((offset + input.limit - 1) / MEMBER_PAGE) + 1;
  const view = { q: input.q, role: input.role, sort: input.sort, twofa: undefined, size: MEMBER_PAGE as 100 };
  let total = 0;
  const rows = [];
  for (let p = first; p <= last; p++) {
    const found = await listMembers(who, { ...view, page: p });
    // A search counts its matches only so far (lib/members/queries.ts): a capped total
    // means more rows than the pages read, so the list goes on.
    total = found.capped ? Number.POSITIVE_INFINITY : found.total;
    rows.push(...found.rows);
    if (found.rows.length < MEMBER_PAGE) break;
  }
  const start = offset - (first - 1) * MEMBER_PAGE;
  const slice = rows.slice(start, start + input.limit).map(({ isYou: _isYou, canManage: _canManage, ...row }) => row);
  return page(slice, offset, total);
});

export const apiGetMember = workspaceQuery("members:view", z.object({ memberId: z.string().check(z.maxLength(64)) }), async ({ memberId }, { viewer, user, workspace }) => {
  const member = memberOf(viewer);
  const found = await getMember({ workspaceId: workspace.id, userId: user.id, role: member.role }, memberId);
  if (!found) throw new Refusal("not_found", "That member is not in this workspace.");
  return {
    id: found.id,
    firstName: found.user.firstName,
    lastName: found.user.lastName,
    email: found.user.email,
    role: found.role,
    joinedAt: found.createdAt.toISOString(),
    lastActiveAt: found.lastActiveAt?.toISOString() ?? null,
  };
});

export const apiListInvitations = workspaceQuery("members:manage", pageQuerySchema, async (input, { workspace }) => {
  const offset = decodeOffset(input.cursor);
  const all = await listPendingInvitations(workspace.id);
  const rows = all.slice(offset, offset + input.limit).map((i) => ({ ...i, sentAt: i.sentAt.toISOString(), expiresAt: i.expiresAt.toISOString() }));
  return page(rows, offset, all.length);
});

/** One invitation as the list shows it, by id (the answer to creating or resending one). */
export const apiGetInvitation = workspaceQuery("members:manage", z.object({ invitationId: z.string() }), async ({ invitationId }, { workspace }) => {
  const found = (await listPendingInvitations(workspace.id)).find((i) => i.id === invitationId);
  if (!found) throw new Refusal("not_found", "That invitation is not pending in this workspace.");
  return { ...found, sentAt: found.sentAt.toISOString(), expiresAt: found.expiresAt.toISOString() };
});

/** The pending invitation to an address: the one a create has just made. */
export const apiGetInvitationTo = workspaceQuery("members:manage", z.object({ email: z.string() }), async ({ email }, { workspace }) => {
  const found = (await listPendingInvitations(workspace.id)).find((i) => i.email === email);
  if (!found) throw new Refusal("not_found", "No pending invitation to that address.");
  return { ...found, sentAt: found.sentAt.toISOString(), expiresAt: found.expiresAt.toISOString() };
});

export const apiListGroups = workspaceQuery("groups:view", groupListQuerySchema, async (input, { viewer }) => {
  const member = memberOf(viewer);
  const reader = await readerOf(member.membership);
  const offset = decodeOffset(input.cursor);
  const first = Math.floor(offset / LIST_PAGE_SIZE) + 1;
  const last = Math.floor((offset + input.limit - 1) / LIST_PAGE_SIZE) + 1;
  let total = 0;
  const rows = [];
  for (let p = first; p <= last; p++) {
    const found = await listGroups(reader, { q: input.q, page: p, open: undefined });
    total = found.total;
    rows.push(...found.rows);
    if (found.rows.length < LIST_PAGE_SIZE) break;
  }
  const start = offset - (first - 1) * LIST_PAGE_SIZE;
  return page(rows.slice(start, start + input.limit), offset, total);
});
