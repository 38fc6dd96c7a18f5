import "server-only";
import type { Tx } from "@/lib/db";
import { userActor, type Audit } from "@/lib/audit/record";
import { sendMail } from "@/lib/mail/send";
import { issueAccountLink } from "./account-links";
import { verificationMessage } from "./account-mail";

export type VerificationMail = { to: string; token: string; expiresAt: Date };

type Person = { id: string; email: string; firstName: string; lastName: string };

/** A new verification link for the user's address (older ones stop working), audited; mail it after the commit. */
export async function startEmailVerification(tx: Tx, user: Person, audit: Audit): Promise<VerificationMail> {
  const { token, expiresAt } = await issueAccountLink(tx, user.id, "verify_email");
  await audit({
    action: "auth.verification_sent",
    actor: userActor(user),
    target: { type: "user", id: user.id, label: user.email },
    after: { expiresAt: expiresAt.toISOString() },
  });
  return { to: user.email, token, expiresAt };
}

/** Mails the link; a provider failure is logged and reported, never fatal (the banner's Resend is there). */
export async function sendVerificationMail(mail: VerificationMail): Promise<{ mailFailed: boolean }> {
  try {
    await sendMail(verificationMessage(mail.to, mail.token, mail.expiresAt));
    return { mailFailed: false };
  } catch (error) {
    console.error(`Verification mail to ${mail.to} failed`, error);
    return { mailFailed: true };
  }
}
