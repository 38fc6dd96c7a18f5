// Support staff in the browser (docs/product.md#support-staff): Sam (granted by the
// support-staff logic when the e2e world is made, e2e/support/serve.ts) finds Support Lab
// on /support, reads its team, a member and its audit log without a single action on
// offer, is refused everything else; the owner then sees each visit in the audit log.
import { test, expect } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";

const WS = "/w/support-lab";
test("support staff read another workspace's team and audit log, change nothing, and the owner sees each visit", async ({ pageAs }) => {
  const page = await pageAs("support");
  await page.goto("/w");
  await page.getByRole("link", { name: "Support: every workspace" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Support" })).toBeVisible();

  // The search lives in the URL (a GET form).
  await page.getByRole("searchbox", { name: "Search by name or slug" }).fill("support lab");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/support\?q=support\+lab$/);
  const table = page.getByRole("table", { name: "Workspaces" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row").nth(1)).toContainText("support-lab");
  await expect(table.getByRole("row").nth(1)).toContainText("2");
  await expectNoAxeViolations(page, "axe on /support");
  await table.getByRole("link", { name: "Team members of Support Lab" }).click();

  // The members list, read-only.
  await expect(page).toHaveURL(`${WS}/members`);
  await expect(page.getByRole("region", { name: "Support access" })).toContainText(
    "You are viewing Support Lab as support staff. Read-only: changes are not possible, and your visits are recorded in this workspace's audit log.",
  );
  const nav = page.getByRole("complementary", { name: "Sidebar" }).getByRole("navigation", { name: "Workspace" });
  await expect(nav.getByRole("link")).toHaveText(["Team members", "Audit log"]);
  await expect(page.getByRole("button", { name: /Switch workspace/ })).toContainText("Support staff (read-only)");
  const members = page.getByRole("table", { name: "Team members" });
  await expect(members.getByRole("row")).toHaveCount(3);
  await expect(members).toContainText("Suki Supported");
  await expect(members).not.toContainText("Sam Support");
  await expect(page.getByRole("button", { name: "Invite" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
  await expect(page.getByText("Team management is limited to owners and admins")).toHaveCount(0);
  await expectNoAxeViolations(page, "axe on the members page as support staff");

  // A member's page: what a read member sees, no sign-in details.
  await members.getByRole("link", { name: "Reed Supported" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reed Supported" })).toBeVisible();
  await expect(page.getByText("Last sign-in IP")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /remove|change role|transfer|leave/i })).toHaveCount(0);

  // The audit log: reading it is a visit too.
  await nav.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

  // Every other page of the workspace does not exist for them.
  for (const path of ["", "/settings", "/invitations", "/groups", "/billing", "/roles"]) {
    const response = await page.goto(`${WS}${path}`);
    expect(response?.status(), path || "overview").toBe(404);
  }

  // The owner sees exactly the three visits, by Sam, each naming its page.
  const owner = await pageAs("sup-owner");
  await owner.goto(`${WS}/audit?action=support.viewed`);
  const rows = owner.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(4);
  for (const [i, visited] of ["audit", "member", "members"].entries()) {
    await expect(rows.nth(i + 1)).toContainText("Viewed by support staff");
    await expect(rows.nth(i + 1)).toContainText("Sam Support");
    await expect(rows.nth(i + 1)).toContainText("Support staff");
    await expect(rows.nth(i + 1)).not.toContainText("[Removed user]");
    await expect(rows.nth(i + 1)).toContainText(new RegExp(`page\\W+${visited}\\b`, "i"));
  }
});

test("the support page is not found for anyone else", async ({ pageAs }) => {
  const page = await pageAs("sup-owner");
  const response = await page.goto("/support");
  expect(response?.status()).toBe(404);
  await page.goto("/w");
  await expect(page.getByRole("link", { name: "Support: every workspace" })).toHaveCount(0);
});
