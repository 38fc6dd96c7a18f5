import "server-only";
import type { Tx } from "@/lib/db";
import type { WorkspaceContext } from "@/lib/authz/guard";
import { Refusal } from "@/lib/core/result";
import { fullName } from "@/lib/format";
import { changedFields } from "./changes";
import { reachableWhere, readerOf } from "./reach";

// The create / edit / delete of an agent or persona, written once: each kind hands over
// its table (a `ResourceStore`) and its "use server" file wraps these in the guard. Writes
// reach through the one access rule like reads do, so a write member who may not reach a
// group-only resource gets "not found" for it, exactly as if it did not exist.

type Kind = "agent" | "persona";
type Row = { id: string; name: string; visibility: string };
type Fields = { name: string; visibility: "workspace" | "groups" };
type Where = ReturnType<typeof reachableWhere> & { id: string };
type Created = { workspaceId: string; searchName: string; createdById: string; createdByName: string };

export type ResourceStore<R extends Row, F extends Fields> = {
  kind: Kind;
  find: (tx: Tx, where: Where) => Promise<R | null>;
  create: (tx: Tx, data: F & Created) => Promise<R>;
  update: (tx: Tx, id: string, data: F & { searchName: string }) => Promise<unknown>;
  remove: (tx: Tx, id: string) => Promise<unknown>;
  countGroups: (tx: Tx, id: string) => Promise<number>;
  /** What the deletion's audit event keeps of the row. */
  summary: (row: R) => Record<string, string>;
};

type Ctx = Pick<WorkspaceContext, "tx" | "membership" | "workspace" | "user" | "audit" | "unchanged">;

export function resourceWrites<R extends Row, F extends Fields>(store: ResourceStore<R, F>) {
  const { kind } = store;
  const notFound = `That ${kind} does not exist, or was deleted.`;
  const lockedOut = `You would lose access to this ${kind}: a restricted ${kind} is open only to the members of its groups, and you are in none of its groups (a new ${kind} is in no group yet). Keep it open to the workspace, or ask an owner or admin to restrict it.`;
  const where = async (ctx: Ctx, id: string): Promise<Where> => ({ id, ...reachableWhere(await readerOf(ctx.membership, ctx.tx)) });

  async function loadReachable(ctx: Ctx, id: string) {
    const row = await store.find(ctx.tx, await where(ctx, id));
    if (!row) throw new Refusal("not_found", notFound);
    return row;
  }

  /**
   * After a create or edit the actor must still reach what they saved: a write member who
   * makes it group-only without being in one of its groups would lose it on the spot. The
   * refusal rolls the change back.
   */
  async function assertStillReachable(ctx: Ctx, id: string) {
    if (await store.find(ctx.tx, await where(ctx, id))) return;
    throw new Refusal("forbidden", lockedOut, { fieldErrors: { visibility: [lockedOut] } });
  }

  return {
    async create(input: F, ctx: Ctx) {
      const row = await store.create(ctx.tx, { ...input, workspaceId: ctx.workspace.id, searchName: input.name.toLowerCase(), createdById: ctx.user.id, createdByName: fullName(ctx.user) });
      await assertStillReachable(ctx, row.id);
      await ctx.audit({ action: `${kind}.created`, target: { type: kind, id: row.id, label: row.name }, after: { ...input } });
      return { id: row.id };
    },

    /** The audit event keeps only the fields that changed; a save that changes nothing records nothing. */
    async update(id: string, fields: F, ctx: Ctx) {
      const row = await loadReachable(ctx, id);
      const diff = changedFields(row as unknown as Record<string, unknown>, fields);
      if (!diff.changed) {
        ctx.unchanged();
        return { id: row.id };
      }
      await store.update(ctx.tx, row.id, { ...fields, searchName: fields.name.toLowerCase() });
      await assertStillReachable(ctx, row.id);
      await ctx.audit({ action: `${kind}.updated`, target: { type: kind, id: row.id, label: fields.name }, before: diff.before as never, after: diff.after as never });
      return { id: row.id };
    },

    /** Its group assignments go with it (cascade); nothing else. */
    async remove(id: string, ctx: Ctx) {
      const row = await loadReachable(ctx, id);
      const groups = await store.countGroups(ctx.tx, row.id);
      await store.remove(ctx.tx, row.id);
      await ctx.audit({ action: `${kind}.deleted`, target: { type: kind, id: row.id, label: row.name }, before: { ...store.summary(row), groups } });
      return { deleted: row.id };
    },
  };
}
