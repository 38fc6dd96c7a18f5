"use server";

import { publicAction, signInAction, userAction } from "@/lib/authz/guard";
import { Refusal } from "@/lib/authz/result";
import { LIMITS, consume, formatWait } from "@/lib/rate-limit";
import { createWorkspaceWithOwner } from "@/lib/workspaces/create";
import { z } from "zod";
import { signIn, signOut } from "./config";
import { hashPassword } from "./passwords";
import { deleteSession } from "./sessions";
import { safeCallbackUrl, signInSchema, signUpSchema } from "./schemas";

/** Starts the Auth.js session (a JWT naming a fresh Session row) for credentials just checked or created. */
async function startSession(email: string, password: string) {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    const refused = error as { code?: string; userMessage?: string };
    if (refused.userMessage) {
      throw new Refusal(refused.code === "rate_limited" ? "rate_limited" : "unauthenticated", refused.userMessage);
    }
    throw error;
  }
}

// POST /signup — a new account, its own workspace (owned by it), signed in.
export const signUp = publicAction(
  signUpSchema,
  async (input, { tx, request, audit }) => {
    if (request.ip) {
      const limit = await consume(tx, `signup:ip:${request.ip}`, LIMITS.signUpsPerIp);
      if (!limit.ok) throw new Refusal("rate_limited", `Too many sign-ups from your network. Try again in ${formatWait(limit.retryAfterSeconds)}.`);
    }
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new Refusal("conflict", "An account with this email already exists. Sign in instead.", {
        email: ["An account with this email already exists. Sign in instead."],
      });
    }
    const user = await tx.user.create({
      data: {
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        passwordHash: await hashPassword(input.password),
      },
    });
    const actor = { type: "user" as const, id: user.id, name: `${user.firstName} ${user.lastName}`, email: user.email };
    await audit({ action: "auth.signed_up", actor, target: { type: "user", id: user.id, label: user.email } });
    const workspace = await createWorkspaceWithOwner(tx, { name: `${user.firstName}'s workspace`, ownerId: user.id });
    await audit({
      workspaceId: workspace.id,
      action: "workspace.created",
      actor,
      target: { type: "workspace", id: workspace.id, label: workspace.name },
      after: { name: workspace.name, slug: workspace.slug, plan: workspace.plan },
    });
    return { slug: workspace.slug };
  },
  {
    async afterCommit({ slug }, input) {
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
