import "server-only";
/**
 * The client's address. `next start` appends the socket address to X-Forwarded-For, so
 * the last entry is the one we can trust; behind N trusted proxies (TRUST_PROXY_HOPS=N)
 * the real client is N entries further left.
 */
export function clientIp(forwardedFor: string | null, hops = Number(process.env.TRUST_PROXY_HOPS ?? 0)): string | null {
  const chain = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (!chain.length) return null;
  return chain[Math.max(0, chain.length - 1 - hops)] ?? null;
}
