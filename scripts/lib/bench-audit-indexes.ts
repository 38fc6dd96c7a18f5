// Which index served each audit page, on PostgreSQL: the server's own queries, observed
// through pg_stat_user_indexes / pg_stat_user_tables around one request per case (the
// statistics are PostgreSQL's, so this sees the SQL Prisma really sent, not a copy of it).
import http from "node:http";
import pg from "pg";
import type { Case } from "./bench-common";

type Counters = { seq: number; indexes: Map<string, number> };

async function counters(client: pg.Client): Promise<Counters> {
  const table = await client.query<{ seq_scan: string }>(`SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'AuditEvent'`);
  const idx = await client.query<{ indexrelname: string; idx_scan: string }>(`SELECT indexrelname, idx_scan FROM pg_stat_user_indexes WHERE relname = 'AuditEvent'`);
  return { seq: Number(table.rows[0]?.seq_scan ?? 0), indexes: new Map(idx.rows.map((r) => [r.indexrelname, Number(r.idx_scan)])) };
}

function get(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { cookie } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    }).on("error", reject);
  });
}

export async function auditIndexUse(databaseUrl: string, origin: string, cookie: string, cases: Case[]): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const lines = ["| case | sequential scans of AuditEvent | indexes used (scans) |", "| --- | ---: | --- |"];
  try {
    for (const c of cases) {
      const before = await counters(client);
      if ((await get(origin + c.path, cookie)) !== 200) throw new Error(`${c.name}: not 200`);
      // Backends publish their statistics within a second of going idle.
      await new Promise((r) => setTimeout(r, 1_500));
      const after = await counters(client);
      const used = [...after.indexes].filter(([name, n]) => n > (before.indexes.get(name) ?? 0)).map(([name, n]) => `\`${name}\` (${n - (before.indexes.get(name) ?? 0)})`);
      lines.push(`| ${c.name} | ${after.seq - before.seq} | ${used.join(", ") || "none"} |`);
    }
  } finally {
    await client.end();
  }
  return lines.join("\n");
}
