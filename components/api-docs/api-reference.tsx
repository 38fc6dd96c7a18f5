import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { fieldsOf, rulesText, typeText, type JsonSchema } from "./schema-text";

// The Team API's reference, rendered on the server from its OpenAPI document: no client
// library, real tables, one heading per endpoint.

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: JsonSchema };
type Response = { $ref?: string; description?: string; content?: Record<string, { schema: JsonSchema }> };
type Operation = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, Response>;
  security?: unknown[];
};
export type ReferenceDocument = {
  info: { title: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, Response>; schemas: Record<string, JsonSchema> };
};

/** Text with `code` spans, as the document's descriptions write them. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split("\n\n").map((paragraph, i) => (
        <p key={i} className="text-sm leading-6">
          {paragraph.split("`").map((part, j) => (j % 2 ? <code key={j} className="rounded bg-muted px-1 text-xs">{part}</code> : part))}
        </p>
      ))}
    </>
  );
}

function FieldsTable({ label, rows }: { label: string; rows: { name: string; where?: string; required: boolean; schema: JsonSchema; description?: string }[] }) {
  if (!rows.length) return null;
  const withWhere = rows.some((r) => r.where);
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Name</TableHead>
          {withWhere ? <TableHead scope="col">In</TableHead> : null}
          <TableHead scope="col">Type</TableHead>
          <TableHead scope="col">Required</TableHead>
          <TableHead scope="col">Rules</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={`${row.where ?? ""}${row.name}`}>
            <TableHead scope="row">
              <code>{row.name}</code>
            </TableHead>
            {withWhere ? <TableCell>{row.where}</TableCell> : null}
            <TableCell className="whitespace-normal">{typeText(row.schema)}</TableCell>
            <TableCell>{row.required ? "yes" : "no"}</TableCell>
            <TableCell className="max-w-md whitespace-normal break-words">{[row.description, rulesText(row.schema)].filter(Boolean).join(". ")}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function curlOf(method: string, path: string, op: Operation) {
  const url = `"$ROSTER_URL/api/v1${path.replace(/\{(\w+)\}/g, (_m, name: string) => `$${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`)}"`;
  const lines = [`curl -X ${method.toUpperCase()} ${url}`, `  -H "Authorization: Bearer $ROSTER_KEY"`];
  const body = op.requestBody?.content["application/json"]?.schema;
  if (body) {
    const example = Object.fromEntries(fieldsOf(body).filter((f) => f.required && !f.name.includes(".")).map((f) => [f.name, f.schema.enum?.[0] ?? (f.schema.type === "array" ? [] : "…")]));
    lines.push(`  -H "Content-Type: application/json"`, `  -d '${JSON.stringify(example)}'`);
  }
  return lines.join(" \\\n");
}

function Endpoint({ method, path, op, doc }: { method: string; path: string; op: Operation; doc: ReferenceDocument }) {
  const body = op.requestBody?.content["application/json"]?.schema;
  const params = (op.parameters ?? []).map((p) => ({ name: p.name, where: p.in, required: p.required, schema: p.schema, description: p.description }));
  const statuses = Object.entries(op.responses);
  const success = statuses.find(([status]) => status.startsWith("2"));
  const successSchema = success?.[1].content?.["application/json"]?.schema;
  const dataSchema = successSchema?.properties?.data;
  return (
    <section id={op.operationId} aria-labelledby={`${op.operationId}-heading`} className="grid grid-cols-1 gap-3 border-t pt-6">
      <h3 id={`${op.operationId}-heading`} className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <Badge variant="outline" className="font-mono">
          {method.toUpperCase()}
        </Badge>
        <code className="min-w-0 break-all">/api/v1{path}</code>
        <span className="font-normal text-muted-foreground">— {op.summary}</span>
      </h3>
      {op.description ? <Prose text={op.description} /> : null}
      <FieldsTable label={`${op.summary}: parameters`} rows={params} />
      {body ? (
        <>
          <h4 className="text-sm font-semibold">Request body (JSON)</h4>
          <FieldsTable label={`${op.summary}: request body`} rows={fieldsOf(body)} />
        </>
      ) : null}
      {success ? (
        <>
          <h4 className="text-sm font-semibold">
            {success[0]}: {success[1].description}
          </h4>
          {successSchema ? (
            <FieldsTable label={`${op.summary}: response`} rows={fieldsOf(dataSchema?.type === "array" ? { properties: { "data[]": dataSchema.items ?? {} } } : successSchema)} />
          ) : (
            <p className="text-sm">{Object.keys(success[1].content ?? {}).join(" or ")}</p>
          )}
        </>
      ) : null}
      <p className="text-sm">
        <span className="font-medium">Refusals: </span>
        {statuses
          .filter(([status]) => !status.startsWith("2"))
          .map(([status, r]) => `${status} ${(r.$ref ? doc.components.responses[r.$ref.split("/").at(-1)!]?.description : r.description) ?? ""}`.trim())
          .join(" · ") || "none"}
      </p>
      <pre className="overflow-x-auto rounded-md bg-muted p-3 text-xs" aria-label={`Example: ${op.summary}`}>
        <code>{curlOf(method, path, op)}</code>
      </pre>
    </section>
  );
}

export function ApiReference({ doc }: { doc: ReferenceDocument }) {
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
  return (
    <div className="grid grid-cols-1 gap-8">
      <Prose text={doc.info.description} />
      <nav aria-label="Endpoints" className="grid grid-cols-1 gap-2 text-sm">
        {doc.tags.map((tag) => (
          <div key={tag.name}>
            <span className="font-medium">{tag.name}: </span>
            {operations
              .filter((o) => o.op.tags.includes(tag.name))
              .map((o, i) => (
                <span key={o.op.operationId}>
                  {i ? " · " : ""}
                  <a className="underline" href={`#${o.op.operationId}`}>
                    {o.op.summary}
                  </a>
                </span>
              ))}
          </div>
        ))}
      </nav>
      <section aria-labelledby="errors-heading" className="grid grid-cols-1 gap-2">
        <h2 id="errors-heading" className="text-lg font-semibold">
          Errors
        </h2>
        <p className="text-sm">
          Every refusal is <code>{`{ "error": { "code", "message", "fields"? } }`}</code>; <code>fields</code> names each invalid input by its path.
        </p>
        <FieldsTable label="Error body" rows={fieldsOf(doc.components.schemas.Error)} />
      </section>
      {doc.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name}`} className="grid grid-cols-1 gap-4">
          <h2 id={`tag-${tag.name}`} className="text-lg font-semibold">
            {tag.name}
          </h2>
          <p className="text-sm text-muted-foreground">{tag.description}</p>
          {operations
            .filter((o) => o.op.tags.includes(tag.name))
            .map((o) => (
              <Endpoint key={o.op.operationId} method={o.method} path={o.path} op={o.op} doc={doc} />
            ))}
        </section>
      ))}
    </div>
  );
}
