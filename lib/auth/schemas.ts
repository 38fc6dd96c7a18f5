import * as z from "@/lib/zod";

/**
 * Emails are trimmed and lower-cased at every boundary and compared in that form:
 * compared as typed, one person gets duplicate invitations (twenty #23036).
 */
export const emailSchema = z.pipe(
  z.string({ error: "Enter your email address." }).check(
    // A cheap cap on the raw text before trimming and the format check (the address itself is capped at 254).
    z.maxLength(320, { error: "That email address is too long." }),
    z.trim(),
    z.toLowerCase(),
  ),
  z.email({ error: "Enter a valid email address." }).check(z.maxLength(254, { error: "That email address is too long." })),
);

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The password rules, shown live by the form and enforced by the same schema on the server. */
export const PASSWORD_RULES = [
  { id: "length", label: "At least 8 characters", test: (p: string) => p.length >= 8 },
  { id: "lower", label: "A lower-case letter", test: (p: string) => /\p{Ll}/u.test(p) },
  { id: "upper", label: "An upper-case letter", test: (p: string) => /\p{Lu}/u.test(p) },
] as const;

export const PASSWORD_MAX_LENGTH = 128;

export const newPasswordSchema = z.string({ error: "Choose a password." }).check(
  z.maxLength(PASSWORD_MAX_LENGTH, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters.` }),
  z.superRefine((password, ctx) => {
    for (const rule of PASSWORD_RULES) {
      if (!rule.test(password)) ctx.addIssue({ code: "custom", message: `Password needs: ${rule.label.toLowerCase()}.` });
    }
  }),
);

const nameSchema = (what: string) =>
  z.string({ error: `Enter your ${what}.` }).check(z.trim(), z.minLength(1, { error: `Enter your ${what}.` }), z.maxLength(50, { error: `Use at most 50 characters for your ${what}.` }));

export const firstNameSchema = nameSchema("first name");
export const lastNameSchema = nameSchema("last name");

export const signUpSchema = z.object({
  firstName: firstNameSchema,
  lastName: lastNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.input<typeof signUpSchema>;

/** A password the person already has, typed to prove it: no rules but a length cap. */
export const currentPasswordSchema = z.string({ error: "Enter your password." }).check(z.minLength(1, { error: "Enter your password." }), z.maxLength(PASSWORD_MAX_LENGTH));

export const signInSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema,
  callbackUrl: z.optional(z.string()),
});
export type SignInInput = z.input<typeof signInSchema>;

/**
 * Only same-site paths are followed after sign-in, never another origin. The URL is
 * parsed as a browser would (which drops tabs and newlines, and reads "\\" as "/"), so
 * "/\t/evil.test" cannot become "//evil.test"; and the path it yields never starts with
 * "//" (a browser reads "/.//evil.test", normalised to "//evil.test", as another host).
 */
export function safeCallbackUrl(url: string | null | undefined, fallback = "/"): string {
  if (!url || !url.startsWith("/")) return fallback;
  const base = "http://roster.invalid";
  try {
    const parsed = new URL(url, base);
    if (parsed.origin !== base) return fallback;
    return "/" + parsed.pathname.replace(/^\/+/, "") + parsed.search + parsed.hash;
  } catch {
    return fallback;
  }
}
