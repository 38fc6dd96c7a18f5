/**
 * The fields of an edit that changed, as the audit log keeps them: `before` and `after`
 * hold only those fields, so an event says what the edit did, not the whole record.
 */
export function changedFields<T extends Record<string, unknown>>(current: T, next: Partial<T>) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof T & string)[]) {
    if (next[key] === undefined || next[key] === current[key]) continue;
    before[key] = current[key];
    after[key] = next[key];
  }
  return { changed: Object.keys(after).length > 0, before, after } as const;
}
