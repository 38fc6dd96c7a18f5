"use server";

import * as z from "@/lib/zod";
import { workspaceQuery } from "@/lib/authz/guard";
import { verifyAuditChain } from "@/lib/audit/verify";
import { Refusal } from "@/lib/core/result";
import { LIMITS, consumeAlone, formatWait } from "@/lib/rate-limit";

// POST audit/verify — "Verify integrity": walks this workspace's hash chain. A read: it
// changes nothing and records nothing (docs/decisions/012-audit-hash-chain.md), but is
// counted: LIMITS.auditVerifiesPerViewer.
export const verifyAuditIntegrity = workspaceQuery("audit:view", z.object({}), async (_input, { db, workspace, user }) => {
  const spec = LIMITS.auditVerifiesPerViewer;
  const limit = await consumeAlone(db, `audit-verify:${workspace.id}:${user.id}`, spec);
  if (!limit.ok) throw new Refusal("rate_limited", `You verified this log ${spec.limit} times in the last hour. Try again in ${formatWait(limit.retryAfterSeconds)}.`, { retryAfterSeconds: limit.retryAfterSeconds });
  const result = await verifyAuditChain(db, workspace.id);
  return result.intact
    ? { intact: true as const, events: result.events, notCovered: result.notCovered }
    : { intact: false as const, events: result.events, notCovered: result.notCovered, reason: result.reason, at: result.at ? { ...result.at, createdAt: result.at.createdAt.toISOString() } : null };
});
