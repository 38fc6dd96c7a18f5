"use server";

import { publicAction, signInAction, userAction } from "@/lib/authz/guard";
import { createWorkspaceWithOwner } from "@/lib/workspaces/create";
import { z } from "zod";
import { signOut } from "@/lib/auth/config";
import { startSession } from "@/lib/auth/start-session";
import { createAccount } from "@/lib/auth/accounts";
import { deleteSession } from "@/lib/auth/sessions";
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
    async afterCommit({ slug, verification }, input) {
      await sendVerificationMail(verification);
      await startSession(input.email, input.password);
      return { redirectTo: `/w/${slug}` };
    },
  },
);

// POST /login — generic message on a wrong email or password; throttled per email and IP.
export const signInWithPassword = signInAction(signInSchema, async (input) => {
  await startSession(input.email, input.password);
  return { redirectTo: safeCallbackUrl(input.callbackUrl, "/w") };
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
