"use server";

import { z } from "zod";
import { workspaceQuery } from "@/lib/authz/guard";
import { verifyAuditChain } from "@/lib/audit/verify";

// POST audit/verify — "Verify integrity": walks this workspace's hash chain. A read: it
// changes nothing and records nothing (docs/decisions/012-audit-hash-chain.md).
export const verifyAuditIntegrity = workspaceQuery("audit:view", z.object({}), async (_input, { db, workspace }) => {
  const result = await verifyAuditChain(db, workspace.id);
  return result.intact
    ? { intact: true as const, events: result.events, notCovered: result.notCovered }
    : { intact: false as const, events: result.events, notCovered: result.notCovered, reason: result.reason, at: result.at ? { ...result.at, createdAt: result.at.createdAt.toISOString() } : null };
});
