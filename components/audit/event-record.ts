// The whole event, for a row's details: one "field: value" line per stored field, which
// reads (and copies) more easily than indented JSON and is about half its size in the page.
import type { AuditEvent } from "@/lib/generated/prisma/client";

// Text is shown as it is, unless a line break, a quote or a leading or trailing space in it
// could make it read as something else (a recorded name ending in "\nip: 10.0.0.1" must not
// look like an address line): then it is quoted as JSON.
const plain = (text: string) => text !== "" && text.trim() === text && !/[\u0000-\u001f\u007f\u2028\u2029"\\]/.test(text);

function show(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return plain(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

/** Every field but the workspace (the page's own), in the stored order. */
export function eventRecord(event: AuditEvent): string {
  return Object.entries(event)
    .filter(([key]) => key !== "workspaceId")
    .map(([key, value]) => `${key}: ${show(value)}`)
    .join("\n");
}
