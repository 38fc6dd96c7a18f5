// The audit page's "Actor" cell: who acted, as the event recorded them, and the marker that
// says why someone is not a member now (or never was: support staff).
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AuditActor } from "@/components/audit/audit-actor";

type Event = Parameters<typeof AuditActor>[0]["event"];
const sam: Event = { action: "audit.exported", actorType: "user", actorName: "Sam Support", actorEmail: "support@example.test", after: { format: "csv", rows: 3 } };
const cell = (event: Event, stillMember: boolean) => renderToStaticMarkup(createElement(AuditActor, { event, stillMember }));

describe("AuditActor", () => {
  it("marks an export by support staff as theirs, not as a removed member's", () => {
    const html = cell({ ...sam, after: { format: "csv", rows: 3, support: true } }, false);
    expect(html).toContain("Sam Support");
    expect(html).toContain("Support staff");
    expect(html).not.toContain("[Removed user]");
    expect(cell({ ...sam, action: "support.viewed", after: { page: "audit" } }, false)).toContain("Support staff");
  });

  it("marks someone who is no longer a member, and nobody who still is", () => {
    expect(cell(sam, false)).toContain("[Removed user]");
    expect(cell({ ...sam, action: "member.role_changed" }, true)).not.toMatch(/\[Removed user\]|Support staff/);
  });

  it("names a change made through the Team API by its key and the key's member", () => {
    const html = cell({ ...sam, action: "member.role_changed", actorType: "api_key", actorKeyName: "HR sync" }, true);
    expect(html).toContain("key “HR sync” of Sam Support");
    expect(cell({ ...sam, action: "member.role_changed", actorType: "api_key", actorKeyName: "HR sync" }, false)).toContain("[Removed user]");
  });

  it("names Roster's own events System", () => {
    expect(cell({ action: "audit.purged", actorType: "system", actorName: null, actorEmail: null, after: null }, false)).toContain("System");
  });
});
