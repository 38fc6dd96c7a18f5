import "server-only";
import * as z from "@/lib/zod";
import { PERMISSIONS, ROLES, can } from "@/lib/authz/permissions";
import { LIMITS } from "@/lib/rate-limit";
import { API_ROUTES } from "./routes";
import { errorSchema, API_LIMIT_MAX } from "./schemas";
import type { ApiRoute } from "./route";

// The OpenAPI 3.1 document of the Team API, made from the route declarations and their zod
// schemas (zod 4's own JSON Schema output, draft 2020-12, which OpenAPI 3.1 uses), never
// written by hand: an endpoint, a field or a rule changed in code changes here.

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.core.$ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

const STATUS_TEXT: Record<number, string> = {
  400: "The body is not JSON.",
  401: "No key, or a key that is unknown, revoked or expired (always the same answer).",
  403: "The key's member lacks the permission (or the workspace requires two-factor authentication they lack).",
  404: "No such item in the key's workspace.",
  409: "A conflict with the team's state (a duplicate, a seat limit, an Idempotency-Key still running).",
  422: "The input is invalid: `fields` names each field by its path.",
  429: "Over the key's request limit (or the action's own): retry after `Retry-After` seconds.",
};

function parameters(schema: z.core.$ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as JsonSchema & { description?: string };
    return { name, in: where, required: where === "path" || (object.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

const rolesHolding = (route: ApiRoute) => ROLES.filter((role) => can(role, route.permission));

function operation(route: ApiRoute) {
  // Every endpoint can answer 401 and 429; one with a body, 400 (not JSON) and 422; an idempotent one, 409 and 422 for its key.
  const errors = [...new Set([401, 429, ...route.refusals, ...(route.body ? [400, 422] : []), ...(route.idempotent ? [409, 422] : [])])].sort();
  const roles = rolesHolding(route).join(", ");
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    description: [route.description, `Needs \`${route.permission}\` (${PERMISSIONS[route.permission].label}): keys of ${roles} members.`, route.idempotent ? "Honours `Idempotency-Key`." : ""]
      .filter(Boolean)
      .join("\n\n"),
    "x-permission": route.permission,
    "x-roles": rolesHolding(route),
    parameters: [
      ...parameters(route.params, "path"),
      ...parameters(route.query, "query"),
      ...(route.idempotent
        ? [{ name: "Idempotency-Key", in: "header", required: false, description: "A retry with the same key and request returns the first response.", schema: { type: "string", minLength: 1, maxLength: 255 } }]
        : []),
    ],
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body, "input") } } } } : {}),
    responses: {
      [String(route.success.status)]: {
        description: route.success.description,
        content: route.success.schema ? { "application/json": { schema: jsonSchema(route.success.schema, "output") } } : (route.success.media ?? {}),
      },
      ...Object.fromEntries(errors.map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }])),
    },
  };
}

/** The API's path for a route file's folder: `[memberId]` → `{memberId}`. */
export const OPENAPI_PATH = "/openapi.json";

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  paths[OPENAPI_PATH] = {
    get: {
      operationId: "getOpenApiDocument",
      tags: ["Reference"],
      summary: "This document",
      security: [],
      responses: { "200": { description: "The OpenAPI 3.1 document of the Team API.", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  const errorStatuses = [400, 401, 403, 404, 409, 422, 429];
  return {
    openapi: "3.1.0",
    info: {
      title: "Roster Team API",
      version: "1",
      description: [
        "Manage a workspace's team from scripts: members, invitations, groups and the audit log. Every call acts as the key's member, with their role as it is at that moment, in the key's workspace only, through the same permission checks, validation and audit log as the pages.",
        `Authenticate with \`Authorization: Bearer rst_…\` (create a key in the workspace's Settings → API keys). At most ${LIMITS.apiRequestsPerKey.limit} requests a minute per key. Lists take \`limit\` (1–${API_LIMIT_MAX}, default 25) and \`cursor\` (the previous page's \`next_cursor\`).`,
      ].join("\n\n"),
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    tags: [
      { name: "Members", description: "The team and its roles." },
      { name: "Invitations", description: "Pending invitations, one at a time or in bulk." },
      { name: "Groups", description: "Groups and who and what is in them." },
      { name: "Audit", description: "The audit log and its export." },
      { name: "Reference", description: "This document." },
    ],
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key: rst_ and 43 characters." } },
      schemas: { Error: jsonSchema(errorSchema, "output") },
      responses: Object.fromEntries(
        errorStatuses.map((status) => [
          `Error${status}`,
          {
            description: STATUS_TEXT[status],
            ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } } : {}),
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        ]),
      ),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
