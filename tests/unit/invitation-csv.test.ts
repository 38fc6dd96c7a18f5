// Bulk invite: parsing the pasted or uploaded CSV, and each row's verdict
// (docs/product.md#invitations).
import { describe, expect, it } from "vitest";
import { judgeRows, parseInvitationCsv, type JudgeContext } from "@/lib/invitations/csv";
import { BULK_INVITE_MAX_CHARACTERS, BULK_INVITE_MAX_ROWS, bulkPreviewSchema } from "@/lib/invitations/schemas";

const rowsOf = (text: string) => {
  const parsed = parseInvitationCsv(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.rows;
};

describe("parseInvitationCsv", () => {
  it("skips the header and blank lines, keeping each row's line number", () => {
    expect(rowsOf("email,role\n\nada@example.test,write\n   \nbob@example.test,read\n")).toEqual([
      { line: 3, email: "ada@example.test", role: "write", groups: [] },
      { line: 5, email: "bob@example.test", role: "read", groups: [] },
    ]);
  });

  it("keeps a first row that is not a header", () => {
    expect(rowsOf("ada@example.test,write")).toEqual([{ line: 1, email: "ada@example.test", role: "write", groups: [] }]);
  });

  it("reads CRLF and CR line endings and a byte-order mark", () => {
    expect(rowsOf("\uFEFFEmail,Role\r\nada@example.test,write\r\nbob@example.test,read\rcy@example.test,admin")).toEqual([
      { line: 2, email: "ada@example.test", role: "write", groups: [] },
      { line: 3, email: "bob@example.test", role: "read", groups: [] },
      { line: 4, email: "cy@example.test", role: "admin", groups: [] },
    ]);
  });

  it("accepts semicolons and tabs as separators, as spreadsheets export them", () => {
    expect(rowsOf("email;role\nada@example.test;write\nbob@example.test\tread").map((r) => [r.email, r.role])).toEqual([
      ["ada@example.test", "write"],
      ["bob@example.test", "read"],
    ]);
  });

  it("unquotes quoted cells and trims spaces", () => {
    expect(rowsOf(`"email","role"\n  "ada@example.test" , "write" \n"bob@example.test",read`).map((r) => [r.email, r.role])).toEqual([
      ["ada@example.test", "write"],
      ["bob@example.test", "read"],
    ]);
  });

  it("keeps separators and doubled quotes inside a quoted cell", () => {
    expect(rowsOf(`"Ada, Countess <ada@example.test>",write\n"b""ob@example.test";"read"`).map((r) => [r.email, r.role])).toEqual([
      ["Ada, Countess <ada@example.test>", "write"],
      ['b"ob@example.test', "read"],
    ]);
  });

  it("keeps a row with a missing role (judged invalid later)", () => {
    expect(rowsOf("ada@example.test")).toEqual([{ line: 1, email: "ada@example.test", role: "", groups: [] }]);
  });

  it(`takes ${BULK_INVITE_MAX_ROWS} rows, and refuses more with a message`, () => {
    const line = (i: number) => `person${i}@example.test,read`;
    const exactly = ["email,role", ...Array.from({ length: BULK_INVITE_MAX_ROWS }, (_, i) => line(i))].join("\n");
    expect(rowsOf(exactly)).toHaveLength(BULK_INVITE_MAX_ROWS);
    const tooMany = Array.from({ length: BULK_INVITE_MAX_ROWS + 1 }, (_, i) => line(i)).join("\n");
    const parsed = parseInvitationCsv(tooMany);
    expect(parsed).toMatchObject({ ok: false });
    expect(!parsed.ok && parsed.message).toContain(`more than ${BULK_INVITE_MAX_ROWS} rows`);
  });

  it.each([
    ["an empty file", ""],
    ["only blank lines", "\n \r\n\t\n"],
    ["only a header", "email,role\n"],
  ])("refuses %s with a message", (_case, text) => {
    const parsed = parseInvitationCsv(text);
    expect(parsed).toMatchObject({ ok: false });
    expect(!parsed.ok && parsed.message).toMatch(/No rows found/);
  });
});

describe("bulkPreviewSchema", () => {
  it(`bounds the text at ${BULK_INVITE_MAX_CHARACTERS} characters, and says so in characters`, () => {
    const row = "person@example.test,read\n";
    const text = (length: number) => row.repeat(Math.ceil(length / row.length)).slice(0, length - 1) + "x";
    expect(bulkPreviewSchema.safeParse({ csv: text(BULK_INVITE_MAX_CHARACTERS) }).success).toBe(true);
    const refused = bulkPreviewSchema.safeParse({ csv: text(BULK_INVITE_MAX_CHARACTERS + 1) });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("That text is too long: at most 100,000 characters. Split it and invite at most 500 people at a time.");
  });
});

const none: JudgeContext = { memberEmails: new Set(), pendingEmails: new Set(), seatsLeft: null };
const verdicts = (rows: { email: string; role: string }[], context: Partial<JudgeContext> = {}) => judgeRows(rows, { ...none, ...context }).map((r) => r.verdict);

describe("the groups column", () => {
  it("reads names separated by | or ;, trimmed, each once whatever its case", () => {
    expect(rowsOf("email,role,groups\nada@example.test,write, Support | Sales;support ;\nbob@example.test,read").map((r) => r.groups)).toEqual([["Support", "Sales"], []]);
  });

  it("keeps a quoted name with a comma in it", () => {
    expect(rowsOf(`ada@example.test,write,"Support, EU|Sales"`)[0]!.groups).toEqual(["Support, EU", "Sales"]);
  });

  it("reads names in a semicolon-separated file (every cell after the role)", () => {
    expect(rowsOf("email;role;groups\nada@example.test;write;Support|Sales")[0]!.groups).toEqual(["Support", "Sales"]);
  });

  const groupsByName = new Map([["support", "g1"], ["sales", "g2"]]);
  const judged = (groups: string[]) => judgeRows([{ email: "ada@example.test", role: "write", groups }], { ...none, groupsByName })[0]!;

  it("maps known names to their groups, case-insensitively", () => {
    expect(judged(["SUPPORT", "Sales"])).toMatchObject({ verdict: "ok", groupIds: ["g1", "g2"], unknownGroups: [] });
  });

  it("refuses a row naming a group the workspace does not have, and names it", () => {
    expect(judged(["Support", "Marketing"])).toMatchObject({ verdict: "unknown_group", unknownGroups: ["Marketing"] });
  });

  it("refuses more than 20 groups on one row", () => {
    expect(judged(Array.from({ length: 21 }, (_, i) => `g${i}`)).verdict).toBe("too_many_groups");
  });

  it("takes no seat for a row it refuses for its groups", () => {
    const rows = [
      { email: "ada@example.test", role: "write", groups: ["Nope"] },
      { email: "bob@example.test", role: "write", groups: [] },
    ];
    expect(judgeRows(rows, { ...none, groupsByName, seatsLeft: 1 }).map((r) => r.verdict)).toEqual(["unknown_group", "ok"]);
  });
});

describe("judgeRows", () => {
  it("normalises emails (trim, lower case) and roles (lower case) of valid rows", () => {
    expect(judgeRows([{ email: "  Ada@Example.TEST ", role: " WRITE " }], none)).toEqual([{ line: 1, email: "ada@example.test", role: "write", groups: [], groupIds: [], unknownGroups: [], verdict: "ok" }]);
  });

  it("keeps the parsed line numbers", () => {
    expect(judgeRows(rowsOf("email,role\n\nada@example.test,read"), none)[0]).toMatchObject({ line: 3, verdict: "ok" });
  });

  it.each(["admin", "write", "read", "billing", "Admin", "BILLING"])("accepts the role %s", (role) => {
    expect(verdicts([{ email: "ada@example.test", role }])).toEqual(["ok"]);
  });

  it.each(["owner", "Owner", "", "superuser", "reader"])("refuses the role %j as invalid_role", (role) => {
    expect(verdicts([{ email: "ada@example.test", role }])).toEqual(["invalid_role"]);
  });

  it.each(["", "ada", "ada@", "@example.test", "ada example@x.test", "ada@@example.test"])("refuses the address %j as invalid_email", (email) => {
    expect(verdicts([{ email, role: "read" }])).toEqual(["invalid_email"]);
  });

  it("marks the second occurrence of an address in the file as duplicate, in any letter case", () => {
    expect(verdicts([
      { email: "ada@example.test", role: "read" },
      { email: "ADA@example.TEST", role: "write" },
      { email: " ada@example.test", role: "admin" },
    ])).toEqual(["ok", "duplicate", "duplicate"]);
  });

  it("marks members and pending invitees", () => {
    expect(verdicts(
      [
        { email: "Member@Example.test", role: "read" },
        { email: "pending@example.test", role: "read" },
        { email: "new@example.test", role: "read" },
      ],
      { memberEmails: new Set(["member@example.test"]), pendingEmails: new Set(["pending@example.test"]) },
    )).toEqual(["member", "pending", "ok"]);
  });

  it("gives the free seats to valid rows in file order; the rest are over the seat limit", () => {
    const rows = [
      { email: "a@example.test", role: "read" },
      { email: "bad", role: "read" },
      { email: "b@example.test", role: "owner" },
      { email: "member@example.test", role: "read" },
      { email: "c@example.test", role: "write" },
      { email: "A@example.test", role: "read" },
      { email: "d@example.test", role: "read" },
      { email: "e@example.test", role: "read" },
    ];
    expect(verdicts(rows, { seatsLeft: 2, memberEmails: new Set(["member@example.test"]) })).toEqual([
      "ok",
      "invalid_email",
      "invalid_role",
      "member",
      "ok",
      "duplicate",
      "over_seat_limit",
      "over_seat_limit",
    ]);
  });

  it("with no seats left, every otherwise valid row is over the limit", () => {
    expect(verdicts([{ email: "a@example.test", role: "read" }, { email: "b@example.test", role: "read" }], { seatsLeft: 0 })).toEqual(["over_seat_limit", "over_seat_limit"]);
  });

  it("with unlimited seats (null), no row is over the limit", () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ email: `p${i}@example.test`, role: "read" }));
    expect(new Set(verdicts(rows, { seatsLeft: null }))).toEqual(new Set(["ok"]));
  });
});
