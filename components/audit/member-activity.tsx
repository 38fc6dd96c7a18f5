import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { memberActivity } from "@/lib/audit/queries";
import { formatDateTime, formatRelative } from "@/lib/format";
import { actionLabel } from "@/lib/audit/actions";
import { changeSummary } from "./change-summary";

/** A member's latest events, what they did and what was done to them, with a link to all of it. */
export async function MemberActivity({ slug, workspaceId, userId, name }: { slug: string; workspaceId: string; userId: string; name: string }) {
  const events = await memberActivity(workspaceId, userId);
  return (
    <Card className="mt-6 max-w-2xl">
      <CardHeader>
        <CardTitle>
          <h2>Recent activity</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        {events.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing recorded yet.</p>
        ) : (
          <ul className="grid gap-3 text-sm">
            {events.map((e) => (
              <li key={e.id} className="grid gap-0.5">
                <span>
                  <span className="font-medium">{actionLabel(e.action)}</span>
                  {e.actorId === userId ? (e.targetLabel ? ` — ${e.targetLabel}` : "") : ` by ${e.actorName ?? "System"}`}
                </span>
                {changeSummary(e.before, e.after) ? <span className="text-muted-foreground">{changeSummary(e.before, e.after)}</span> : null}
                <time dateTime={e.createdAt.toISOString()} title={formatDateTime(e.createdAt)} className="text-xs text-muted-foreground">
                  {formatRelative(e.createdAt)}
                </time>
              </li>
            ))}
          </ul>
        )}
        <Link href={`/w/${slug}/audit?member=${encodeURIComponent(userId)}`} className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          See all activity of {name}
        </Link>
      </CardContent>
    </Card>
  );
}
