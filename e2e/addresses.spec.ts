// Addresses you must prove you own (docs/product.md#accounts): the unverified banner and
// its verification link; "Forgot password" from /login to a new password, which signs
// this browser in and every other browser of the account out. Links are read from the
// mail outbox, as a person reads them from an inbox.
import { test, expect } from "./support/test";
import { latestMailTo } from "./support/outbox";

test("a new account is unverified until the link mailed to it is used: banner, Resend, a page that only displays, then verified", async ({ page }) => {
  const email = "vince.verify@e2e.test";
  await page.goto("/signup");
  await page.getByLabel("First name").fill("Vince");
  await page.getByLabel("Last name").fill("Verify");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("Quiet-Harbor-58");
  await page.getByRole("button", { name: "Create account" }).click();
  // The first sign-up of a fresh server also builds the strength checker's dictionaries.
  await expect(page).toHaveURL(/\/w\/vinces-workspace$/, { timeout: 30_000 });

  const banner = page.getByRole("region", { name: "Email verification" });
  await expect(banner).toContainText(`Your email address ${email} is not verified yet.`);
  const first = await latestMailTo(email);
  expect(first.subject).toBe("Verify your email address for Roster");

  await banner.getByRole("button", { name: "Resend verification email" }).click();
  await expect(page.getByText(`Verification email sent to ${email}`)).toBeVisible();
  const second = await latestMailTo(email, { after: first.count });
  expect(second.links?.verify).toMatch(/\/verify-email\/[A-Za-z0-9_-]{43}$/);
  expect(second.links?.verify).not.toBe(first.links?.verify);

  // The older link died with the resend.
  await page.goto(first.links!.verify!);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();

  // Signed out (someone who never signed up with this address, say), the page offers no
  // button: only the account's own browser verifies it.
  const stranger = await page.context().browser()!.newPage();
  await stranger.goto(second.links!.verify!);
  await expect(stranger.getByRole("link", { name: "Sign in to verify" })).toBeVisible();
  await expect(stranger.getByRole("button", { name: "Verify email" })).toHaveCount(0);
  await stranger.close();

  // Opening the link (as a mail scanner would) verifies nothing: the button does.
  await page.goto(second.links!.verify!);
  await expect(page.getByRole("heading", { name: "Verify your email address" })).toBeVisible();
  await page.goto("/w");
  await expect(page.getByRole("region", { name: "Email verification" })).toBeVisible();
  await page.goto(second.links!.verify!);
  await page.getByRole("button", { name: "Verify email" }).click();
  await expect(page.getByRole("status")).toContainText(`${email} is verified.`);

  await page.getByRole("link", { name: "Go to your workspaces" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your workspaces" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Email verification" })).toHaveCount(0);
  await page.goto(second.links!.verify!);
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();
});

test("forgot password: the same answer for any address, a link by mail, a new password; signed in here, signed out in the other browser", async ({ pageAs }) => {
  const email = "rhea@e2e.test";
  const otherBrowser = await pageAs("rhea");
  await otherBrowser.goto("/w");
  await expect(otherBrowser.getByRole("heading", { level: 1, name: "Your workspaces" })).toBeVisible();

  const page = await pageAs(null);
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/reset-password$/);
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();

  await page.getByLabel("Email").fill("nobody-at-all@e2e.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  const answer = page.getByRole("status");
  await expect(answer).toContainText("If an account exists for that address, we sent it a link");
  const unknownAnswer = await answer.textContent();

  await page.getByLabel("Email").fill("  Rhea@E2E.test ");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(answer).toHaveText(unknownAnswer!);
  const mail = await latestMailTo(email);
  expect(mail.subject).toBe("Reset your Roster password");
  expect(mail.links?.reset).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);

  await page.goto(mail.links!.reset!);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  const password = page.getByLabel("New password");
  await password.fill("password");
  await expect(page.getByRole("list", { name: "Password requirements" }).getByText("An upper-case letter")).toContainText("not met yet");
  await password.fill("Password1234");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator("#password-error")).toContainText("This password is too easy to guess.");

  await password.fill("Copper-Meadow-73");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/w$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your workspaces" })).toBeVisible();
  await expect(page.getByText("Rhea Reset").first()).toBeVisible();

  // Every other session of the account ended with the reset.
  await otherBrowser.goto("/w");
  await expect(otherBrowser).toHaveURL(/\/login\?callbackUrl=%2Fw/);

  // The link works once; the new password signs in.
  await page.goto(mail.links!.reset!);
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await otherBrowser.getByLabel("Email").fill(email);
  await otherBrowser.getByLabel("Password").fill("Copper-Meadow-73");
  await otherBrowser.getByRole("button", { name: "Sign in" }).click();
  await expect(otherBrowser).toHaveURL(/\/w$/);
});
