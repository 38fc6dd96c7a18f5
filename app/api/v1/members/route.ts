import { handler } from "@/lib/api/routes";

// GET /api/v1/members: declared once in lib/api/routes (docs/decisions/017-team-api.md).
export const GET = handler("/members", "GET");
