// npm run support-staff -- grant <email> | revoke <email> | list
// Support staff may read any workspace's team members and audit log, never change them,
// and every visit is recorded in that workspace's audit log (docs/product.md#support-staff).
// Granting and revoking are recorded as instance events; the logic is lib/support/staff.ts.
import { grantSupportStaff, listSupportStaff, revokeSupportStaff, type SupportStaffChange } from "../lib/support/staff";
import { CliError, withCliDatabase } from "./lib/cli-database";

const USAGE = "Usage: npm run support-staff -- grant <email>   |   revoke <email>   |   list";
const [command, email, ...rest] = process.argv.slice(2);
const needsEmail = command === "grant" || command === "revoke";
if (!(needsEmail || command === "list") || (needsEmail ? !email || rest.length > 0 : email !== undefined)) {
  console.error(USAGE);
  process.exit(2);
}

function report(change: SupportStaffChange): void {
  switch (change.outcome) {
    case "unknown_email":
      throw new CliError(`No account has the email ${change.email}. They sign up first (or join by an invitation), then you grant access.`);
    case "unverified":
      throw new CliError(`${change.user.email} has not verified its email address yet, so it may not be its owner's. Once verified, grant again.`);
    case "already":
      console.log(`${change.user.email} ${command === "grant" ? "is already support staff" : "is not support staff"}. Nothing changed.`);
      return;
    case "granted":
      console.log(`${change.user.email} is now support staff: read-only access to every workspace's team members and audit log.`);
      return;
    case "revoked":
      console.log(`${change.user.email} is no longer support staff, from their next request on.`);
      return;
  }
}

await withCliDatabase(async (prisma) => {
  if (command === "list") {
    const staff = await listSupportStaff(prisma);
    if (staff.length === 0) console.log("No support staff.");
    for (const person of staff) {
      const seen = person.lastSignInAt ? `last signed in ${person.lastSignInAt.toISOString()}` : "never signed in";
      console.log(`${person.email}\t${person.firstName} ${person.lastName}\t${seen}`);
    }
    return;
  }
  report(command === "grant" ? await grantSupportStaff(prisma, email!) : await revokeSupportStaff(prisma, email!));
});
