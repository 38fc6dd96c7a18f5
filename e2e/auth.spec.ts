import { test, expect } from "./support/test";
import { E2E_PASSWORD } from "./support/world";

test.describe("sign-up", () => {
  test("shows the password rules live, and lands the new owner in their own workspace", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("First name").fill("Nina");
    await page.getByLabel("Last name").fill("Newcomer");
    await page.getByLabel("Work email").fill("  Nina.Newcomer@E2E.test ");
    const rules = page.getByRole("list", { name: "Password requirements" });
    const password = page.getByLabel("Password", { exact: true });

    await password.fill("abc");
    await expect(rules.getByText("At least 8 characters")).toContainText("not met yet");
    await expect(rules.getByText("A lower-case letter")).toContainText("(met)");
    await expect(rules.getByText("An upper-case letter")).toContainText("not met yet");

    await password.fill("abcdefgh");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Password needs: an upper-case letter.")).toBeVisible();
    await expect(page).toHaveURL(/\/signup$/);

    // Meets every rule shown, but the server's strength check (zxcvbn) refuses it, with advice, on the field.
    await password.fill("Abcdefgh");
    await expect(rules.getByText("An upper-case letter")).toContainText("(met)");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#password-error")).toContainText("This password is too easy to guess.");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    // Said once, under the field, and focus lands there (the button was clicked, not Enter pressed).
    await expect(page.getByRole("alert").filter({ hasText: "This password is too easy to guess." })).toHaveCount(1);
    await expect(password).toBeFocused();
    await expect(page).toHaveURL(/\/signup$/);

    await password.fill("Tidal-Lantern-42");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page).toHaveURL(/\/w\/ninas-workspace$/);
    await expect(page.getByRole("heading", { level: 1, name: "Nina's workspace" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Switch workspace/ })).toContainText("Owner");
  });

  test("refuses an email that already has an account, whatever its case", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("First name").fill("Copy");
    await page.getByLabel("Last name").fill("Cat");
    await page.getByLabel("Work email").fill("OWNER@e2e.TEST");
    await page.getByLabel("Password", { exact: true }).fill("Abcdefgh1");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("alert").first()).toContainText("An account with this email already exists");
    await expect(page).toHaveURL(/\/signup$/);
  });
});

test.describe("sign-in", () => {
  test("sends a signed-out visitor to /login and back to the page they wanted", async ({ page }) => {
    await page.goto("/w/signin-space");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fw%2Fsignin-space/);
    await page.getByLabel("Email").fill("SIGNIN@e2e.test");
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/w\/signin-space$/);
    await expect(page.getByRole("heading", { level: 1, name: "Signin Space" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/w/signin-space");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  });

  test("answers a wrong password and an unknown email with the same message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("signin@e2e.test");
    await page.getByLabel("Password").fill("Wrong-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert").first();
    await expect(alert).toHaveText("That email and password do not match an account.");

    await page.getByLabel("Email").fill("no-such-person@e2e.test");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("That email and password do not match an account.");
  });

  test("refuses an email from this address for a while after repeated failures, and says so", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/login");
    await page.getByLabel("Email").fill("throttled@e2e.test");
    const alert = page.getByRole("alert").first();
    for (let i = 0; i < 10; i++) {
      await page.getByLabel("Password").fill(`Wrong-password-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled({ timeout: 15_000 });
    }
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toContainText(/Too many failed sign-in attempts\. Try again in \d+ minutes?, or use Forgot password\? to choose a new password now\./);
    await expect(page).toHaveURL(/\/login/);
  });
});
