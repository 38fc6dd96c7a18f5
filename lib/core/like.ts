/**
 * Text for Prisma's `contains` / `startsWith` / `endsWith`, which become SQL `LIKE` without
 * escaping: a `%` or `_` typed in a search box would otherwise match anything. PostgreSQL's
 * LIKE escapes with a backslash by default.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
