import "server-only";

// How long a signed-in browser stays signed in (docs/product.md#sessions): it ends after
// `idleDays` without a request, or `maxDays` after sign-in, whichever comes first. Both
// are read once, on first use; a bad value stops the server with a message that names
// the variable, rather than leaving sessions that never end.

export type SessionLifetime = { idleDays: number; maxDays: number };

export const DEFAULT_SESSION_LIFETIME: SessionLifetime = { idleDays: 7, maxDays: 30 };
const DAY_MS = 24 * 60 * 60_000;

function days(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  // Whole days only: "1.5" or "7d" is more likely a typo than a wish.
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 3650) {
    throw new Error(`${name} must be a whole number of days from 1 to 3650 (got "${raw}").`);
  }
  return Number(raw);
}

export function parseSessionLifetime(env: Record<string, string | undefined>): SessionLifetime {
  const idleDays = days(env, "SESSION_IDLE_DAYS", DEFAULT_SESSION_LIFETIME.idleDays);
  const maxDays = days(env, "SESSION_MAX_DAYS", DEFAULT_SESSION_LIFETIME.maxDays);
  if (idleDays > maxDays) {
    throw new Error(`SESSION_IDLE_DAYS (${idleDays}) must not be longer than SESSION_MAX_DAYS (${maxDays}).`);
  }
  return { idleDays, maxDays };
}

let cached: SessionLifetime | undefined;

/** The lifetime from the environment, parsed (and validated) on first use. */
export function sessionLifetime(): SessionLifetime {
  cached ??= parseSessionLifetime(process.env);
  return cached;
}

/** Tests set a lifetime directly; `undefined` goes back to the environment. */
export function setSessionLifetimeForTests(lifetime: SessionLifetime | undefined) {
  cached = lifetime;
}

/**
 * Whether a session row has ended at `now`: idle too long, older than the maximum, or
 * past its stored expiry (set from the maximum when it was created).
 */
export function sessionEnded(row: { createdAt: Date; lastSeenAt: Date; expiresAt: Date }, now: number, lifetime = sessionLifetime()): boolean {
  return (
    row.expiresAt.getTime() <= now ||
    now - row.lastSeenAt.getTime() >= lifetime.idleDays * DAY_MS ||
    now - row.createdAt.getTime() >= lifetime.maxDays * DAY_MS
  );
}

export function lifetimeMs(lifetime = sessionLifetime()) {
  return { idleMs: lifetime.idleDays * DAY_MS, maxMs: lifetime.maxDays * DAY_MS };
}
