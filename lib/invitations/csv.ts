import { GRANTABLE_ROLES, type GrantableRole } from "@/lib/authz/permissions";
import { emailSchema } from "@/lib/auth/schemas";
import { BULK_INVITE_MAX_ROWS } from "./schemas";

export type CsvRow = { line: number; email: string; role: string };

export type ParsedCsv = { ok: true; rows: CsvRow[] } | { ok: false; message: string };

/** One line's cells: `,`, `;` or tab separate them, except inside double quotes ("" is a quote). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === "," || c === ";" || c === "\t") {
      cells.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * `email,role` per line; a header line (`email,role`) and blank lines are skipped.
 * Semicolons and tabs are accepted as separators too, as spreadsheets export them.
 */
export function parseInvitationCsv(text: string): ParsedCsv {
  const rows: CsvRow[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  for (const [index, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    const [email = "", role = ""] = splitCsvLine(raw);
    if (rows.length === 0 && email.toLowerCase() === "email") continue;
    rows.push({ line: index + 1, email, role });
    if (rows.length > BULK_INVITE_MAX_ROWS) {
      return { ok: false, message: `That file has more than ${BULK_INVITE_MAX_ROWS} rows. Split it and invite at most ${BULK_INVITE_MAX_ROWS} people at a time.` };
    }
  }
  if (rows.length === 0) return { ok: false, message: "No rows found. Put one invitation per line: email,role" };
  return { ok: true, rows };
}

export const VERDICTS = {
  ok: "Ready to send",
  duplicate: "Duplicate in this file",
  pending: "Already invited (pending)",
  member: "Already a member",
  invalid_email: "Invalid email",
  invalid_role: "Invalid role",
  over_seat_limit: "Over the seat limit",
} as const;
export type Verdict = keyof typeof VERDICTS;

export type JudgedRow = { line: number; email: string; role: string; verdict: Verdict };
export type JudgeContext = { memberEmails: ReadonlySet<string>; pendingEmails: ReadonlySet<string>; seatsLeft: number | null };

const isGrantable = (role: string): role is GrantableRole => (GRANTABLE_ROLES as readonly string[]).includes(role);

/**
 * Each row's verdict, in file order. Emails and roles are normalised first, so
 * `Ada@X.com` and `ada@x.com` are duplicates. Seats go to valid rows in file order;
 * the rows past the last free seat are "over the seat limit".
 */
export function judgeRows(rows: readonly Omit<CsvRow, "line">[] | readonly CsvRow[], context: JudgeContext): JudgedRow[] {
  const seen = new Set<string>();
  let seatsLeft = context.seatsLeft;
  return rows.map((row, index) => {
    const line = "line" in row ? row.line : index + 1;
    const parsedEmail = emailSchema.safeParse(row.email);
    const email = parsedEmail.success ? parsedEmail.data : row.email.trim();
    const role = row.role.trim().toLowerCase();
    const verdict = ((): Verdict => {
      if (!parsedEmail.success) return "invalid_email";
      if (!isGrantable(role)) return "invalid_role";
      if (seen.has(email)) return "duplicate";
      seen.add(email);
      if (context.memberEmails.has(email)) return "member";
      if (context.pendingEmails.has(email)) return "pending";
      if (seatsLeft !== null) {
        if (seatsLeft <= 0) return "over_seat_limit";
        seatsLeft--;
      }
      return "ok";
    })();
    return { line, email, role, verdict };
  });
}
