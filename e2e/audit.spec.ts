// The audit log in the browser: filters that live in the URL, both exports read back from
// disk, verification, a member's activity, who may open it, and an axe scan. Solo Studio
// is used for its single owner: the one change made here (retention) touches no other spec.
import { readFile } from "node:fs/promises";
import { test, expect } from "./support/test";
import { expectNoAxeViolations } from "./support/axe";

const WS = "/w/solo-studio";

test("an owner changes retention, finds it by action and date, exports CSV and NDJSON, verifies, and follows a member's activity", async ({ pageAs }) => {
  test.slow();
  const page = await pageAs("solo-owner");
  await page.goto(`${WS}/settings`);
  const retention = page.getByLabel("Keep audit events for (days)");
  await expect(retention).toHaveValue("365");
  await expect(page.getByRole("button", { name: "Save retention" })).toBeDisabled(); // hydrated: the form tracks changes
  await retention.fill("400");
  await page.getByRole("button", { name: "Save retention" }).click();
  await expect(page.getByText("Retention saved")).toBeVisible();

  await page.goto(`${WS}/audit`);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByText("Actions (all)").click();
  await page.getByRole("group", { name: "Settings and billing" }).getByLabel("Settings changed").check();
  await page.getByLabel("Time").selectOption("24h");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]action=workspace\.settings_changed/);
  await expect(page).toHaveURL(/[?&]range=24h/);
  const url = page.url();

  // The URL alone reproduces the view, in a fresh page.
  const again = await pageAs("solo-owner");
  await again.goto(url);
  const rows = again.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // the header and the one change
  await expect(rows.nth(1)).toContainText("Settings changed");
  await expect(rows.nth(1)).toContainText("Keep audit events (days): 365 → 400");
  await expect(again.getByLabel("Time")).toHaveValue("24h");
  await again.getByText("Actions (1 selected)").click();
  await expect(again.getByLabel("Settings changed")).toBeChecked();

  const csvDownload = again.waitForEvent("download");
  await again.getByRole("link", { name: "Export CSV" }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/^roster-audit-solo-studio-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = await readFile((await csv.path())!, "utf8");
  const lines = csvText.trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^time,action,actionLabel,/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("workspace.settings_changed");

  const ndjsonDownload = again.waitForEvent("download");
  await again.getByRole("link", { name: "Export NDJSON" }).click();
  const ndjson = await ndjsonDownload;
  const objects = (await readFile((await ndjson.path())!, "utf8")).trimEnd().split("\n").map((line) => JSON.parse(line));
  expect(objects).toMatchObject([{ action: "workspace.settings_changed", before: { auditRetentionDays: 365 }, after: { auditRetentionDays: 400 } }]);

  // Both exports were recorded, and the log still verifies.
  await again.goto(`${WS}/audit?action=audit.exported`);
  await expect(again.getByRole("table").getByRole("row")).toHaveCount(3);
  await again.getByRole("button", { name: "Verify integrity" }).click();
  await expect(again.getByRole("status")).toContainText(/Intact: \d+ events verified/);

  // A member's page shows their activity and links to all of it.
  await again.goto(`${WS}/members`);
  await again.getByRole("link", { name: "Sol Solo" }).click();
  await expect(again.getByRole("heading", { level: 2, name: "Recent activity" })).toBeVisible();
  await again.getByRole("link", { name: "See all activity of Sol Solo" }).click();
  await expect(again).toHaveURL(/\/audit\?member=/);
  await expect(again.getByRole("table")).toContainText("Settings changed");
  await expect(again.getByText("Showing the activity of")).toContainText("Sol Solo");
  // The view stays theirs when another filter is applied, and one link widens it again.
  await again.getByLabel("Target member (name or email)").fill("nobody-is-called-this");
  await again.getByRole("button", { name: "Apply filters" }).click();
  await expect(again).toHaveURL(/member=.*target=nobody-is-called-this|target=nobody-is-called-this.*member=/);
  await expect(again.getByText("No events match these filters.")).toBeVisible();
  await again.getByRole("link", { name: "Show everyone's activity" }).click();
  await expect(again).not.toHaveURL(/member=/);
  await expect(again.getByLabel("Target member (name or email)")).toHaveValue("nobody-is-called-this");
});

