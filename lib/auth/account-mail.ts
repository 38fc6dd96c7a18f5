import "server-only";
import { after } from "next/server";
import { appUrl } from "@/lib/app-url";
import { formatDateTime } from "@/lib/format";
import { sendMail, type MailMessage } from "@/lib/mail/send";

// The two mails about a user's own account: verify the address, choose a new password.

export const verifyEmailLink = (token: string) => `${appUrl()}/verify-email/${token}`;
export const resetPasswordLink = (token: string) => `${appUrl()}/reset-password/${token}`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function message({ to, subject, heading, lines, button, link, linkName }: { to: string; subject: string; heading: string; lines: string[]; button: string; link: string; linkName: string }): MailMessage {
  const text = [lines[0], "", `${button}: ${link}`, "", ...lines.slice(1)].join("\n");
  const html = `<!doctype html>
<html lang="en"><body style="margin:0;background:#f6f7f9;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111827">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;background:#fff;border:1px solid #e5e7eb;border-radius:12px">
<tr><td style="padding:32px">
<p style="margin:0 0 16px;font-size:14px;color:#6b7280">Roster</p>
<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(heading)}</h1>
<p style="margin:0 0 24px;line-height:1.5">${escapeHtml(lines[0] ?? "")}</p>
<p style="margin:0 0 24px"><a href="${escapeHtml(link)}" style="display:inline-block;background:#111827;color:#fff;text-decoration:none;padding:10px 18px;border-radius:8px;font-weight:600">${escapeHtml(button)}</a></p>
${lines
  .slice(1)
  .map((l) => `<p style="margin:0 0 8px;font-size:13px;color:#6b7280">${escapeHtml(l)}</p>`)
  .join("\n")}
</td></tr></table></td></tr></table></body></html>`;
  return { to, subject, text, html, links: { [linkName]: link } };
}

export function verificationMessage(to: string, token: string, expiresAt: Date): MailMessage {
  return message({
    to,
    subject: "Verify your email address for Roster",
    heading: "Verify your email address",
    lines: [
      `Confirm that ${to} is your address, so that invitations sent to it reach you and you can reset your password.`,
      `The link works once and expires on ${formatDateTime(expiresAt)}.`,
      "If you did not create a Roster account, ignore this email. If someone else signed up with your address, \"Forgot password?\" on the sign-in page gives the account to you.",
    ],
    button: "Verify email",
    link: verifyEmailLink(token),
    linkName: "verify",
  });
}

export function resetMessage(to: string, token: string, expiresAt: Date): MailMessage {
  return message({
    to,
    subject: "Reset your Roster password",
    heading: "Choose a new password",
    lines: [
      `Someone asked to reset the password of the Roster account for ${to}. If it was you, choose a new password; every browser signed in to the account is then signed out.`,
      `The link works once and expires on ${formatDateTime(expiresAt)}.`,
      "If you did not ask for this, ignore this email; your password stays as it is.",
    ],
    button: "Choose a new password",
    link: resetPasswordLink(token),
    linkName: "reset",
  });
}

/**
 * Sends once the response has gone out, so how long the mail provider takes never shows
 * in the response time (the reset form's answer must not reveal whether an account
 * exists). Outside a request (tests, scripts) there is no "after": it sends now.
 */
export async function sendMailAfterResponse(mail: MailMessage) {
  const deliver = () => sendMail(mail).catch((error: unknown) => console.error(`Mail to ${mail.to} failed`, error));
  try {
    after(deliver);
  } catch {
    await deliver();
  }
}
