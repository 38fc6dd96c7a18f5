// The whole event, for a row's details: one "field: value" line per stored field, which
// reads (and copies) more easily than indented JSON and is about half its size in the page.
import type { AuditEvent } from "@/lib/generated/prisma/client";

// Text is shown as it is only when it is words of visible characters with single spaces
// between them. Anything else is quoted as JSON, with invisible and direction-changing
// characters written as \u escapes: a recorded name ending in "\nip: 10.0.0.1", padded
// with spaces until the box wraps, or holding a right-to-left override must not read as
// another line or another value.
const WORDS = /^[^\s"\\\p{C}\p{Z}]+(?: [^\s"\\\p{C}\p{Z}]+)*$/u;
const INVISIBLE = /[\p{C}\p{Z}]/gu;
const escapeInvisible = (json: string) =>
  json.replace(INVISIBLE, (c) => (c === " " ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)).replace(/ (?= )/g, "\\u0020");
const quoted = (text: string) => escapeInvisible(JSON.stringify(text));

function show(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return WORDS.test(value) ? value : quoted(value);
  return escapeInvisible(JSON.stringify(value));
}

/** Only changes made through the Team API have a key; other events do not list the empty fields. */
const KEY_FIELDS = new Set(["actorKeyId", "actorKeyName"]);

/** Every field but the workspace (the page's own), in the stored order. */
export function eventRecord(event: AuditEvent): string {
  return Object.entries(event)
    .filter(([key, value]) => key !== "workspaceId" && !(KEY_FIELDS.has(key) && value === null))
    .map(([key, value]) => `${key}: ${show(value)}`)
    .join("\n");
}
