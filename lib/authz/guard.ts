import "server-only";
import * as z from "@/lib/zod";
import { prisma, type Db, type Tx } from "@/lib/db";
import { readRequestContext, type RequestContext } from "@/lib/auth/request-context";
import { resolveSession, resolveSessionIn, type SessionUser } from "@/lib/auth/sessions";
import { apiKeyActor, recordAudit, userActor, type Audit, type AuditEventInput } from "@/lib/audit/record";
import { currentApiKeyId } from "@/lib/auth/api-key-scope";
import { resolveApiKeyIn } from "@/lib/auth/api-keys";
import { Refusal, type ActionResult, type FieldErrors } from "@/lib/core/result";
import { databaseUnavailability } from "@/lib/db/unavailable";
import { logError, noteDatabaseDown } from "@/lib/ops/hooks";
import { lockWorkspace, type MembershipWithWorkspace } from "./membership";
import { can, refusalFor, viewerCan, type Permission } from "./permissions";
import { TWO_FACTOR_EXEMPT, meetsTwoFactorRequirement, twoFactorRequiredMessage } from "./two-factor-requirement";
import { viewerFor, viewerOf, type WorkspaceViewer } from "./viewer";

// The one path of a write (docs/architecture.md#the-one-write-path): session → membership
// → permission → zod-parsed input → one transaction holding the change and its audit event.
// Handlers use only `ctx.tx` for database work: a call on the global client inside a
// transaction would wait forever on the embedded database (one connection).
// Every exported server action is built by one of the wrappers below; a test
// (tests/unit/guarded-actions.test.ts) fails if one is not.

export const GUARDED = Symbol.for("roster.guarded");
// "workspace-read": a workspaceQuery, which support staff pass for their permissions; a
// "workspace" action never lets them through (tests/integration/support-staff.test.ts).
type GuardKind = "public" | "user" | "workspace" | "workspace-read";
type Guarded<F> = F & { [GUARDED]: GuardKind };

function mark<F extends object>(fn: F, kind: GuardKind): Guarded<F> {
  return Object.assign(fn, { [GUARDED]: kind }) as Guarded<F>;
}

/**
 * `unchanged()` declares that this call found nothing to change (the same plan, the same
 * name): the transaction may then end without an audit event, because nothing happened.
 * It must not be called after a write.
 */
export type PublicContext = { tx: Tx; request: RequestContext; audit: Audit; unchanged: () => void };
export type UserContext = PublicContext & { user: SessionUser; sessionId: string };
export type WorkspaceContext = UserContext & {
  membership: MembershipWithWorkspace;
  workspace: MembershipWithWorkspace["workspace"];
  /** The API key this change is made with (a Team API request), or null; `sessionId` is then empty. */
  apiKey: ApiKeyRef | null;
};
type ApiKeyRef = { id: string; name: string };
/** A read's context: the viewer is a member, or support staff (no membership) for a permission of theirs. */
export type WorkspaceReadContext = {
  db: Db;
  user: SessionUser;
  viewer: WorkspaceViewer;
  workspace: WorkspaceViewer["workspace"];
  /** The API key of a Team API request, or null. */
  apiKey?: ApiKeyRef | null;
};

type Options<S extends z.core.$ZodType, T, R> = {
  /**
   * Runs before the transaction, outside it, and may refuse. Its own writes survive a
   * refusal: the join page counts a failed link lookup per IP here, so guessing tokens
   * is limited even though the refusal rolls the action back; ownership transfer checks
   * the actor's password here, throttled, before the workspace lock is taken.
   */
  before?: (input: z.output<S>, request: RequestContext, actor: AuditEventInput["actor"]) => Promise<void>;
  /**
   * Runs after the transaction has committed (never inside it: on the embedded
   * database a second transaction would wait for the first forever). Used to start
   * an Auth.js session once the account it signs into exists.
   */
  afterCommit?: (result: T, input: z.output<S>) => Promise<R>;
};

