import "server-only";
import { headers } from "next/headers";
import { auth } from "./config";
import { clientIp } from "./client-ip";

export type RequestContext = {
  /** The Session row id from the Auth.js token, if any. Whether it is still valid is decided by lib/auth/sessions.ts. */
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
};

/** Who is asking, and from where. Tests replace this one module to act as a given session. */
export async function readRequestContext(): Promise<RequestContext> {
  const [session, h] = await Promise.all([auth(), headers()]);
  return {
    sessionId: (session as { sid?: string } | null)?.sid ?? null,
    ip: clientIp(h.get("x-forwarded-for")) ?? h.get("x-real-ip"),
    userAgent: h.get("user-agent"),
  };
}