test("axe finds no violations on the audit page, with details open", async ({ pageAs }) => {
  const page = await pageAs("solo-owner");
  await page.goto(`${WS}/audit`);
  await page.getByText("Show details").first().click();
  await expect(page.getByText("Hide details").first()).toBeVisible();
  await page.getByText(/Actions \(/).click();
  await expectNoAxeViolations(page, "audit page with details open");
});

test("the filters are read and tabbed through in one order, and a row's toggle says whether it is open", async ({ pageAs }) => {
  const page = await pageAs("solo-owner");
  await page.goto(`${WS}/audit`);
  // Tab from the first control to "Apply filters", noting each control reached (a date
  // input takes several presses, one per part of the date).
  const actions = page.getByText(/^Actions \(/);
  await actions.focus();
  const reached: string[] = [];
  for (let i = 0; i < 20 && reached.at(-1) !== "Apply filters"; i++) {
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return el.id ? document.querySelector(`label[for="${el.id}"]`)!.textContent!.trim() : el.textContent!.trim();
    });
    if (reached.at(-1) !== name) reached.push(name);
    await page.keyboard.press("Tab");
  }
  expect(reached).toEqual(["Actions (all)", "Actor (name or email)", "Target member (name or email)", "Time", "From (custom range)", "To (custom range)", "Apply filters"]);
  // …and that is also the order on screen: each control starts below, or right of, the one before.
  const boxes = await Promise.all([actions, ...["Actor (name or email)", "Target member (name or email)", "Time", "From (custom range)", "To (custom range)"].map((l) => page.getByLabel(l, { exact: true })), page.getByRole("button", { name: "Apply filters" })].map((l) => l.boundingBox()));
  for (const [i, box] of boxes.entries()) if (i > 0) expect(box!.y > boxes[i - 1]!.y + 1 || (Math.abs(box!.y - boxes[i - 1]!.y) <= 1 && box!.x > boxes[i - 1]!.x), `control ${i}`).toBe(true);

  // The row toggle as the browser exposes it to assistive technology: its name follows its state.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Accessibility.enable");
  const toggle = async () => {
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "table button[aria-expanded]" });
    const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
    return { name: String(nodes[0]!.name?.value), expanded: nodes[0]!.properties?.find((p) => p.name === "expanded")?.value.value };
  };
  expect(await toggle()).toEqual({ name: expect.stringMatching(/^Show details of /), expanded: false });
  // The details open in a row of their own beneath, across the table, and leave the columns as they were.
  const widths = () => page.locator("table thead th").evaluateAll((ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width)));
  const before = await widths();
  await page.getByText("Show details").first().click();
  expect(await toggle()).toEqual({ name: expect.stringMatching(/^Hide details of .+ by .+, \d/), expanded: true });
  expect(await widths()).toEqual(before);
  await expect(page.getByLabel("The whole event, as recorded")).toBeVisible();
  expect(await page.locator("td[colspan='6']").count()).toBe(1);
  await page.getByText("Show details").first().click();
  expect(await page.locator("td[colspan='6']").count()).toBe(2);
  expect(await widths()).toEqual(before);
  await page.getByText("Hide details").first().click();
  expect(await page.locator("td[colspan='6']").count()).toBe(1);
});

test("an export by support staff shows them as support staff, found by their exact email", async ({ pageAs }) => {
  // Sam is support staff and no member of Solo Studio; exporting is a read they may make.
  const support = await pageAs("support");
  const response = await support.request.get(`${WS}/audit/export?format=ndjson`);
  expect(response.status()).toBe(200);
  await response.body();

  const owner = await pageAs("solo-owner");
  await owner.goto(`${WS}/audit?action=audit.exported&actor=SUPPORT%40e2e.test`);
  const rows = owner.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Sam Support");
  await expect(rows.nth(1)).toContainText("Support staff");
  await expect(rows.nth(1)).not.toContainText("[Removed user]");
});

test("members without audit access get 404 and no menu entry", async ({ pageAs }) => {
  const page = await pageAs("read");
  expect((await page.goto("/w/acme-e2e/audit"))?.status()).toBe(404);
  expect((await page.goto("/w/acme-e2e/audit/export?format=csv"))?.status()).toBe(404);
  await page.goto("/w/acme-e2e");
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
});
