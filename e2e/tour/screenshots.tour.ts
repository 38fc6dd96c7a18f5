// Screenshots of the main pages for the README tour (docs/screenshots), taken by
// `npm run screenshots` (playwright.tour.config.ts), never by `npm test`: a test run
// leaves the tree unchanged. Finite animations are finished before each picture
// (`animations: "disabled"`), so no picture depends on waiting a fixed time.
import { test, expect } from "../support/test";
import { joinLinkFor } from "../support/outbox";

test.describe.configure({ mode: "serial" });

const shot = (name: string) => ({ path: `docs/screenshots/${name}.png`, fullPage: false, animations: "disabled" as const });

test("tour screenshots", async ({ pageAs, page }) => {
  await page.goto("/signup");
  await page.getByLabel("Password", { exact: true }).fill("Tidal-Lantern-42");
  await page.screenshot(shot("signup"));

  const owner = await pageAs("crowd-owner");
  await owner.goto("/w/crowd-co/members");
  await expect(owner.getByText("of 61 members")).toBeVisible();
  await owner.screenshot(shot("members"));

  await owner.getByRole("button", { name: "Actions for Person 04" }).click();
  await owner.getByRole("menuitem", { name: "Change role" }).click();
  await expect(owner.getByRole("menu")).toBeHidden();
  await expect(owner.getByRole("dialog", { name: "Change role" })).toHaveAttribute("data-state", "open");
  await owner.screenshot(shot("change-role"));
  await owner.keyboard.press("Escape");

  await owner.goto("/w/crowd-co/settings");
  await owner.screenshot(shot("settings"));

  await owner.goto("/w/crowd-co/invitations");
  for (const [email, role] of [["maya.patel@example.com", "Admin"], ["sam.okafor@example.com", "Write"]] as const) {
    await owner.getByRole("button", { name: "Invite", exact: true }).click();
    const dialog = owner.getByRole("dialog", { name: "Invite a colleague" });
    await dialog.getByLabel("Email address").fill(email);
    await dialog.getByRole("radio", { name: new RegExp(`^${role}`) }).check();
    if (role === "Write") {
      await expect(dialog).toHaveAttribute("data-state", "open");
      await expect(dialog.getByRole("radio", { name: /^Write/ })).toBeChecked();
      await owner.screenshot(shot("invite"));
    }
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(owner.getByRole("row").filter({ hasText: "sam.okafor@example.com" })).toBeVisible();
  await owner.screenshot(shot("invitations"));

  await owner.goto("/w/crowd-co/invitations/bulk");
  await owner.getByLabel("Invitations as CSV").fill("email,role\nlee.chen@example.com,read\nsam.okafor@example.com,write\ncrowd01@crowd-co.test,read\nnot-an-email,read\nana.ruiz@example.com,owner");
  await owner.getByRole("button", { name: "Preview invitations" }).click();
  await expect(owner.getByRole("table", { name: "Bulk invitation preview" })).toBeVisible();
  await owner.screenshot(shot("bulk-invite"));

  const { link } = await joinLinkFor("sam.okafor@example.com");
  const guest = await pageAs(null);
  await guest.goto(link);
  await guest.getByLabel("First name").fill("Sam");
  await guest.getByLabel("Last name").fill("Okafor");
  await guest.getByLabel("Password", { exact: true }).fill("Tidal-Lantern-42");
  await guest.screenshot(shot("join"));

  await owner.goto("/w/crowd-co/billing");
  await owner.screenshot(shot("billing"));

  // A key for a script: the secret is shown once, with Copy; the list below names it.
  await owner.goto("/w/crowd-co/settings/api-keys");
  await owner.getByLabel("Key name").fill("Offboarding runbook");
  await owner.getByLabel("Expires after").selectOption("90");
  await owner.getByRole("button", { name: "Create API key" }).click();
  await expect(owner.getByRole("heading", { name: "Your new key “Offboarding runbook”" })).toBeFocused();
  await expect(owner.getByRole("row", { name: /Offboarding runbook/ })).toBeVisible();
  await owner.screenshot(shot("api-keys"));
  await owner.getByRole("button", { name: "Done" }).click();

  await owner.goto("/docs/api");
  await expect(owner.getByRole("heading", { level: 1 })).toBeVisible();
  await owner.screenshot(shot("api-reference"));

  await owner.goto("/account");
  await expect(owner.getByRole("heading", { level: 2, name: "Sessions" })).toBeVisible();
  await owner.screenshot(shot("account"));

  // By now the tour has changed roles and sent invitations: the audit log has them.
  await owner.goto("/w/crowd-co/audit");
  await expect(owner.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await owner.getByText("Show details").first().click();
  await expect(owner.getByText("Hide details").first()).toBeVisible();
  await owner.screenshot(shot("audit"));

  const lab = await pageAs("grp-owner");
  await lab.goto("/w/groups-lab/groups");
  await lab.getByRole("button", { name: "New group" }).click();
  const dialog = lab.getByRole("dialog", { name: "New group" });
  await dialog.getByLabel("Name").fill("Support team");
  await dialog.getByLabel("Description (optional)").fill("First-line support, weekdays 8–18");
  await dialog.getByRole("button", { name: "Create group" }).click();
  await expect(dialog).toBeHidden();
  // A new group opens at once.
  await expect(lab.getByRole("button", { name: "Show members, agents and personas of Support team" })).toHaveAttribute("aria-expanded", "true");
  for (const [kind, search, label] of [["member", "reza", "Reza Groupreader"], ["member", "winona", "Winona Groupwriter"], ["agent", "secret", "Secret triage"], ["persona", "friendly", "Friendly voice"]] as const) {
    await lab.getByRole("button", { name: `Add ${kind} to Support team` }).click();
    const popover = lab.getByRole("dialog", { name: `Add ${kind} to Support team` });
    await popover.getByRole("searchbox").fill(search);
    await popover.getByRole("button", { name: new RegExp(label) }).click();
    await expect(lab.getByText(`${label} added to Support team`)).toBeVisible();
  }
  await lab.getByRole("button", { name: "Add agent to Support team" }).click();
  await expect(lab.getByRole("dialog", { name: "Add agent to Support team" }).getByRole("button").first()).toBeVisible();
  await lab.screenshot(shot("groups"));
  await lab.keyboard.press("Escape");

  await lab.goto("/w/groups-lab/agents");
  await expect(lab.getByRole("link", { name: "Secret triage" })).toBeVisible();
  await lab.screenshot(shot("agents"));

  // Two-factor authentication: setting it up, the code step of signing in, and the workspace requirement.
  const fay = await pageAs("tfa-self");
  await fay.goto("/account");
  await fay.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(fay.getByRole("img", { name: /QR code that adds Roster/ })).toBeVisible();
  await fay.getByLabel("Your password").fill("E2e-password-1");
  await fay.locator("#two-factor").scrollIntoViewIfNeeded();
  await fay.screenshot(shot("two-factor-setup"));

  const visitor = await pageAs(null);
  await visitor.goto("/login");
  await visitor.getByLabel("Email").fill("tfa-owner@e2e.test");
  await visitor.getByLabel("Password").fill("E2e-password-1");
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor.getByLabel("Authentication code")).toBeFocused();
  await visitor.screenshot(shot("two-factor-sign-in"));

  const tess = await pageAs("tfa-owner");
  await tess.goto("/w/factor-lab/settings");
  await tess.locator("#two-factor").scrollIntoViewIfNeeded();
  await tess.getByLabel("Require two-factor authentication").check();
  await tess.screenshot(shot("two-factor-settings"));
});
