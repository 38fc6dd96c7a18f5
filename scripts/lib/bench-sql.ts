// What one request costs in SQL statements: the server runs with ROSTER_SQL_TRACE naming a
// file (lib/db/clients.ts appends every statement to it while it exists), and each case is
// requested once more, alone, with the file emptied before. The statements that establish who is asking and
// what they may do carry the comment `roster:who` (lib/auth/who.ts); the rest is the page's
// own data (and the layout's: the workspace switcher, the invitations count).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { Case } from "./bench-common";

/** The table a statement is about: what follows its first FROM / UPDATE / INTO. */
function tableOf(sql: string): string {
  return /\b(?:FROM|UPDATE|INTO)\s+(?:"public"\.)?"?([A-Za-z_]+)"?/i.exec(sql)?.[1] ?? sql.slice(0, 20);
}

const get = (url: string, cookie: string) =>
  new Promise<number>((resolve, reject) => {
    http
      .get(url, { headers: { cookie, "user-agent": "roster-bench" } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("error", reject);
  });

/** A markdown table: per case, the statements of one request, how many were `roster:who`, and their tables in order. */
export async function statementsPerRequest(origin: string, cookie: string, cases: Case[], traceFile: string): Promise<string> {
  const rows: string[] = [];
  for (const c of cases) {
    writeFileSync(traceFile, "");
    const status = await get(origin + c.path, cookie);
    // Writes that finish after the response (the last-active stamp) land too.
    await new Promise((r) => setTimeout(r, 300));
    const statements = readFileSync(traceFile, "utf8").split("\n").filter(Boolean);
    const who = statements.filter((s) => s.includes("roster:who")).length;
    const tables = statements.map((s) => (s.includes("roster:who") ? `**${tableOf(s)}**` : tableOf(s))).join(", ");
    rows.push(`| ${c.name} | ${status} | ${statements.length} | ${who} | ${tables} |`);
  }
  // The server traces only while the file exists: gone again, the timed requests write nothing.
  rmSync(traceFile, { force: true });
  return [
    "Statements per request (one request each, after the timed ones; **bold**: who is asking and what they may do, `roster:who`):",
    "",
    "| case | HTTP | statements | who-is-asking statements | tables, in order |",
    "| --- | ---: | ---: | ---: | --- |",
    ...rows,
  ].join("\n");
}
