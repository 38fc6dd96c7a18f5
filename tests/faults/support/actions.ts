// Calling Roster's server actions over HTTP as its forms do (React's encoding of plain
// arguments: a JSON array), through the real route, guard and transaction. An action is
// found by its file and export in the build's server-reference manifest.
import { readFileSync } from "node:fs";
import path from "node:path";

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === filename && v.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} in ${filename} in the build.`);
  return found[0];
}

export type ActionOutcome =
  /** The server answered with the action's result (acknowledged when `result.ok`). */
  | { answered: true; status: number; result: { ok: boolean; code?: string; message?: string; data?: unknown } }
  /** No result: the connection failed, or the answer was not an action result. */
  | { answered: false; error: string };

/** The action's result from its RSC answer: the row that holds `{"ok":…}`. */
function resultOf(body: string): { ok: boolean } | null {
  for (const line of body.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    if (!json.startsWith('{"ok":')) continue;
    try {
      return JSON.parse(json);
    } catch {
      /* a partial row: no result */
    }
  }
  return null;
}

export async function callAction(
  base: string,
  page: string,
  id: string,
  args: unknown[],
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<ActionOutcome> {
  try {
    const res = await fetch(`${base}${page}`, {
      method: "POST",
      headers: { "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: base, ...headers },
      body: JSON.stringify(args),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.text();
    const result = resultOf(body);
    if (!result) return { answered: false, error: `HTTP ${res.status}: ${body.slice(0, 200)}` };
    return { answered: true, status: res.status, result: result as { ok: boolean } };
  } catch (error) {
    return { answered: false, error: String((error as Error).cause ?? error) };
  }
}
