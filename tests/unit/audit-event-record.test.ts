import { describe, expect, it } from "vitest";
import { eventRecord } from "@/components/audit/event-record";
import type { AuditEvent } from "@/lib/generated/prisma/client";

const event: AuditEvent = {
  id: "ev1",
  workspaceId: "ws1",
  seq: 7,
  hash: "abc",
  action: "member.role_changed",
  actorType: "user",
  actorId: "u1",
  actorName: "Ada Lovelace",
  actorEmail: "ada@example.test",
  targetType: "member",
  targetId: "u2",
  targetLabel: "Grace\nip: 10.0.0.1",
  before: { role: "read" },
  after: { role: "write" },
  ip: null,
  userAgent: " padded ",
  createdAt: new Date("2026-03-01T10:00:00.000Z"),
};

describe("an event's record in its details", () => {
  it("has one line per field but the workspace, with times in ISO 8601 and before/after as JSON", () => {
    const lines = eventRecord(event).split("\n");
    expect(lines).toEqual([
      "id: ev1",
      "seq: 7",
      "hash: abc",
      "action: member.role_changed",
      "actorType: user",
      "actorId: u1",
      "actorName: Ada Lovelace",
      "actorEmail: ada@example.test",
      "targetType: member",
      "targetId: u2",
      'targetLabel: "Grace\\nip: 10.0.0.1"',
      'before: {"role":"read"}',
      'after: {"role":"write"}',
      "ip: null",
      'userAgent: " padded "',
      "createdAt: 2026-03-01T10:00:00.000Z",
    ]);
  });

  it("quotes text that could pass for another line or value", () => {
    for (const label of ["a\rb", 'say "hi"', "back\\slash", "", "x\u2028y", "tab\there"]) {
      const line = eventRecord({ ...event, targetLabel: label }).split("\n").find((l) => l.startsWith("targetLabel: "))!;
      expect(JSON.parse(line.slice("targetLabel: ".length))).toBe(label);
    }
  });
});
