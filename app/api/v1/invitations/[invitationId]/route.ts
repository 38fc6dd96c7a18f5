import { handler } from "@/lib/api/routes";

// DELETE /api/v1/invitations/{invitationId}: declared once in lib/api/routes (docs/decisions/017-team-api.md).
export const DELETE = handler("/invitations/{invitationId}", "DELETE");
