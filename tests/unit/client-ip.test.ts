// The client's address (docs/decisions/008-client-address-from-the-socket.md): the
// connection's peer as server.mjs stamps it, or the entry trusted proxies appended; never
// an X-Forwarded-For entry the client wrote.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clientIp, normalizeIp, rateLimitAddress, resolveClientIp, trustedProxyHops } from "@/lib/auth/client-ip";
import { MAX_USER_AGENT_LENGTH, requestMeta } from "@/lib/auth/request-meta";

const PEER = "x-roster-peer-address";
const mark = Symbol.for("roster.peer-address-header");
const globals = globalThis as Record<symbol, unknown>;

describe("resolveClientIp", () => {
  it("with no trusted proxy, is the connection's peer whatever X-Forwarded-For says", () => {
    expect(resolveClientIp("127.0.0.1", "6.6.6.6", 0)).toBe("127.0.0.1");
    expect(resolveClientIp("203.0.113.9", "6.6.6.6, 7.7.7.7", 0)).toBe("203.0.113.9");
    expect(resolveClientIp("203.0.113.9", null, 0)).toBe("203.0.113.9");
  });

  it("behind one proxy, is the entry that proxy appended (the last), not what the client sent before it", () => {
    expect(resolveClientIp("10.0.0.2", "6.6.6.6, 198.51.100.4", 1)).toBe("198.51.100.4");
    expect(resolveClientIp("10.0.0.2", "198.51.100.4", 1)).toBe("198.51.100.4");
  });

  it("behind two proxies, is the entry two from the right", () => {
    expect(resolveClientIp("10.0.0.2", "6.6.6.6, 198.51.100.4, 10.0.0.1", 2)).toBe("198.51.100.4");
  });

  it("with a chain shorter than the hops (a request that skipped a proxy), falls back to the furthest address known", () => {
    expect(resolveClientIp("10.0.0.2", null, 1)).toBe("10.0.0.2");
    expect(resolveClientIp("10.0.0.2", "198.51.100.4", 3)).toBe("198.51.100.4");
  });

  it("stores IPv4 peers of a dual-stack socket as IPv4, and anything that is not an address as nothing", () => {
    expect(normalizeIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("::1")).toBe("::1");
    expect(normalizeIp("2001:db8::7")).toBe("2001:db8::7");
    expect(normalizeIp("not-an-ip")).toBeNull();
    expect(normalizeIp("x".repeat(10_000))).toBeNull();
    expect(resolveClientIp("10.0.0.2", "<script>", 1)).toBeNull();
  });
});

describe("TRUST_PROXY_HOPS", () => {
  it("defaults to 0 and refuses anything but a whole number", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: "2" })).toBe(2);
    expect(() => trustedProxyHops({ TRUST_PROXY_HOPS: "yes" })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => trustedProxyHops({ TRUST_PROXY_HOPS: "-1" })).toThrow(/TRUST_PROXY_HOPS/);
  });
});

describe("clientIp and requestMeta (what a request records)", () => {
  beforeEach(() => {
    globals[mark] = PEER;
  });
  afterEach(() => {
    delete globals[mark];
    vi.unstubAllEnvs();
  });

  it("with 0 hops, a forged X-Forwarded-For or X-Real-IP changes nothing", () => {
    const seen = new Set<string | null>();
    for (let i = 1; i <= 30; i++) {
      seen.add(requestMeta(new Headers({ [PEER]: "127.0.0.1", "x-forwarded-for": `6.6.6.${i}`, "x-real-ip": `7.7.7.${i}` })).ip);
    }
    expect([...seen]).toEqual(["127.0.0.1"]);
  });

  it("with 1 hop, takes the proxy-appended entry", () => {
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    expect(clientIp(new Headers({ [PEER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.4" }))).toBe("198.51.100.4");
  });

  it("trusts the peer header only when server.mjs stamps it: under plain `next start` a client could send it", () => {
    delete globals[mark];
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(clientIp(new Headers({ [PEER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" }))).toBeNull();
  });

  it("caps the user agent", () => {
    const meta = requestMeta(new Headers({ [PEER]: "127.0.0.1", "user-agent": "A".repeat(200_000) }));
    expect(meta.userAgent).toHaveLength(MAX_USER_AGENT_LENGTH);
    expect(requestMeta(new Headers({ [PEER]: "127.0.0.1" })).userAgent).toBeNull();
  });
});

describe("rateLimitAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002::ffff", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
  ])("%s counts as %s", (ip, bucket) => {
    expect(rateLimitAddress(ip)).toBe(bucket);
  });
});
