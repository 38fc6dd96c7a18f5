// The client's address is the connection's (server.mjs stamps it; TRUST_PROXY_HOPS is 0
// here), never a header the client sent: a browser that forges X-Forwarded-For, X-Real-IP
// and Roster's own peer header still signs up and signs in as 127.0.0.1.
import { test, expect } from "./support/test";

const FORGED = { "X-Forwarded-For": "6.6.6.6", "X-Real-IP": "6.6.6.7", "X-Roster-Peer-Address": "6.6.6.8" };

test.use({ extraHTTPHeaders: FORGED });

async function lastSignInIp(page: import("@playwright/test").Page, slug: string, name: string) {
  await page.goto(`/w/${slug}/members`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.locator("dt", { hasText: /^Last sign-in IP$/ }).locator("xpath=following-sibling::dd[1]");
}

test("a forged X-Forwarded-For changes neither the recorded sign-up nor the sign-in address", async ({ page }) => {
  test.slow(); // two argon2 hashes and the first sign-up on a cold server
  await page.goto("/signup");
  await page.getByLabel("First name").fill("Fergus");
  await page.getByLabel("Last name").fill("Forger");
  await page.getByLabel("Work email").fill("fergus.forger@e2e.test");
  await page.getByLabel("Password", { exact: true }).fill("Forged-header-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/w\/ferguss-workspace$/, { timeout: 30_000 });

  const ip = await lastSignInIp(page, "ferguss-workspace", "Fergus Forger");
  await expect(ip).toHaveText("127.0.0.1");

  // Signing in again goes through Auth.js's credentials callback, the other place that reads the address.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.setExtraHTTPHeaders({ ...FORGED, "X-Forwarded-For": "9.9.9.9, 8.8.8.8" });
  await page.getByLabel("Email").fill("fergus.forger@e2e.test");
  await page.getByLabel("Password").fill("Forged-header-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w(\/[^?]*)?$/, { timeout: 30_000 });
  await expect(await lastSignInIp(page, "ferguss-workspace", "Fergus Forger")).toHaveText("127.0.0.1");
});
