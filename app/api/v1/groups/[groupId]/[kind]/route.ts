import { handler } from "@/lib/api/routes";

// POST /api/v1/groups/{groupId}/{kind}: declared once in lib/api/routes (docs/decisions/017-team-api.md).
export const POST = handler("/groups/{groupId}/{kind}", "POST");
