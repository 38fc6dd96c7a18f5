// The audit page's reads: filters, keyset paging, bad input, the export route and
// "Verify integrity", for every kind of viewer.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ROLES } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { listAuditEvents } from "@/lib/audit/queries";
import { AUDIT_PAGE_SIZE, encodeCursor, parseAuditFilters } from "@/lib/audit/filters";
import type { Prisma } from "@/lib/generated/prisma/client";
import { csvField, exportStream } from "@/lib/audit/export";
import { userActor } from "@/lib/audit/record";
import { LIMITS } from "@/lib/rate-limit";
import { verifyAuditIntegrity } from "@/lib/workspaces/audit-actions";
import { GET as exportRoute } from "@/app/w/[slug]/audit/export/route";
import { createUser, createWorkspace, signInAs } from "../support/factories";
import { actAs } from "../support/request";

const HOUR = 3_600_000;

/** `count` events an hour apart, the newest an hour ago, with explicit times and ids. */
async function seedEvents(workspaceId: string, count: number, make: (i: number) => Partial<Prisma.AuditEventCreateManyInput> = () => ({})) {
  const now = Date.now();
  await prisma.auditEvent.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      id: `${workspaceId}-${String(i).padStart(5, "0")}`,
      workspaceId,
      action: i % 2 ? "member.role_changed" : "agent.updated",
      actorType: "system",
      createdAt: new Date(now - (i + 1) * HOUR),
      ...make(i),
    })),
  });
}

const page = (workspaceId: string, params: Record<string, string | string[]> = {}) => listAuditEvents(workspaceId, parseAuditFilters(params));

async function download(slug: string, query = "") {
  const response = await exportRoute(new Request(`http://roster.test/w/${slug}/audit/export?${query}`), { params: Promise.resolve({ slug }) });
  return { response, text: response.ok ? await response.text() : "" };
}

