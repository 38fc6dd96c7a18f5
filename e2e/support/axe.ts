// One axe-core scan for every spec: WCAG 2.2 A/AA, taken once the page has settled.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function describeViolations(violations: Violation[]) {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help}`,
        `  ${v.helpUrl}`,
        ...v.nodes.map((n) => `  - ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`),
      ].join("\n"),
    )
    .join("\n\n");
}

/**
 * Waits until nothing is half-visible: a toast on its way out is gone, and the fades and
 * zooms of dialogs and menus have finished. A half-transparent element gives axe a false
 * contrast alarm (a "Group created" toast fading out behind a dialog was one).
 */
async function settle(page: Page) {
  await expect(page.locator("[data-sonner-toast][data-removed=true]")).toHaveCount(0);
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

/** Scans the page as it is now. A failure names the state and lists each violation with its elements; the test goes on. */
export async function expectNoAxeViolations(page: Page, state: string) {
  await settle(page);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect.soft(violations.map((v) => v.id), `axe violations in "${state}":\n${describeViolations(violations)}`).toEqual([]);
}
