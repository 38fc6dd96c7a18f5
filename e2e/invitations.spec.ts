import { test, expect } from "./support/test";
import { joinLinkFor, latestMailTo } from "./support/outbox";
import { E2E_PASSWORD } from "./support/world";
import type { Page } from "@playwright/test";

const row = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });

async function invite(page: Page, email: string, role: "Admin" | "Write" | "Read" | "Billing") {
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a colleague" });
  await dialog.getByLabel("Email address").fill(email);
  await dialog.getByRole("radio", { name: new RegExp(`^${role}`) }).check();
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email} as ${role}`)).toBeVisible();
  await expect(dialog).toBeHidden();
}

test("invite from the members page, then a brand-new person creates an account on the join page and appears with the role", async ({ pageAs }) => {
  const admin = await pageAs("inv-admin");
  await admin.goto("/w/invite-lab/members");
  await invite(admin, "  Nina.New@E2E.test ", "Read");
  const { link, mail } = await joinLinkFor("nina.new@e2e.test");
  expect(mail.subject).toBe("Ian Invadmin invited you to Invite Lab on Roster");
  expect(mail.text).toContain("as Read");
  expect(mail.text).toMatch(/expires on \d+ \w+ \d{4}/);

  const guest = await pageAs(null);
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Join Invite Lab" })).toBeVisible();
  await expect(guest.getByText("Ian Invadmin invited you")).toBeVisible();
  await expect(guest.getByLabel("Email")).toHaveValue("nina.new@e2e.test");
  await expect(guest.getByText("Read", { exact: true })).toBeVisible();

  await guest.getByLabel("First name").fill("Nina");
  await guest.getByLabel("Last name").fill("New");
  const password = guest.getByLabel("Password", { exact: true });
  await password.fill("short");
  const rules = guest.getByRole("list", { name: "Password requirements" });
  await expect(rules.getByRole("listitem").filter({ hasText: "At least 8 characters" })).toHaveAttribute("data-met", "false");
  await expect(rules.getByRole("listitem").filter({ hasText: "A lower-case letter" })).toHaveAttribute("data-met", "true");
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await expect(guest.getByText("Password needs: at least 8 characters.").first()).toBeVisible();
  expect(new URL(guest.url()).pathname).toMatch(/^\/join\//);

  await password.fill("Longer-enough1");
  await expect(rules.getByRole("listitem").filter({ hasText: "An upper-case letter" })).toHaveAttribute("data-met", "true");
  await guest.getByRole("button", { name: "Create account and join" }).click();
  await guest.waitForURL("**/w/invite-lab");
  await expect(guest.getByText("Welcome to Invite Lab")).toBeVisible();

  await admin.goto("/w/invite-lab/members?q=nina");
  await expect(row(admin, "nina.new@e2e.test")).toContainText("Read");
  await admin.goto("/w/invite-lab/invitations");
  await expect(row(admin, "nina.new@e2e.test")).toHaveCount(0);

  // The link worked once.
  const again = await pageAs(null);
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();
});

test("an existing account signs in with the email fixed, then joins", async ({ pageAs }) => {
  const owner = await pageAs("inv-owner");
  await owner.goto("/w/invite-lab/invitations");
  await invite(owner, "erin@e2e.test", "Write");
  const { link } = await joinLinkFor("erin@e2e.test");

  const guest = await pageAs(null);
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Sign in to join" })).toBeVisible();
  const email = guest.getByLabel("Email");
  await expect(email).toHaveValue("erin@e2e.test");
  await expect(email).toHaveAttribute("readonly", "");
  await guest.getByLabel("Password", { exact: true }).fill(E2E_PASSWORD);
  await guest.getByRole("button", { name: "Sign in" }).click();
  await guest.getByRole("button", { name: "Join workspace" }).click();
  await guest.waitForURL("**/w/invite-lab");
  await guest.goto("/w/invite-lab/members?q=erin");
  await expect(row(guest, "erin@e2e.test")).toContainText("Write");
});

test("signed in as another account, the invitation is refused until you sign out and continue", async ({ pageAs }) => {
  const owner = await pageAs("inv-owner");
  await owner.goto("/w/invite-lab/invitations");
  await invite(owner, "someone.else@e2e.test", "Billing");
  const { link } = await joinLinkFor("someone.else@e2e.test");

  const walt = await pageAs("walt");
  await walt.goto(link);
  await expect(walt.getByText(/^This invitation is for/)).toContainText("This invitation is for someone.else@e2e.test, but you are signed in as walt@e2e.test");
  await expect(walt.getByRole("button", { name: "Join workspace" })).toHaveCount(0);
  await walt.getByRole("button", { name: "Sign out and continue" }).click();
  await expect(walt.getByRole("heading", { name: "Create your account to join" })).toBeVisible();
  await expect(walt.getByLabel("Email")).toHaveValue("someone.else@e2e.test");
});

test("a revoked link is dead at once; a resent invitation kills the old link and the new one works", async ({ pageAs }) => {
  const admin = await pageAs("inv-admin");
  await admin.goto("/w/invite-lab/invitations");
  await invite(admin, "revoke.me@e2e.test", "Read");
  await invite(admin, "resend.me@e2e.test", "Write");
  const revoked = await joinLinkFor("revoke.me@e2e.test");
  const first = await joinLinkFor("resend.me@e2e.test");

  await expect(row(admin, "revoke.me@e2e.test")).toContainText("Pending");
  await admin.getByRole("button", { name: "Revoke invitation to revoke.me@e2e.test" }).click();
  const confirm = admin.getByRole("alertdialog", { name: "Revoke the invitation to revoke.me@e2e.test?" });
  await confirm.getByRole("button", { name: "Revoke invitation" }).click();
  await expect(admin.getByText("Invitation to revoke.me@e2e.test revoked")).toBeVisible();
  await expect(row(admin, "revoke.me@e2e.test")).toHaveCount(0);

  await admin.getByRole("button", { name: "Resend invitation to resend.me@e2e.test" }).click();
  await expect(admin.getByText("New invitation link sent to resend.me@e2e.test")).toBeVisible();
  const second = await joinLinkFor("resend.me@e2e.test", { after: first.count });
  expect(second.link).not.toBe(first.link);

  const guest = await pageAs(null);
  await guest.goto(revoked.link);
  await expect(guest.getByRole("heading", { name: "This invitation was revoked" })).toBeVisible();
  await guest.goto(first.link);
  await expect(guest.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await expect(guest.getByText("Invite Lab")).toHaveCount(0);
  await guest.goto(second.link);
  await expect(guest.getByRole("heading", { name: "Join Invite Lab" })).toBeVisible();
});

test("bulk invite: the preview gives every row a verdict, and only the valid rows are sent", async ({ pageAs }) => {
  const owner = await pageAs("inv-owner");
  await owner.goto("/w/invite-lab/invitations");
  await owner.getByRole("link", { name: "Bulk invite" }).click();
  await owner.getByLabel("Invitations as CSV").fill(
    ["email,role", "bulk.one@e2e.test,write", "Bulk.Two@e2e.test,READ", "bulk.one@e2e.test,read", "not-an-email,read", "bulk.three@e2e.test,owner", "inv-write@e2e.test,read"].join("\n"),
  );
  await owner.getByRole("button", { name: "Preview invitations" }).click();
  const preview = owner.getByRole("table", { name: "Bulk invitation preview" });
  await expect(preview.getByRole("row").filter({ hasText: "bulk.two@e2e.test" })).toContainText("Ready to send");
  await expect(preview.getByRole("row").filter({ hasText: "not-an-email" })).toContainText("Invalid email");
  await expect(preview.getByRole("row").filter({ hasText: "bulk.three@e2e.test" })).toContainText("Invalid role");
  await expect(preview.getByRole("row").filter({ hasText: "inv-write@e2e.test" })).toContainText("Already a member");
  await expect(preview.getByRole("row").filter({ hasText: "Duplicate in this file" })).toHaveCount(1);
  await expect(owner.getByText("2 rows ready to send, 4 rows will be skipped. Nothing has been sent yet.")).toBeVisible();

  await owner.getByRole("button", { name: "Send 2 invitations" }).click();
  await expect(owner.getByRole("status")).toContainText("Sent 2 invitations.");
  await joinLinkFor("bulk.one@e2e.test");
  await joinLinkFor("bulk.two@e2e.test");
  await owner.getByRole("link", { name: "See pending invitations" }).click();
  await expect(row(owner, "bulk.one@e2e.test")).toContainText("Write");
  await expect(row(owner, "bulk.two@e2e.test")).toContainText("Read");
});

test("a workspace at its plan's seat limit cannot invite, and says why", async ({ pageAs }) => {
  const owner = await pageAs("solo-owner");
  await owner.goto("/w/solo-studio/invitations");
  await expect(owner.getByText("1 of 1 seat used (Starter plan).")).toBeVisible();
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  const dialog = owner.getByRole("dialog", { name: "Invite a colleague" });
  await dialog.getByLabel("Email address").fill("extra@e2e.test");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByRole("alert")).toContainText("The Starter plan has 1 seat; 1 is in use");
});

test("members without team management see no invitations page", async ({ pageAs }) => {
  const writer = await pageAs("inv-write");
  await writer.goto("/w/invite-lab/members");
  await expect(writer.getByRole("link", { name: "Pending invitations" })).toHaveCount(0);
  await expect(writer.getByRole("button", { name: "Invite", exact: true })).toHaveCount(0);
  expect((await writer.goto("/w/invite-lab/invitations"))?.status()).toBe(404);
  expect((await writer.goto("/w/invite-lab/invitations/bulk"))?.status()).toBe(404);
});

test("someone signed in elsewhere sees their invitations: a verified account joins from /w, an unverified one sees none until it verifies its address", async ({ pageAs }) => {
  const owner = await pageAs("inv-owner");
  await owner.goto("/w/invite-lab/invitations");
  await invite(owner, "vera@e2e.test", "Write");
  await invite(owner, "uma@e2e.test", "Read");

  const vera = await pageAs("vera");
  await vera.goto("/w/walt-works");
  await expect(vera.getByText("You have 1 invitation to another workspace.")).toBeVisible();
  await vera.getByRole("link", { name: "See invitations" }).click();
  await expect(vera.getByRole("heading", { name: "You have 1 invitation" })).toBeVisible();
  await vera.getByRole("button", { name: "Join Invite Lab", exact: true }).click();
  await vera.waitForURL("**/w/invite-lab");
  await vera.goto("/w/invite-lab/members?q=vera");
  await expect(row(vera, "vera@e2e.test")).toContainText("Write");

  // Anyone can sign up with any address: an unverified one learns nothing of the invitations sent to it.
  const invited = await joinLinkFor("uma@e2e.test");
  const uma = await pageAs("uma");
  await uma.goto("/w/walt-works");
  await expect(uma.getByText(/invitation to another workspace/)).toHaveCount(0);
  await uma.goto("/w");
  await expect(uma.getByRole("heading", { name: /You have \d+ invitation/ })).toHaveCount(0);
  await expect(uma.getByText("Invite Lab")).toHaveCount(0);
  await expect(uma.getByRole("button", { name: /Email me the link/ })).toHaveCount(0);
  await uma.getByRole("button", { name: "Resend verification email" }).click();
  const mail = await latestMailTo("uma@e2e.test", { after: invited.count });
  await uma.goto(mail.links!.verify!);
  await uma.getByRole("button", { name: "Verify email" }).click();
  await expect(uma.getByRole("status")).toContainText("uma@e2e.test is verified.");
  await uma.goto("/w");
  await expect(uma.getByRole("heading", { name: "You have 1 invitation" })).toBeVisible();
  await uma.getByRole("button", { name: "Join Invite Lab", exact: true }).click();
  await uma.waitForURL("**/w/invite-lab");
});
