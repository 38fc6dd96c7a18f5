import { handler } from "@/lib/api/routes";

// DELETE /api/v1/groups/{groupId}/{kind}/{itemId}: declared once in lib/api/routes (docs/decisions/017-team-api.md).
export const DELETE = handler("/groups/{groupId}/{kind}/{itemId}", "DELETE");
