// "role: read → write": the fields an event changed, in a line. Shared by the audit table
// and a member's recent activity.

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** Readable names for the fields events record; any other key is split into words. */
const FIELD_LABELS: Record<string, string> = {
  auditRetentionDays: "Keep audit events (days)",
  retentionDays: "Keep audit events (days)",
  expiresAt: "Expires",
  firstName: "First name",
  lastName: "Last name",
  emailVerified: "Email verified",
  joinedAt: "Joined",
  supportStaff: "Support staff",
  sessionsEnded: "Sessions ended",
  otherSessionsEnded: "Other sessions ended",
  requestedBy: "Requested by",
  cutoff: "Cut-off",
  ip: "IP address",
};

export function fieldLabel(key: string): string {
  if (FIELD_LABELS[key]) return FIELD_LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function changeSummary(before: unknown, after: unknown, limit = 3): string {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== "seeded" && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  const parts = keys.slice(0, limit).map((k) => {
    const label = fieldLabel(k);
    return k in b && k in a ? `${label}: ${show(b[k])} → ${show(a[k])}` : k in a ? `${label}: ${show(a[k])}` : `${label} was ${show(b[k])}`;
  });
  if (keys.length > limit) parts.push(`+${keys.length - limit} more`);
  return parts.join("; ");
}
