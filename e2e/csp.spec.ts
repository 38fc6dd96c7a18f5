// Every page works under the Content-Security-Policy: the fixture in support/test.ts fails
// any test that logs a violation, and here each page is loaded and used for that alone.
// The last test shows the policy doing its job: injected markup runs no script.
import { test, expect } from "./support/test";

const OWNER_PAGES = [
  "/w",
  "/w/acme-e2e",
  "/w/acme-e2e/members",
  "/w/acme-e2e/members?q=a&role=read&sort=-joined",
  "/w/acme-e2e/invitations",
  "/w/acme-e2e/invitations/bulk",
  "/w/acme-e2e/roles",
  "/w/acme-e2e/billing",
  "/w/acme-e2e/settings",
  "/w/no-such-workspace",
  "/dev/mail",
];

test("signed-out pages load and hydrate without a CSP violation", async ({ page }) => {
  for (const path of ["/login", "/signup", "/no-such-page"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // Hydrated: the live password rules react to typing, which needs the page's scripts.
  await page.goto("/signup");
  await page.getByLabel("Password", { exact: true }).fill("abc");
  await expect(page.getByRole("list", { name: "Password requirements" }).getByText("A lower-case letter")).toContainText("(met)");
});

test("an owner's pages, dialogs and menus load without a CSP violation", async ({ pageAs }) => {
  const page = await pageAs("owner");
  for (const path of OWNER_PAGES) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  await page.goto("/w/acme-e2e/members");
  await page.getByRole("link", { name: "Wim Writer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wim Writer" })).toBeVisible();

  // A dialog and a menu (Radix: portals, inline positioning styles); the first click
  // loads sonner's toaster, which injects its stylesheet at run time.
  await page.goto("/w/acme-e2e/members");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a colleague" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: /Switch workspace/ }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("Escape");
});

test("injected markup runs no script, and the violation is reported", async ({ page, cspViolations }) => {
  await page.goto("/login");
  // What an XSS would inject: an inline event handler (a <script> added through innerHTML
  // never runs anyway). Scripts that the page's own trusted code creates are allowed by
  // 'strict-dynamic', which is why this injects markup and not a script element.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", `<img alt="" src="/no-such-image.png" onerror="window.__pwned = 1"><svg onload="window.__pwned = 2"></svg>`);
  });
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  // Provoked on purpose: the fixture checks that nothing else was refused.
  cspViolations.splice(0);
});