describe("the audit log's pages", () => {
  it("pages newest first by (time, id) with no overlap or gap, older and back newer", async () => {
    const { workspace } = await createWorkspace(["owner"]);
    await seedEvents(workspace.id, 120);
    // Two events at the same millisecond: the id breaks the tie, so neither is lost at a page edge.
    const tie = new Date(Date.now() - 50.5 * HOUR);
    await prisma.auditEvent.createMany({ data: ["tie-a", "tie-b"].map((id) => ({ id, workspaceId: workspace.id, action: "agent.created", actorType: "system", createdAt: tie })) });

    const seen: string[] = [];
    let cursor: string | undefined;
    const pages = [];
    for (;;) {
      const p = await page(workspace.id, cursor ? { before: cursor } : {});
      pages.push(p);
      seen.push(...p.rows.map((r) => r.id));
      if (!p.older) break;
      cursor = p.older;
    }
    const all = await prisma.auditEvent.findMany({ where: { workspaceId: workspace.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(seen).toEqual(all.map((e) => e.id));
    const sizes = Array.from({ length: Math.ceil(122 / AUDIT_PAGE_SIZE) }, (_, i) => Math.min(AUDIT_PAGE_SIZE, 122 - i * AUDIT_PAGE_SIZE));
    expect(pages.map((p) => p.rows.length)).toEqual(sizes);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0]!.newer).toBeNull();

    const back = await page(workspace.id, { after: pages[2]!.newer! });
    expect(back.rows.map((r) => r.id)).toEqual(pages[1]!.rows.map((r) => r.id));
    const first = await page(workspace.id, { after: back.newer! });
    expect(first.rows.map((r) => r.id)).toEqual(pages[0]!.rows.map((r) => r.id));
    expect(first.newer).toBeNull();
  });

  it("filters by action, actor, member and dates, inside the workspace only", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin", "read"]);
    const other = await createWorkspace(["owner"]);
    const admin = members.admin.user;
    const reader = members.read.user;
    await seedEvents(workspace.id, 30, (i) => (i % 3 === 0 ? { actorType: "user", actorId: admin.id, actorName: `${admin.firstName} ${admin.lastName}`, actorEmail: admin.email } : i % 5 === 0 ? { targetType: "member", targetId: reader.id, targetLabel: "Reader" } : {}));
    await seedEvents(other.workspace.id, 10, () => ({ actorType: "user", actorId: admin.id, targetType: "member", targetId: reader.id }));

    const byAction = await page(workspace.id, { action: ["member.role_changed", "not.an.action"] });
    expect(byAction.rows).toHaveLength(15);
    expect(byAction.rows.every((r) => r.action === "member.role_changed" && r.workspaceId === workspace.id)).toBe(true);

    const byActor = await page(workspace.id, { actor: admin.email.toUpperCase() });
    expect(byActor.rows.map((r) => r.actorId)).toEqual(Array(10).fill(admin.id));
    expect((await page(workspace.id, { actor: admin.lastName.split(" ")[1]! })).rows).toHaveLength(10);
    expect((await page(workspace.id, { actor: "nobody-matches-this" })).rows).toHaveLength(0);
    // What is typed is text: "%" and "_" are not wildcards that would match every member.
    for (const wild of ["%", "_", "%%", "\\"]) expect((await page(workspace.id, { actor: wild })).rows, wild).toHaveLength(0);
    // Events Roster made itself are found as the page names them.
    const bySystem = await page(workspace.id, { actor: "System" });
    expect(bySystem.rows).toHaveLength(20);
    expect(bySystem.rows.every((r) => r.actorType === "system")).toBe(true);
    expect((await page(workspace.id, { actor: "sy" })).rows).toHaveLength(0);

    const byMember = await page(workspace.id, { member: reader.id });
    expect(byMember.rows.map((r) => r.targetId)).toEqual(Array(4).fill(reader.id)); // i = 5, 10, 20, 25 (15 and 0 are the admin's)
    // The target member, searched by name or email: what was done to them, not what they did.
    for (const text of [reader.email.toUpperCase(), reader.lastName]) {
      const about = await page(workspace.id, { target: text });
      expect(about.rows.map((r) => [r.targetType, r.targetId, r.workspaceId]), text).toEqual(Array(4).fill(["member", reader.id, workspace.id]));
    }
    expect((await page(workspace.id, { target: admin.email })).rows).toHaveLength(0); // the admin acted, and was never a target
    expect((await page(workspace.id, { target: "%" })).rows).toHaveLength(0);

    const last24h = await page(workspace.id, { range: "24h" });
    expect(last24h.rows).toHaveLength(23);
    const day = (offsetHours: number) => new Date(Date.now() - offsetHours * HOUR).toISOString().slice(0, 10);
    const custom = await page(workspace.id, { range: "custom", from: day(30), to: day(30) });
    expect(custom.rows.length).toBeGreaterThan(0);
    expect(custom.rows.every((r) => r.createdAt.toISOString().slice(0, 10) === day(30))).toBe(true);

    // Events keep the email their actor had: found by it, exactly, once the account is gone
    // or its address changed (neither the members nor the accounts know it any more).
    const renamed = await createUser({ email: "renamed.now@example.test" });
    await prisma.auditEvent.createMany({
      data: [
        { workspaceId: workspace.id, action: "agent.updated", actorType: "user", actorId: "deleted-user", actorName: "Gone Person", actorEmail: "gone.person@example.test" },
        { workspaceId: workspace.id, action: "agent.updated", actorType: "user", actorId: renamed.id, actorName: "Renamed Person", actorEmail: "renamed.before@example.test" },
        { workspaceId: other.workspace.id, action: "agent.updated", actorType: "user", actorId: "deleted-user", actorEmail: "gone.person@example.test" },
      ],
    });
    expect((await page(workspace.id, { actor: "Gone.Person@example.test" })).rows.map((r) => r.actorName)).toEqual(["Gone Person"]);
    expect((await page(workspace.id, { actor: "renamed.before@example.test" })).rows.map((r) => r.actorName)).toEqual(["Renamed Person"]);
    expect((await page(workspace.id, { actor: "renamed.now@example.test" })).rows.map((r) => r.actorName)).toEqual(["Renamed Person"]);
    // Exact, never a pattern: part of a recorded email finds nothing.
    expect((await page(workspace.id, { actor: "gone.person" })).rows).toHaveLength(0);
    // Text past the limit is cut, never dropped: a long search still narrows, it does not list everything.
    expect(parseAuditFilters({ actor: ` ${"z".repeat(150)}`, target: "y".repeat(101) })).toMatchObject({ actor: "z".repeat(100), target: "y".repeat(100) });
    expect((await page(workspace.id, { target: "z".repeat(101) })).rows).toHaveLength(0);
    expect((await page(workspace.id, { actor: "z".repeat(101) })).rows).toHaveLength(0);
  });

  it("explains bad dates and ignores forged cursors, never leaving the workspace", async () => {
    const { workspace, members } = await createWorkspace(["owner"]);
    const owner = members.owner;
    const other = await createWorkspace(["owner"]);
    await seedEvents(workspace.id, 3);
    await seedEvents(other.workspace.id, 60);

    expect(parseAuditFilters({ range: "custom", from: "2026-13-45" }).rangeError).toMatchObject({ field: "from", message: expect.stringMatching(/is not a date/) });
    expect(parseAuditFilters({ range: "custom", to: "yesterday" }).rangeError).toMatchObject({ field: "to" });
    // The last day that still has a next day in four-digit years; past it, a clear refusal, not a broken download.
    expect(parseAuditFilters({ range: "custom", to: "9998-12-31" }).rangeError).toBeNull();
    expect(parseAuditFilters({ range: "custom", to: "9999-12-31" }).rangeError).toMatchObject({ field: "to" });
    expect(parseAuditFilters({ range: "custom", from: "2026-05-02", to: "2026-05-01" }).rangeError).toMatchObject({ message: expect.stringMatching(/after the end date/) });
    expect(parseAuditFilters({ range: "fortnight", action: "drop.table" })).toMatchObject({ range: "all", actions: [] });
    // The form always sends a range: dates typed under "All time" still count.
    expect(parseAuditFilters({ range: "all", from: "2026-05-01" })).toMatchObject({ range: "custom", since: new Date("2026-05-01T00:00:00.000Z") });
    // The export answers a bad range with its message (400), never a 500.
    await signInAs(owner.user);
    expect((await download(workspace.slug, "range=custom&from=2026-05-02&to=2026-05-01")).response.status).toBe(400);
    // A format we do not write is refused by name, never answered with CSV.
    const xml = (await download(workspace.slug, "format=xml")).response;
    expect(xml.status).toBe(400);
    expect(await xml.json()).toEqual({ error: 'Unknown export format "xml": use csv or ndjson.' });

    for (const forged of ["garbage", "%%%", encodeCursor({ createdAt: new Date(), id: "x" }).slice(3), Buffer.from("2026-01-01|a|b").toString("base64url")]) {
      expect((await page(workspace.id, { before: forged })).rows).toHaveLength(3);
    }
    // A real cursor taken from the other workspace's pages still reads only this workspace.
    const foreign = (await page(other.workspace.id)).older!;
    const rows = (await page(workspace.id, { before: foreign })).rows;
    expect(rows.every((r) => r.workspaceId === workspace.id)).toBe(true);
  });
});

