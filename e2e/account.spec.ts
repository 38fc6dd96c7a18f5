// /account: the name, a new password that signs out the other browsers, and the list of
// signed-in browsers with sign-out for one or all of the others. Each journey has its own
// person (e2e/support/world.ts), because each changes that person's password or sessions.
import type { Browser, Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { E2E_PASSWORD } from "./support/world";

const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0";

/** A second browser of the same person: signed in through the form (its own session), asking for /account first. */
async function secondBrowser(browser: Browser, email: string, password = E2E_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ userAgent: FIREFOX_LINUX });
  const page = await context.newPage();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  return page;
}

test("the user menu leads to /account, which shows the name and saves a new one", async ({ pageAs }) => {
  const page = await pageAs("acct-keys");
  await page.goto("/w");
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveValue("Kira");
  await page.getByLabel("Last name").fill("");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Enter your last name.")).toBeVisible();
  await page.getByLabel("Last name").fill("Keyes");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Name saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Last name")).toHaveValue("Keyes");
  await expect(page.getByText("Kira Keyes").first()).toBeVisible();
  await page.getByLabel("Last name").fill("Keys");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Name saved")).toBeVisible();
});

test("change password: a wrong current password is refused; the right one signs the other browser out and keeps this one", async ({ pageAs, browser }) => {
  const other = await secondBrowser(browser, "acct-pass@e2e.test");
  const page = await pageAs("acct-pass");
  await page.goto("/account");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Change password" }) });

  await form.getByLabel("Current password").fill("Not-my-password-1");
  await form.getByLabel("New password").fill("Fresh-password-2");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That password is not correct.").first()).toBeVisible();

  await form.getByLabel("Current password").fill(E2E_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. 1 other browser signed out.")).toBeVisible();

  // The other browser is sent to /login on its next request; this one stays signed in.
  await other.goto("/w");
  await expect(other).toHaveURL(/\/login/);
  await page.goto("/w");
  await expect(page.getByRole("heading", { level: 1, name: "Your workspaces" })).toBeVisible();

  // The new password signs in; the old one no longer does.
  await other.goto("/login");
  await other.getByLabel("Email").fill("acct-pass@e2e.test");
  await other.getByLabel("Password").fill(E2E_PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByText("That email and password do not match an account.")).toBeVisible();
  await other.getByLabel("Password").fill("Fresh-password-2");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/w$/);
  await other.context().close();
});

test("sessions: this browser is marked; signing out another browser sends it to /login on its next request", async ({ pageAs, browser }) => {
  const other = await secondBrowser(browser, "acct-sessions@e2e.test");
  const page = await pageAs("acct-sessions");
  await page.goto("/account");

  const table = page.getByRole("table", { name: "Browsers signed in to your account" });
  for (const column of ["Device", "IP address", "Signed in", "Last seen"]) await expect(table.getByRole("columnheader", { name: column })).toBeVisible();
  const thisRow = table.getByRole("row").filter({ hasText: "This browser" });
  await expect(thisRow).toHaveCount(1);
  await expect(thisRow.getByRole("button", { name: "Sign out this browser" })).toBeVisible();
  const otherRow = table.getByRole("row").filter({ hasText: "Firefox on Linux" });
  await expect(otherRow).toHaveCount(1);
  await expect(otherRow.getByRole("cell").nth(1)).toHaveText(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
  await expect(otherRow).toContainText("just now");

  // Cancel keeps it; confirming ends it.
  await otherRow.getByRole("button", { name: /^Sign out Firefox on Linux/ }).click();
  const dialog = page.getByRole("alertdialog", { name: "Sign out Firefox on Linux?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(otherRow).toHaveCount(1);
  await otherRow.getByRole("button", { name: /^Sign out Firefox on Linux/ }).click();
  await dialog.getByRole("button", { name: "Sign out that browser" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Firefox on Linux signed out")).toBeVisible();
  await expect(otherRow).toHaveCount(0);
  await expect(page.getByText("No other browser is signed in.")).toBeVisible();

  await other.reload();
  await expect(other).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await other.context().close();
});

test("sessions: Sign out everywhere else ends every other browser and keeps this one", async ({ pageAs, browser }) => {
  const first = await secondBrowser(browser, "acct-sessions@e2e.test");
  const second = await secondBrowser(browser, "acct-sessions@e2e.test");
  const page = await pageAs("acct-sessions");
  await page.goto("/account");
  await expect(page.getByRole("row").filter({ hasText: "Firefox on Linux" })).toHaveCount(2);
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Sign out everywhere else?" });
  await expect(dialog).toContainText("2 other browsers will go to the sign-in page");
  await dialog.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByText("2 other browsers signed out")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Firefox on Linux" })).toHaveCount(0);
  for (const other of [first, second]) {
    await other.goto("/w");
    await expect(other).toHaveURL(/\/login/);
    await other.context().close();
  }
  await page.goto("/w");
  await expect(page.getByRole("heading", { level: 1, name: "Your workspaces" })).toBeVisible();
});
