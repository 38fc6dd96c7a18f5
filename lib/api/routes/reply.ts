import "server-only";
import type { ActionResult } from "@/lib/core/result";
import type { RunResult } from "../route";

/** A guarded call's result as the API answers it: `{ data }` (or the list's own body), or the refusal. */
export async function reply<T>(result: Promise<ActionResult<T>>, body: (data: T) => unknown = (data) => ({ data }), status?: number): Promise<RunResult> {
  const done = await result;
  return done.ok ? { ok: true, data: { status, body: body(done.data) } } : done;
}

/** The same, for a write whose answer is a fresh read (the changed thing as the list shows it). */
export async function replyThen<T>(result: Promise<ActionResult<T>>, then: (data: T) => Promise<RunResult>): Promise<RunResult> {
  const done = await result;
  return done.ok ? then(done.data) : done;
}
