import { openApiDocument } from "@/lib/api/openapi";

// GET /api/v1/openapi.json: the Team API's OpenAPI 3.1 document, made from the route
// declarations (lib/api/routes); public, like the reference page at /docs/api.
export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
