// npm run audit:verify -- <workspace-slug> [more slugs…] | --all
// Walks each workspace's audit hash chain and prints "intact" or the first event that
// does not verify. Exit code 1 when any chain is broken (for cron and monitoring).
import { verifyAuditChain } from "../lib/audit/verify";
import { CliError, withCliDatabase } from "./lib/cli-database";

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error("Usage: npm run audit:verify -- <workspace-slug> [<slug>…]   or   npm run audit:verify -- --all");
  process.exit(2);
}

await withCliDatabase(async (prisma) => {
  const workspaces = args.includes("--all")
    ? await prisma.workspace.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } })
    : await Promise.all(
        args.map(async (slug) => {
          const found = await prisma.workspace.findUnique({ where: { slug }, select: { id: true, slug: true } });
          if (!found) throw new CliError(`No workspace has the slug "${slug}".`);
          return found;
        }),
      );
  let broken = 0;
  for (const workspace of workspaces) {
    const result = await verifyAuditChain(prisma, workspace.id);
    const uncovered = result.notCovered ? ` (${result.notCovered} older events predate the chain and are not covered)` : "";
    if (result.intact) {
      console.log(`${workspace.slug}: intact, ${result.events} events${uncovered}`);
    } else {
      broken++;
      const at = result.at ? ` First event that does not verify: ${result.at.id} (${result.at.action}, ${result.at.createdAt.toISOString()}, #${result.at.seq ?? "unchained"}).` : "";
      console.log(`${workspace.slug}: BROKEN after ${result.events} verified events. ${result.reason}${at}`);
    }
  }
  return broken ? 1 : 0;
});
