import { describe, expect, it } from "vitest";
import { downgradeRefusal, planChoices, seatBreakdown, seatsUsedLabel, type SeatUsage } from "@/lib/billing/seats";
import { changePlanSchema } from "@/lib/billing/schemas";
import { workspaceSettingsSchema } from "@/lib/workspaces/schemas";

const usage = (members: number, pending: number, limit: number | null = null): SeatUsage => ({ members, pending, used: members + pending, limit });

describe("downgradeRefusal", () => {
  it("is null when the plan holds the seats in use, exactly or with room", () => {
    expect(downgradeRefusal("growth", usage(2, 1))).toBeNull();
    expect(downgradeRefusal("business", usage(3, 0))).toBeNull();
    expect(downgradeRefusal("enterprise", usage(500, 20))).toBeNull();
  });

  it("says how many seats are in use and how many to free", () => {
    expect(downgradeRefusal("growth", usage(4, 1))).toBe(
      "The Growth plan has 3 seats; 5 are in use (4 members, 1 pending invitation). Remove 2 members or revoke invitations first.",
    );
    expect(downgradeRefusal("starter", usage(1, 1))).toBe(
      "The Starter plan has 1 seat; 2 are in use (1 member, 1 pending invitation). Remove 1 member or revoke invitations first.",
    );
    expect(downgradeRefusal("free", usage(2, 0))).toBe("The Free plan has 1 seat; 2 are in use (2 members, 0 pending invitations). Remove 1 member first.");
  });
});

describe("planChoices", () => {
  it("lists the five plans, marks the current one and the ones too small", () => {
    const choices = planChoices("business", usage(3, 1, 10));
    expect(choices.map((c) => [c.plan, c.seats, c.current, c.refusal === null])).toEqual([
      ["free", "1 seat", false, false],
      ["starter", "1 seat", false, false],
      ["growth", "3 seats", false, false],
      ["business", "10 seats", true, true],
      ["enterprise", "Unlimited seats", false, true],
    ]);
  });

  it("never marks the current plan as too small, even when over its limit", () => {
    expect(planChoices("free", usage(3, 0, 1)).find((c) => c.current)?.refusal).toBeNull();
  });
});

describe("seat labels", () => {
  it("reads as text", () => {
    expect(seatsUsedLabel(usage(4, 1, 10))).toBe("5 of 10 seats used");
    expect(seatsUsedLabel(usage(1, 0, 1))).toBe("1 of 1 seat used");
    expect(seatsUsedLabel(usage(1, 0))).toBe("1 seat used (no limit)");
    expect(seatBreakdown(usage(1, 2))).toBe("1 member, 2 pending invitations");
  });
});

describe("schemas", () => {
  it("accept only the five plans", () => {
    expect(changePlanSchema.safeParse({ plan: "growth" }).success).toBe(true);
    expect(changePlanSchema.safeParse({ plan: "gold" }).success).toBe(false);
  });

  it("accept an invitation lifetime of 1 to 30 whole days", () => {
    const ok = (days: unknown) => workspaceSettingsSchema.safeParse({ name: "Acme", invitationLifetimeDays: days }).success;
    expect([1, 14, 30].map(ok)).toEqual([true, true, true]);
    expect([0, 31, 2.5, Number.NaN, "7", null].map(ok)).toEqual([false, false, false, false, false, false]);
  });
});
