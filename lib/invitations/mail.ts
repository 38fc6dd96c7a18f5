import "server-only";
import { appUrl } from "@/lib/app-url";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/lib/authz/permissions";
import { formatDateTime } from "@/lib/format";
import { sendMail, type MailMessage } from "@/lib/mail/send";

export type InvitationMail = {
  to: string;
  token: string;
  inviterName: string;
  workspaceName: string;
  role: Role;
  expiresAt: Date;
  /** The groups joining adds them to, by name. */
  groups?: string[];
};

export const joinLink = (token: string) => `${appUrl()}/join/${token}`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The invitation email: inviter, workspace, role, link and expiry, in HTML and plain text. */
export function invitationMessage(mail: InvitationMail): MailMessage {
  const link = joinLink(mail.token);
  const role = ROLE_LABELS[mail.role];
  const expires = formatDateTime(mail.expiresAt);
  const subject = `${mail.inviterName} invited you to ${mail.workspaceName} on Roster`;
  const text = [
    `${mail.inviterName} invited you to join the workspace "${mail.workspaceName}" on Roster as ${role}.`,
    `${role}: ${ROLE_DESCRIPTIONS[mail.role]}`,
    ...(mail.groups?.length ? [`You will join the groups: ${mail.groups.join(", ")}.`] : []),
    "",
    `Accept the invitation: ${link}`,
    "",
    `The link works once and expires on ${expires}.`,
    "If you did not expect this invitation, ignore this email; nothing happens unless you open the link.",
  ].join("\n");
  const e = { inviter: escapeHtml(mail.inviterName), workspace: escapeHtml(mail.workspaceName), role: escapeHtml(role), link: escapeHtml(link) };
  const html = `<!doctype html>
<html lang="en"><body style="margin:0;background:#f6f7f9;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111827">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;background:#fff;border:1px solid #e5e7eb;border-radius:12px">
<tr><td style="padding:32px">
<p style="margin:0 0 16px;font-size:14px;color:#6b7280">Roster</p>
<h1 style="margin:0 0 16px;font-size:20px">Join ${e.workspace}</h1>
<p style="margin:0 0 16px;line-height:1.5"><strong>${e.inviter}</strong> invited you to the workspace <strong>${e.workspace}</strong> as <strong>${e.role}</strong>.</p>
<p style="margin:0 0 24px;line-height:1.5;color:#4b5563">${escapeHtml(ROLE_DESCRIPTIONS[mail.role])}</p>${
    mail.groups?.length ? `\n<p style="margin:0 0 24px;line-height:1.5">You will join the groups: <strong>${escapeHtml(mail.groups.join(", "))}</strong>.</p>` : ""
  }
<p style="margin:0 0 24px"><a href="${e.link}" style="display:inline-block;background:#111827;color:#fff;text-decoration:none;padding:10px 18px;border-radius:8px;font-weight:600">Accept invitation</a></p>
<p style="margin:0 0 8px;font-size:13px;color:#6b7280">The link works once and expires on ${escapeHtml(expires)}. If the button does not work, open: <a href="${e.link}" style="color:#111827">${e.link}</a></p>
<p style="margin:0;font-size:13px;color:#6b7280">If you did not expect this invitation, ignore this email.</p>
</td></tr></table></td></tr></table></body></html>`;
  return { to: mail.to, subject, text, html, links: { join: link } };
}

/**
 * Sends after the invitation's transaction has committed: a mail provider that is slow
 * or down never holds the workspace lock, and a failure leaves a stored invitation the
 * admin is told to resend rather than a mail for an invitation that does not exist.
 */
export async function sendInvitationMails(mails: InvitationMail[]): Promise<{ failed: string[] }> {
  const failed: string[] = [];
  for (const mail of mails) {
    try {
      await sendMail(invitationMessage(mail));
    } catch (error) {
      console.error(`Invitation mail to ${mail.to} failed`, error);
      failed.push(mail.to);
    }
  }
  return { failed };
}

/** An action's `afterCommit`: mails the links, and gives the browser the rest without the secrets. */
export async function deliverInvitationMails<T extends { mails: InvitationMail[] }>({ mails, ...rest }: T) {
  const { failed } = await sendInvitationMails(mails);
  return { ...rest, sent: mails.map((m) => m.to), mailFailed: failed };
}
