// The zod every schema in lib/ is written in: zod/mini, re-exported (`import * as z from
// "@/lib/zod"`). It is the same parser as classic zod (one core, the same checks and
// messages), with functions instead of chained methods (`z.optional(s)`,
// `s.check(z.maxLength(…))`), so a bundle carries only the checks it uses: the forms ship
// their schemas to the browser, where classic zod's methods cost ~31 KB compressed on
// every page (README, Performance).
import { config, pipe, transform, type ZodMiniPipe, type ZodMiniTransform } from "zod/mini";
import type { SomeType } from "zod/v4/core";
import en from "zod/v4/locales/en.js";

config({
  // Classic zod registers its English messages on first use; here they are set once, for
  // checks given no message of their own.
  ...en(),
  // In the browser, zod 4 would compile object parsers with `new Function`, probing for it
  // when the first object schema is made: under our CSP (no 'unsafe-eval', see
  // lib/security-headers.ts) the probe is refused, and the browser reports the refusal as a
  // violation although zod catches it. Jitless parsing skips the probe; the browser only
  // parses small forms. This module runs before any schema is made, since every schema
  // module imports it first. The server keeps the compiled parsers.
  ...(typeof window === "undefined" ? {} : { jitless: true }),
});

export * from "zod/mini";

/** Classic zod's `z.preprocess`: `fn` runs on the raw input, then `schema` parses what it returns. */
export function preprocess<S extends SomeType>(fn: (value: unknown) => unknown, schema: S): ZodMiniPipe<ZodMiniTransform<unknown, unknown>, S> {
  return pipe(transform(fn), schema as never) as never;
}
