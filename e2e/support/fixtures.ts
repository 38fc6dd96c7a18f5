import { test as base, expect, type Page } from "@playwright/test";
import { storageStatePath } from "./world";

/** `pageAs("admin")`: a page signed in as a seeded person, through their stored session cookie; `pageAs(null)`: a signed-out visitor. */
export const test = base.extend<{ pageAs: (person: string | null) => Promise<Page> }>({
  pageAs: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (person) => {
      const context = await browser.newContext(person ? { storageState: storageStatePath(person) } : {});
      contexts.push(context);
      return context.newPage();
    });
    for (const c of contexts) await c.close();
  },
});

export { expect };
