import { z } from "zod";
import { prisma, type Db, type Tx } from "@/lib/db";
import { readRequestContext, type RequestContext } from "@/lib/auth/request-context";
import { resolveSession, type SessionUser } from "@/lib/auth/sessions";
import { recordAudit, userActor, type AuditEventInput } from "@/lib/audit/record";
import { findMembershipBySlug, lockWorkspace, type MembershipWithWorkspace } from "@/lib/workspaces/membership";
import { can, type Permission } from "./permissions";
import { Refusal, type ActionResult } from "./result";
import { PERMISSION_REFUSALS } from "./messages";

// The one path of a write (ARCHITECTURE.md): session → membership → permission →
// zod-parsed input → one transaction holding the change and its audit event.
// Handlers use only `ctx.tx` for database work: a call on the global client inside a
// transaction would wait forever on the embedded database (one connection).
// Every exported server action is built by one of the wrappers below; a test
// (tests/unit/guarded-actions.test.ts) fails if one is not.

export const GUARDED = Symbol.for("roster.guarded");
type Guarded<F> = F & { [GUARDED]: "public" | "user" | "workspace" };

function mark<F extends object>(fn: F, kind: "public" | "user" | "workspace"): Guarded<F> {
  return Object.assign(fn, { [GUARDED]: kind }) as Guarded<F>;
}

export type Audit = (event: Omit<AuditEventInput, "workspaceId" | "actor" | "ip" | "userAgent"> & Partial<Pick<AuditEventInput, "workspaceId" | "actor">>) => Promise<void>;

export type PublicContext = { tx: Tx; request: RequestContext; audit: Audit };
export type UserContext = PublicContext & { user: SessionUser; sessionId: string };
export type WorkspaceContext = UserContext & {
  membership: MembershipWithWorkspace;
  workspace: MembershipWithWorkspace["workspace"];
};

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = parsed.error.issues[0]?.message ?? "Check the form and try again.";
  throw new Refusal("invalid_input", first, fieldErrors);
}

async function settle<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof Refusal) {
      return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors, retryAfterSeconds: error.retryAfterSeconds };
    }
    console.error(error);
    return { ok: false, code: "internal", message: "Something went wrong on our side. Nothing was changed; please try again." };
  }
}

const UNCHANGED = new WeakSet<object>();

/**
 * The result of a guarded action that found nothing to do and wrote nothing (the second
 * tab accepting an invitation the same person already accepted): it needs no audit event.
 */
export function unchanged<T extends object>(result: T): T {
  UNCHANGED.add(result);
  return result;
}

