// npm run demo — build Roster, migrate and seed the embedded database, start on http://127.0.0.1:3000.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { openMigratedDatabase } from "../lib/db/bootstrap";
import { buildIfStale } from "./lib/build";
import { startNext, waitForServer } from "./lib/next-server";
import { databaseUrl, isPostgresUrl } from "../lib/db/url";
import { DEMO_INVITATIONS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_WORKSPACE, seedDemo } from "../prisma/seed";

const root = process.cwd();
const port = Number(process.env.PORT || 3000);
// Only this machine by default: the demo's /dev/mail page hands out every join link it
// sent, so on every interface anyone on the network could read them. HOST=0.0.0.0 opens it.
const host = process.env.HOST || "127.0.0.1";
const everyInterface = host === "0.0.0.0" || host === "::";
/** The address to open: a wildcard host is reached through localhost, an IPv6 one in brackets. */
const baseUrl = `http://${everyInterface ? "localhost" : host.includes(":") ? `[${host}]` : host}:${port}`;

/** AUTH_SECRET: from the environment, or generated once and kept in .data/ so sessions survive restarts. */
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, ".data/auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  process.env.AUTH_SECRET = authSecret();
  process.env.AUTH_TRUST_HOST ??= "true";
  // The demo runs on your machine; its outbox page is how you read the mail it sends.
  process.env.MAIL_OUTBOX_PAGE ??= "true";
  // The demo's console stays readable: problems only, as short lines rather than the JSON
  // a production server writes per request (README, "Operating Roster").
  process.env.LOG_LEVEL ??= "warn";
  process.env.LOG_FORMAT ??= "pretty";
  // Links in the demo's mail point where the demo listens.
  if (!process.env.APP_URL && !process.env.AUTH_URL) process.env.APP_URL = baseUrl;
  buildIfStale();

  const url = databaseUrl();
  const db = await openMigratedDatabase(url);
  if (db.applied.length) console.log(`Applied migrations: ${db.applied.join(", ")}`);
  const seeded = await seedDemo(db.prisma);
  await db.close(); // PGlite: one process per data directory; the server opens it next.

  const server = startNext(port, process.env, { host });
  // Ctrl+C (or a SIGTERM to the demo) stops the server as an orchestrator would: requests in
  // flight finish and the embedded database is closed cleanly; the demo exits with its code.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));

  await waitForServer(`${baseUrl}/login`);
  console.log(`
Roster is running on ${baseUrl}${everyInterface ? ` (on every interface: anyone on your network can open it, /dev/mail included)` : ""}  (${isPostgresUrl(url) ? "PostgreSQL" : "embedded database in .data/pglite"})
${seeded ? "Seeded" : "Kept"} the demo workspace "${DEMO_WORKSPACE.name}". Sign in with any of:
${DEMO_PEOPLE.map((p) => `  ${p.email.padEnd(20)} (${p.role})`).join("\n")}
Password: ${DEMO_PASSWORD}
Mail goes to ${process.env.RESEND_API_KEY ? "Resend" : `the outbox: ${baseUrl}/dev/mail`}${seeded ? ` (two invitations are waiting there: ${DEMO_INVITATIONS.map((i) => i.email).join(", ")}; open one to try the join page)` : ""}
Stop with Ctrl+C.
`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
