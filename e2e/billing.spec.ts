import { test, expect } from "./support/test";

// Owners and billing members change the plan; admins see it read-only; other
// roles neither see the Billing link nor can open the page. Ledger Lab: 3 members, Business.
const NOT_CONNECTED = "No payment provider is connected: the plan is a setting on this self-hosted instance.";

test("the owner sees seats and changes the plan", async ({ pageAs }) => {
  const page = await pageAs("ledger-owner");
  await page.goto("/w/ledger-lab");
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Billing" }).click();
  await expect(page).toHaveURL(/\/w\/ledger-lab\/billing$/);
  await expect(page.getByText(NOT_CONNECTED)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Current plan: Business" })).toBeVisible();
  await expect(page.getByRole("meter", { name: "Seats used" })).toHaveAttribute("aria-valuetext", "3 of 10 seats used");
  await expect(page.getByText("3 members, 0 pending invitations")).toBeVisible();

  // Free has one seat: three members do not fit, so it cannot be chosen.
  await expect(page.getByRole("radio", { name: /^Free/ })).toBeDisabled();
  await page.getByRole("radio", { name: /^Growth/ }).check();
  await page.getByRole("button", { name: "Change plan" }).click();
  await expect(page.getByText("Plan changed to Growth")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Current plan: Growth" })).toBeVisible();
  await expect(page.getByRole("meter", { name: "Seats used" })).toHaveAttribute("aria-valuetext", "3 of 3 seats used");
});

test("an admin sees the plans read-only, and why", async ({ pageAs }) => {
  const page = await pageAs("ledger-admin");
  await page.goto("/w/ledger-lab/billing");
  await expect(page.getByText(NOT_CONNECTED)).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Current plan: / })).toBeVisible();
  await expect(page.getByText("Only the owner and billing members can change the plan.")).toBeVisible();
  const plans = page.getByRole("table", { name: "Plans" });
  for (const [plan, seats] of [["Free", "1 seat"], ["Starter", "1 seat"], ["Growth", "3 seats"], ["Business", "10 seats"], ["Enterprise", "Unlimited seats"]]) {
    await expect(plans.getByRole("row").filter({ hasText: plan })).toContainText(seats);
  }
  await expect(page.getByRole("radio")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Change plan" })).toHaveCount(0);
});

test("a write member has no Billing link and gets 404 on the page", async ({ pageAs }) => {
  const page = await pageAs("ledger-write");
  await page.goto("/w/ledger-lab");
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Billing" })).toHaveCount(0);
  expect((await page.goto("/w/ledger-lab/billing"))?.status()).toBe(404);
});
