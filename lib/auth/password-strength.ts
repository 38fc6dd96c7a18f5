import "server-only";
import { ZxcvbnFactory, type TranslationKeys } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { Refusal } from "@/lib/core/result";

// The one check for "too common or too guessable", on the server only: the dictionaries
// weigh about a megabyte, so this module must never reach a client component (it is
// marked server-only, and tests/unit/layers.test.ts fails on any path to it from one).
// The form shows the simple rules live (PASSWORD_RULES); this runs on submit.

/** zxcvbn scores 0–4; below 3 ("safely unguessable: moderate protection from offline attacks") is refused. */
export const MIN_PASSWORD_SCORE = 3;

// English wording for the library's feedback keys (the English language package would
// add a second set of dictionaries only for these sentences).
const translations: TranslationKeys = {
  warnings: {
    straightRow: "Straight rows of keys on your keyboard are easy to guess.",
    keyPattern: "Short keyboard patterns are easy to guess.",
    simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
    extendedRepeat: 'Repeated character patterns like "abcabcabc" are easy to guess.',
    sequences: 'Common character sequences like "abc" are easy to guess.',
    recentYears: "Recent years are easy to guess.",
    dates: "Dates are easy to guess.",
    topTen: "This is a heavily used password.",
    topHundred: "This is a frequently used password.",
    common: "This is a commonly used password.",
    similarToCommon: "This is similar to a commonly used password.",
    wordByItself: "Single words are easy to guess.",
    namesByThemselves: "Single names or surnames are easy to guess.",
    commonNames: "Common names and surnames are easy to guess.",
    userInputs: "It should not contain your name or email address.",
    pwned: "This password was exposed by a data breach on the Internet.",
  },
  suggestions: {
    l33t: "Avoid predictable letter substitutions like '@' for 'a'.",
    reverseWords: "Avoid reversed spellings of common words.",
    allUppercase: "Capitalize some, but not all letters.",
    capitalization: "Capitalize more than the first letter.",
    dates: "Avoid dates and years that are associated with you.",
    recentYears: "Avoid recent years.",
    associatedYears: "Avoid years that are associated with you.",
    sequences: "Avoid common character sequences.",
    repeated: "Avoid repeated words and characters.",
    longerKeyboardPattern: "Use longer keyboard patterns and change typing direction multiple times.",
    anotherWord: "Add more words that are less common.",
    useWords: "Use multiple words, but avoid common phrases.",
    noNeed: "You can create strong passwords without using symbols, numbers, or uppercase letters.",
    pwned: "If you use this password elsewhere, you should change it.",
  },
  timeEstimation: {
    ltSecond: "less than a second",
    second: "{base} second",
    seconds: "{base} seconds",
    minute: "{base} minute",
    minutes: "{base} minutes",
    hour: "{base} hour",
    hours: "{base} hours",
    day: "{base} day",
    days: "{base} days",
    month: "{base} month",
    months: "{base} months",
    year: "{base} year",
    years: "{base} years",
    centuries: "centuries",
  },
};

// Building the ranked dictionaries takes a moment: once per process, on first use.
let factory: ZxcvbnFactory | undefined;
const zxcvbn = () => (factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, translations }));

export type PasswordOwner = { email: string; firstName?: string; lastName?: string };

/** The person's own details are the first thing an attacker tries: the email, its parts, the names. */
function userInputs({ email, firstName, lastName }: PasswordOwner): string[] {
  const local = email.split("@")[0] ?? "";
  const [first, last] = [firstName ?? "", lastName ?? ""];
  return [email, local, local.replace(/[._+-]+/g, ""), ...local.split(/[._+-]+/), email.split("@")[1] ?? "", first, last, first + last, last + first].filter((s) => s.length >= 3);
}

/** Why `password` is too guessable for this person (the library's warning and suggestion), or null when it is strong enough. */
export function passwordWeakness(password: string, owner: PasswordOwner): string | null {
  const result = zxcvbn().check(password, userInputs(owner));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(" ");
  return `This password is too easy to guess.${advice ? ` ${advice}` : " Add more words that are less common."}`;
}

/**
 * The check every new password goes through (sign-up, creating an account on the join
 * page, reset, change password): refuses, as an error on the `password` field, a
 * password that is common or easy to guess for this person (on `field`: change password's is `newPassword`).
 */
export function assertStrongPassword(password: string, owner: PasswordOwner, field = "password"): void {
  const weakness = passwordWeakness(password, owner);
  if (weakness) throw new Refusal("invalid_input", weakness, { fieldErrors: { [field]: [weakness] } });
}
