// The one server-side check for guessable passwords (lib/auth/password-strength.ts).
import { describe, expect, it } from "vitest";
import { Refusal } from "@/lib/core/result";
import { MIN_PASSWORD_SCORE, assertStrongPassword, passwordWeakness } from "@/lib/auth/password-strength";
import { PASSWORD_RULES } from "@/lib/auth/schemas";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "@/prisma/seed";
import { E2E_PASSWORD, PEOPLE } from "@/e2e/support/world";

const ada = { email: "ada.lovelace@example.test", firstName: "Ada", lastName: "Lovelace" };
const meetsRules = (p: string) => PASSWORD_RULES.every((rule) => rule.test(p));

describe("password strength", () => {
  it.each(["Password1234", "Password123!", "Qwerty123456", "Iloveyou2024", "Welcome12345"])("refuses %s, which passes the simple rules, with a suggestion", (password) => {
    expect(meetsRules(password)).toBe(true);
    expect(passwordWeakness(password, ada)).toMatch(/^This password is too easy to guess\. \S/);
  });

  it("refuses a password made of the person's own details", () => {
    expect(passwordWeakness("AdaLovelace1", ada)).toMatch(/too easy to guess/);
    expect(passwordWeakness("Ada.Lovelace", ada)).toMatch(/too easy to guess/);
  });

  it("names the library's warning and suggestion", () => {
    expect(passwordWeakness("Password1234", ada)).toBe(
      "This password is too easy to guess. This is similar to a commonly used password. Add more words that are less common. Capitalize more than the first letter.",
    );
  });

  it(`accepts strong passwords (score ${MIN_PASSWORD_SCORE} or more), the demo's and the test suites' included`, () => {
    for (const password of ["Tidal-Lantern-42", "correct horse battery staple", "Correct-Horse-1", "Analytical1"]) {
      expect(passwordWeakness(password, ada), password).toBeNull();
    }
    for (const person of DEMO_PEOPLE) expect(passwordWeakness(DEMO_PASSWORD, person), person.email).toBeNull();
    for (const person of PEOPLE) expect(passwordWeakness(E2E_PASSWORD, person), person.email).toBeNull();
  });

  it("refuses as an error on the password field", () => {
    let thrown: unknown;
    try {
      assertStrongPassword("Password1234", ada);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Refusal);
    expect((thrown as Refusal).toResult()).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { password: [expect.stringMatching(/too easy to guess/)] } });
  });
});
