import { Refusal } from "@/lib/core/result";

// The members, invitations and groups lists page by position, as their pages do (the
// members page's `?page=`): the cursor is that position, opaque to the caller. Within a
// sort that does not change, consecutive cursors neither skip nor repeat a row.

export function encodeOffset(offset: number): string {
  return Buffer.from(`o:${offset}`).toString("base64url");
}

export function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!match) throw new Refusal("invalid_input", "Not a cursor this API gave.", { fieldErrors: { cursor: ["Not a cursor this API gave."] } });
  return Number(match[1]);
}

/** The list's answer: this slice, and the cursor of the next one while rows remain. */
export function page<T>(rows: T[], offset: number, total: number) {
  const next = offset + rows.length;
  return { data: rows, next_cursor: rows.length > 0 && next < total ? encodeOffset(next) : null };
}
