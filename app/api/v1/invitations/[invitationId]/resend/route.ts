import { handler } from "@/lib/api/routes";

// POST /api/v1/invitations/{invitationId}/resend: declared once in lib/api/routes (docs/decisions/017-team-api.md).
export const POST = handler("/invitations/{invitationId}/resend", "POST");
