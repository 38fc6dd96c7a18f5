import "server-only";
import { prisma } from "@/lib/db";
import { recordAudit, userActor } from "@/lib/audit/record";

/**
 * Auth.js's sign-out event (POST /api/auth/signout): the cookie is cleared by Auth.js,
 * and here the Session row it named is deleted, so a surviving copy of the token is
 * dead too. Audited once: the app's own sign-out action deletes the row first, and
 * then this finds nothing to end.
 */
export async function endSignedOutSession(sessionId: string | null | undefined) {
  if (!sessionId) return;
  // Imported when needed: the request context reads Auth.js's config, which imports this module.
  const { readRequestContext } = await import("./request-context");
  const request = await readRequestContext().catch(() => ({ ip: null, userAgent: null }));
  await prisma.$transaction(async (tx) => {
    const row = await tx.session.findUnique({ where: { id: sessionId }, select: { user: { select: { id: true, firstName: true, lastName: true, email: true } } } });
    if (!row) return;
    const { count } = await tx.session.deleteMany({ where: { id: sessionId } });
    if (count === 0) return;
    await recordAudit(tx, { workspaceId: null, action: "auth.signed_out", actor: userActor(row.user), ip: request.ip, userAgent: request.userAgent });
  });
}
