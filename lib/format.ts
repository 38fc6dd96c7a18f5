// Dates render the same on the server and in the browser (fixed locale and UTC), so
// hydration never disagrees; the exact time is in the element's title.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export const formatDate = (d: Date | string) => dateFormat.format(new Date(d));
export const formatDateTime = (d: Date | string) => `${dateTimeFormat.format(new Date(d))} UTC`;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 days ago", "in 2 weeks", "just now". */
export function formatRelative(d: Date | string, now = Date.now()): string {
  const seconds = Math.round((new Date(d).getTime() - now) / 1000);
  for (const [unit, size] of STEPS) {
    // Rounded, not truncated: a link sent a moment ago that expires in 14 days reads
    // "in 2 weeks", not "next week".
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

/** "1 seat", "3 seats", "2 are": a count with the word that agrees with it. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Ada Lovelace". */
export const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

/** "Ada Lovelace <ada@example.com>": how audit events label a person. */
export const personLabel = (person: { firstName: string; lastName: string; email: string }) => `${fullName(person)} <${person.email}>`;
