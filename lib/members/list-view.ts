// The members list's sorts and page sizes, and the sort parser: what the list's client
// components need of its view, kept apart from the zod schema that parses the URL
// (./schemas.ts), so that the list ships no zod to the browser.

export const MEMBER_SORTS = ["name", "email", "role", "joined", "active"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

export function parseSort(sort: string): { field: MemberSort; desc: boolean } {
  const desc = sort.startsWith("-");
  const field = (desc ? sort.slice(1) : sort) as MemberSort;
  return { field: MEMBER_SORTS.includes(field) ? field : "name", desc };
}
