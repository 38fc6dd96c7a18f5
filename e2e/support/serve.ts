// Playwright's webServer: a fresh embedded database with the e2e world, a storage state
// (a real session row and its Auth.js cookie) per person, then the production server.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openMigratedDatabase } from "../../lib/db/bootstrap";
import { hashPassword } from "../../lib/auth/passwords";
import { grantSupportStaff } from "../../lib/support/staff";
import { sealTotpSecret } from "../../lib/auth/two-factor/store";
import { sealingKey } from "../../lib/auth/two-factor/secret-box";
import { buildIfStale } from "../../scripts/lib/build";
import { startNext } from "../../scripts/lib/next-server";
import { mintSessionCookie } from "../../scripts/lib/session-cookie";
import { E2E_AUTH_SECRET, E2E_BASE_URL, E2E_DATA_DIR, E2E_OUTBOX_DIR, E2E_PASSWORD, E2E_PORT, PEOPLE, WORKSPACES, storageStatePath } from "./world";

async function main() {
  const env = {
    ...process.env,
    DATABASE_URL: `file:${path.resolve(E2E_DATA_DIR, "pglite")}`,
    MAIL_OUTBOX_DIR: path.resolve(E2E_OUTBOX_DIR),
    AUTH_SECRET: E2E_AUTH_SECRET,
    // Two-factor secrets are sealed with a key from AUTH_SECRET here, as the seed above seals them.
    TOTP_ENCRYPTION_KEY: "",
    AUTH_TRUST_HOST: "true",
    RESEND_API_KEY: "",
    PORT: String(E2E_PORT),
    APP_URL: E2E_BASE_URL,
    MAIL_OUTBOX_PAGE: "true",
    // Playwright prints the server's output: problems only, not a line per request.
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
  };
  buildIfStale(env);

  rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  mkdirSync(E2E_OUTBOX_DIR, { recursive: true });
  mkdirSync("e2e/.auth", { recursive: true });

  const db = await openMigratedDatabase(env.DATABASE_URL);
  const passwordHash = await hashPassword(E2E_PASSWORD);
  const users = new Map<string, string>();
  for (const p of PEOPLE) {
    const user = await db.prisma.user.create({
      data: { email: p.email, firstName: p.firstName, lastName: p.lastName, passwordHash, emailVerifiedAt: p.unverified ? null : new Date() },
    });
    users.set(p.key, user.id);
    if (p.totpSecret) {
      const sealed = sealTotpSecret(user.id, p.totpSecret, sealingKey({ AUTH_SECRET: E2E_AUTH_SECRET }));
      await db.prisma.user.update({ where: { id: user.id }, data: { totpSecret: sealed, totpEnabledAt: new Date() } });
    }
    if (p.supportStaff) {
      const granted = await grantSupportStaff(db.prisma, p.email);
      if (granted.outcome !== "granted") throw new Error(`Could not make ${p.email} support staff: ${granted.outcome}`);
    }
  }
  for (const w of WORKSPACES) {
    const workspace = await db.prisma.workspace.create({ data: { name: w.name, slug: w.slug, plan: w.plan ?? "enterprise" } });
    for (const m of w.members) {
      await db.prisma.membership.create({ data: { workspaceId: workspace.id, userId: users.get(m.person)!, role: m.role } });
    }
    const creator = PEOPLE.find((p) => p.key === w.members[0]?.person);
    const made = { workspaceId: workspace.id, createdById: users.get(creator?.key ?? ""), createdByName: `${creator?.firstName} ${creator?.lastName}` };
    for (const a of w.agents ?? []) {
      await db.prisma.agent.create({ data: { ...made, name: a.name, searchName: a.name.toLowerCase(), model: "gpt-4o", visibility: a.restricted ? "groups" : "workspace" } });
    }
    for (const p of w.personas ?? []) {
      await db.prisma.persona.create({ data: { ...made, name: p.name, searchName: p.name.toLowerCase(), visibility: p.restricted ? "groups" : "workspace" } });
    }
    for (let i = 1; i <= (w.crowd?.count ?? 0); i++) {
      const n = String(i).padStart(2, "0");
      const user = await db.prisma.user.create({
        data: { email: `${w.crowd!.emailPrefix}${n}@${w.slug}.test`, firstName: "Person", lastName: n, passwordHash, emailVerifiedAt: new Date() },
      });
      // Joined one day apart, so "joined" sorts deterministically.
      const createdAt = new Date(Date.UTC(2026, 0, i));
      await db.prisma.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: w.crowd!.roles[i % w.crowd!.roles.length]!, createdAt } });
    }
  }
  for (const p of PEOPLE) {
    const userId = users.get(p.key)!;
    const minted = await mintSessionCookie(db.prisma, userId, E2E_AUTH_SECRET, "playwright-fixture");
    const cookie = { ...minted, domain: "127.0.0.1", path: "/", httpOnly: true, secure: false, sameSite: "Lax" as const };
    writeFileSync(storageStatePath(p.key), JSON.stringify({ cookies: [cookie], origins: [] }));
  }
  await db.close();

  const server = startNext(E2E_PORT, env, { host: "127.0.0.1" });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("exit", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
