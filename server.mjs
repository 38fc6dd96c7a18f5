// Roster's server: Next's request handler behind a plain Node HTTP server, so that route
// code knows who connected. `next start` passes a client's own X-Forwarded-For through
// (it adds one only when there is none), which left every per-IP limit and audited
// address to the client's choice. Here the socket's peer address goes into a header of
// our own, after any copy the client sent is dropped, and lib/auth/client-ip.ts reads it
// (with TRUST_PROXY_HOPS for proxies in front). docs/decisions/008-client-address-from-the-socket.md
//
// Plain JavaScript so that `npm start` needs nothing but Node and the build.
//   PORT (default 3000), HOST (default: every interface, as `next start`).
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

const PEER_HEADER = "x-roster-peer-address";

/** Replaces whatever the client sent under PEER_HEADER with the connection's peer address. */
function stampPeerAddress(req) {
  const raw = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].toLowerCase() !== PEER_HEADER) raw.push(req.rawHeaders[i], req.rawHeaders[i + 1]);
  }
  const peer = req.socket.remoteAddress ?? "";
  raw.push(PEER_HEADER, peer);
  req.rawHeaders = raw;
  req.headers[PEER_HEADER] = peer;
}

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
// Checked again per request by lib/auth/client-ip.ts; refused here so that a typo stops
// the server at once instead of failing every request that needs the client's address.
if (!/^\d+$/.test(process.env.TRUST_PROXY_HOPS || "0")) {
  console.error(`TRUST_PROXY_HOPS must be a whole number of proxies (0 or more), not "${process.env.TRUST_PROXY_HOPS}".`);
  process.exit(1);
}

// Tells lib/auth/client-ip.ts that this process stamps the header, and under which name;
// without this mark (plain `next start`) a client could send the header itself.
globalThis[Symbol.for("roster.peer-address-header")] = PEER_HEADER;

// A production server: React and Next read NODE_ENV when they load, hence the late import.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");
const app = next({ dev: false, dir: fileURLToPath(new URL(".", import.meta.url)), hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  stampPeerAddress(req);
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, host, () => {
  console.log(`Roster listening on http://${!host || host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host}:${port}`);
});

function stop() {
  server.close(() => process.exit(0));
  // Open keep-alive connections would hold close() open; do not wait for them for long.
  setTimeout(() => process.exit(0), 2_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
