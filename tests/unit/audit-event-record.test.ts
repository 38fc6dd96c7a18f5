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
  actorKeyId: null,
  actorKeyName: null,
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

  it("escapes what would be invisible, or would turn or wrap the text, so no value can pass for another", () => {
    const line = (targetLabel: string) => eventRecord({ ...event, targetLabel }).split("\n").find((l) => l.startsWith("targetLabel: "))!;
    expect(line(`Eve${" ".repeat(44)}ip: 198.51.100.66`)).toBe(`targetLabel: "Eve${"\\u0020".repeat(43)} ip: 198.51.100.66"`);
    expect(line("Eve\u202Emoc.live@eve")).toBe('targetLabel: "Eve\\u202emoc.live@eve"');
    expect(line("zero\u200bwidth")).toBe('targetLabel: "zero\\u200bwidth"');
    expect(line("no\u00a0break")).toBe('targetLabel: "no\\u00a0break"');
    expect(line("Zoë Ångström")).toBe("targetLabel: Zoë Ångström"); // words in any script stay as they are
    expect(eventRecord({ ...event, after: { name: "a\u2066b" } })).toContain('after: {"name":"a\\u2066b"}');
  });

  it("quotes text that could pass for another line or value", () => {
    for (const label of ["a\rb", 'say "hi"', "back\\slash", "", "x\u2028y", "tab\there"]) {
      const line = eventRecord({ ...event, targetLabel: label }).split("\n").find((l) => l.startsWith("targetLabel: "))!;
      expect(JSON.parse(line.slice("targetLabel: ".length))).toBe(label);
    }
  });
});