/** The path of the first string in `value` holding U+0000, which PostgreSQL cannot store in text. */
function nulAt(value: unknown, path: string[] = []): string[] | null {
  // Also a lone UTF-16 surrogate: PostgreSQL refuses it in JSON and replaces it in text,
  // which would make a stored value differ from the one its audit hash covers.
  if (typeof value === "string") return value.includes("\u0000") || !value.isWellFormed() ? path : null;
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = nulAt(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

function parse<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  // Refused here, for every action at once, rather than as a database error (a 500).
  const nul = nulAt(input);
  if (nul) {
    const message = "This contains a character Roster cannot store (U+0000 or a broken character). Remove it and try again.";
    throw new Refusal("invalid_input", message, { fieldErrors: { [nul.join(".") || "_form"]: [message] } });
  }
  const parsed = z.safeParse(schema, input);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = parsed.error.issues[0]?.message ?? "Check the form and try again.";
  throw new Refusal("invalid_input", first, { fieldErrors });
}

/** As the 503 page's Retry-After (server/error-pages.mjs). */
const UNAVAILABLE_RETRY_SECONDS = 5;

async function settle<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof Refusal) return error.toResult();
    // The database cannot be reached: a refusal the form shows like any other, with the
    // 503 page's words, and the server answers pages with 503 until it is back.
    const down = databaseUnavailability(error);
    if (down) {
      noteDatabaseDown(down);
      return { ok: false, code: "unavailable", message: down.message, retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS };
    }
    logError("server action failed", error);
    return { ok: false, code: "internal", message: "Something went wrong on our side. Nothing was changed; please try again." };
  }
}

async function requireUser(request: RequestContext) {
  // An API key acts only inside its workspace: nothing outside one is open to it.
  if (currentApiKeyId()) throw new Refusal("unauthenticated", "Your session has ended. Sign in again.");
  const session = await resolveSession(request.sessionId);
  if (!session) throw new Refusal("unauthenticated", "Your session has ended. Sign in again.");
  return session;
}

/**
 * The same, with the workspace `slug` names and the user's membership in it, in one statement (lib/auth/who.ts).
 * In a Team API request the API key stands in for the session (lib/auth/api-keys.ts): its
 * member, with their role as it is now, so every check below applies to the key unchanged.
 */
async function requireUserIn(request: RequestContext, slug: unknown) {
  const keyId = currentApiKeyId();
  const name = typeof slug === "string" ? slug : null;
  if (keyId) {
    const key = await resolveApiKeyIn(keyId, name);
    if (!key) throw new Refusal("unauthenticated", "This API key is not valid.");
    return key;
  }
  const session = await resolveSessionIn(request.sessionId, name);
  if (!session) throw new Refusal("unauthenticated", "Your session has ended. Sign in again.");
  return { ...session, apiKey: null };
}

const actorOf = (user: SessionUser, apiKey: ApiKeyRef | null) => (apiKey ? apiKeyActor(user, apiKey) : userActor(user));

/**
 * A workspace that requires two-factor authentication refuses every action of a member
 * without it, whatever their role; their other workspaces are not affected.
 */
function assertTwoFactor(user: SessionUser, workspace: { name: string; requireTwoFactor: boolean }, permission?: Permission) {
  if (permission && TWO_FACTOR_EXEMPT.has(permission)) return;
  if (!meetsTwoFactorRequirement(user, workspace)) throw new Refusal("two_factor_required", twoFactorRequiredMessage(workspace.name));
}

async function resolveMembership(request: RequestContext, slug: unknown, permission: Permission) {
  const { user, sessionId, membership: found, apiKey } = await requireUserIn(request, slug);
  if (!found) throw new Refusal("not_found", "Workspace not found.");
  assertTwoFactor(user, found.workspace, permission);
  if (!can(found.role, permission)) throw new Refusal("forbidden", refusalFor(permission));
  return { user, sessionId, found, apiKey };
}

/**
 * The reads' counterpart of `resolveMembership`: a member (refused with the permission's
 * message when their role lacks it), or support staff for a permission of theirs. Support
 * staff asking for anything else get "not found", as their pages answer 404. Writes never
 * come here: every `workspaceAction` requires a membership.
 */
