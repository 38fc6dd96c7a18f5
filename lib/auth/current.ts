import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { readRequestContext } from "./request-context";
import { resolveSession } from "./sessions";

/** The signed-in user of this request, or null. One lookup per request. */
export const getCurrentSession = cache(async () => {
  const { sessionId } = await readRequestContext();
  return resolveSession(sessionId);
});

/** For pages: the signed-in user, or a redirect to /login that returns here afterwards. */
export async function requireSession() {
  const session = await getCurrentSession();
  if (!session) {
    const path = (await headers()).get("x-roster-path") ?? "/";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  return session;
}
