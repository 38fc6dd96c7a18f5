// "role: read → write": the fields an event changed, in a line. Shared by the audit table
// and a member's recent activity.

import { formatDateTime } from "@/lib/format";

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** Recorded text as read: an ISO time as a date, anything else as it is. */
const textInWords = (text: string) => (ISO_TIME.test(text) && !Number.isNaN(Date.parse(text)) ? formatDateTime(new Date(text)) : text);

/** A recorded value in words: times as dates, lists joined, objects (an export's filters) as their set fields. */
function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  // Switches read as a person says them ("Require two-factor authentication: off → on").
  if (typeof value === "boolean") return value ? "on" : "off";
  if (typeof value === "string") return clip(textInWords(value));
  if (Array.isArray(value)) return clip(value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", "));
  if (typeof value === "object") {
    const set = Object.entries(value as Record<string, unknown>).filter(([, v]) => !isEmpty(v));
    // A filter on a person names them by id, which says nothing here: the field alone says
    // that there was one, and the details hold the id.
    const part = ([k, v]: [string, unknown]) => {
      const label = fieldLabel(k).toLowerCase();
      if (isIdField(k) || k === "member") return label;
      return `${label} ${typeof v === "string" ? textInWords(v) : JSON.stringify(v)}`;
    };
    return set.length ? clip(set.map(part).join(", ")) : "none";
  }
  return clip(JSON.stringify(value));
}

/** Ids are for the whole event ("Show details"); the line says what changed in words. */
const isIdField = (key: string) => key === "id" || /[a-z]Id$/.test(key);

/**
 * Readable names for the fields events record, worded as the forms that change them
 * (Settings says "Keep audit events for (days)"); any other key is split into words, so a
 * field added later still reads as words rather than as a code identifier.
 */
const FIELD_LABELS: Record<string, string> = {
  auditRetentionDays: "Keep audit events (days)",
  retentionDays: "Keep audit events (days)",
  invitationLifetimeDays: "Invitation lifetime (days)",
  requireTwoFactor: "Require two-factor authentication",
  newOwnerRole: "New owner's role",
  previousOwnerRole: "Previous owner's role",
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

// Initialisms stay capitals when a key is split ("invitationId" → "Invitation ID").
const INITIALISMS = new Set(["id", "ip", "url", "api"]);

export function fieldLabel(key: string): string {
  if (Object.hasOwn(FIELD_LABELS, key)) return FIELD_LABELS[key]!;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((w) => (INITIALISMS.has(w) ? w.toUpperCase() : w))
    .join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function changeSummary(before: unknown, after: unknown, limit = 3): string {
  const b = asRecord(before);
  const a = asRecord(after);
  // Own keys only: an event's JSON may hold any key, "toString" included, and `in` or a
  // plain lookup would find Object.prototype's function instead of the recorded value.
  const has = (o: Record<string, unknown>, k: string) => Object.hasOwn(o, k);
  const at = (o: Record<string, unknown>, k: string) => (has(o, k) ? o[k] : undefined);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== "seeded" && !isIdField(k) && JSON.stringify(at(b, k)) !== JSON.stringify(at(a, k)));
  const parts = keys.slice(0, limit).map((k) => {
    const label = fieldLabel(k);
    return has(b, k) && has(a, k) ? `${label}: ${show(b[k])} → ${show(a[k])}` : has(a, k) ? `${label}: ${show(a[k])}` : `${label} was ${show(b[k])}`;
  });
  if (keys.length > limit) parts.push(`+${keys.length - limit} more`);
  return parts.join("; ");
}
