"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { VERDICTS, type JudgedRow, type Verdict } from "@/lib/invitations/csv";
import { plural } from "@/lib/format";

// Invalid rows and rows over the seat limit need fixing; the others are simply not needed.
const VERDICT_BADGES: Record<Verdict, "outline" | "secondary" | "destructive"> = {
  ok: "outline",
  duplicate: "secondary",
  pending: "secondary",
  member: "secondary",
  invalid_email: "destructive",
  invalid_role: "destructive",
  unknown_group: "destructive",
  too_many_groups: "destructive",
  over_seat_limit: "destructive",
};

type Props = { preview: JudgedRow[]; ready: JudgedRow[]; sending: boolean; send: () => void };

/** The bulk invite's preview: every row with its verdict, and Send. Loaded with the first preview (./bulk-invite-form.tsx). */
export function BulkPreview({ preview, ready, sending, send }: Props) {
  return (
    <section aria-labelledby="preview-heading" className="grid gap-4">
      <h2 id="preview-heading" className="text-lg font-semibold">
        Preview
      </h2>
      <div className="rounded-lg border bg-background">
        <Table aria-label="Bulk invitation preview">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Line</TableHead>
              <TableHead scope="col">Email</TableHead>
              <TableHead scope="col">Role</TableHead>
              <TableHead scope="col">Groups</TableHead>
              <TableHead scope="col">Verdict</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.map((row) => (
              <TableRow key={row.line}>
                <TableCell className="tabular-nums text-muted-foreground">{row.line}</TableCell>
                <TableHead scope="row" className="font-medium">
                  {row.email || <span className="text-muted-foreground">(empty)</span>}
                </TableHead>
                <TableCell>{row.role || <span className="text-muted-foreground">(empty)</span>}</TableCell>
                <TableCell className="whitespace-normal">{row.groups.length ? row.groups.join(", ") : <span className="text-muted-foreground">None</span>}</TableCell>
                <TableCell className="whitespace-normal">
                  <Badge variant={VERDICT_BADGES[row.verdict]}>{VERDICTS[row.verdict]}</Badge>
                  {row.verdict === "unknown_group" ? <span className="ml-2 text-sm text-muted-foreground">No group named {row.unknownGroups.map((n) => `“${n}”`).join(", ")}</span> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div>
        <Button onClick={send} disabled={sending || ready.length === 0}>
          {sending ? "Sending…" : `Send ${plural(ready.length, "invitation")}`}
        </Button>
      </div>
    </section>
  );
}
