// Every page, and every dialog, menu and list on it, scanned by axe-core against WCAG 2.2
// A/AA; then the two main team journeys done with the keyboard alone. Access Lab is this
// file's own workspace, so the invitations and role changes made here touch no other spec.
import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { expectNoAxeViolations as scan } from "./support/axe";
import { joinLinkFor, latestMailTo } from "./support/outbox";
import { E2E_PASSWORD } from "./support/world";

const LAB = "/w/access-lab";

async function closeWithEscape(page: Page, popup: Locator) {
  await page.keyboard.press("Escape");
  await expect(popup).toBeHidden();
}

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it never gets there. */
async function tabTo(page: Page, target: Locator, maxPresses = 40) {
  // One query that matches only a focused target. `target.evaluate` finds the element and
  // then runs in a second round trip: a menu button loaded on focus replaces its stand-in
  // in between, and the check ran on the detached stand-in while the real button had focus.
  const focusedTarget = target.and(page.locator(":focus"));
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if ((await focusedTarget.count()) > 0) return;
  }
  throw new Error(`${maxPresses} presses of Tab never reached ${target}`);
}

const row = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });

test.describe("axe: signed-out pages", () => {
  const submits: Record<string, string> = { "/login": "Sign in", "/signup": "Create account", "/reset-password": "Send reset link" };
  for (const path of ["/login", "/signup", "/reset-password", "/dev/mail"]) {
    test(path, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await scan(page, path);
      if (path === "/dev/mail") return;
      await page.getByRole("button", { name: submits[path] }).click();
      await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
      await scan(page, `${path} with errors`);
    });
  }

  test("404 page", async ({ page }) => {
    expect((await page.goto("/no-such-page"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await scan(page, "404 page");
  });
});

test("axe: the unverified banner, the verification page, a reset link's page and dead links", async ({ pageAs }) => {
  test.slow();
  const email = "a11y-unverified@e2e.test";
  const page = await pageAs("a11y-unverified");
  await page.goto("/w");
  const banner = page.getByRole("region", { name: "Email verification" });
  await expect(banner).toBeVisible();
  await scan(page, "/w with the unverified banner");
  await banner.getByRole("button", { name: "Resend verification email" }).click();
  const verify = await latestMailTo(email);
  await page.goto(verify.links!.verify!);
  await expect(page.getByRole("heading", { name: "Verify your email address" })).toBeVisible();
  await scan(page, "verify email");
  await page.getByRole("button", { name: "Verify email" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await scan(page, "verify email: verified");

  const visitor = await pageAs(null);
  await visitor.goto("/reset-password");
  await visitor.getByLabel("Email").fill(email);
  await visitor.getByRole("button", { name: "Send reset link" }).click();
  await expect(visitor.getByRole("status")).toBeVisible();
  await scan(visitor, "/reset-password: link sent");
  const reset = await latestMailTo(email, { after: verify.count });
  await visitor.goto(reset.links!.reset!);
  await expect(visitor.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await scan(visitor, "reset password: new password");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor.locator("[aria-invalid=true]").first()).toBeVisible();
  await scan(visitor, "reset password: new password, with errors");
  for (const path of [`/reset-password/${"x".repeat(43)}`, `/verify-email/${"x".repeat(43)}`]) {
    await visitor.goto(path);
    await expect(visitor.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
    await scan(visitor, `${path.split("/")[1]}: invalid link`);
  }
});

test("axe: join pages for a new address, an existing account signed out and signed in, and a dead link", async ({ pageAs }) => {
  test.slow();
  const owner = await pageAs("a11y-owner");
  await owner.goto(`${LAB}/invitations`);
  for (const email of ["a11y.newcomer@e2e.test", "a11y-guest@e2e.test"]) {
    await owner.getByRole("button", { name: "Invite", exact: true }).click();
    const dialog = owner.getByRole("dialog", { name: "Invite a colleague" });
    await dialog.getByLabel("Email address").fill(email);
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(dialog).toBeHidden();
  }
  const newcomer = await joinLinkFor("a11y.newcomer@e2e.test");
  const existing = await joinLinkFor("a11y-guest@e2e.test");

  const visitor = await pageAs(null);
  await visitor.goto("/dev/mail");
  await expect(visitor.getByRole("article").first()).toBeVisible();
  await scan(visitor, "/dev/mail with messages");
  await visitor.goto(newcomer.link);
  await expect(visitor.getByRole("heading", { name: "Join Access Lab" })).toBeVisible();
  await scan(visitor, "join: create an account");
  await visitor.getByRole("button", { name: "Create account and join" }).click();
  await expect(visitor.getByText("Enter your first name.").first()).toBeVisible();
  await scan(visitor, "join: create an account, with errors");

  await visitor.goto(existing.link);
  await expect(visitor.getByRole("heading", { name: "Sign in to join" })).toBeVisible();
  await scan(visitor, "join: sign in to join");

  await visitor.goto(`/join/${"x".repeat(43)}`);
  await expect(visitor.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await scan(visitor, "join: invalid link");

  const guest = await pageAs("a11y-guest");
  await guest.goto(existing.link);
  await expect(guest.getByRole("button", { name: "Join workspace" })).toBeVisible();
  await scan(guest, "join: signed in as the invitee");
  await guest.goto("/w");
  await expect(guest.getByRole("heading", { name: "You have 1 invitation" })).toBeVisible();
  await scan(guest, "/w with an invitation and no workspace");
});

const OWNER_PAGES: [path: string, heading: string][] = [
  ["/w", "Your workspaces"],
  [LAB, "Access Lab"],
  [`${LAB}/members`, "Team members"],
  [`${LAB}/roles`, "Roles and permissions"],
  [`${LAB}/invitations`, "Pending invitations"],
  [`${LAB}/invitations/bulk`, "Bulk invite"],
  [`${LAB}/settings`, "Settings"],
  [`${LAB}/billing`, "Billing"],
];
const READ_PAGES = OWNER_PAGES.slice(0, 4);

for (const [person, pages] of [["a11y-owner", OWNER_PAGES], ["a11y-read", READ_PAGES]] as const) {
  test.describe(`axe: ${person}'s pages`, () => {
    for (const [path, heading] of pages) {
      test(path, async ({ pageAs }) => {
        const page = await pageAs(person);
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await scan(page, `${person}: ${path}`);
      });
    }

    test("a member's page, and a workspace they cannot see", async ({ pageAs }) => {
      const page = await pageAs(person);
      await page.goto(`${LAB}/members`);
      const other = person === "a11y-owner" ? "Kim Keyboard" : "Alma Access";
      await page.getByRole("link", { name: other }).click();
      await expect(page.getByRole("heading", { level: 1, name: other })).toBeVisible();
      await scan(page, `${person}: a member's page`);
      expect((await page.goto("/w/outsider-co"))?.status()).toBe(404);
      await scan(page, `${person}: 404 for a workspace`);
    });
  });
}

test.describe("axe: dialogs, menus and lists", () => {
  // Each state is a scan of its own: these take a while on a small machine.
  test.beforeEach(() => test.slow());

  test("members page: invite, row menu, change role, remove, filters", async ({ pageAs }) => {
    const page = await pageAs("a11y-owner");
    await page.goto(`${LAB}/members`);

    await page.getByRole("button", { name: "Invite", exact: true }).click();
    const invite = page.getByRole("dialog", { name: "Invite a colleague" });
    await expect(invite).toBeVisible();
    await scan(page, "invite dialog");
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(invite.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
    await scan(page, "invite dialog with an error");
    await closeWithEscape(page, invite);

    const menu = page.getByRole("menu");
    await page.getByRole("button", { name: "Actions for Kim Keyboard" }).click();
    await expect(menu).toBeVisible();
    await scan(page, "member row menu");
    await page.getByRole("menuitem", { name: "Change role" }).click();
    const changeRole = page.getByRole("dialog", { name: "Change role" });
    await expect(changeRole).toBeVisible();
    await scan(page, "change role dialog");
    await closeWithEscape(page, changeRole);

    await page.getByRole("button", { name: "Actions for Kim Keyboard" }).click();
    await page.getByRole("menuitem", { name: "Remove member" }).click();
    const remove = page.getByRole("alertdialog", { name: "Remove Kim Keyboard?" });
    await expect(remove).toBeVisible();
    await scan(page, "remove member dialog");
    await closeWithEscape(page, remove);

    const list = page.getByRole("listbox");
    for (const [label, state] of [["Role", "role filter list"], ["Rows per page", "rows per page list"]]) {
      await page.getByLabel(label).click();
      await expect(list).toBeVisible();
      await scan(page, state);
      await closeWithEscape(page, list);
      await expect(page.getByLabel(label)).toBeFocused();
    }
  });

  test("workspace switcher, create workspace and leave workspace", async ({ pageAs }) => {
    const owner = await pageAs("a11y-owner");
    await owner.goto(LAB);
    await owner.getByRole("button", { name: /Switch workspace/ }).click();
    await expect(owner.getByRole("menu")).toBeVisible();
    await scan(owner, "workspace switcher (owner)");
    await owner.getByRole("menuitem", { name: "Create workspace" }).click();
    const create = owner.getByRole("dialog", { name: "Create workspace" });
    await expect(create).toBeVisible();
    await scan(owner, "create workspace dialog");
    await create.getByRole("button", { name: "Create workspace" }).click();
    await expect(create.getByLabel("Workspace name")).toHaveAttribute("aria-invalid", "true");
    await scan(owner, "create workspace dialog with an error");
    await closeWithEscape(owner, create);

    await owner.goto("/w");
    await owner.getByRole("button", { name: "Create workspace" }).click();
    await expect(create).toBeVisible();
    await scan(owner, "create workspace dialog (from /w)");
    await closeWithEscape(owner, create);

    const reader = await pageAs("a11y-read");
    await reader.goto(LAB);
    await reader.getByRole("button", { name: /Switch workspace/ }).click();
    await expect(reader.getByRole("menu")).toBeVisible();
    await scan(reader, "workspace switcher (read member)");
    await reader.getByRole("menuitem", { name: "Leave workspace" }).click();
    const leave = reader.getByRole("alertdialog", { name: "Leave Access Lab?" });
    await expect(leave).toBeVisible();
    await scan(reader, "leave workspace dialog");
    await closeWithEscape(reader, leave);

    await reader.goto("/w");
    await reader.getByRole("button", { name: "Leave Access Lab" }).click();
    await expect(leave).toBeVisible();
    await scan(reader, "leave workspace dialog (from /w)");
    await closeWithEscape(reader, leave);
  });

  test("invitations: revoke confirm, and a bulk invite preview", async ({ pageAs }) => {
    const page = await pageAs("a11y-owner");
    await page.goto(`${LAB}/invitations`);
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    const invite = page.getByRole("dialog", { name: "Invite a colleague" });
    await invite.getByLabel("Email address").fill("a11y.revokable@e2e.test");
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(invite).toBeHidden();
    await expect(page.getByText("Invitation sent to a11y.revokable@e2e.test as Write")).toBeVisible();
    await scan(page, "a success toast");
    // A toast fading out behind the next dialog would be scanned half-transparent: let it go first.
    await expect(page.getByText("Invitation sent to a11y.revokable@e2e.test as Write")).toBeHidden();
    await page.getByRole("button", { name: "Revoke invitation to a11y.revokable@e2e.test" }).click();
    const revoke = page.getByRole("alertdialog", { name: "Revoke the invitation to a11y.revokable@e2e.test?" });
    await expect(revoke).toBeVisible();
    await scan(page, "revoke invitation confirm");
    await closeWithEscape(page, revoke);

    await page.goto(`${LAB}/invitations/bulk`);
    const csv = page.getByLabel("Invitations as CSV");
    await page.getByRole("button", { name: "Preview invitations" }).click();
    await expect(csv).toHaveAttribute("aria-invalid", "true");
    await scan(page, "bulk invite with an error");
    await csv.fill(["email,role", "bulk.ok@e2e.test,write", "not-an-email,read", "bulk.bad@e2e.test,owner", "a11y-read@e2e.test,read", "bulk.ok@e2e.test,read"].join("\n"));
    await page.getByRole("button", { name: "Preview invitations" }).click();
    await expect(page.getByRole("table", { name: "Bulk invitation preview" })).toBeVisible();
    await scan(page, "bulk invite with a CSV preview");
  });

  test("settings: transfer ownership list and errors; billing: a plan chosen", async ({ pageAs }) => {
    const page = await pageAs("a11y-owner");
    await page.goto(`${LAB}/settings`);
    await page.getByLabel("New owner").click();
    const list = page.getByRole("listbox");
    await expect(list).toBeVisible();
    await scan(page, "transfer ownership: new owner list");
    await closeWithEscape(page, list);
    await expect(page.getByLabel("New owner")).toBeFocused();
    await page.getByRole("button", { name: "Transfer ownership" }).click();
    await expect(page.locator("#transfer").getByText("Enter your password.")).toBeVisible();
    await scan(page, "transfer ownership with errors");

    await page.goto(`${LAB}/billing`);
    await page.getByRole("radio", { name: /^Business/ }).check();
    await expect(page.getByRole("button", { name: "Change plan" })).toBeEnabled();
    await scan(page, "billing with another plan chosen");
  });
});

test("axe: /account, with another browser signed in, its sign-out dialog, and the forms with errors", async ({ pageAs, browser }) => {
  test.slow();
  // A second browser of the same person, so the sessions list has a row with actions.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill("a11y-account@e2e.test");
  await other.getByLabel("Password").fill(E2E_PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/w$/);

  const page = await pageAs("a11y-account");
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await scan(page, "/account");
  await page.getByRole("button", { name: /^Sign out Chrome/ }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toBeVisible();
  await scan(page, "/account: sign out another browser");
  await closeWithEscape(page, confirm);
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(confirm).toBeVisible();
  await scan(page, "/account: sign out everywhere else");
  await closeWithEscape(page, confirm);
  await page.getByLabel("First name").fill("");
  await page.getByRole("button", { name: "Save name" }).click();
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("[aria-invalid=true]")).toHaveCount(3);
  await scan(page, "/account with errors");
  await other.context().close();
});

test("axe: a narrow screen, where the header carries the switcher and the navigation", async ({ pageAs }) => {
  const page = await pageAs("a11y-owner");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${LAB}/members`);
  await expect(page.getByRole("heading", { level: 1, name: "Team members" })).toBeVisible();
  await scan(page, "narrow: members page");
  await page.getByRole("button", { name: /Switch workspace/ }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await scan(page, "narrow: workspace switcher");
  await page.keyboard.press("Escape");

  // The page reflows to the screen (WCAG 1.4.10): a wide table scrolls inside its own
  // box, never the whole page sideways (the members table once pushed it to 690 px, and
  // the API reference's parameter tables to 418).
  for (const path of [`${LAB}/members`, `${LAB}/invitations`, `${LAB}/groups`, `${LAB}/audit`, `${LAB}/settings/api-keys`, `${LAB}/roles`, "/docs/api"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect.soft(scrollWidth, `${path} scrolls sideways at 390 px`).toBeLessThanOrEqual(clientWidth);
  }
});

test.describe("keyboard only", () => {
  test("account: Tab to the name, save with Enter; change the password with the keyboard; Escape keeps another browser, Enter signs it out", async ({ pageAs, browser }) => {
    const other = await (await browser.newContext()).newPage();
    await other.goto("/login");
    await other.getByLabel("Email").fill("a11y-account@e2e.test");
    await other.getByLabel("Password").fill(E2E_PASSWORD);
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other).toHaveURL(/\/w$/);

    const page = await pageAs("a11y-account");
    await page.goto("/w");
    const accountLink = page.getByRole("link", { name: "Your account" });
    await tabTo(page, accountLink);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

    const lastName = page.getByLabel("Last name");
    await tabTo(page, lastName);
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("Keyboard");
    await page.keyboard.press("Enter");
    await expect(page.getByText("Name saved")).toBeVisible();
    await expect(lastName).toHaveValue("Keyboard");

    await tabTo(page, page.getByLabel("Current password"));
    await page.keyboard.type(E2E_PASSWORD);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("New password")).toBeFocused();
    await page.keyboard.type("Keyboard-pass-3");
    await tabTo(page, page.getByRole("button", { name: "Change password" }), 3);
    await page.keyboard.press("Enter");
    // The axe scan above left a browser of this person signed in too.
    await expect(page.getByText(/^Password changed\. \d+ other browsers? signed out\.$/)).toBeVisible();
    await other.goto("/w");
    await expect(other).toHaveURL(/\/login/);

    // Signed in again elsewhere (with the new password), then signed out from here with the keyboard.
    await other.getByLabel("Email").fill("a11y-account@e2e.test");
    await other.getByLabel("Password").fill("Keyboard-pass-3");
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other).toHaveURL(/\/w/);
    await page.reload();
    const trigger = page.getByRole("button", { name: /^Sign out Chrome/ });
    const confirm = page.getByRole("alertdialog", { name: /^Sign out Chrome/ });
    await tabTo(page, trigger);
    await page.keyboard.press("Enter");
    await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    await closeWithEscape(page, confirm);
    await expect(trigger).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(confirm.getByRole("button", { name: "Sign out that browser" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(confirm).toBeHidden();
    await expect(trigger).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 2, name: "Sessions" })).toBeFocused();
    await other.goto("/w");
    await expect(other).toHaveURL(/\/login/);
    await other.context().close();
  });

  test("invite: Tab to Invite, type the address, arrow to a role, send with Enter; Escape closes", async ({ pageAs }) => {
    const page = await pageAs("a11y-owner");
    await page.goto(`${LAB}/invitations`);
    const trigger = page.getByRole("button", { name: "Invite", exact: true });
    await tabTo(page, trigger);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Invite a colleague" });
    await expect(dialog).toBeVisible();
    const email = dialog.getByLabel("Email address");
    await expect(email).toBeFocused();
    await page.keyboard.type("kbd.invitee@e2e.test");

    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("radio", { name: /^Write/ })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    const read = dialog.getByRole("radio", { name: /^Read/ });
    await expect(read).toBeFocused();
    await expect(read).toBeChecked();
    await tabTo(page, dialog.getByRole("button", { name: "Send invitation" }), 3);
    await page.keyboard.press("Enter");

    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
    await expect(row(page, "kbd.invitee@e2e.test")).toContainText("Read");

    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await expect(email).toBeFocused();
    await expect(email).toHaveValue("");
    await closeWithEscape(page, dialog);
    await expect(trigger).toBeFocused();
  });

  test("change role: Tab to a member's actions, open the menu, arrow to Change role, pick a role, save; Escape closes", async ({ pageAs }) => {
    const page = await pageAs("a11y-owner");
    await page.goto(`${LAB}/members`);
    const trigger = page.getByRole("button", { name: "Actions for Kim Keyboard" });
    await tabTo(page, trigger);
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await expect(menu).toBeVisible();
    await expect(menu.getByRole("menuitem", { name: "Change role" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitem", { name: "Remove member" })).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(menu.getByRole("menuitem", { name: "Change role" })).toBeFocused();
    await page.keyboard.press("Enter");

    const dialog = page.getByRole("dialog", { name: "Change role" });
    await expect(dialog).toBeVisible();
    await expect(menu).toBeHidden();
    // Focus starts on the member's current role, the radio a keyboard user moves from.
    await expect(dialog.getByRole("radio", { name: /^Write/ })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(dialog.getByRole("radio", { name: /^Read/ })).toBeChecked();
    await tabTo(page, dialog.getByRole("button", { name: "Save role" }), 3);
    await page.keyboard.press("Enter");

    await expect(page.getByText("Kim Keyboard is now Read")).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(row(page, "Kim Keyboard")).toContainText("Read");
    await expect(trigger).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(menu.getByRole("menuitem", { name: "Change role" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await closeWithEscape(page, dialog);
    await expect(trigger).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(menu).toBeVisible();
    await closeWithEscape(page, menu);
    await expect(trigger).toBeFocused();
  });

  test("skip link: the first Tab shows Skip to content, and Enter takes the next Tab into the page", async ({ pageAs }) => {
    const page = await pageAs("a11y-read");
    await page.goto(`${LAB}/members`);
    const skip = page.getByRole("link", { name: "Skip to content" });
    const width = async () => (await skip.boundingBox())?.width ?? 0;
    expect(await width(), "hidden until reached").toBeLessThanOrEqual(1);
    await page.keyboard.press("Tab");
    await expect(skip).toBeFocused();
    expect(await width(), "shown once focused").toBeGreaterThan(40);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("main").getByRole("link", { name: "What each role may do" })).toBeFocused();
  });

  test("workspace switcher: open it, arrow to Create workspace, Escape returns to the switcher", async ({ pageAs }) => {
    const page = await pageAs("a11y-read");
    await page.goto(`${LAB}/roles`);
    const switcher = page.getByRole("button", { name: /Switch workspace/ });
    await tabTo(page, switcher);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: /Access Lab/ })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menuitem", { name: "Create workspace" })).toBeFocused();
    await page.keyboard.press("Enter");
    const create = page.getByRole("dialog", { name: "Create workspace" });
    await expect(create.getByLabel("Workspace name")).toBeFocused();
    await closeWithEscape(page, create);
    await expect(switcher).toBeFocused();

    await page.keyboard.press("Enter");
    await page.keyboard.press("End");
    await expect(page.getByRole("menuitem", { name: "Leave workspace" })).toBeFocused();
    await page.keyboard.press("Enter");
    const leave = page.getByRole("alertdialog", { name: "Leave Access Lab?" });
    await expect(leave.getByRole("button", { name: "Stay" })).toBeFocused();
    await closeWithEscape(page, leave);
    await expect(switcher).toBeFocused();
  });

  test("remove: Escape keeps the member and returns to the row's actions; once removed, focus goes to the heading", async ({ pageAs }) => {
    const page = await pageAs("a11y-owner");
    await page.goto(`${LAB}/members`);
    const trigger = page.getByRole("button", { name: "Actions for Ross Removed" });
    const confirm = page.getByRole("alertdialog", { name: "Remove Ross Removed?" });
    const openRemove = async () => {
      await page.keyboard.press("Enter");
      await expect(page.getByRole("menuitem", { name: "Change role" })).toBeFocused();
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("menuitem", { name: "Remove member" })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
    };
    await tabTo(page, trigger);
    await openRemove();
    await closeWithEscape(page, confirm);
    await expect(trigger).toBeFocused();

    await openRemove();
    await page.keyboard.press("Tab");
    await expect(confirm.getByRole("button", { name: "Remove member" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Ross Removed was removed from the workspace")).toBeVisible();
    await expect(row(page, "Ross Removed")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1, name: "Team members" })).toBeFocused();
  });
});
