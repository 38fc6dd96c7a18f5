// Every spec imports `test` and `expect` from here. Besides `pageAs`, it watches each
// browser context a test uses for Content-Security-Policy violations and fails the test
// on any: a page that needs something the policy refuses is broken for real users.
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { storageStatePath } from "./world";

/** Chromium's console wording for a refused load, inline script, style or eval. */
const CSP_VIOLATION = /Content Security Policy|Refused to/i;

function watchForViolations(context: BrowserContext, violations: string[]) {
  context.on("console", (message) => {
    if (CSP_VIOLATION.test(message.text())) violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
  });
  context.on("weberror", (error) => {
    const text = String(error.error()?.message ?? error.error());
    if (CSP_VIOLATION.test(text)) violations.push(`${error.page()?.url() ?? "?"}: ${text}`);
  });
  // The browser's own report, which also covers violations that log nothing.
  return context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
}

type Fixtures = {
  /** Violations seen so far in this test; a spec that provokes one on purpose takes it out (`splice(0)`). */
  cspViolations: string[];
  /** `pageAs("admin")`: a page signed in as a seeded person, through their stored session cookie; `pageAs(null)`: a signed-out visitor. */
  pageAs: (person: string | null) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await watchForViolations(context, violations);
      await use(violations);
      expect(violations, "Content-Security-Policy violations in the browser console").toEqual([]);
    },
    { auto: true },
  ],
  pageAs: async ({ browser, cspViolations }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (person) => {
      const context = await browser.newContext(person ? { storageState: storageStatePath(person) } : {});
      await watchForViolations(context, cspViolations);
      contexts.push(context);
      return context.newPage();
    });
    for (const c of contexts) await c.close();
  },
});

export { expect };
