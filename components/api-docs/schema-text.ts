// How the reference page words a JSON Schema (as zod writes it for the OpenAPI document):
// its type, and its rules in a few words.

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  description?: string;
  additionalProperties?: JsonSchema | boolean;
};

export function typeText(schema: JsonSchema | undefined): string {
  if (!schema || Object.keys(schema).length === 0) return "any JSON";
  if (schema.anyOf) {
    const kinds = schema.anyOf.map(typeText);
    return kinds.includes("null") ? `${kinds.filter((k) => k !== "null").join(" or ")} or null` : kinds.join(" or ");
  }
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  if (schema.type === "array") return `array of ${typeText(schema.items)}`;
  if (schema.format === "date-time") return "time (ISO 8601, UTC)";
  if (schema.type === "object" && schema.additionalProperties && typeof schema.additionalProperties === "object") return `object of ${typeText(schema.additionalProperties)}`;
  return Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any JSON");
}

export function rulesText(schema: JsonSchema | undefined): string {
  if (!schema) return "";
  const rules: string[] = [];
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    if (min !== undefined && max !== undefined) rules.push(`${min}–${max}${unit}`);
    else if (max !== undefined) rules.push(`at most ${max}${unit}`);
    else if (min !== undefined) rules.push(`at least ${min}${unit}`);
  };
  range(schema.minLength, schema.maxLength, " characters");
  range(schema.minimum, schema.maximum, "");
  range(schema.minItems, schema.maxItems, " items");
  if (schema.pattern && schema.format !== "date-time" && schema.format !== "email") rules.push(`matches ${schema.pattern}`);
  if (schema.format === "email") rules.push("an email address");
  if (schema.default !== undefined) rules.push(`default ${JSON.stringify(schema.default)}`);
  return rules.join("; ");
}

/** The fields of an object schema, one level deep, with nested objects' fields as "a.b". */
export function fieldsOf(schema: JsonSchema | undefined, prefix = ""): { name: string; schema: JsonSchema; required: boolean }[] {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).flatMap(([name, field]) => {
    const full = `${prefix}${name}`;
    const row = { name: full, schema: field, required: (schema.required ?? []).includes(name) };
    const inner = field.type === "array" ? field.items : field.anyOf?.find((s) => s.type === "object") ?? field;
    const nested = inner?.type === "object" && inner.properties ? fieldsOf(inner, `${full}${field.type === "array" ? "[]" : ""}.`) : [];
    return [row, ...nested];
  });
}
