import "server-only";
import { headers } from "next/headers";
import { auth } from "./config";
import { requestMeta, type RequestMeta } from "./request-meta";

export type RequestContext = RequestMeta & {
  /** The Session row id from the Auth.js token, if any. Whether it is still valid is decided by lib/auth/sessions.ts. */
  sessionId: string | null;
};

/** Who is asking, and from where. Tests replace this one module to act as a given session. */
export async function readRequestContext(): Promise<RequestContext> {
  const [session, h] = await Promise.all([auth(), headers()]);
  return {
    sessionId: (session as { sid?: string } | null)?.sid ?? null,
    ...requestMeta(h),
  };
}
