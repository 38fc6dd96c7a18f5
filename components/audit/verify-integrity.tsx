"use client";

import { useState } from "react";
import { ShieldAlert, ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/forms/use-action";
import { verifyAuditIntegrity } from "@/lib/workspaces/audit-actions";

type Outcome = Extract<Awaited<ReturnType<typeof verifyAuditIntegrity>>, { ok: true }>["data"];

const count = (n: number) => n.toLocaleString("en-US");

export function VerifyIntegrity({ slug }: { slug: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { run, pending } = useAction(verifyAuditIntegrity, { onSuccess: (data) => setOutcome(data) });
  return (
    <div className="grid gap-2">
      <div>
        <Button type="button" variant="outline" onClick={() => run(slug, {})} disabled={pending}>
          {pending ? "Verifying…" : "Verify integrity"}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="text-sm">
        {outcome?.intact ? (
          <p className="flex items-center gap-2 text-emerald-700 dark:text-emerald-400">
            <ShieldCheck className="size-4 shrink-0" aria-hidden />
            Intact: {count(outcome.events)} events verified.
            {outcome.notCovered ? ` ${count(outcome.notCovered)} older events predate the chain and are not covered.` : ""}
          </p>
        ) : outcome ? (
          <p className="flex items-start gap-2 text-destructive">
            <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>
              Broken after {count(outcome.events)} verified events. {outcome.reason}
              {outcome.at ? ` First event that does not verify: ${outcome.at.id}, recorded ${outcome.at.createdAt.replace("T", " ").slice(0, 19)} UTC.` : ""}
            </span>
          </p>
        ) : null}
      </div>
    </div>
  );
}
