import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file: migrations run through scripts/migrate.ts,
// because Prisma's CLI cannot download its schema engine on offline machines.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
