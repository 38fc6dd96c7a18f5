import { test, expect } from "./support/test";

// Issue 14: a key is made in the browser, copied, and used by a script; the list shows when
// it was last used; once revoked, the script's next call is refused.
test("create a key, copy it, call the API with it, see it used, revoke it", async ({ pageAs, request }) => {
  const page = await pageAs("api-admin");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/w/api-lab/settings");
  await page.getByRole("link", { name: "See and revoke API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

  await page.getByLabel("Key name").fill("Offboarding runbook");
  await page.getByLabel("Expires after").selectOption("30");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByRole("heading", { name: "Your new key “Offboarding runbook”" })).toBeFocused();
  await page.getByRole("button", { name: "Copy key" }).click();
  await expect(page.getByText("Copied to the clipboard.")).toBeVisible();
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  expect(secret).toMatch(/^rst_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("textbox", { name: "API key", exact: true })).toHaveValue(secret);

  const row = page.getByRole("row", { name: /Offboarding runbook/ });
  await expect(row.getByRole("cell", { name: "Never" }).first()).toBeVisible();

  // The script: the copied secret, nothing else.
  const headers = { authorization: `Bearer ${secret}` };
  const members = await request.get("/api/v1/members?role=read", { headers });
  expect(members.status()).toBe(200);
  expect((await members.json()).data.map((m: { email: string }) => m.email)).toEqual(["api-read@e2e.test"]);

  await page.getByRole("button", { name: "Done" }).click();
  await page.reload();
  await expect(row.getByTestId("last-used")).toContainText("from 127.0.0.1");
  await expect(row.getByTestId("last-used")).not.toContainText("Never");

  await row.getByRole("button", { name: "Revoke API key Offboarding runbook" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("API key “Offboarding runbook” revoked")).toBeVisible();
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  // Its expiry no longer applies, and the row says so instead of "in 30 days".
  await expect(row.getByText("Does not apply: revoked")).toBeAttached();
  await expect(row).not.toContainText("in 30 days");

  const refused = await request.get("/api/v1/members", { headers });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "unauthenticated" } });

  // The audit log names the key's events.
  await page.goto("/w/api-lab/audit");
  await expect(page.getByRole("cell", { name: /API key revoked/ }).first()).toBeVisible();
});

test("the reference page documents every endpoint", async ({ page }) => {
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "Roster Team API", level: 1 })).toBeVisible();
  const doc = await (await page.request.get("/api/v1/openapi.json")).json();
  for (const ops of Object.values(doc.paths) as Record<string, { operationId: string }>[]) {
    for (const op of Object.values(ops)) await expect(page.locator(`section#${op.operationId}`)).toHaveCount(1);
  }
});
