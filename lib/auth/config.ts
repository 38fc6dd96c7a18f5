import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SESSION_MAX_AGE_SECONDS } from "./sessions";
import { authorizeCredentials } from "./authorize";
import { authorizeSecondFactor } from "./two-factor/sign-in";
import { endSignedOutSession } from "./sign-out";
import { requestMeta } from "./request-meta";
import { trustHost } from "./trust-host";

/**
 * Carries our refusal code and message out of Auth.js, and for `two_factor_required` the
 * challenge the right password opened (lib/auth/start-session.ts hands it to the form).
 */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string, public readonly userMessage: string, public readonly challenge?: string) {
    super(userMessage);
    this.code = code;
  }
}

type Authorized = { ok: true; userId: string; sessionId: string } | { ok: false; code: string; message: string; challenge?: string };

function signedIn(result: Authorized) {
  if (!result.ok) throw new SignInRefused(result.code, result.message, result.challenge);
  return { id: result.userId, sid: result.sessionId };
}

// Credentials sign-in requires JWT sessions in Auth.js; the token carries only a
// session id (`sid`), which lib/auth/sessions.ts checks against the Session table on
// every request. Roles are never in the token. See docs/decisions/001-revocable-jwt-sessions.md.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: trustHost(process.env),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        return signedIn(await authorizeCredentials(credentials, requestMeta(request.headers)));
      },
    }),
    // The second step for an account with two-factor authentication (docs/decisions/013-two-factor.md).
    Credentials({
      id: "two-factor",
      credentials: { challenge: {}, code: {} },
      async authorize(credentials, request) {
        return signedIn(await authorizeSecondFactor(credentials, requestMeta(request.headers)));
      },
    }),
  ],
  events: {
    // POST /api/auth/signout bypasses the app's sign-out action: end the Session row here too.
    async signOut(message) {
      await endSignedOutSession("token" in message ? (message.token?.sid as string | undefined) : undefined);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sid = (user as { sid?: string }).sid;
        delete token.email;
        delete token.name;
        delete token.picture;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid as string | undefined };
    },
  },
  logger: {
    // A refused sign-in is an expected outcome (and already audited), not a server error.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
});
