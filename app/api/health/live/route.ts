// GET /api/health/live — liveness: the process answers. Asks nothing of the database, so an
// orchestrator never restarts Roster because its database is down.
import { liveResponse } from "@/lib/ops/health";

export const dynamic = "force-dynamic";

export function GET() {
  return liveResponse();
}
