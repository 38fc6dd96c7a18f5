// One JSON line per event on the server's output: requests at "info" (static files at
// "debug"), problems at "warn" and "error" with their stack. LOG_LEVEL (error, warn, info,
// debug; default info) sets the least severe level written. LOG_FORMAT=pretty writes
// the same events as short human lines instead (the demo uses it).
// docs/decisions/016-operating-roster.md

export const LEVELS = { error: 0, warn: 1, info: 2, debug: 3 };

/** The configured level; an unknown value stops the server rather than logging nothing. */
export function logLevel(env = process.env) {
  const value = (env.LOG_LEVEL || "info").trim().toLowerCase();
  if (!(value in LEVELS)) throw new Error(`LOG_LEVEL must be one of ${Object.keys(LEVELS).join(", ")}, not "${env.LOG_LEVEL}".`);
  return value;
}

/** A writer for `level` events; null when LOG_LEVEL leaves them out (so callers skip building them). */
export function makeLogger(env = process.env, out = process.stdout, err = process.stderr) {
  const threshold = LEVELS[logLevel(env)];
  const pretty = env.LOG_FORMAT === "pretty";
  const enabled = (level) => LEVELS[level] <= threshold;
  function write(level, msg, fields = {}) {
    if (!enabled(level)) return;
    const event = { time: new Date().toISOString(), level, msg, ...fields };
    const line = pretty ? prettyLine(event) : JSON.stringify(event);
    (LEVELS[level] <= LEVELS.warn ? err : out).write(line + "\n");
  }
  return { enabled, write };
}

function prettyLine({ time, level, msg, stack, ...rest }) {
  const pairs = Object.entries(rest)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  return `${time.slice(11, 19)} ${level.padEnd(5)} ${msg}${pairs.length ? ` (${pairs.join(", ")})` : ""}${stack ? `\n${stack}` : ""}`;
}

// Paths whose last segment is a secret: an invitation's join link, an address
// verification link, a password reset link. Their token is replaced; so is every query
// string, which may hold anything a form sent by GET (a search, a return URL).
const SECRET_SEGMENTS = /^\/(join|verify-email|reset-password)\/[^/?#]+/;

/** The request's path as it may be logged: no query string, no token. */
export function redactPath(url) {
  const raw = typeof url === "string" ? url : "/";
  const q = raw.search(/[?#]/);
  const path = q === -1 ? raw : raw.slice(0, q);
  return path.replace(SECRET_SEGMENTS, (_, first) => `/${first}/[redacted]`) + (q === -1 ? "" : "?[redacted]");
}

/** The fields of a request's log line. */
export function requestFields({ requestId, method, url, status, durationMs, userId, aborted }) {
  return {
    requestId,
    method,
    path: redactPath(url),
    status,
    durationMs: Math.round(durationMs * 10) / 10,
    ...(userId ? { userId } : {}),
    ...(aborted ? { aborted: true } : {}),
  };
}
