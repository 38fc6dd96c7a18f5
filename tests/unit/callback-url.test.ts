// safeCallbackUrl must never yield a path a browser reads as another origin: new
// URL("/.//evil.test", base) stays on the base origin, but its pathname "//evil.test" is
// protocol-relative (evil.test) once the login form navigates to it.
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/schemas";

describe("safeCallbackUrl never yields a protocol-relative URL", () => {
  it.each(["/.//evil.test", "/..//evil.test", "/a/..//evil.test", "/%2e//evil.test", "/./\\evil.test"])("%s", (url) => {
    const result = safeCallbackUrl(url, "/w");
    expect(result.startsWith("//") || result.startsWith("/\\")).toBe(false);
    expect(new URL(result, "https://roster.example").origin).toBe("https://roster.example");
  });
});
