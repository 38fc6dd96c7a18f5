import { test, expect } from "./support/test";

test("an admin sets the invitation lifetime, within 1 to 30 days", async ({ pageAs }) => {
  const page = await pageAs("ledger-admin");
  await page.goto("/w/ledger-lab/settings");
  const lifetime = page.getByLabel("Invitation lifetime (days)");
  await expect(lifetime).toHaveValue("14");
  await expect(page.getByText("New and resent invitations expire after this many days. Existing links keep their expiry.")).toBeVisible();

  await lifetime.fill("31");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter a whole number of days from 1 to 30.")).toBeVisible();
  await expect(lifetime).toHaveAttribute("aria-invalid", "true");

  await lifetime.fill("7");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Invitation lifetime (days)")).toHaveValue("7");
});
