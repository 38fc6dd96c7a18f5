import type { RequestContext } from "@/lib/auth/request-context";

// Stands in for the cookie and headers of the current request: a test "signs in" by
// pointing this at a real Session row, which the guard then checks like any other.
export const currentRequest: RequestContext = { sessionId: null, ip: "203.0.113.7", userAgent: "vitest" };

export function actAs(sessionId: string | null, ip = "203.0.113.7") {
  currentRequest.sessionId = sessionId;
  currentRequest.ip = ip;
}
