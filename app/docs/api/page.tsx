import Link from "next/link";
import { ApiReference, type ReferenceDocument } from "@/components/api-docs/api-reference";
import { openApiDocument } from "@/lib/api/openapi";

export const metadata = { title: "Team API reference" };

// The reference is the OpenAPI document (/api/v1/openapi.json) rendered on the server, so it
// documents exactly the endpoints, fields and rules the code has.
export default function ApiReferencePage() {
  const doc = openApiDocument() as unknown as ReferenceDocument;
  return (
    <main className="mx-auto grid max-w-5xl grid-cols-1 gap-6 p-6">
      <header className="grid gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">{doc.info.title}</h1>
        <p className="text-sm text-muted-foreground">
          Machine-readable: <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Keys are created in a workspace&apos;s{" "}
          <Link className="underline" href="/w">
            Settings → API keys
          </Link>
          .
        </p>
      </header>
      <ApiReference doc={doc} />
    </main>
  );
}
