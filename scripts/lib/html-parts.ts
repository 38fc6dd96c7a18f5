// What a server-rendered page's HTML is made of: the markup a person sees, the inlined
// React Server Components payload (the `self.__next_f.push([1,"…"])` scripts the browser
// hydrates from, which repeat the page as data), and the rest. Within the payload, the
// props handed to each client component: a client component's props are serialised for
// the browser, so a large object passed to one costs bytes on every request.
// For bench:load's report and the members page's HTML budget test.

export type HtmlParts = {
  total: number;
  /** Everything outside <script> elements: the page itself. */
  markup: number;
  /** The inline scripts that carry the RSC payload, as sent (escaped JavaScript strings). */
  rscScripts: number;
  /** Other inline scripts and <script src> tags. */
  otherScripts: number;
  /** The payload once decoded: what the browser parses. */
  payload: string;
};

const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/g;
const PUSH = /self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g;

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

export function htmlParts(html: string): HtmlParts {
  let scripts = 0;
  let rscScripts = 0;
  const chunks: string[] = [];
  for (const m of html.matchAll(SCRIPT)) {
    scripts += bytes(m[0]);
    if (!m[1]!.includes("self.__next_f.push")) continue;
    rscScripts += bytes(m[0]);
    for (const p of m[1]!.matchAll(PUSH)) chunks.push(JSON.parse(p[1]!) as string);
  }
  const total = bytes(html);
  return { total, markup: total - scripts, rscScripts, otherScripts: scripts - rscScripts, payload: chunks.join("") };
}

/** One row of the flight payload: `id:value`, where a `T<hex>,` value is text of that many bytes. */
function* payloadRows(payload: string): Generator<{ id: string; value: string }> {
  const buf = Buffer.from(payload, "utf8");
  let i = 0;
  while (i < buf.length) {
    const colon = buf.indexOf(0x3a, i);
    if (colon < 0) return;
    const id = buf.toString("utf8", i, colon);
    if (buf[colon + 1] === 0x54 /* T */) {
      const comma = buf.indexOf(0x2c, colon);
      const length = parseInt(buf.toString("utf8", colon + 2, comma), 16);
      yield { id, value: buf.toString("utf8", comma + 1, comma + 1 + length) };
      i = comma + 1 + length;
      continue;
    }
    const end = buf.indexOf(0x0a, colon);
    const stop = end < 0 ? buf.length : end;
    yield { id, value: buf.toString("utf8", colon + 1, stop) };
    i = stop + 1;
  }
}

export type ClientProps = { component: string; instances: number; bytes: number; largestProp: string; largestPropBytes: number };

/**
 * The props passed to each client component in the payload, summed per component (its
 * module path and export, from the payload's `I[…]` rows), largest first. `children` is
 * left out: it is server-rendered content passed through, counted where it is rendered.
 */
export function clientProps(payload: string): ClientProps[] {
  const modules = new Map<string, string>();
  const elements: unknown[] = [];
  for (const row of payloadRows(payload)) {
    if (row.value.startsWith("I[")) {
      try {
        const [id, , name] = JSON.parse(row.value.slice(1)) as [string | number, unknown, string];
        modules.set(row.id, `${id}#${name}`);
      } catch {
        /* not a module row */
      }
    } else if (row.value.startsWith("[") || row.value.startsWith("{")) {
      try {
        elements.push(JSON.parse(row.value));
      } catch {
        /* a row this reader does not parse */
      }
    }
  }
  const found = new Map<string, ClientProps>();
  const walk = (node: unknown) => {
    if (!Array.isArray(node)) {
      if (node && typeof node === "object") for (const v of Object.values(node)) walk(v);
      return;
    }
    if (node[0] === "$" && typeof node[1] === "string" && node[1].startsWith("$L") && node[3] && typeof node[3] === "object") {
      const ref = node[1].slice(2);
      const props = node[3] as Record<string, unknown>;
      const name = modules.get(ref);
      if (name) {
        const entry = found.get(name) ?? { component: name, instances: 0, bytes: 0, largestProp: "", largestPropBytes: 0 };
        entry.instances += 1;
        for (const [key, value] of Object.entries(props)) {
          if (key === "children") continue;
          const size = bytes(JSON.stringify(value) ?? "");
          entry.bytes += size;
          if (size > entry.largestPropBytes) {
            entry.largestProp = key;
            entry.largestPropBytes = size;
          }
        }
        found.set(name, entry);
      }
    }
    for (const child of node) walk(child);
  };
  for (const e of elements) walk(e);
  return [...found.values()].sort((a, b) => b.bytes - a.bytes);
}
