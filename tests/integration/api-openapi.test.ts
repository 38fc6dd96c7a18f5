// The OpenAPI document (lib/api/openapi.ts): valid OpenAPI 3.1 by a standard validator, and
// the same endpoints as the route files under app/api/v1, in both directions.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import SwaggerParser from "@apidevtools/swagger-parser";
import { openApiDocument } from "@/lib/api/openapi";
import { GET } from "@/app/api/v1/openapi.json/route";

const ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");

/** Every (method, path) a route file under app/api/v1 exports, with `[param]` written `{param}`. */
function routeFileOperations(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const apiPath = `/${path.relative(ROOT, dir)}`.replace(/\[(\w+)\]/g, "{$1}");
        for (const m of readFileSync(full, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PATCH|PUT|DELETE)\b/g)) found.push(`${m[1]} ${apiPath}`);
      }
    }
  };
  walk(ROOT);
  return found.sort();
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 (swagger-parser)", async () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it("describes exactly the route handlers under app/api/v1", () => {
    const documented = Object.entries(openApiDocument().paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${p}`))
      .sort();
    const files = routeFileOperations();
    expect(files.length).toBeGreaterThan(15);
    expect(documented).toEqual(files);
  });

  it("is served at /api/v1/openapi.json", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("a broken document is refused by the validator (the check can fail)", async () => {
    const doc = structuredClone(openApiDocument()) as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    doc.paths["/members"]!.get!.responses["401"] = { $ref: "#/components/responses/Missing" };
    await expect(SwaggerParser.validate(doc as never)).rejects.toThrow();
  });
});
