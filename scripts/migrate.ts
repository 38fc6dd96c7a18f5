// npm run db:migrate            apply pending migrations to DATABASE_URL (default: the embedded database)
// npm run db:migrate:create X   write prisma/migrations/<ts>_X from the changes in schema.prisma
// npm run db:migrate:status     list what the database lacks compared with schema.prisma
import { applyMigrations, createMigration, diffDatabaseToSchema, migrationFactoryFor } from "../lib/db/migrate";
import { databaseUrl } from "../lib/db/url";

const [command, name] = process.argv.slice(2);

async function main() {
  if (command === "create") {
    if (!name) throw new Error("usage: npm run db:migrate:create NAME");
    const dir = await createMigration(name);
    console.log(dir ? `created ${dir}` : "schema.prisma matches the migrations: nothing to create");
    return;
  }
  const { factory, close } = migrationFactoryFor(databaseUrl());
  try {
    if (command === "deploy") {
      const applied = await applyMigrations(factory);
      console.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
    } else if (command === "status") {
      const diff = await diffDatabaseToSchema(factory);
      console.log(diff || "database matches schema.prisma");
    } else {
      throw new Error(`unknown command ${command}`);
    }
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
