import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/security-headers";

// Runs before every page, route handler (Auth.js's included) and server action:
// - a Content-Security-Policy with a fresh nonce, on the response and on the request,
//   where Next reads it to put the nonce on the scripts it renders (the root layout makes
//   every page render per request, so every page gets one);
// - Strict-Transport-Security when Roster's address is https;
// - the requested path, for server components, so a page that finds no session can send
//   the person to /login with a return URL.
// Authorization happens in the pages and actions, against the database, never here.
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-roster-path", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  const hsts = strictTransportSecurity(process.env);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  // Static files get their headers from next.config.mjs.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
