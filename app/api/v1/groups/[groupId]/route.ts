import { handler } from "@/lib/api/routes";

// PATCH, DELETE /api/v1/groups/{groupId}: declared once in lib/api/routes (docs/decisions/017-team-api.md).
export const PATCH = handler("/groups/{groupId}", "PATCH");
export const DELETE = handler("/groups/{groupId}", "DELETE");
