// "role: read → write": the fields an event changed, in a line. Shared by the audit table
// and a member's recent activity.

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function changeSummary(before: unknown, after: unknown, limit = 3): string {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== "seeded" && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  const parts = keys.slice(0, limit).map((k) => (k in b && k in a ? `${k}: ${show(b[k])} → ${show(a[k])}` : k in a ? `${k}: ${show(a[k])}` : `${k} was ${show(b[k])}`));
  if (keys.length > limit) parts.push(`+${keys.length - limit} more`);
  return parts.join("; ");
}
