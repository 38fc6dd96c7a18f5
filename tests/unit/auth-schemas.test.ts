import { describe, expect, it } from "vitest";
import { emailSchema, newPasswordSchema, safeCallbackUrl, signUpSchema } from "@/lib/auth/schemas";
import { slugify } from "@/lib/workspaces/schemas";

describe("emails", () => {
  it("are trimmed and lower-cased", () => {
    expect(emailSchema.parse("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
  });
  it("must be addresses", () => {
    expect(emailSchema.safeParse("not-an-email").success).toBe(false);
    expect(emailSchema.safeParse("").success).toBe(false);
  });
});

describe("password rules", () => {
  const messages = (p: string) => {
    const r = newPasswordSchema.safeParse(p);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };
  it("accepts a password with 8+ characters, a lower- and an upper-case letter", () => {
    expect(messages("Abcdefgh")).toEqual([]);
  });
  it("refuses each broken rule with its own message", () => {
    expect(messages("Abcdefg")).toEqual(["Password needs: at least 8 characters."]);
    expect(messages("ABCDEFGH")).toEqual(["Password needs: a lower-case letter."]);
    expect(messages("abcdefgh")).toEqual(["Password needs: an upper-case letter."]);
    expect(messages("")).toHaveLength(3);
  });
  it("refuses absurdly long passwords", () => {
    expect(messages("Aa" + "x".repeat(200)).length).toBe(1);
  });
});

describe("sign-up input", () => {
  it("requires both names", () => {
    const r = signUpSchema.safeParse({ firstName: " ", lastName: "", email: "a@b.co", password: "Abcdefgh" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(["firstName", "lastName"]);
  });
});

describe("callback URLs", () => {
  it("only follow same-site paths", () => {
    expect(safeCallbackUrl("/w/acme/members?page=2")).toBe("/w/acme/members?page=2");
    expect(safeCallbackUrl("https://evil.test/")).toBe("/");
    expect(safeCallbackUrl("//evil.test/")).toBe("/");
    expect(safeCallbackUrl("/\\evil.test")).toBe("/");
    expect(safeCallbackUrl("/\t/evil.test")).toBe("/");
    expect(safeCallbackUrl("/\n/evil.test")).toBe("/");
    expect(safeCallbackUrl("/join/abc?x=1#y")).toBe("/join/abc?x=1#y");
    expect(safeCallbackUrl(undefined, "/w")).toBe("/w");
  });
});

describe("slugs", () => {
  it("are readable and URL-safe", () => {
    expect(slugify("Acme Support")).toBe("acme-support");
    expect(slugify("  Café — Ünïcode!! ")).toBe("cafe-unicode");
    expect(slugify("!!!")).toBe("workspace");
    expect(slugify("Nina's workspace")).toBe("ninas-workspace");
  });
});
