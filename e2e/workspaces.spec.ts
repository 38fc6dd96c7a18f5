import { test, expect } from "./support/test";

test("the switcher lists every workspace with the user's role in each", async ({ pageAs }) => {
  const page = await pageAs("read");
  await page.goto("/w/acme-e2e");
  await page.getByRole("button", { name: /Switch workspace/ }).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: /Acme E2E/ })).toContainText("Read");
  await expect(menu.getByRole("menuitem", { name: /Second Shop/ })).toContainText("Write");
  await expect(menu.getByRole("menuitem", { name: /Outsider Co/ })).toHaveCount(0);
  await menu.getByRole("menuitem", { name: /Second Shop/ }).click();
  await expect(page).toHaveURL(/\/w\/second-shop$/);
  await expect(page.getByRole("heading", { level: 1, name: "Second Shop" })).toBeVisible();
});

test("a workspace can be created from the switcher, with its creator as owner", async ({ pageAs }) => {
  const page = await pageAs("write");
  await page.goto("/w/acme-e2e");
  await page.getByRole("button", { name: /Switch workspace/ }).click();
  await page.getByRole("menuitem", { name: "Create workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "Create workspace" });
  await dialog.getByLabel("Workspace name").fill("Writers Room");
  await expect(dialog.getByText("/w/writers-room")).toBeVisible();
  await dialog.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/writers-room$/);
  await expect(page.getByRole("button", { name: /Switch workspace/ })).toContainText("Owner");
});

test("a workspace you do not belong to answers 404 without naming it", async ({ pageAs }) => {
  const page = await pageAs("read");
  const response = await page.goto("/w/outsider-co");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Outsider Co")).toHaveCount(0);
  const missing = await page.goto("/w/does-not-exist");
  expect(missing?.status()).toBe(404);
});

test("the workspaces page lists memberships with roles", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/w");
  const list = page.getByRole("list", { name: "Your workspaces" });
  await expect(list.getByRole("listitem").filter({ hasText: "Acme E2E" })).toContainText("Admin");
  await expect(list.getByRole("listitem").filter({ hasText: "Second Shop" })).toContainText("Owner");
});
