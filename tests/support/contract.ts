import { Ajv2020 } from "ajv/dist/2020.js";
import { openApiDocument } from "@/lib/api/openapi";
import type { ApiCall } from "./api";

// The contract check: an answer of the Team API must be one its OpenAPI document declares
// (status) and match that response's schema (JSON bodies). Formats are checked by the
// schemas' own patterns (zod writes one for date-time), so Ajv's format plug-in is not needed.

type Json = Record<string, unknown>;

export function contractViolations(calls: readonly ApiCall[]): string[] {
  const doc = openApiDocument() as unknown as Json & { paths: Record<string, Record<string, Json>>; components: Json };
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const problems: string[] = [];
  // One compiled validator per schema: the fuzz suite checks some 6,000 answers, and
  // compiling for each took over 30 s on a busy machine.
  const validators = new Map<Json, ReturnType<typeof ajv.compile>>();
  const validatorFor = (schema: Json) => {
    let validate = validators.get(schema);
    if (!validate) validators.set(schema, (validate = ajv.compile(schema)));
    return validate;
  };
  const resolve = (response: Json): Json => {
    const ref = response.$ref as string | undefined;
    if (!ref) return response;
    const name = ref.split("/").at(-1)!;
    return (doc.components.responses as Record<string, Json>)[name]!;
  };
  for (const call of calls) {
    const where = `${call.method} ${call.template} → ${call.status}`;
    const operation = doc.paths[call.template]?.[call.method.toLowerCase()] as Json | undefined;
    if (!operation) {
      problems.push(`${where}: not in the document`);
      continue;
    }
    const declared = (operation.responses as Record<string, Json>)[String(call.status)];
    if (!declared) {
      problems.push(`${where}: status not declared`);
      continue;
    }
    const content = resolve(declared).content as Record<string, { schema: Json }> | undefined;
    const type = call.contentType?.split(";")[0]?.trim() ?? "";
    const media = content?.[type];
    if (!media) {
      problems.push(`${where}: media type ${type} not declared`);
      continue;
    }
    if (type !== "application/json") continue;
    const schema = media.schema.$ref ? (doc.components.schemas as Record<string, Json>).Error! : media.schema;
    const validate = validatorFor(schema);
    if (!validate(call.body)) problems.push(`${where}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(call.body).slice(0, 300)}`);
  }
  return problems;
}
