// Roster's server: Next's request handler behind a plain Node HTTP server, so that route
// code knows who connected. `next start` passes a client's own X-Forwarded-For through
// (it adds one only when there is none), which left every per-IP limit and audited
// address to the client's choice. Here the socket's peer address goes into a header of
// our own, after any copy the client sent is dropped, and lib/auth/client-ip.ts reads it
// (with TRUST_PROXY_HOPS for proxies in front). docs/decisions/008-client-address-from-the-socket.md
//
// It also does what an operator needs around the app (docs/decisions/016-operating-roster.md):
// a request id on every response (X-Request-Id) and one JSON log line per request
// (server/log.mjs); a 503 page with Retry-After while the database cannot be reached, and
// a 500 page of its own for any other failure, each naming the request id; and a graceful
// stop on SIGTERM or SIGINT (server/shutdown.mjs).
//
// Plain JavaScript so that `npm start` needs nothing but Node and the build.
//   PORT (default 3000), HOST (default: every interface, as `next start`), LOG_LEVEL,
//   LOG_FORMAT, SHUTDOWN_GRACE_SECONDS (default 10).
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import { AsyncLocalStorage } from "node:async_hooks";
import { fileURLToPath } from "node:url";
import { makeLogger, requestFields } from "./server/log.mjs";
import { errorPage, pageHeaders, RETRY_AFTER_SECONDS, SERVER_ERROR_MESSAGE } from "./server/error-pages.mjs";
import { databaseWatch, opsState } from "./server/database-state.mjs";
import { holdServerErrors } from "./server/hold-errors.mjs";
import { gracefulShutdown } from "./server/shutdown.mjs";

const PEER_HEADER = "x-roster-peer-address";
const REQUEST_ID_HEADER = "x-request-id";
const UNREACHABLE = "Roster can't reach its database right now. Nothing was lost; try again in a moment.";

/** Replaces whatever the client sent under `name` with `value`, in both header views Next may read. */
function setRequestHeader(req, name, value) {
  const raw = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].toLowerCase() !== name) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  raw.push(name, value);
  req.rawHeaders = raw;
  req.headers[name] = value;
}

/** Replaces whatever the client sent under PEER_HEADER with the connection's peer address. */
function stampPeerAddress(req) {
  setRequestHeader(req, PEER_HEADER, req.socket.remoteAddress ?? "");
}

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
// Checked again per request by lib/auth/client-ip.ts; refused here so that a typo stops
// the server at once instead of failing every request that needs the client's address.
if (!/^\d+$/.test(process.env.TRUST_PROXY_HOPS || "0")) {
  console.error(`TRUST_PROXY_HOPS must be a whole number of proxies (0 or more), not "${process.env.TRUST_PROXY_HOPS}".`);
  process.exit(1);
}
const trustedProxies = Number(process.env.TRUST_PROXY_HOPS || "0") > 0;
const graceSeconds = Number(process.env.SHUTDOWN_GRACE_SECONDS || 10);
if (!(graceSeconds >= 0)) {
  console.error(`SHUTDOWN_GRACE_SECONDS must be a number of seconds, not "${process.env.SHUTDOWN_GRACE_SECONDS}".`);
  process.exit(1);
}
let logger;
try {
  logger = makeLogger();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const log = logger.write;

// Shared with the app (lib/ops/hooks.ts): the request being served, for its id and the
// signed-in user's id in the log line, and the database's state (server/database-state.mjs).
const ops = opsState();
ops.requests = new AsyncLocalStorage();
ops.log = log;
const watch = databaseWatch({ log });

// Tells lib/auth/client-ip.ts that this process stamps the header, and under which name;
// without this mark (plain `next start`) a client could send the header itself.
globalThis[Symbol.for("roster.peer-address-header")] = PEER_HEADER;

// A production server: React and Next read NODE_ENV when they load, hence the late import.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, dir: fileURLToPath(new URL(".", import.meta.url)), hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * The request's id: a proxy's X-Request-Id when proxies are trusted (TRUST_PROXY_HOPS) and
 * it looks like an id, else a fresh one. Either way the app sees only this one.
 */
function requestIdOf(req) {
  const sent = req.headers[REQUEST_ID_HEADER];
  return trustedProxies && typeof sent === "string" && /^[A-Za-z0-9._:-]{8,128}$/.test(sent) ? sent : randomUUID();
}

/**
 * What a request is, for what the server may answer in the app's place:
 * - "action": a server action (POST with Next-Action). Never answered here: the guard
 *   returns a typed refusal the form shows, which an HTML page would break;
 * - "static": built files; "health": /api/health/*, which answer for themselves;
 * - "api": other routes, answered in JSON; "page": everything else, answered in HTML.
 */
function kindOf(req) {
  const path = (req.url || "/").split("?")[0];
  if (req.method === "POST" && req.headers["next-action"]) return "action";
  if (path.startsWith("/_next/static/") || path.startsWith("/_next/image") || path === "/favicon.ico" || path === "/icon.svg") return "static";
  if (path.startsWith("/api/health/")) return "health";
  if (path.startsWith("/api/")) return "api";
  return "page";
}

function sendPage(req, res, status, message, requestId) {
  const body = errorPage({ status, message, requestId });
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.writeHead(status, pageHeaders(status, requestId, body));
  res.end(req.method === "HEAD" ? undefined : body);
}

function sendJson(res, status, payload, requestId) {
  const body = JSON.stringify({ ...payload, requestId });
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    "X-Request-Id": requestId,
    ...(status === 503 ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {}),
  });
  res.end(body);
}