async function resolveViewer(request: RequestContext, slug: unknown, permission: Permission) {
  const session = await requireUserIn(request, slug);
  const { user, sessionId, apiKey } = session;
  const found = viewerOf(session);
  // A member is asked for 2FA before anything else, as the pages ask: being support staff
  // too must not turn a member without it into a reader.
  if (found?.kind === "member") assertTwoFactor(user, found.workspace);
  const viewer = found ? viewerFor(found, user, permission) : null;
  if (!viewer || (viewer.kind === "support" && !viewerCan(viewer, permission))) throw new Refusal("not_found", "Workspace not found.");
  if (!viewerCan(viewer, permission)) throw new Refusal("forbidden", refusalFor(permission));
  return { user, sessionId, viewer, apiKey };
}

/**
 * Who is acting, as each wrapper establishes it: the audit defaults (workspace, actor),
 * and `enter`, which runs first inside the transaction and returns the handler's own
 * context (for a workspace: the membership re-read under the workspace lock).
 */
type Actor<C> = { workspaceId: string | null; actor: AuditEventInput["actor"]; enter: (tx: Tx) => Promise<C> };

/** The one runner behind every writing wrapper. */
async function runGuarded<S extends z.core.$ZodType, C, T, R>(
  schema: S,
  input: unknown,
  identify: (request: RequestContext) => Promise<Actor<C>>,
  handler: (input: z.output<S>, ctx: C & PublicContext) => Promise<T>,
  options: Options<S, T, R>,
): Promise<ActionResult<R>> {
  return settle(async () => {
    const request = await readRequestContext();
    const who = await identify(request);
    const data = parse(schema, input);
    await options.before?.(data, request, who.actor);
    const result = await prisma.$transaction(
      async (tx) => {
        let events = 0;
        let noChange = false;
        const audit: Audit = async (event) => {
          events++;
          await recordAudit(tx, { workspaceId: who.workspaceId, actor: who.actor, ...event, ip: request.ip, userAgent: request.userAgent });
        };
        const ctx = await who.enter(tx);
        const value = await handler(data, { ...ctx, tx, request, audit, unchanged: () => void (noChange = true) });
        if (events === 0 && !noChange) throw new Error("A guarded write finished without an audit event.");
        return value;
      },
      { timeout: 15_000, maxWait: 15_000 },
    );
    // Without `afterCommit`, R is T (the wrappers' default type argument).
    return options.afterCommit ? options.afterCommit(result, data) : (result as unknown as R);
  });
}

/** Sign-up and other writes that need no session. */
export function publicAction<S extends z.core.$ZodType, T, R = T>(
  schema: S,
  handler: (input: z.output<S>, ctx: PublicContext) => Promise<T>,
  options: Options<S, T, R> = {},
) {
  const anonymous = async (): Promise<Actor<object>> => ({ workspaceId: null, actor: { type: "anonymous" }, enter: async () => ({}) });
  return mark(async (input: z.input<S>) => runGuarded(schema, input, anonymous, handler, options), "public");
}

/** Actions of a signed-in user outside any one workspace (create a workspace, accept an invitation, sign out). */
export function userAction<S extends z.core.$ZodType, T, R = T>(
  schema: S,
  handler: (input: z.output<S>, ctx: UserContext) => Promise<T>,
  options: Options<S, T, R> = {},
) {
  const signedIn = async (request: RequestContext): Promise<Actor<Pick<UserContext, "user" | "sessionId">>> => {
    const { user, sessionId } = await requireUser(request);
    return { workspaceId: null, actor: userActor(user), enter: async () => ({ user, sessionId }) };
  };
  return mark(async (input: z.input<S>) => runGuarded(schema, input, signedIn, handler, options), "user");
}

/**
 * Actions inside one workspace, named by its slug. The actor's membership is read on
 * the server (a non-member gets "not found", never a hint that the workspace exists;
 * support staff are non-members here, so their access stays read-only),
 * the permission is checked against the one matrix, and both are read again under
 * the workspace lock inside the transaction, so a concurrent demotion or removal of
 * the actor cannot slip through.
 */
