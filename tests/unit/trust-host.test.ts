// AUTH_TRUST_HOST: what Roster hands Auth.js as `trustHost` (lib/auth/trust-host.ts).
import { describe, expect, it } from "vitest";
import { trustHost } from "@/lib/auth/trust-host";

describe("trustHost", () => {
  it("trusts the Host header when AUTH_TRUST_HOST is unset or blank, so a fresh install can sign in", () => {
    expect(trustHost({})).toBe(true);
    expect(trustHost({ AUTH_TRUST_HOST: "" })).toBe(true);
    expect(trustHost({ AUTH_TRUST_HOST: "  " })).toBe(true);
  });

  it.each(["true", "TRUE", " True ", "1"])("trusts it for %j", (value) => {
    expect(trustHost({ AUTH_TRUST_HOST: value })).toBe(true);
  });

  it.each(["false", "FALSE", " False ", "0"])("for %j, works only with AUTH_URL, which Auth.js then uses instead of the header", (value) => {
    expect(trustHost({ AUTH_TRUST_HOST: value })).toBe(false);
    expect(trustHost({ AUTH_TRUST_HOST: value, AUTH_URL: " " })).toBe(false);
    expect(trustHost({ AUTH_TRUST_HOST: value, AUTH_URL: "https://roster.example.org" })).toBe(true);
  });

  it("refuses a value it cannot read rather than guess", () => {
    expect(() => trustHost({ AUTH_TRUST_HOST: "yes please" })).toThrow('AUTH_TRUST_HOST must be "true" or "false", not "yes please".');
  });
});
