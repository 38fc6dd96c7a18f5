// The response headers that protect every page: the Content-Security-Policy (a fresh
// nonce per request, set by proxy.ts) and Strict-Transport-Security. No server-only
// mark: it holds no secret and proxy.ts, which imports it, is bundled on its own.

/** A nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for one response. Scripts run only with this response's nonce, which Next
 * puts on its own script tags (it reads it from this header on the request);
 * 'strict-dynamic' lets those scripts load the chunks they need. Styles allow
 * 'unsafe-inline': sonner injects its stylesheet at run time without a nonce, and
 * server-rendered Radix and React `style` attributes (positions, CSS variables) are
 * inline styles too. Development adds 'unsafe-eval', which React uses there for its
 * error overlay and stacks; production needs no eval.
 */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * HSTS when Roster's public address (APP_URL, else AUTH_URL) is https: browsers then refuse
 * plain http to it for two years. Never on http, where it would be ignored, nor for a
 * localhost demo.
 */
export function strictTransportSecurity(env: Record<string, string | undefined>): string | null {
  const configured = env.APP_URL || env.AUTH_URL;
  if (!configured) return null;
  try {
    return new URL(configured).protocol === "https:" ? "max-age=63072000; includeSubDomains" : null;
  } catch {
    return null;
  }
}