describe("the export", () => {
  it("is open to owners and admins only: other roles, outsiders and signed-out visitors are refused", async () => {
    const { workspace, members } = await createWorkspace();
    for (const role of ROLES) {
      await signInAs(members[role].user);
      const { response } = await download(workspace.slug);
      expect(response.status, role).toBe(role === "owner" || role === "admin" ? 200 : 404);
      expect((await verifyAuditIntegrity(workspace.slug, {})).ok, role).toBe(role === "owner" || role === "admin");
    }
    await signInAs(await createUser());
    expect((await download(workspace.slug)).response.status).toBe(404);
    expect(await verifyAuditIntegrity(workspace.slug, {})).toMatchObject({ ok: false, code: "not_found" });
    actAs(null);
    expect((await download(workspace.slug)).response.status).toBe(401);
    expect(await verifyAuditIntegrity(workspace.slug, {})).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("writes RFC 4180 CSV with formulas neutralised, and NDJSON one object per line; each complete export is audited", async () => {
    const { workspace, members } = await createWorkspace(["owner"]);
    const labels = ['=HYPERLINK("http://evil.test","click")', "+1", "-2", "@SUM(A1)", "\tTab", 'Comma, "quote"\nnewline', "Plain"];
    for (const [i, label] of labels.entries()) {
      await recordAudit(prisma, { workspaceId: workspace.id, action: "agent.created", actor: { type: "system" }, target: { type: "agent", id: `a${i}`, label } });
    }
    await signInAs(members.owner.user);
    const { response, text } = await download(workspace.slug, "format=csv&action=agent.created");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="roster-audit-${workspace.slug}-all\\.csv"$`));
    expect(text.startsWith("time,action,actionLabel,actorType")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.test"",""click"")",`);
    expect(text).toContain(",'+1,");
    expect(text).toContain(",'-2,");
    expect(text).toContain(",'@SUM(A1),");
    expect(text).toContain(`,"'\tTab",`);
    expect(text).toContain(`,"Comma, ""quote""\nnewline",`);
    expect(csvField("\rcarriage")).toBe(`"'\rcarriage"`);
    expect(csvField(-5)).toBe("-5"); // numbers are data, not formulas
    expect(csvField("Mozilla;=cmd|' /C calc'!A0")).toBe(`"Mozilla;=cmd|' /C calc'!A0"`); // a ";" splitter cannot start a cell there
    expect(csvField("a\tb")).toBe(`"a\tb"`);

    const ndjson = await download(workspace.slug, "format=ndjson");
    expect(ndjson.response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const lines = ndjson.text.split("\n");
    expect(lines.pop()).toBe("");
    const objects = lines.map((l) => JSON.parse(l));
    expect(objects.map((o) => o.targetLabel)).toContain('Comma, "quote"\nnewline');
    expect(objects[0].time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    const exported = await prisma.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "audit.exported" }, orderBy: { seq: "asc" } });
    expect(exported.map((e) => [e.actorId, e.after])).toEqual([
      [members.owner.user.id, { format: "csv", rows: 7, filters: { actions: ["agent.created"], actor: null, target: null, member: null, range: "all", from: null, to: null } }],
      [members.owner.user.id, { format: "ndjson", rows: 8, filters: { actions: [], actor: null, target: null, member: null, range: "all", from: null, to: null } }],
    ]);
  });

  it("records an export abandoned half-way, with the rows sent until then", async () => {
    const { workspace, members } = await createWorkspace(["owner"]);
    await seedEvents(workspace.id, 5);
    await signInAs(members.owner.user);
    const response = await exportRoute(new Request(`http://roster.test/w/${workspace.slug}/audit/export?format=ndjson`), { params: Promise.resolve({ slug: workspace.slug }) });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    const events = await prisma.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "audit.exported" } });
    expect(events.map((e) => e.after)).toMatchObject([{ format: "ndjson", rows: 5, complete: false }]);
  });

  it("records an export that failed in the database, as incomplete", async () => {
    const { workspace, members } = await createWorkspace(["owner"]);
    await seedEvents(workspace.id, 3);
    // A batch size the database refuses (LIMIT -1) stands in for a read failing mid-export.
    const stream = exportStream({ workspace, actor: userActor(members.owner.user), filters: parseAuditFilters({ format: "csv" }), request: { ip: null, userAgent: null }, batchSize: -1 });
    const reader = stream.getReader();
    await reader.read(); // the header
    await expect(reader.read()).rejects.toThrow();
    const events = await prisma.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "audit.exported" } });
    expect(events.map((e) => e.after)).toMatchObject([{ format: "csv", rows: 0, complete: false }]);
  });

  it("is limited per viewer, and refused when another site starts it", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin"]);
    await signInAs(members.admin.user);
    const crossSite = await exportRoute(new Request(`http://roster.test/w/${workspace.slug}/audit/export`, { headers: { "sec-fetch-site": "cross-site" } }), { params: Promise.resolve({ slug: workspace.slug }) });
    expect(crossSite.status).toBe(403);
    const { limit } = LIMITS.auditExportsPerViewer;
    for (let i = 0; i < limit; i++) {
      const { response } = await download(workspace.slug, "format=ndjson");
      expect(response.status, `export ${i + 1}`).toBe(200);
    }
    const refused = (await download(workspace.slug, "format=ndjson")).response;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // The admin's limit is not the owner's.
    await signInAs(members.owner.user);
    expect((await download(workspace.slug, "format=ndjson")).response.status).toBe(200);
    // Nothing was recorded for the refused ones: the one cross-site, the one over the limit.
    expect(await prisma.auditEvent.count({ where: { workspaceId: workspace.id, action: "audit.exported" } })).toBe(limit + 1);
  });
});
