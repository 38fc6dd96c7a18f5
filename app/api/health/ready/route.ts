// GET /api/health/ready — readiness: 200 when the database answers a trivial query within
// 2 seconds and every migration is applied; else 503 with a JSON reason.
import { readyResponse } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

export function GET() {
  return readyResponse();
}
