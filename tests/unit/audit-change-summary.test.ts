// The "Change" column: readable field names, and search text that stays text.
import { describe, expect, it } from "vitest";
import { changeSummary, fieldLabel } from "@/components/audit/change-summary";
import { likeLiteral } from "@/lib/core/like";

describe("changeSummary", () => {
  it("names fields as people read them", () => {
    expect(changeSummary({ auditRetentionDays: 365 }, { auditRetentionDays: 400 })).toBe("Keep audit events (days): 365 → 400");
    expect(changeSummary({ role: "read" }, { role: "admin" })).toBe("Role: read → admin");
    expect(changeSummary(null, { firstName: "Ada" })).toBe("First name: Ada");
    expect(fieldLabel("someNewField")).toBe("Some new field");
    expect(fieldLabel("snake_case_key")).toBe("Snake case key");
    expect(changeSummary({ invitationLifetimeDays: 14 }, { invitationLifetimeDays: 7 })).toBe("Invitation lifetime (days): 14 → 7");
    expect(fieldLabel("invitationId")).toBe("Invitation ID");
    // A key that happens to name an Object.prototype member is still a field, not a function.
    expect(fieldLabel("constructor")).toBe("Constructor");
    expect(changeSummary({}, { toString: "x" })).toBe("To string: x");
  });

  it("says values in words: dates as dates, no ids, an export's filters as the ones set", () => {
    expect(changeSummary(null, { expiresAt: "2026-12-18T00:47:12.345Z" })).toBe("Expires: 18 Dec 2026, 00:47 UTC");
    expect(changeSummary(null, { group: "Support team", groupId: "cmx89la5x0001" })).toBe("Group: Support team");
    expect(changeSummary(null, { rows: 5, format: "csv", filters: { actions: [], actor: "System", member: null, range: "all", from: null, to: null } })).toBe("Rows: 5; Format: csv; Filters: actor System, range all");
    expect(changeSummary(null, { filters: { actions: [], actor: null } })).toBe("Filters: none");
    // A member's view, as the member page links to it: a date as a date, the member without their id.
    expect(changeSummary(null, { filters: { member: "cmx8f5iu0000abcd", range: "24h", from: "2026-12-03T03:28:36.910Z", to: null } })).toBe("Filters: member, range 24h, from 3 Dec 2026, 03:28 UTC");
    expect(changeSummary(null, { groups: ["Support", "Sales"] })).toBe("Groups: Support, Sales");
  });
});

describe("likeLiteral", () => {
  it("escapes LIKE's wildcards and its escape character", () => {
    expect(likeLiteral("50%_off\\")).toBe("50\\%\\_off\\\\");
    expect(likeLiteral("plain text")).toBe("plain text");
  });
});
