import { handler } from "@/lib/api/routes";

// GET, POST /api/v1/groups: declared once in lib/api/routes (docs/decisions/017-team-api.md).
export const GET = handler("/groups", "GET");
export const POST = handler("/groups", "POST");
