// The input rules of agents, personas and groups (docs/product.md#groups): names that
// look alike are one name, invisible names are no names, and a group name never holds
// the bulk CSV's separators.
import { describe, expect, it } from "vitest";
import { groupFieldsSchema, groupNameKey } from "@/lib/groups/schemas";
import { isRecordId, resourceListParamsSchema, resourceNameSchema } from "@/lib/resources/schemas";
import { changedFields } from "@/lib/resources/changes";

const name = resourceNameSchema("agent");

describe("names", () => {
  it("are stored in NFC, so é typed either way is the same text", () => {
    expect(name.parse("Cafe\u0301 bot")).toBe("Caf\u00e9 bot");
  });

  it("lose bidirectional overrides, which would show one name as another", () => {
    expect(name.parse("Support\u202E tob")).toBe("Support tob");
  });

  it.each(["", "   ", "\u200B", "\u2060\u200C\u200D", "\u202E"])("refuse %j: nothing visible", (value) => {
    expect(name.safeParse(value).success).toBe(false);
  });

  it("refuse 101 characters and take 100", () => {
    expect(name.safeParse("x".repeat(101)).success).toBe(false);
    expect(name.parse("x".repeat(100))).toHaveLength(100);
  });

  it("keep emoji joined by a zero-width joiner", () => {
    expect(name.parse("Team 👩‍💻")).toBe("Team 👩‍💻");
  });
});

describe("group names", () => {
  it.each(["R|D", "Sales; EU"])("refuse the CSV separators in %j", (value) => {
    expect(groupFieldsSchema.safeParse({ name: value }).success).toBe(false);
  });

  it("have one key whatever their case or Unicode form", () => {
    expect(groupNameKey("Café Team")).toBe(groupNameKey("CAFE\u0301 team"));
    expect(groupNameKey("Ｓｕｐｐｏｒｔ")).toBe(groupNameKey("support"));
  });
});

describe("list views and ids", () => {
  it("search for the rest of a query holding U+0000", () => {
    expect(resourceListParamsSchema.parse({ q: "bo\u0000t" }).q).toBe("bot");
  });

  it("know the shape of a record id", () => {
    expect(isRecordId("cmabc123_-X")).toBe(true);
    expect(isRecordId("agent\u0000")).toBe(false);
    expect(isRecordId("../etc")).toBe(false);
    expect(isRecordId("x".repeat(65))).toBe(false);
  });
});

describe("changedFields", () => {
  it("keeps only the fields that changed, before and after", () => {
    expect(changedFields({ name: "A", model: "gpt-4o", status: "active" }, { name: "B", model: "gpt-4o", status: "active" })).toEqual({
      changed: true,
      before: { name: "A" },
      after: { name: "B" },
    });
  });

  it("says nothing changed when nothing did", () => {
    expect(changedFields({ name: "A" }, { name: "A" }).changed).toBe(false);
  });
});
