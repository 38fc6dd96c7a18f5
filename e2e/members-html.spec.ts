// What the members page sends for 25 rows: the HTML budget of issue 13 (README, Performance,
// bench:load). Every byte of it is rendered by the server on each request, and most of it
// repeats per row, so a component that grows its row's markup or its props to the browser
// shows here first. Measured as sent without compression, as bench:load reports it.
import { test, expect } from "./support/test";
import { htmlParts } from "../scripts/lib/html-parts";

/** 60 KB (1 KB = 1,000 bytes): the goal. The page measured 143 KB before the cuts of docs/decisions/015-what-a-page-costs.md. */
const MEMBERS_HTML_BUDGET = 60_000;

test("the members page's HTML for 25 rows stays within its budget", async ({ pageAs }) => {
  const page = await pageAs("crowd-owner");
  const response = await page.request.get("/w/crowd-co/members");
  expect(response.status()).toBe(200);
  const html = await response.text();
  const parts = htmlParts(html);
  // The page the budget is about: 25 rows, each with its link and its actions button.
  expect(html.match(/href="\/w\/crowd-co\/members\/[^"]+"/g) ?? []).toHaveLength(25);
  expect((html.match(/data-member-actions="/g) ?? []).length).toBeGreaterThanOrEqual(24); // all but the owner's own row
  test.info().annotations.push({
    type: "members page HTML",
    description: `${parts.total} bytes: markup ${parts.markup}, RSC payload scripts ${parts.rscScripts}, other scripts ${parts.otherScripts}`,
  });
  expect(parts.total).toBeLessThanOrEqual(MEMBERS_HTML_BUDGET);
});

test("a row's actions button shows its icon, drawn by CSS", async ({ pageAs }) => {
  const page = await pageAs("crowd-owner");
  await page.goto("/w/crowd-co/members");
  const icon = page.getByRole("button", { name: /^Actions for / }).first().locator(".icon-row-actions");
  await expect(icon).toBeVisible();
  const box = await icon.boundingBox();
  expect(box?.width).toBe(16);
  expect(box?.height).toBe(16);
  expect(await icon.evaluate((el) => getComputedStyle(el).maskImage)).toContain("data:image/svg+xml");
});
