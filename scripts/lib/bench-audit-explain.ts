// EXPLAIN of the audit reads at 1,000,000 events, on PostgreSQL: each filter's query exactly
// as Roster sends it (the same builder, lib/audit/export-rows.ts), with the plan's scans
// listed. A sequential scan of AuditEvent, or a sort of the whole match, fails the bench.
import pg from "pg";
import { exportBatchQuery } from "../../lib/audit/export-rows";
import { parseAuditFilters, type AuditCursor } from "../../lib/audit/filters";
import type { SearchMatches } from "../../lib/audit/queries";

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Sort Key"?: string[]; Plans?: PlanNode[] };

export type ExplainCase = { name: string; params: Record<string, string | string[]>; matches?: Partial<SearchMatches>; cursor?: AuditCursor };

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

export async function explainAuditQueries(databaseUrl: string, workspaceId: string, cases: ExplainCase[], batchSize = 50): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const lines = ["| query (LIMIT " + batchSize + ") | plan: scans of AuditEvent | whole-match sort |", "| --- | --- | --- |"];
  const failures: string[] = [];
  try {
    for (const c of cases) {
      const query = exportBatchQuery(workspaceId, parseAuditFilters(c.params), { actor: c.matches?.actor ?? null, target: c.matches?.target ?? null }, c.cursor ?? null, batchSize);
      const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>({ text: `EXPLAIN (FORMAT JSON) ${query.sql}`, values: query.values });
      const all = nodes(rows[0]!["QUERY PLAN"][0].Plan);
      const scans = all.filter((n) => n["Relation Name"] === "AuditEvent" || n["Index Name"]?.startsWith("AuditEvent"));
      const sorted = all.some((n) => n["Node Type"] === "Sort");
      const text = scans.map((n) => `${n["Node Type"]}${n["Index Name"] ? ` \`${n["Index Name"]}\`` : ""}`).join(" + ");
      if (scans.some((n) => n["Node Type"] === "Seq Scan") || !scans.length) failures.push(`${c.name}: ${text || "no scan of AuditEvent"}`);
      lines.push(`| ${c.name} | ${text} | ${sorted ? "yes" : "no"} |`);
    }
  } finally {
    await client.end();
  }
  if (failures.length) throw new Error(`EXPLAIN found a sequential scan:\n${failures.join("\n")}\n${lines.join("\n")}`);
  return lines.join("\n");
}
