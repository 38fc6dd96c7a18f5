// The audit table is rendered on the server and hydrated in the browser, at different
// moments: what it shows must depend on its props only, never on the clock it runs under.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AuditTable } from "@/components/audit/audit-table";
import { auditRowViews } from "@/components/audit/audit-rows";
import type { AuditEvent } from "@/lib/generated/prisma/client";

const at = new Date("2026-03-01T10:00:00.000Z");
const event = (id: string, targetType: string, targetId: string): AuditEvent => ({
  id,
  workspaceId: "ws1",
  seq: 1,
  hash: "h",
  action: "member.role_changed",
  actorType: "user",
  actorId: "u-alive",
  actorName: "Ada Lovelace",
  actorEmail: "ada@example.test",
  targetType,
  targetId,
  targetLabel: `Label ${id}`,
  before: { role: "read" },
  after: { role: "write" },
  ip: "203.0.113.9",
  userAgent: "Firefox",
  actorKeyId: null,
  actorKeyName: null,
  createdAt: at,
});
const rows = [event("e1", "member", "u-alive"), event("e2", "member", "u-gone"), event("e3", "agent", "a1"), event("e4", "group", "g1")];
const context = {
  isMember: (id: string) => id === "u-alive",
  membershipIdOf: (id: string) => (id === "u-alive" ? "m-alive" : undefined),
  targetExists: (type: string | null, id: string | null) => (type === "member" && id === "u-alive") || (type === "agent" && id === "a1"),
};
const render = (now: number) => renderToStaticMarkup(createElement(AuditTable, { rows: auditRowViews("acme", rows, context), caption: "Audit events", now }));

afterEach(() => vi.useRealTimers());

describe("the audit table", () => {
  it("reads the same whenever it is rendered, given the same instant", () => {
    const now = at.getTime() + 3 * 60_000;
    vi.useFakeTimers({ now: at.getTime() + 5 * 60_000 });
    const server = render(now);
    vi.setSystemTime(at.getTime() + 3 * 3_600_000);
    expect(render(now)).toBe(server);
    expect(server).toContain("3 minutes ago");
  });

  it("links targets that still exist, to their pages, and leaves the others as text", () => {
    const html = render(at.getTime());
    expect(html).toContain('href="/w/acme/members/m-alive"');
    expect(html).toContain('href="/w/acme/agents/a1"');
    expect(html).not.toContain("u-gone\"");
    expect(html).not.toContain("/groups"); // g1 is gone
    expect(html.match(/<tr/g)).toHaveLength(rows.length + 1);
  });
});
