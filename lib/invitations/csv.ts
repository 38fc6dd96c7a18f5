import { GRANTABLE_ROLES, type GrantableRole } from "@/lib/authz/permissions";
import { emailSchema } from "@/lib/auth/schemas";
import { INVITATION_GROUPS_MAX, groupNameKey } from "@/lib/groups/schemas";
import { BULK_INVITE_MAX_ROWS } from "./schemas";

/** `groups`: the names in the optional third column, as written. */
export type CsvRow = { line: number; email: string; role: string; groups: string[] };

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
 * The group names of a row: the third column, names separated by `|` or `;`. A `;`
 * also separates cells, so every cell after the role counts as group names; each name
 * is kept once (compared as group names are: case-insensitively).
 */
function groupNames(cells: string[]): string[] {
  const seen = new Set<string>();
  return cells
    .flatMap((cell) => cell.split(/[|;]/))
    .map((name) => name.trim())
    .filter((name) => name && !seen.has(groupNameKey(name)) && seen.add(groupNameKey(name)));
}

/**
 * `email,role[,groups]` per line; a header line (`email,role[,groups]`) and blank lines
 * are skipped. Semicolons and tabs are accepted as separators too, as spreadsheets export them.
 */
export function parseInvitationCsv(text: string): ParsedCsv {
  const rows: CsvRow[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  for (const [index, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    const [email = "", role = "", ...rest] = splitCsvLine(raw);
    if (rows.length === 0 && email.toLowerCase() === "email") continue;
    rows.push({ line: index + 1, email, role, groups: groupNames(rest) });
    if (rows.length > BULK_INVITE_MAX_ROWS) {
      return { ok: false, message: `That file has more than ${BULK_INVITE_MAX_ROWS} rows. Split it and invite at most ${BULK_INVITE_MAX_ROWS} people at a time.` };
    }
  }
  if (rows.length === 0) return { ok: false, message: "No rows found. Put one invitation per line: email,role[,groups]" };
  return { ok: true, rows };
}

export const VERDICTS = {
  ok: "Ready to send",
  duplicate: "Duplicate in this file",
  pending: "Already invited (pending)",
  member: "Already a member",
  invalid_email: "Invalid email",
  invalid_role: "Invalid role",
  unknown_group: "Unknown group",
  too_many_groups: `More than ${INVITATION_GROUPS_MAX} groups`,
  over_seat_limit: "Over the seat limit",
} as const;
export type Verdict = keyof typeof VERDICTS;

/** `groupIds`: the ids of the row's groups (when all are known); `unknownGroups`: the names no group has. */
export type JudgedRow = { line: number; email: string; role: string; groups: string[]; groupIds: string[]; unknownGroups: string[]; verdict: Verdict };
/** `groupsByName`: the workspace's groups, by lower-cased name. */
export type JudgeContext = {
  memberEmails: ReadonlySet<string>;
  pendingEmails: ReadonlySet<string>;
  seatsLeft: number | null;
  groupsByName?: ReadonlyMap<string, string>;
};
type JudgeInput = { line?: number; email: string; role: string; groups?: readonly string[] };

const isGrantable = (role: string): role is GrantableRole => (GRANTABLE_ROLES as readonly string[]).includes(role);

/**
 * Each row's verdict, in file order. Emails and roles are normalised first, so
 * `Ada@X.com` and `ada@x.com` are duplicates. Seats go to valid rows in file order;
 * the rows past the last free seat are "over the seat limit".
 */
export function judgeRows(rows: readonly JudgeInput[], context: JudgeContext): JudgedRow[] {
  const seen = new Set<string>();
  let seatsLeft = context.seatsLeft;
  return rows.map((row, index) => {
    const line = row.line ?? index + 1;
    const groups = [...(row.groups ?? [])];
    const groupIds = groups.flatMap((name) => context.groupsByName?.get(groupNameKey(name)) ?? []);
    const unknownGroups = groups.filter((name) => !context.groupsByName?.has(groupNameKey(name)));
    const parsedEmail = emailSchema.safeParse(row.email);
    const email = parsedEmail.success ? parsedEmail.data : row.email.trim();
    const role = row.role.trim().toLowerCase();
    const verdict = ((): Verdict => {
      if (!parsedEmail.success) return "invalid_email";
      if (!isGrantable(role)) return "invalid_role";
      if (groups.length > INVITATION_GROUPS_MAX) return "too_many_groups";
      if (unknownGroups.length > 0) return "unknown_group";
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
    return { line, email, role, groups, groupIds, unknownGroups, verdict };
  });
}
