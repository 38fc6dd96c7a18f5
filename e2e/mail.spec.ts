import { test, expect } from "./support/test";

test("the outbox page is there while no mail provider is configured", async ({ page }) => {
  const response = await page.goto("/dev/mail");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
  await expect(page.getByText("RESEND_API_KEY is not set")).toBeVisible();
});
