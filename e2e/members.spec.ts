import { test, expect } from "./support/test";
import { E2E_PASSWORD } from "./support/world";

const row = (page: import("@playwright/test").Page, name: string) => page.getByRole("row").filter({ hasText: name });

test("an admin changes a member's role and removes another, who loses access at once", async ({ pageAs }) => {
  const page = await pageAs("lab-admin");
  await page.goto("/w/members-lab/members");
  await expect(page.getByRole("table", { name: "Team members" })).toBeVisible();
  await expect(row(page, "Laura Labowner").getByRole("button", { name: /Actions for/ })).toHaveCount(0);
  await expect(row(page, "Lars Labadmin").getByRole("button", { name: /Actions for/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Actions for Carla Change" }).click();
  await page.getByRole("menuitem", { name: "Change role" }).click();
  const dialog = page.getByRole("dialog", { name: "Change role" });
  await dialog.getByRole("radio", { name: /^Read/ }).check();
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText("Carla Change is now Read")).toBeVisible();
  await expect(row(page, "Carla Change")).toContainText("Read");

  await page.getByRole("button", { name: "Actions for Rory Remove" }).click();
  await page.getByRole("menuitem", { name: "Remove member" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Remove Rory Remove?" });
  await confirm.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByText("Rory Remove was removed from the workspace")).toBeVisible();
  await expect(row(page, "Rory Remove")).toHaveCount(0);

  const rory = await pageAs("rory");
  const response = await rory.goto("/w/members-lab/members");
  expect(response?.status()).toBe(404);
});

test("a read member sees the list without actions, and why", async ({ pageAs }) => {
  const page = await pageAs("lab-read");
  await page.goto("/w/members-lab/members");
  await expect(page.getByText("Team management is limited to owners and admins.")).toBeVisible();
  await expect(row(page, "Lars Labadmin")).toBeVisible();
  await expect(page.getByRole("button", { name: /Actions for/ })).toHaveCount(0);
});

test("a demoted admin's open page loses the capability without signing in again", async ({ pageAs }) => {
  const demoted = await pageAs("lab-admin2");
  await demoted.goto("/w/members-lab/members");
  await expect(demoted.getByRole("button", { name: "Actions for Lena Leaver" })).toBeVisible();

  const owner = await pageAs("lab-owner");
  await owner.goto("/w/members-lab/members?q=demi");
  await owner.getByRole("button", { name: "Actions for Demi Demoted" }).click();
  await owner.getByRole("menuitem", { name: "Change role" }).click();
  await owner.getByRole("dialog").getByRole("radio", { name: /^Read/ }).check();
  await owner.getByRole("dialog").getByRole("button", { name: "Save role" }).click();
  await expect(owner.getByText("Demi Demoted is now Read")).toBeVisible();

  // The stale page still shows the button; the server refuses what it no longer allows.
  await demoted.getByRole("button", { name: "Actions for Lena Leaver" }).click();
  await demoted.getByRole("menuitem", { name: "Change role" }).click();
  await demoted.getByRole("dialog").getByRole("radio", { name: /^Billing/ }).check();
  await demoted.getByRole("dialog").getByRole("button", { name: "Save role" }).click();
  await expect(demoted.getByRole("dialog").getByRole("alert")).toHaveText("Team management is limited to owners and admins.");
  await demoted.reload();
  await expect(demoted.getByText("Team management is limited to owners and admins.")).toBeVisible();
  await expect(demoted.getByRole("button", { name: /Actions for/ })).toHaveCount(0);
});

test("search, filter, sort and paging live in the URL", async ({ pageAs }) => {
  const page = await pageAs("crowd-owner");
  await page.goto("/w/crowd-co/members");
  await expect(page.getByText("Showing 1–25 of 61 members")).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(26);

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText("Showing 26–50 of 61 members")).toBeVisible();

  await page.getByLabel("Rows per page").click();
  await page.getByRole("option", { name: "100" }).click();
  await expect(page.getByText("Showing 1–61 of 61 members")).toBeVisible();
  await expect(page).toHaveURL(/size=100/);

  await page.getByLabel("Role").click();
  await page.getByRole("option", { name: "Billing" }).click();
  await expect(page).toHaveURL(/role=billing/);
  await expect(page.getByText("Showing 1–12 of 12 members")).toBeVisible();

  await page.getByRole("button", { name: /^Email/ }).click();
  await expect(page).toHaveURL(/sort=email/);
  await expect(page.getByRole("row").nth(1)).toContainText("crowd03@crowd-co.test");
  await page.getByRole("button", { name: /^Email/ }).click();
  await expect(page).toHaveURL(/sort=-email/);
  await expect(page.getByRole("row").nth(1)).toContainText("crowd58@crowd-co.test");

  await page.getByLabel("Search by name or email").fill("CROWD2");
  await expect(page).toHaveURL(/q=CROWD2/);
  await expect(page.getByText("Showing 1–2 of 2 members")).toBeVisible(); // crowd23, crowd28 are billing

  // A shared link or a reload gives the same view; back returns to the previous one.
  await page.reload();
  await expect(page.getByText("Showing 1–2 of 2 members")).toBeVisible();
  await expect(page.getByLabel("Search by name or email")).toHaveValue("CROWD2");
  await page.goBack();
  await expect(page.getByText("Showing 1–12 of 12 members")).toBeVisible();

  await page.getByLabel("Search by name or email").fill("nobody-matches-this");
  await expect(page.getByText("No members match this search or filter.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByText("of 61 members")).toBeVisible();
});

test("the owner transfers ownership and becomes an admin", async ({ pageAs }) => {
  const page = await pageAs("handover-owner");
  await page.goto("/w/handover-inc/settings");
  const section = page.locator("#transfer");
  await section.getByLabel("New owner").click();
  await page.getByRole("option", { name: /Henry Heir/ }).click();
  await section.getByLabel("Your password").fill(E2E_PASSWORD);
  await section.getByLabel("Type “Handover Inc” to confirm").fill("Handover Inc");
  await section.getByRole("button", { name: "Transfer ownership" }).click();
  await expect(page.getByText("Henry now owns Handover Inc. You are an admin.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Switch workspace/ })).toContainText("Admin");
  await expect(page.getByText("Only the owner can transfer ownership of this workspace.")).toBeVisible();

  const heir = await pageAs("heir");
  await heir.goto("/w/handover-inc/members");
  await expect(row(heir, "Henry Heir")).toContainText("Owner");
  await expect(row(heir, "Hanna Handover")).toContainText("Admin");
});

test("a member leaves from the switcher; the owner is pointed to a transfer instead", async ({ pageAs }) => {
  const owner = await pageAs("lab-owner");
  await owner.goto("/w/members-lab");
  await owner.getByRole("button", { name: /Switch workspace/ }).click();
  await expect(owner.getByRole("menuitem", { name: "Leave workspace" })).toHaveCount(0);
  await expect(owner.getByRole("menuitem", { name: "Transfer ownership to leave" })).toBeVisible();

  const page = await pageAs("lena");
  await page.goto("/w/members-lab");
  await page.getByRole("button", { name: /Switch workspace/ }).click();
  await page.getByRole("menuitem", { name: "Leave workspace" }).click();
  await page.getByRole("alertdialog", { name: "Leave Members Lab?" }).getByRole("button", { name: "Leave workspace" }).click();
  await expect(page).toHaveURL(/\/w$/);
  await expect(page.getByText("You are not in any workspace yet.")).toBeVisible();
  expect((await page.goto("/w/members-lab"))?.status()).toBe(404);
});

test("the roles page shows the permission matrix the server enforces", async ({ pageAs }) => {
  const page = await pageAs("lab-read");
  await page.goto("/w/members-lab/members");
  await page.getByRole("link", { name: "What each role may do" }).click();
  const table = page.getByRole("table", { name: "Permissions by role" });
  const manage = table.getByRole("row", { name: /Invite, resend and revoke/ });
  await expect(manage.getByRole("img", { name: "Allowed", exact: true })).toHaveCount(2);
  await expect(manage.getByRole("img", { name: "Not allowed", exact: true })).toHaveCount(3);
});

test("sorting by a column keeps keyboard focus on its button, which then says how the list is sorted", async ({ pageAs }) => {
  const page = await pageAs("crowd-owner");
  await page.goto("/w/crowd-co/members");
  const joined = page.getByRole("button", { name: /^Joined/ });
  await joined.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=joined/);
  await expect(page.getByRole("button", { name: "Joined , sorted ascending" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=-joined/);
  await expect(page.getByRole("button", { name: "Joined , sorted descending" })).toBeFocused();
});
