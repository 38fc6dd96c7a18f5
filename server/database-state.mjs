// What Roster's server knows about its database, shared with the app through one object
// on globalThis (the app's bundles and this plain module are loaded separately):
//   down   — null, or { reason, message } since a query failed to reach the database
//            (set by the app: lib/ops/hooks.ts; cleared here when a probe answers);
//   probe  — registered by the app at start (instrumentation.ts): one trivial query,
//            resolving to null when the database answers, else { reason, message };
//   close  — registered by the app: closes the database (PGlite flushed and closed).
// docs/decisions/016-operating-roster.md

const KEY = Symbol.for("roster.ops");

/** The process-wide object, created once by whichever side comes first. */
export function opsState() {
  const g = globalThis;
  g[KEY] ??= { requests: undefined, database: { down: null, probe: null, close: null } };
  return g[KEY];
}

/**
 * `confirm()` answers "is the database down?" by probing it, at most one probe at a time
 * and at most one every `freshMs`: during an outage each request does not wait for its
 * own probe, and the first request after the database returns finds it within `freshMs`.
 */
export function databaseWatch({ log, freshMs = 1_000, idleCheckMs = 5_000, timeoutMs = 2_000, now = Date.now } = {}) {
  const db = opsState().database;
  let inflight = null;
  let checkedAt = -Infinity;

  function settle(result) {
    checkedAt = now();
    if (result && !db.down) log?.("warn", "database unavailable", { reason: result.reason });
    if (!result && db.down) log?.("warn", "database reachable again", { reason: db.down.reason });
    db.down = result;
    return result;
  }

  async function probeOnce() {
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ reason: "unreachable", message: null }), timeoutMs);
    });
    try {
      const result = await Promise.race([db.probe(), timeout]);
      return result ? { reason: result.reason, message: result.message ?? db.down?.message ?? null } : null;
    } catch {
      return { reason: "unreachable", message: null };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    /**
     * The current outage, or null; probes when the last answer is stale, or with `fresh`
     * (after a failed response, which may be the first sign of an outage) unless a probe is
     * already under way.
     */
    async confirm({ fresh = false } = {}) {
      if (!db.probe) return db.down;
      if (!fresh && !inflight && now() - checkedAt < freshMs) return db.down;
      inflight ??= probeOnce()
        .then(settle)
        .finally(() => (inflight = null));
      return inflight;
    },
    /**
     * Without a known outage: starts a probe in the background when the last is older than
     * `idleCheckMs`, so that an outage is noticed even by pages that send no query (the
     * sign-in page), without making any request wait for it.
     */
    refresh() {
      if (db.probe && !inflight && !db.down && now() - checkedAt >= idleCheckMs) void this.confirm();
    },
    /** Whether a failure has been seen and not yet cleared by a probe (cheap, no query). */
    suspected: () => db.down !== null,
  };
}
