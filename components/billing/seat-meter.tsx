import { cn } from "@/lib/utils";
import { seatBreakdown, seatsUsedLabel, type SeatUsage } from "@/lib/billing/seats";

/** Seats used of the plan's limit: a meter that screen readers announce as text, or plain text on an unlimited plan. */
export function SeatMeter({ usage }: { usage: SeatUsage }) {
  const label = seatsUsedLabel(usage);
  const full = usage.limit !== null && usage.used >= usage.limit;
  return (
    <div className="grid gap-2">
      <p className="text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-muted-foreground"> · {seatBreakdown(usage)}</span>
      </p>
      {usage.limit !== null ? (
        <div
          role="meter"
          aria-label="Seats used"
          aria-valuemin={0}
          aria-valuemax={usage.limit}
          aria-valuenow={Math.min(usage.used, usage.limit)}
          aria-valuetext={label}
          className="h-2 w-full max-w-md overflow-hidden rounded-full bg-muted"
        >
          <div
            className={cn("h-full rounded-full", full ? "bg-destructive" : "bg-primary")}
            style={{ width: `${Math.min(100, (usage.used / Math.max(usage.limit, 1)) * 100)}%` }}
          />
        </div>
      ) : null}
    </div>
  );
}
