import { encode } from "next-auth/jwt";
import type { Db } from "../../lib/db";
import { SESSION_MAX_AGE_SECONDS, createSession } from "../../lib/auth/sessions";

/** The Auth.js session cookie's name over plain http (its salt, too). */
export const SESSION_COOKIE = "authjs.session-token";

/**
 * A real Session row for `userId` and the Auth.js cookie that names it: what signing in
 * would leave in the browser, without the login form. For fixtures and benchmarks.
 */
export async function mintSessionCookie(db: Db, userId: string, secret: string, userAgent: string) {
  const sid = await createSession(db, userId, { ip: "127.0.0.1", userAgent });
  const value = await encode({ token: { sub: userId, sid }, secret, salt: SESSION_COOKIE, maxAge: SESSION_MAX_AGE_SECONDS });
  return { name: SESSION_COOKIE, value, expires: Math.floor(Date.now() / 1000) + SESSION_MAX_AGE_SECONDS };
}
