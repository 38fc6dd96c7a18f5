import { test, expect } from "./support/fixtures";
import { E2E_PASSWORD } from "./support/world";
test("shot", async ({ pageAs, browser }) => {
  const other = await (await browser.newContext({ userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36" })).newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill("acct-keys@e2e.test");
  await other.getByLabel("Password").fill(E2E_PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/w$/);
  const page = await pageAs("acct-keys");
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.goto("/account");
  await page.getByLabel("New password").fill("abcdefgh");
  await page.screenshot({ path: "/tmp/account.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 1800 });
  await page.screenshot({ path: "/tmp/account-narrow.png", fullPage: true });
  await page.goto("/w");
  await page.screenshot({ path: "/tmp/w.png" });
});
