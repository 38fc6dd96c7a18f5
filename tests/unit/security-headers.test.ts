import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/security-headers";

describe("contentSecurityPolicy", () => {
  it("lets scripts run only with the response's nonce, and sets the directives that make it a policy", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    for (const d of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"]) expect(policy).toContain(d);
  });

  it("adds 'unsafe-eval' in development only, where React's error overlay needs it", () => {
    expect(contentSecurityPolicy("n", { dev: true })).toMatch(/script-src[^;]*'unsafe-eval'/);
  });
});

describe("newNonce", () => {
  it("is fresh each time and 128 bits", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});

describe("strictTransportSecurity", () => {
  it("is sent when APP_URL (else AUTH_URL) is https, and not for http or when unset", () => {
    expect(strictTransportSecurity({ APP_URL: "https://roster.example.org" })).toMatch(/^max-age=\d+/);
    expect(strictTransportSecurity({ AUTH_URL: "https://roster.example.org" })).toMatch(/^max-age=\d+/);
    expect(strictTransportSecurity({ APP_URL: "http://localhost:3000", AUTH_URL: "https://x.example" })).toBeNull();
    expect(strictTransportSecurity({})).toBeNull();
    expect(strictTransportSecurity({ APP_URL: "not a url" })).toBeNull();
  });
});
