import { handler } from "@/lib/api/routes";

// GET /api/v1/audit-events/export: declared once in lib/api/routes (docs/decisions/017-team-api.md).
export const GET = handler("/audit-events/export", "GET");
