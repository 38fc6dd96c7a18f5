// Runs in the browser before the app's own modules. zod 4 compiles object parsers with
// `new Function` when it may, and probes for that while the schema modules load: under
// our CSP (no 'unsafe-eval', see lib/security-headers.ts) the probe is refused, and the
// browser reports the refusal as a violation although zod catches it. Jitless parsing
// skips the probe; the browser only parses small forms. Only zod's config function is
// imported here (the schemas use zod/mini through lib/zod.ts): every page runs this file.
import { config } from "zod/mini";

config({ jitless: true });