export function workspaceAction<S extends z.core.$ZodType, T, R = T>(
  permission: Permission,
  schema: S,
  handler: (input: z.output<S>, ctx: WorkspaceContext) => Promise<T>,
  options: Options<S, T, R> = {},
) {
  type Member = Pick<WorkspaceContext, "user" | "sessionId" | "membership" | "workspace" | "apiKey">;
  return mark(async (slug: string, input: z.input<S>) => {
    const member = async (request: RequestContext): Promise<Actor<Member>> => {
      const { user, sessionId, found, apiKey } = await resolveMembership(request, slug, permission);
      return {
        workspaceId: found.workspaceId,
        actor: actorOf(user, apiKey),
        async enter(tx) {
          await lockWorkspace(tx, found.workspaceId);
          const membership = await tx.membership.findUnique({ where: { id: found.id }, include: { workspace: true } });
          if (!membership) throw new Refusal("not_found", "Workspace not found.");
          // A key revoked since it was read (its member removed it meanwhile) changes nothing.
          if (apiKey && !(await tx.apiKey.count({ where: { id: apiKey.id, revokedAt: null } }))) throw new Refusal("unauthenticated", "This API key has been revoked.");
          assertTwoFactor(user, membership.workspace, permission);
          if (!can(membership.role, permission)) throw new Refusal("forbidden", refusalFor(permission));
          return { user, sessionId, membership, workspace: membership.workspace, apiKey };
        },
      };
    };
    return runGuarded(schema, input, member, handler, options);
  }, "workspace");
}

/**
 * Sign-in only: Auth.js drives it, and the credential check (lib/auth/sign-in.ts)
 * writes its own audited transactions, because a failed attempt must be recorded
 * even though the action is refused.
 */
export function signInAction<S extends z.core.$ZodType, T>(schema: S, handler: (input: z.output<S>, request: RequestContext) => Promise<T>) {
  return mark(async (input: z.input<S>): Promise<ActionResult<T>> => {
    return settle(async () => handler(parse(schema, input), await readRequestContext()));
  }, "public");
}

/**
 * A read an interactive form needs before it writes (the bulk-invite preview): the same
 * session → membership → permission → input checks, no transaction and no audit event,
 * because nothing changes. Support staff pass for the permissions they hold
 * (SUPPORT_PERMISSIONS), as on their pages.
 */
export function workspaceQuery<S extends z.core.$ZodType, T>(permission: Permission, schema: S, handler: (input: z.output<S>, ctx: WorkspaceReadContext) => Promise<T>) {
  return mark(async (slug: string, input: z.input<S>): Promise<ActionResult<T>> => {
    return settle(async () => {
      const { user, viewer, apiKey } = await resolveViewer(await readRequestContext(), slug, permission);
      const data = parse(schema, input);
      return handler(data, { db: prisma, user, viewer, workspace: viewer.workspace, apiKey });
    });
  }, "workspace-read");
}

/**
 * For route handlers that read (the audit export): the same session → viewer → permission
 * checks as `workspaceQuery`, answered as HTTP. Signed out → 401; not a member, no such
 * workspace, or a role without the permission → 404, as the pages answer.
 */
export async function authorizeWorkspaceRead(
  slug: string,
  permission: Permission,
): Promise<{ ok: true; ctx: WorkspaceReadContext & { request: RequestContext } } | { ok: false; response: Response }> {
  const request = await readRequestContext();
  try {
    const { user, viewer, apiKey } = await resolveViewer(request, slug, permission);
    return { ok: true, ctx: { db: prisma, user, viewer, workspace: viewer.workspace, request, apiKey } };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const status = error.code === "unauthenticated" ? 401 : error.code === "two_factor_required" ? 403 : 404;
    const message = status === 401 ? "Sign in to export the audit log." : status === 403 ? error.message : "Not found.";
    return { ok: false, response: Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } }) };
  }
}
