import { API_ROUTES } from "@/lib/api/routes";
import type { ApiMethod } from "@/lib/api/route";

// Calls a Team API endpoint in-process, through its app/api/v1 route file, as Next would:
// a Request with the bearer key, and the path's parameters. Every answer is kept, so the
// contract test can check each against the OpenAPI document.

export type ApiCall = { method: ApiMethod; template: string; status: number; body: unknown; contentType: string | null };
export const answered: ApiCall[] = [];

function match(template: string, path: string): Record<string, string> | null {
  const t = template.split("/");
  const p = path.split("/");
  if (t.length !== p.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const name = /^\{(\w+)\}$/.exec(t[i]!)?.[1];
    if (name) params[name] = p[i]!;
    else if (t[i] !== p[i]) return null;
  }
  return params;
}

export async function api(method: ApiMethod, pathAndQuery: string, options: { key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
  const [path = "", query = ""] = pathAndQuery.split("?");
  // Static paths first, as Next routes them (/invitations/bulk before /invitations/{id}).
  const candidates = [...API_ROUTES].sort((a, b) => a.path.split("{").length - b.path.split("{").length);
  const route = candidates.map((r) => ({ r, params: match(r.path, path) })).find((c) => c.params && c.r.method === method);
  if (!route) throw new Error(`No route for ${method} ${path}`);
  const file = `@/app/api/v1${route.r.path.replace(/\{(\w+)\}/g, "[$1]")}/route`;
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, (req: Request, ctx: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>>;
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== null && options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://roster.test/api/v1${path}${query ? `?${query}` : ""}`, { method, headers, body });
  // As Next does: a path without dynamic segments gets `params` resolving to undefined.
  const params = Object.keys(route.params!).length ? route.params! : undefined;
  const response = await mod[method]!(request, { params: Promise.resolve(params) });
  const contentType = response.headers.get("content-type");
  const text = await response.text();
  const json = contentType?.includes("application/json") ? (JSON.parse(text) as unknown) : text;
  answered.push({ method, template: route.r.path, status: response.status, body: json, contentType });
  return { status: response.status, body: json as Record<string, any>, headers: response.headers }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
