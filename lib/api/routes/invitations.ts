import "server-only";
import * as z from "@/lib/zod";
import { resendInvitation, revokeInvitation, sendBulkInvitations, sendInvitation } from "@/lib/invitations/actions";
import { bulkInviteSchema, invitationIdSchema, sendInvitationSchema } from "@/lib/invitations/schemas";
import { apiGetInvitation, apiGetInvitationTo, apiListInvitations } from "../reads";
import { VERDICTS } from "@/lib/invitations/csv";
import { dataOf, invitationSchema, listOf, pageQuerySchema } from "../schemas";
import { defineRoute } from "../route";
import { reply, replyThen } from "./reply";

const invitationPath = invitationIdSchema;
const mailFields = { mailSent: z.boolean() };

export const invitationRoutes = [
  defineRoute({
    operationId: "listInvitations",
    method: "GET",
    path: "/invitations",
    tag: "Invitations",
    summary: "List pending invitations",
    description: "Invitations not yet accepted or revoked, newest first; expired ones included, marked `expired`.",
    permission: "members:manage",
    query: pageQuerySchema,
    success: { status: 200, description: "One page of invitations.", schema: listOf(invitationSchema) },
    refusals: [403, 422],
    run: ({ slug, query }) => reply(apiListInvitations(slug, query), (page) => page),
  }),
  defineRoute({
    operationId: "createInvitation",
    method: "POST",
    path: "/invitations",
    tag: "Invitations",
    summary: "Invite one person",
    description: "Mails a join link for `role` (admin, write, read or billing), optionally into groups. Takes a seat while pending.",
    permission: "members:manage",
    body: sendInvitationSchema,
    idempotent: true,
    success: { status: 201, description: "The invitation, and whether its mail went out.", schema: dataOf(z.extend(invitationSchema, mailFields)) },
    refusals: [403, 404, 409, 422],
    run: ({ slug, body }) =>
      replyThen(sendInvitation(slug, body as never), async (sent) => {
        const email = sent.sent[0] ?? "";
        // The new invitation is the one pending invitation to its address.
        return reply(apiGetInvitationTo(slug, { email }), (invitation) => ({ data: { ...invitation, mailSent: !sent.mailFailed.includes(email) } }), 201);
      }),
  }),
  defineRoute({
    operationId: "createInvitationsInBulk",
    method: "POST",
    path: "/invitations/bulk",
    tag: "Invitations",
    summary: "Invite many people",
    description:
      "Up to 500 rows of email, role and group names. Each row is judged as the bulk-invite preview judges it; rows that can be sent are sent, and every row gets its result. Refused (422) when no row can be sent.",
    permission: "members:manage",
    body: bulkInviteSchema,
    idempotent: true,
    success: {
      status: 201,
      description: "One result per row, in order.",
      schema: dataOf(z.object({ results: z.array(z.object({
              email: z.string(),
              status: z.enum(["sent", "skipped"]),
              reason: z.optional(z.enum(Object.keys(VERDICTS) as [keyof typeof VERDICTS])),
              message: z.optional(z.string()),
              mailSent: z.optional(z.boolean()),
            })) })),
    },
    refusals: [403, 409, 422],
    run: ({ slug, body }) =>
      reply(
        sendBulkInvitations(slug, body as never),
        (done) => {
          // Rows are judged in order and numbered from 1; every row not skipped was sent.
          const skipped = new Map(done.skipped.map((row) => [row.line, row]));
          const rows = (body as { rows: { email: string }[] }).rows;
          return {
            data: {
              results: rows.map((row, index) => {
                const judged = skipped.get(index + 1);
                if (judged) return { email: judged.email, status: "skipped" as const, reason: judged.verdict, message: VERDICTS[judged.verdict] };
                const email = row.email.trim().toLowerCase();
                return { email, status: "sent" as const, mailSent: !done.mailFailed.includes(email) };
              }),
            },
          };
        },
        201,
      ),
  }),
  defineRoute({
    operationId: "resendInvitation",
    method: "POST",
    path: "/invitations/{invitationId}/resend",
    tag: "Invitations",
    summary: "Resend an invitation",
    description: "A fresh link and lifetime; the previous link stops working.",
    permission: "members:manage",
    params: invitationPath,
    success: { status: 200, description: "The invitation with its new expiry.", schema: dataOf(z.extend(invitationSchema, mailFields)) },
    refusals: [403, 404, 409],
    run: ({ slug, params }) =>
      replyThen(resendInvitation(slug, { invitationId: params.invitationId ?? "" }), async (sent) => {
        const found = await apiGetInvitation(slug, { invitationId: params.invitationId ?? "" });
        return found.ok ? { ok: true, data: { body: { data: { ...found.data, mailSent: sent.mailFailed.length === 0 } } } } : found;
      }),
  }),
  defineRoute({
    operationId: "revokeInvitation",
    method: "DELETE",
    path: "/invitations/{invitationId}",
    tag: "Invitations",
    summary: "Revoke an invitation",
    description: "Its link stops working at once.",
    permission: "members:manage",
    params: invitationPath,
    success: { status: 200, description: "The revoked invitation's id.", schema: dataOf(z.object({ revoked: z.string() })) },
    refusals: [403, 404],
    run: ({ slug, params }) => reply(revokeInvitation(slug, { invitationId: params.invitationId ?? "" })),
  }),
];
