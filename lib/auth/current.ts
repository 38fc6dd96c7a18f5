import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { readRequestContext } from "./request-context";
import { resolveSession, resolveSessionIn } from "./sessions";

/** The signed-in user of this request, or null. One lookup per request. */
export const getCurrentSession = cache(async () => {
  const { sessionId } = await readRequestContext();
  return resolveSession(sessionId);
});

async function toLogin(): Promise<never> {
  const path = (await headers()).get("x-roster-path") ?? "/";
  redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
}

/** For pages: the signed-in user, or a redirect to /login that returns here afterwards. */
export async function requireSession() {
  return (await getCurrentSession()) ?? toLogin();
}

/**
 * For workspace pages: the signed-in user with the workspace `slug` names and their
 * membership in it, in one statement, once per request (the layout and the page share it);
 * signed out, a redirect to /login that returns here.
 */
export const requireSessionIn = cache(async (slug: string) => {
  const { sessionId } = await readRequestContext();
  return (await resolveSessionIn(sessionId, slug)) ?? toLogin();
});
