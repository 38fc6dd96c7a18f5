import { NextResponse, type NextRequest } from "next/server";

// Passes the requested path to server components, so a page that finds no session can
// send the person to /login with a return URL. Authorization itself happens in the
// pages and actions, against the database, never here.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-roster-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth).*)"],
};
