import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PlanChoice } from "@/lib/billing/seats";

/** The five plans, read-only (what admins see). */
export function PlansTable({ choices }: { choices: PlanChoice[] }) {
  return (
    <div className="rounded-lg border bg-background">
      <Table aria-label="Plans">
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Plan</TableHead>
            <TableHead scope="col">Seats</TableHead>
            <TableHead scope="col">Fits current usage</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {choices.map((choice) => (
            <TableRow key={choice.plan}>
              <TableHead scope="row" className="font-medium">
                {choice.label} {choice.current ? <Badge variant="secondary">Current plan</Badge> : null}
              </TableHead>
              <TableCell>{choice.seats}</TableCell>
              <TableCell className="whitespace-normal text-muted-foreground">{choice.refusal ? "No: too few seats" : "Yes"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
