import "server-only";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";

export type MailMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The links the message carries (an invitation, a reset): tests and /dev/mail read them from here. */
  links?: Record<string, string>;
};

export type StoredMail = MailMessage & { id: string; from: string; createdAt: string };

export const mailFrom = () => process.env.MAIL_FROM || "Roster <roster@localhost>";
export const outboxDir = () => path.resolve(/*turbopackIgnore: true*/ process.env.MAIL_OUTBOX_DIR || ".data/outbox");
/** Resend when RESEND_API_KEY is set; otherwise every message goes to the local outbox. */
export const usesOutbox = () => !process.env.RESEND_API_KEY;
/**
 * /dev/mail shows every link in the outbox (join links included) to anyone who opens it,
 * so a production server shows it only when asked to (`MAIL_OUTBOX_PAGE=true`, which
 * `npm run demo` sets); a self-hosted instance that merely lacks a Resend key does not.
 */
export const outboxPageEnabled = () => usesOutbox() && (process.env.MAIL_OUTBOX_PAGE === "true" || process.env.NODE_ENV !== "production");

async function sendWithResend(message: MailMessage) {
  // Constructed only here: `new Resend()` throws without a key.
  const { Resend } = await import("resend");
  const resend = new Resend(process.env.RESEND_API_KEY);
  const { error } = await resend.emails.send({ from: mailFrom(), to: message.to, subject: message.subject, html: message.html, text: message.text });
  if (error) throw new Error(`Resend refused the message: ${error.message}`);
}

async function writeToOutbox(message: MailMessage) {
  const createdAt = new Date().toISOString();
  const id = `${createdAt.replace(/\D/g, "")}-${randomBytes(4).toString("hex")}`;
  const dir = outboxDir();
  // Each file holds a working join (or reset) link: readable by Roster's own user only.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stored: StoredMail = { id, from: mailFrom(), createdAt, ...message };
  await writeFile(path.join(dir, `${id}.json`), JSON.stringify(stored, null, 2), { mode: 0o600 });
}

/** The one way Roster sends mail. */
export async function sendMail(message: MailMessage): Promise<void> {
  if (usesOutbox()) await writeToOutbox(message);
  else await sendWithResend(message);
}

/** The outbox, newest first (for /dev/mail and tests). */
export async function readOutbox(): Promise<StoredMail[]> {
  const dir = outboxDir();
  const files = (await readdir(/*turbopackIgnore: true*/ dir).catch(() => [])).filter((f) => f.endsWith(".json")).sort().reverse();
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(/*turbopackIgnore: true*/ dir, f), "utf8")) as StoredMail));
}
