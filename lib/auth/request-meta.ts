import "server-only";
import { clientIp } from "./client-ip";

/** Longest values stored for a request: an IPv6 address is at most 45 characters; user agents get room to be recognisable, not to fill a table. */
export const MAX_IP_LENGTH = 64;
export const MAX_USER_AGENT_LENGTH = 512;

export type RequestMeta = { ip: string | null; userAgent: string | null };

/**
 * Where a request came from and with what browser, as sessions, rate limits and the audit
 * log store it. Server actions and pages get it through readRequestContext; Auth.js's
 * credentials callback, which has the request but no Next request scope, calls it directly.
 */
export function requestMeta(headers: Headers): RequestMeta {
  return {
    ip: clientIp(headers)?.slice(0, MAX_IP_LENGTH) ?? null,
    userAgent: headers.get("user-agent")?.slice(0, MAX_USER_AGENT_LENGTH) || null,
  };
}
