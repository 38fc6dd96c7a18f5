import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";
import { E2E_OUTBOX_DIR } from "./world";

type Mail = { id: string; to: string; subject: string; text: string; html: string; links?: Record<string, string> };

async function mailsTo(to: string): Promise<Mail[]> {
  const files = (await readdir(E2E_OUTBOX_DIR).catch(() => [] as string[])).filter((f) => f.endsWith(".json")).sort();
  const mails = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(E2E_OUTBOX_DIR, f), "utf8")) as Mail));
  return mails.filter((m) => m.to === to);
}

/**
 * The newest mail to `to`, waiting for it to arrive: the invitation journeys read their
 * links from the outbox exactly as a person reads them from an inbox. `after` skips
 * mails already seen (the link before a resend).
 */
export async function latestMailTo(to: string, { after = 0 } = {}): Promise<Mail & { count: number }> {
  let found: Mail[] = [];
  await expect.poll(async () => (found = await mailsTo(to)).length, { message: `a mail to ${to}`, timeout: 10_000 }).toBeGreaterThan(after);
  return { ...found[found.length - 1]!, count: found.length };
}

export async function joinLinkFor(to: string, options?: { after?: number }) {
  const mail = await latestMailTo(to, options);
  expect(mail.links?.join, "the invitation mail carries a join link").toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
  return { link: mail.links!.join!, count: mail.count, mail };
}
