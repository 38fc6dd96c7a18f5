import { describe, expect, it } from "vitest";
import { formatRelative, fullName, personLabel, plural } from "@/lib/format";

const now = Date.UTC(2026, 10, 23, 12);
const DAY = 24 * 3600 * 1000;

describe("formatRelative", () => {
  it("rounds to the nearest unit, so a fresh 14-day link reads 'in 2 weeks'", () => {
    expect(formatRelative(new Date(now + 14 * DAY - 1500), now)).toBe("in 2 weeks");
    expect(formatRelative(new Date(now + 14 * DAY), now)).toBe("in 2 weeks");
  });

  it("says past times as past, and a few seconds as just now", () => {
    expect(formatRelative(new Date(now - 3 * DAY), now)).toBe("3 days ago");
    expect(formatRelative(new Date(now - DAY), now)).toBe("yesterday");
    expect(formatRelative(new Date(now + 10_000), now)).toBe("just now");
  });
});

describe("words for counts and people", () => {
  it("agrees the word with the count", () => {
    expect(plural(1, "seat")).toBe("1 seat");
    expect(plural(3, "seat")).toBe("3 seats");
    expect(plural(0, "member")).toBe("0 members");
    expect(plural(2, "is", "are")).toBe("2 are");
  });

  it("names a person, and labels them with their address for the audit log", () => {
    const ada = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.test" };
    expect(fullName(ada)).toBe("Ada Lovelace");
    expect(personLabel(ada)).toBe("Ada Lovelace <ada@example.test>");
  });
});
