// npm run two-factor -- reset <email>
// For a person who lost their authenticator app and every recovery code: turns two-factor
// authentication off for the account and signs it out everywhere; they sign in with their
// password and may set it up again. Check who is asking first. Logic: lib/auth/two-factor/reset.ts.
import { resetTwoFactor } from "../lib/auth/two-factor/reset";
import { CliError, withCliDatabase } from "./lib/cli-database";

const USAGE = "Usage: npm run two-factor -- reset <email>";
const [command, email, ...rest] = process.argv.slice(2);
if (command !== "reset" || !email || rest.length > 0) {
  console.error(USAGE);
  process.exit(2);
}

await withCliDatabase(async (prisma) => {
  const result = await resetTwoFactor(prisma, email);
  if (result.outcome === "unknown_email") throw new CliError(`No account has the email ${result.email}.`);
  if (result.outcome === "not_on") {
    console.log(`${result.email} does not have two-factor authentication. Nothing changed.`);
    return;
  }
  console.log(`Two-factor authentication is off for ${result.email}; ${result.sessionsEnded} session(s) ended. They sign in with their password and can set it up again.`);
});
