// Two-factor authentication as people use it: Fay sets it up from /account and signs in
// with a code, then with a recovery code (which works once); Factor Lab's owner requires
// it, and Milo, who has none, is sent to set it up before he gets in. Codes are computed
// here from the secret the page shows, as an authenticator app would.
import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { test, expect } from "./support/test";
import { expectNoAxeViolations as axe } from "./support/axe";
import { E2E_PASSWORD } from "./support/world";
import { joinLinkFor, latestMailTo } from "./support/outbox";

/** The app's code for `secret`, `stepsAhead` 30-second steps from now (one step of drift is accepted, and each step is accepted once). */
const codeFor = (secret: string, stepsAhead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, "")), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });

/** Set up from /account: returns the secret the page showed and the recovery codes it showed once. */
async function setUpTwoFactor(page: Page) {
  const card = page.locator("#two-factor");
  await card.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(card.getByRole("img", { name: /QR code that adds Roster/ })).toBeVisible();
  const secret = (await card.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await axe(page, "account: setting up two-factor authentication");
  await card.getByLabel("Your password").fill(E2E_PASSWORD);
  await card.getByLabel("Authentication code").fill(codeFor(secret));
  await card.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const codes = card.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await axe(page, "account: recovery codes shown once");
  return { secret, recoveryCodes: await codes.allInnerTexts() };
}

async function signIn(page: Page, email: string, code: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await expect(page.getByLabel("Authentication code")).toBeFocused();
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
}

test("set up two-factor authentication, then sign in with a code, and with a recovery code that works once", async ({ pageAs }) => {
  const page = await pageAs("tfa-self");
  await page.goto("/account");
  await axe(page, "account: two-factor authentication off");
  const { secret, recoveryCodes } = await setUpTwoFactor(page);
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.locator("#two-factor")).toContainText("Two-factor authentication has been on since");
  await expect(page.locator("#two-factor")).toContainText("10 unused recovery codes left");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  // The password alone opens no session: the code step comes first.
  await page.goto("/login");
  await page.getByLabel("Email").fill("tfa-self@e2e.test");
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  await axe(page, "login: the code step");
  await page.getByLabel("Authentication code").fill("000000" === codeFor(secret, 1) ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByText(/That code is not right/).first()).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);

  // The code of the next step (the one setup used is spent).
  await signIn(page, "tfa-self@e2e.test", codeFor(secret, 1));
  await expect(page).toHaveURL(/\/w(\/|$)/);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, "tfa-self@e2e.test", recoveryCodes[0]!);
  await expect(page).toHaveURL(/\/w(\/|$)/);
  await expect(page.getByText("You signed in with a recovery code. 9 recovery codes left: replace them in Your account.")).toBeVisible();
  await page.goto("/account");
  await expect(page.locator("#two-factor")).toContainText("9 unused recovery codes left");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, "tfa-self@e2e.test", recoveryCodes[0]!);
  await expect(page.getByText(/That code is not right/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("an owner requires two-factor authentication; a member without it is sent to set it up, then gets in", async ({ pageAs }) => {
  const owner = await pageAs("tfa-owner");
  await owner.goto("/w/factor-lab/settings");
  const card = owner.locator("#two-factor");
  await expect(card).toContainText("1 member does not have two-factor authentication yet:");
  await expect(card).toContainText("Milo Member");
  await axe(owner, "settings: the two-factor requirement");
  await card.getByLabel("Require two-factor authentication").check();
  await card.getByRole("button", { name: "Save two-factor setting" }).click();
  await expect(owner.getByText("Two-factor authentication is now required")).toBeVisible();

  // The members list shows who has it, and can list only those who do not.
  await owner.goto("/w/factor-lab/members");
  await expect(owner.getByRole("columnheader", { name: "2FA" })).toBeVisible();
  await expect(owner.getByRole("row").filter({ hasText: "Milo Member" })).toContainText("Off");
  await expect(owner.getByRole("row").filter({ hasText: "Tess Totp" })).toContainText("On");
  await owner.getByLabel("Only members with 2FA off").click();
  await expect(owner).toHaveURL(/twofa=off/);
  await expect(owner.getByRole("row").filter({ hasText: "Tess Totp" })).toHaveCount(0);
  await expect(owner.getByRole("row").filter({ hasText: "Milo Member" })).toHaveCount(1);

  const milo = await pageAs("tfa-member");
  // His own workspace, which does not require it, stays open.
  await milo.goto("/w/milo-place");
  await expect(milo.getByRole("heading", { level: 1, name: "Milo Place" })).toBeVisible();
  await milo.goto("/w/factor-lab/members");
  await expect(milo).toHaveURL(/\/account\?required=factor-lab/);
  await expect(milo.getByRole("alert").filter({ hasText: "Factor Lab requires two-factor authentication" })).toBeVisible();
  await axe(milo, "account: sent to set up two-factor authentication");
  await setUpTwoFactor(milo);
  await milo.getByRole("link", { name: "Continue to Factor Lab" }).click();
  await expect(milo).toHaveURL(/\/w\/factor-lab$/);
  await expect(milo.getByRole("heading", { level: 1, name: "Factor Lab" })).toBeVisible();

  // Someone new, invited while it is required: the join page says so, and the new account sets 2FA up before it lands.
  await owner.goto("/w/factor-lab/invitations");
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  const dialog = owner.getByRole("dialog", { name: "Invite a colleague" });
  await dialog.getByLabel("Email address").fill("nora.new@e2e.test");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog).toBeHidden();
  const { link } = await joinLinkFor("nora.new@e2e.test");
  const nora = await pageAs(null);
  await nora.goto(link);
  await expect(nora.getByText("Factor Lab requires two-factor authentication. Right after creating your account, you will set it up")).toBeVisible();
  await nora.getByLabel("First name").fill("Nora");
  await nora.getByLabel("Last name").fill("New");
  await nora.getByLabel("Password", { exact: true }).fill("Tidal-Lantern-42");
  await nora.getByRole("button", { name: "Create account and join" }).click();
  await expect(nora).toHaveURL(/\/account\?required=factor-lab/);
  await expect(nora.getByText("You joined Factor Lab. It requires two-factor authentication: set it up to open it.")).toBeVisible();
  await nora.locator("#two-factor").getByRole("button", { name: "Set up two-factor authentication" }).click();
  const secret = (await nora.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  await nora.locator("#two-factor").getByLabel("Your password").fill("Tidal-Lantern-42");
  await nora.locator("#two-factor").getByLabel("Authentication code").fill(codeFor(secret));
  await nora.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await nora.getByRole("link", { name: "Continue to Factor Lab" }).click();
  await expect(nora.getByRole("heading", { level: 1, name: "Factor Lab" })).toBeVisible();
});

test("a password reset keeps two-factor authentication: the code is asked for before the session", async ({ pageAs }) => {
  const secret = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
  const page = await pageAs(null);
  await page.goto("/reset-password");
  await page.getByLabel("Email").fill("tfa-reset@e2e.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for that address");
  const mail = await latestMailTo("tfa-reset@e2e.test");
  await page.goto(mail.links!.reset!);
  await page.getByLabel("New password").fill("Copper-Meadow-73");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByLabel("Authentication code")).toBeFocused();
  await expect(page.getByText("Signing in as tfa-reset@e2e.test.")).toBeVisible();
  // No session yet: another tab is still signed out.
  const other = await page.context().newPage();
  await other.goto("/w");
  await expect(other).toHaveURL(/\/login/);
  await page.getByLabel("Authentication code").fill(codeFor(secret));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/w$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your workspaces" })).toBeVisible();
});

test("joining with an existing account that has two-factor authentication asks for its code before the Join button", async ({ pageAs }) => {
  const owner = await pageAs("tfa-owner");
  await owner.goto("/w/factor-lab/invitations");
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  const dialog = owner.getByRole("dialog", { name: "Invite a colleague" });
  await dialog.getByLabel("Email address").fill("tfa-joiner@e2e.test");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog).toBeHidden();
  const { link } = await joinLinkFor("tfa-joiner@e2e.test");

  const jo = await pageAs(null);
  await jo.goto(link);
  await expect(jo.getByLabel("Email")).toHaveValue("tfa-joiner@e2e.test");
  await jo.getByLabel("Password").fill(E2E_PASSWORD);
  await jo.getByRole("button", { name: "Sign in" }).click();
  await jo.getByLabel("Authentication code").fill(codeFor("MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"));
  await jo.getByRole("button", { name: "Verify and sign in" }).click();
  await jo.getByRole("button", { name: "Join workspace" }).click();
  await expect(jo).toHaveURL(/\/w\/factor-lab$/);
  await expect(jo.getByRole("heading", { level: 1, name: "Factor Lab" })).toBeVisible();
});
