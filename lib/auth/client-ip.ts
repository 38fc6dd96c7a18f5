import "server-only";
import { isIP } from "node:net";

/**
 * Where the client's address comes from. `next start` passes a client's own
 * X-Forwarded-For through untouched (it adds one only when there is none), so no header
 * a request arrives with can be trusted on its own. Roster's server (`server.mjs`) puts
 * the connection's peer address in a header of its own, after dropping any copy the
 * client sent, and names that header here; without it (plain `next start`, `next dev`)
 * the address is unknown. See docs/decisions/008-client-address-from-the-socket.md.
 */
const PEER_HEADER_KEY = Symbol.for("roster.peer-address-header");

function peerHeaderName(): string | null {
  const name = (globalThis as Record<symbol, unknown>)[PEER_HEADER_KEY];
  return typeof name === "string" ? name : null;
}

let warnedNoPeer = false;

/** An address as stored: IPv4-mapped IPv6 (`::ffff:1.2.3.4`, a dual-stack socket's IPv4 peer) as plain IPv4; anything that is not an IP address as null. */
export function normalizeIp(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  const ip = mapped ? mapped[1]! : trimmed;
  return isIP(ip) ? ip : null;
}

/**
 * The client's address from the connection's peer address and the X-Forwarded-For chain.
 * With no trusted proxy (`hops` 0) it is the peer, and X-Forwarded-For is ignored: the
 * client wrote it. Behind `hops` trusted proxies, each appended the address it received
 * the request from, so the client is the entry `hops` from the right (the peer being the
 * last proxy); entries further left are whatever the client sent. A shorter chain than
 * `hops` (a request that skipped a proxy) gives its leftmost entry, as Express does.
 */
export function resolveClientIp(peer: string | null, forwardedFor: string | null, hops: number): string | null {
  const chain = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const fromNearest = [peer ?? "", ...chain.reverse()];
  return normalizeIp(fromNearest[Math.min(Math.max(0, hops), fromNearest.length - 1)]);
}

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const hops = Number(env.TRUST_PROXY_HOPS || 0);
  if (!Number.isInteger(hops) || hops < 0) throw new Error(`TRUST_PROXY_HOPS must be a whole number of proxies (0 or more), not "${env.TRUST_PROXY_HOPS}".`);
  return hops;
}

/** The one function that says where a request came from (request-meta.ts caps and stores it). */
export function clientIp(headers: Headers, hops = trustedProxyHops()): string | null {
  const name = peerHeaderName();
  if (!name) {
    if (!warnedNoPeer) {
      warnedNoPeer = true;
      console.warn("Roster: started without its server (server.mjs), so client addresses are unknown; per-IP limits and audited IPs are off. Start with `npm start`.");
    }
    return null;
  }
  return resolveClientIp(headers.get(name), headers.get("x-forwarded-for"), hops);
}

/**
 * The address as rate limits count it. An IPv6 host is normally given a whole /64, so its
 * last 64 bits are the host's to choose: counted per full address, one host would get a
 * fresh limit per request. IPv6 is counted per /64; IPv4 per address. The audit log and
 * sessions keep the full address.
 */
export function rateLimitAddress(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = ip.includes("::") ? (tail ? tail.split(":") : []) : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4 and the like) takes two groups; /64 never reaches it.
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
