import { handler } from "@/lib/api/routes";

// GET, POST /api/v1/invitations: declared once in lib/api/routes (docs/decisions/017-team-api.md).
export const GET = handler("/invitations", "GET");
export const POST = handler("/invitations", "POST");