/** Runs `fn` in one transaction with an audit writer; fails (and rolls back) if the change wrote no audit event. */
async function audited<T>(
  request: RequestContext,
  defaults: { workspaceId: string | null; actor: AuditEventInput["actor"] },
  fn: (tx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      let events = 0;
      const audit: Audit = async (event) => {
        events++;
        await recordAudit(tx, { ...defaults, ...event, ip: request.ip, userAgent: request.userAgent });
      };
      const result = await fn(tx, audit);
      if (events === 0 && !(typeof result === "object" && result !== null && UNCHANGED.has(result))) {
        throw new Error("A guarded write finished without an audit event.");
      }
      return result;
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
}

type Options<S extends z.ZodType, T, R> = {
  /**
   * Runs before the transaction, outside it, and may refuse. Its own writes survive a
   * refusal: the join page counts a failed link lookup per IP here, so guessing tokens
   * is limited even though the refusal rolls the action back.
   */
  before?: (input: z.output<S>, request: RequestContext) => Promise<void>;
  /**
   * Runs after the transaction has committed (never inside it: on the embedded
   * database a second transaction would wait for the first forever). Used to start
   * an Auth.js session once the account it signs into exists.
   */
  afterCommit?: (result: T, input: z.output<S>) => Promise<R>;
};

/** Sign-up and other writes that need no session. */
export function publicAction<S extends z.ZodType, T, R = T>(
  schema: S,
  handler: (input: z.output<S>, ctx: PublicContext) => Promise<T>,
  options: Options<S, T, R> = {},
) {
  return mark(async (input: z.input<S>): Promise<ActionResult<R>> => {
    return settle(async () => {
      const request = await readRequestContext();
      const data = parse(schema, input);
      await options.before?.(data, request);
      const result = await audited(request, { workspaceId: null, actor: { type: "anonymous" } }, (tx, audit) =>
        handler(data, { tx, request, audit }),
      );
      return options.afterCommit ? options.afterCommit(result, data) : (result as unknown as R);
    });
  }, "public");
}

/**
 * Sign-in only: Auth.js drives it, and the credential check (lib/auth/sign-in.ts)
 * writes its own audited transactions, because a failed attempt must be recorded
 * even though the action is refused.
 */
export function signInAction<S extends z.ZodType, T>(schema: S, handler: (input: z.output<S>, request: RequestContext) => Promise<T>) {
  return mark(async (input: z.input<S>): Promise<ActionResult<T>> => {
    return settle(async () => handler(parse(schema, input), await readRequestContext()));
  }, "public");
}

async function requireUser(request: RequestContext) {
  const session = await resolveSession(request.sessionId);
  if (!session) throw new Refusal("unauthenticated", "Your session has ended. Sign in again.");
  return session;
}

/** Actions of a signed-in user outside any one workspace (create a workspace, accept an invitation, sign out). */
export function userAction<S extends z.ZodType, T, R = T>(
  schema: S,
  handler: (input: z.output<S>, ctx: UserContext) => Promise<T>,
  options: Options<S, T, R> = {},
) {
  return mark(async (input: z.input<S>): Promise<ActionResult<R>> => {
    return settle(async () => {
      const request = await readRequestContext();
      const { user, sessionId } = await requireUser(request);
      const data = parse(schema, input);
      await options.before?.(data, request);
      const result = await audited(request, { workspaceId: null, actor: userActor(user) }, (tx, audit) =>
        handler(data, { tx, request, audit, user, sessionId }),
      );
      return options.afterCommit ? options.afterCommit(result, data) : (result as unknown as R);
    });
  }, "user");
}

async function resolveMembership(slug: unknown, permission: Permission) {
  const request = await readRequestContext();
  const { user, sessionId } = await requireUser(request);
  const found = typeof slug === "string" ? await findMembershipBySlug(user.id, slug) : null;
  if (!found) throw new Refusal("not_found", "Workspace not found.");
  if (!can(found.role, permission)) throw new Refusal("forbidden", PERMISSION_REFUSALS[permission]);
  return { request, user, sessionId, found };
}

/**
 * Actions inside one workspace, named by its slug. The actor's membership is read on
 * the server (a non-member gets "not found", never a hint that the workspace exists),
 * the permission is checked against the one matrix, and both are read again under
 * the workspace lock inside the transaction, so a concurrent demotion or removal of
 * the actor cannot slip through.
 */
export function workspaceAction<S extends z.ZodType, T, R = T>(
  permission: Permission,
  schema: S,
  handler: (input: z.output<S>, ctx: WorkspaceContext) => Promise<T>,
  options: Options<S, T, R> = {},
) {
  return mark(async (slug: string, input: z.input<S>): Promise<ActionResult<R>> => {
    return settle(async () => {
      const { request, user, sessionId, found } = await resolveMembership(slug, permission);
      const data = parse(schema, input);
      await options.before?.(data, request);
      const result = await audited(request, { workspaceId: found.workspaceId, actor: userActor(user) }, async (tx, audit) => {
        await lockWorkspace(tx, found.workspaceId);
        const membership = await tx.membership.findUnique({ where: { id: found.id }, include: { workspace: true } });
        if (!membership) throw new Refusal("not_found", "Workspace not found.");
        if (!can(membership.role, permission)) throw new Refusal("forbidden", PERMISSION_REFUSALS[permission]);
        return handler(data, { tx, request, audit, user, sessionId, membership, workspace: membership.workspace });
      });
      return options.afterCommit ? options.afterCommit(result, data) : (result as unknown as R);
    });
  }, "workspace");
}

export type WorkspaceReadContext = { db: Db; user: SessionUser; membership: MembershipWithWorkspace; workspace: MembershipWithWorkspace["workspace"] };

/**
 * A read an interactive form needs before it writes (the bulk-invite preview): the same
 * session → membership → permission → input checks, no transaction and no audit event,
 * because nothing changes.
 */
export function workspaceQuery<S extends z.ZodType, T>(permission: Permission, schema: S, handler: (input: z.output<S>, ctx: WorkspaceReadContext) => Promise<T>) {
  return mark(async (slug: string, input: z.input<S>): Promise<ActionResult<T>> => {
    return settle(async () => {
      const { user, found } = await resolveMembership(slug, permission);
      const data = parse(schema, input);
      return handler(data, { db: prisma, user, membership: found, workspace: found.workspace });
    });
  }, "workspace");
}