function sendUnavailable(req, res, kind, down, requestId) {
  const message = down.message || UNREACHABLE;
  if (kind === "api") sendJson(res, 503, { error: "database_unavailable", reason: down.reason, message }, requestId);
  else sendPage(req, res, 503, message, requestId);
}

async function serve(req, res, kind, requestId) {
  // While a failure to reach the database has not been cleared by a probe, pages and routes
  // answer 503 at once (one probe a second tells when it is back) instead of each
  // rendering until its first query fails. Otherwise a probe every 5 s at most, in the
  // background, notices an outage that no query has met yet.
  if ((kind === "page" || kind === "api") && watch.suspected()) {
    const down = await watch.confirm();
    if (down) return sendUnavailable(req, res, kind, down, requestId);
  } else if (kind === "page" || kind === "api") {
    watch.refresh();
  }
  if (kind === "page" || kind === "api") {
    holdServerErrors(res, (replay) => {
      watch.confirm({ fresh: true }).then((down) => {
        if (down) return sendUnavailable(req, res, kind, down, requestId);
        if (kind === "page") return sendPage(req, res, 500, SERVER_ERROR_MESSAGE, requestId);
        replay();
      }).catch((error) => {
        // Whatever went wrong here, the client is not left waiting.
        log("error", "answering a held server error failed", { requestId, error: String(error), stack: error?.stack });
        if (!res.writableEnded) res.destroy();
      });
    });
  }
  await handle(req, res);
}

const server = createServer((req, res) => {
  const started = performance.now();
  const requestId = requestIdOf(req);
  const kind = kindOf(req);
  const context = { id: requestId, userId: undefined };
  stampPeerAddress(req);
  setRequestHeader(req, REQUEST_ID_HEADER, requestId);
  res.setHeader("X-Request-Id", requestId);
  shutdown.track(req, res);
  res.once("close", () => {
    const level = kind === "static" ? "debug" : "info";
    if (!logger.enabled(level)) return;
    const fields = requestFields({
      requestId,
      method: req.method,
      url: req.url,
      status: res.statusCode,
      durationMs: performance.now() - started,
      userId: context.userId,
      aborted: !res.writableFinished,
    });
    log(level, "request", fields);
  });
  ops.requests.run(context, () =>
    serve(req, res, kind, requestId).catch((error) => {
      log("error", "request failed", { requestId, error: String(error?.message ?? error), stack: error?.stack });
      if (!res.headersSent) sendPage(req, res, 500, SERVER_ERROR_MESSAGE, requestId);
      else res.end();
    }),
  );
});

const shutdown = gracefulShutdown({
  server,
  log,
  graceMs: graceSeconds * 1000,
  closeDatabase: async () => ops.database.close?.(),
});
process.on("SIGTERM", () => shutdown.stop("SIGTERM"));
process.on("SIGINT", () => shutdown.stop("SIGINT"));

server.listen(port, host, () => {
  const shown = !host || host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  log("info", "listening", { url: `http://${shown}:${port}` });
});
