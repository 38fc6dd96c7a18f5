// npm run demo — build Roster, migrate and seed the embedded database, start on http://localhost:3000.
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
  buildIfStale();

  const url = databaseUrl();
  const db = await openMigratedDatabase(url);
  if (db.applied.length) console.log(`Applied migrations: ${db.applied.join(", ")}`);
  const seeded = await seedDemo(db.prisma);
  await db.close(); // PGlite: one process per data directory; the server opens it next.

  const server = startNext(port, process.env);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));

  await waitForServer(`http://localhost:${port}/login`);
  console.log(`
Roster is running on http://localhost:${port}  (${isPostgresUrl(url) ? "PostgreSQL" : "embedded database in .data/pglite"})
${seeded ? "Seeded" : "Kept"} the demo workspace "${DEMO_WORKSPACE.name}". Sign in with any of:
${DEMO_PEOPLE.map((p) => `  ${p.email.padEnd(20)} (${p.role})`).join("\n")}
Password: ${DEMO_PASSWORD}
Mail goes to ${process.env.RESEND_API_KEY ? "Resend" : `the outbox: http://localhost:${port}/dev/mail`}${seeded ? ` (two invitations are waiting there: ${DEMO_INVITATIONS.map((i) => i.email).join(", ")}; open one to try the join page)` : ""}
Stop with Ctrl+C.
`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
