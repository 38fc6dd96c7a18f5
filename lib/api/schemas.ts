import * as z from "@/lib/zod";
import { ROLES } from "@/lib/authz/roles";
import { MEMBER_SORTS } from "@/lib/members/list-view";
import { API_ERROR_CODES } from "./errors-codes";

// The Team API's own schemas: list queries (cursor and limit) and the shapes of its answers.
// Inputs of writes are not here: they are the forms' schemas (lib/<feature>/schemas.ts).

export const API_LIMIT_MAX = 100;
export const API_LIMIT_DEFAULT = 25;

/** `?limit=`: 1–100, default 25. Query values are text; this one must be a whole number. */
export const limitSchema = z._default(z.coerce.number().check(z.int({ error: "A whole number from 1 to 100." }), z.gte(1), z.lte(API_LIMIT_MAX)), API_LIMIT_DEFAULT);
/** `?cursor=`: a previous answer's `next_cursor`, as it was. */
export const cursorSchema = z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,300}$/, { error: "Not a cursor this API gave." })));

export const memberListQuerySchema = z.object({
  q: z._default(z.string().check(z.trim(), z.maxLength(100)), ""),
  role: z.optional(z.enum(ROLES)),
  sort: z._default(z.string().check(z.regex(new RegExp(`^-?(${MEMBER_SORTS.join("|")})$`), { error: `Sort by ${MEMBER_SORTS.join(", ")}; a leading - for descending.` })), "name"),
  cursor: cursorSchema,
  limit: limitSchema,
});

export const pageQuerySchema = z.object({ cursor: cursorSchema, limit: limitSchema });
export const groupListQuerySchema = z.object({ q: z._default(z.string().check(z.trim(), z.maxLength(100)), ""), cursor: cursorSchema, limit: limitSchema });

const isoTime = z.string().check(z.iso.datetime());
const id = z.string();

export const memberSchema = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  joinedAt: isoTime,
  lastActiveAt: z.nullable(isoTime),
  /** Only for owners' and admins' keys, as on the page. */
  twoFactorOn: z.optional(z.boolean()),
});

export const invitationSchema = z.object({
  id,
  email: z.string(),
  role: z.enum(ROLES),
  sentAt: isoTime,
  expiresAt: isoTime,
  expired: z.boolean(),
  invitedBy: z.nullable(z.object({ firstName: z.string(), lastName: z.string(), email: z.string() })),
  groups: z.array(z.object({ id, name: z.string() })),
});

export const groupSchema = z.object({ id, name: z.string(), description: z.string(), members: z.number(), agents: z.number(), personas: z.number() });

export const auditEventSchema = z.object({
  id,
  seq: z.nullable(z.number()),
  time: isoTime,
  action: z.string(),
  actionLabel: z.string(),
  actor: z.object({
    type: z.string(),
    id: z.nullable(z.string()),
    name: z.nullable(z.string()),
    email: z.nullable(z.string()),
    keyId: z.nullable(z.string()),
    keyName: z.nullable(z.string()),
  }),
  target: z.nullable(z.object({ type: z.string(), id: z.nullable(z.string()), label: z.nullable(z.string()) })),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.nullable(z.string()),
  userAgent: z.nullable(z.string()),
  hash: z.nullable(z.string()),
});

export const dataOf = <S extends z.core.$ZodType>(schema: S) => z.object({ data: schema });
export const listOf = <S extends z.core.$ZodType>(schema: S) => z.object({ data: z.array(schema), next_cursor: z.nullable(z.string()) });

export const errorSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    /** Messages per input field, by its path ("rows.3.email"); "_form" for the input as a whole. */
    fields: z.optional(z.record(z.string(), z.array(z.string()))),
  }),
});
