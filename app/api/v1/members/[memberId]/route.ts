import { handler } from "@/lib/api/routes";

// GET, PATCH, DELETE /api/v1/members/{memberId}: declared once in lib/api/routes (docs/decisions/017-team-api.md).
export const GET = handler("/members/{memberId}", "GET");
export const PATCH = handler("/members/{memberId}", "PATCH");
export const DELETE = handler("/members/{memberId}", "DELETE");
