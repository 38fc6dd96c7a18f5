"use client";

import { useState } from "react";
import { toast } from "@/components/ui/toast";
import type { ActionResult, Refused } from "@/lib/core/result";

/** What a person sees when the call itself failed: the network, or a server that did not answer. */
export const UNREACHABLE: Refused = {
  ok: false,
  code: "internal",
  message: "Roster could not be reached, so this may not have been saved. Check your connection, then reload the page to see.",
};

export type ActionHandlers<A extends unknown[], T> = {
  onSuccess?: (data: T, ...args: A) => void | Promise<void>;
  /** Shows a refusal. Without it, a toast; a form shows it in place instead, never both. */
  onRefusal?: (refusal: Refused) => void;
};

const toastRefusal = (refusal: Refused) => void toast.error(refusal.message);

/**
 * One call of an action, outside React so that it can be tested on its own: `setPending`
 * is cleared in `finally`, so a call that throws never leaves a button disabled; the
 * data goes to `onSuccess`; a refusal is shown exactly once.
 */
export async function callAction<A extends unknown[], T>(
  action: (...args: A) => Promise<ActionResult<T>>,
  args: A,
  handlers: ActionHandlers<A, T>,
  setPending: (pending: boolean) => void,
): Promise<ActionResult<T>> {
  setPending(true);
  let result: ActionResult<T>;
  try {
    result = await action(...args);
  } catch (error) {
    console.error(error);
    result = UNREACHABLE;
  } finally {
    setPending(false);
  }
  if (result.ok) await handlers.onSuccess?.(result.data, ...args);
  else (handlers.onRefusal ?? toastRefusal)(result);
  return result;
}

/** The one way a client component calls a server action: `run(...args)` and `pending`. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<ActionResult<T>>, handlers: ActionHandlers<A, T> = {}) {
  const [pending, setPending] = useState(false);
  const run = (...args: A) => callAction(action, args, handlers, setPending);
  return { run, pending };
}
