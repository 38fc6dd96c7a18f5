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

  await owner.goto("/account");
  await expect(owner.getByRole("heading", { level: 2, name: "Sessions" })).toBeVisible();
  await owner.screenshot(shot("account"));
});
