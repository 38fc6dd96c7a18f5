"use server";

import { publicAction, signInAction, userAction } from "@/lib/authz/guard";
import { createWorkspaceWithOwner } from "@/lib/workspaces/create";
import * as z from "@/lib/zod";
import { signOut } from "@/lib/auth/config";
import { finishSession, startSession } from "@/lib/auth/start-session";
import { twoFactorSignInSchema } from "@/lib/auth/two-factor/schemas";
import { recoveryCodesLeftAfter } from "@/lib/auth/two-factor/sign-in";
import { createAccount, screenSignUp } from "@/lib/auth/accounts";
import { deleteSession, deleteUserSession, endOtherSessions, findUserSessionByHandle, sessionHandle } from "@/lib/auth/sessions";
import { hashPassword } from "@/lib/auth/passwords";
import { Refusal } from "@/lib/core/result";
import { confirmOwnPassword } from "@/lib/auth/current-password";
import { describeDevice } from "./device";
import { changePasswordSchema, profileSchema, revokeSessionSchema } from "./schemas";
import { safeCallbackUrl, signInSchema, signUpSchema } from "@/lib/auth/schemas";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { sendVerificationMail, startEmailVerification } from "@/lib/auth/email-verification";

// POST /signup — a new account, its own workspace (owned by it), signed in. The address
// stays unverified until the link mailed to it is used (docs/product.md#accounts).
export const signUp = publicAction(
  signUpSchema,
  async (input, { tx, request, audit }) => {
    assertStrongPassword(input.password, input);
    const user = await createAccount(tx, request, input, audit);
    const workspace = await createWorkspaceWithOwner(tx, { name: `${user.firstName}'s workspace`, owner: user }, audit);
    return { slug: workspace.slug, verification: await startEmailVerification(tx, user, audit) };
  },
  {
    before: screenSignUp,
    async afterCommit({ slug, verification }, input) {
      await sendVerificationMail(verification);
      await startSession(input.email, input.password);
      return { redirectTo: `/w/${slug}` };
    },
  },
);

// POST /login — generic message on a wrong email or password; throttled per email and IP.
// An account with two-factor authentication gets a challenge instead of a session.
export const signInWithPassword = signInAction(signInSchema, async (input) => {
  const { challenge } = await startSession(input.email, input.password);
  return { redirectTo: safeCallbackUrl(input.callbackUrl, "/w"), challenge };
});

// POST /login, second step — the code for the challenge; wrong codes are throttled like passwords.
export const signInWithSecondFactor = signInAction(twoFactorSignInSchema, async (input) => {
  await finishSession(input.challenge, input.code);
  return { redirectTo: safeCallbackUrl(input.callbackUrl, "/w"), recoveryCodesLeft: await recoveryCodesLeftAfter(input.challenge, input.code) };
});

// POST sign-out — ends the Session row first, so the token is dead even if a copy of the cookie survives.
export const signOutCurrentSession = userAction(
  z.object({}),
  async (_input, { tx, sessionId, audit }) => {
    await deleteSession(tx, sessionId);
    await audit({ action: "auth.signed_out" });
    return null;
  },
  {
    async afterCommit() {
      await signOut({ redirect: false });
      return { redirectTo: "/login" };
    },
  },
);

// POST /account — the signed-in user's own first and last name.
export const updateProfile = userAction(profileSchema, async (input, { tx, user, audit, unchanged }) => {
  if (input.firstName === user.firstName && input.lastName === user.lastName) {
    unchanged();
    return input;
  }
  await tx.user.update({ where: { id: user.id }, data: { firstName: input.firstName, lastName: input.lastName } });
  await audit({
    action: "account.profile_updated",
    target: { type: "user", id: user.id, label: user.email },
    before: { firstName: user.firstName, lastName: user.lastName },
    after: { firstName: input.firstName, lastName: input.lastName },
  });
  return input;
});

// POST /account — a new password; the current one is checked (and throttled) first, and
// every other browser is signed out, so a password that leaked stops working everywhere.
export const changePassword = userAction(
  changePasswordSchema,
  async (input, { tx, user, sessionId, audit }) => {
    assertStrongPassword(input.newPassword, user, "newPassword");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.newPassword) } });
    const ended = await endOtherSessions(tx, user.id, sessionId);
    await audit({ action: "account.password_changed", target: { type: "user", id: user.id, label: user.email }, after: { otherSessionsEnded: ended } });
    return { otherSessionsEnded: ended };
  },
  { before: (input, request, actor) => confirmOwnPassword(actor, input.currentPassword, request.ip, "currentPassword") },
);

// POST /account — sign out one of your other browsers. An id that is not one of your
// sessions is refused the same way as one that has already ended, and changes nothing.
export const revokeSession = userAction(revokeSessionSchema, async (input, { tx, user, sessionId, audit }) => {
  if (input.handle === sessionHandle(sessionId)) {
    throw new Refusal("invalid_input", "To sign out this browser, use Sign out this browser.");
  }
  const session = await findUserSessionByHandle(tx, user.id, input.handle);
  if (!session || !(await deleteUserSession(tx, user.id, session.id))) {
    throw new Refusal("not_found", "That browser is already signed out.");
  }
  await audit({
    action: "account.session_revoked",
    target: { type: "session", id: input.handle, label: describeDevice(session.userAgent) },
    before: { ip: session.ip, device: describeDevice(session.userAgent) },
  });
  return null;
});

// POST /account — sign out every browser but this one.
export const revokeOtherSessions = userAction(z.object({}), async (_input, { tx, user, sessionId, audit }) => {
  const ended = await endOtherSessions(tx, user.id, sessionId);
  await audit({ action: "account.other_sessions_revoked", target: { type: "user", id: user.id, label: user.email }, after: { sessionsEnded: ended } });
  return { ended };
});
