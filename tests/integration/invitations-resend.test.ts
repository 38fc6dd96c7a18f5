// Invitations when mail goes through Resend (a local stand-in for its API): each invitee's
// message carries their own link, and a message Resend refuses is reported to the admin
// while its invitation stays, to be resent, because the mail is sent after the commit.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { resendInvitation, sendBulkInvitations } from "@/lib/invitations/actions";
import { createWorkspace, signInAs } from "../support/factories";
import { RESEND_ACCEPTED, startResendStandIn } from "../support/resend";

const refused = new Set<string>();
let resend: Awaited<ReturnType<typeof startResendStandIn>>;
let outbox: string;

beforeAll(async () => {
  resend = await startResendStandIn(({ body }) =>
    refused.has(body.to ?? "") ? { status: 422, body: JSON.stringify({ statusCode: 422, name: "validation_error", message: "Invalid `to` field." }) } : RESEND_ACCEPTED,
  );
  outbox = mkdtempSync(path.join(tmpdir(), "roster-invitations-resend-outbox-"));
  vi.stubEnv("RESEND_BASE_URL", resend.url);
  vi.stubEnv("RESEND_API_KEY", "re_test_invitations");
  vi.stubEnv("MAIL_FROM", "Roster <team@roster.test>");
  vi.stubEnv("MAIL_OUTBOX_DIR", outbox);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await resend.close();
});

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe("invitation mail through Resend", () => {
  it("sends each invitee their own link, and names the refused address while keeping its invitation", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin"]);
    await signInAs(members.admin.user);
    refused.add("bounce@example.test");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});

    const result = await sendBulkInvitations(workspace.slug, { rows: [{ email: "ok@example.test", role: "write" }, { email: "bounce@example.test", role: "read" }] });

    expect(result).toEqual({ ok: true, data: { sent: ["ok@example.test", "bounce@example.test"], mailFailed: ["bounce@example.test"], skipped: [] } });
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls[0]![0]).toBe("Invitation mail to bounce@example.test failed");
    errors.mockRestore();

    expect(resend.received.map((r) => [r.method, r.url, r.body.to])).toEqual([
      ["POST", "/emails", "ok@example.test"],
      ["POST", "/emails", "bounce@example.test"],
    ]);
    const stored = await prisma.invitation.findMany({ where: { workspaceId: workspace.id }, orderBy: { email: "asc" } });
    expect(stored.map((i) => [i.email, i.role, i.status])).toEqual([
      ["bounce@example.test", "read", "pending"],
      ["ok@example.test", "write", "pending"],
    ]);
    for (const request of resend.received) {
      const { from, subject, text, html } = request.body as Record<string, string>;
      expect(from).toBe("Roster <team@roster.test>");
      expect(subject).toBe(`${members.admin.user.firstName} ${members.admin.user.lastName} invited you to ${workspace.name} on Roster`);
      const token = text.match(/\/join\/([A-Za-z0-9_-]{43})/)?.[1];
      expect(token, "the text part carries the join link").toBeDefined();
      expect(html).toContain(`/join/${token}`);
      expect(stored.find((i) => i.email === request.body.to)!.tokenHash).toBe(sha256(token!));
    }
    expect(readdirSync(outbox)).toEqual([]);

    // Once Resend takes it, resending the refused invitation reaches the invitee with a new link.
    refused.clear();
    const bounced = stored.find((i) => i.email === "bounce@example.test")!;
    expect(await resendInvitation(workspace.slug, { invitationId: bounced.id })).toEqual({ ok: true, data: { sent: ["bounce@example.test"], mailFailed: [] } });
    expect(resend.received).toHaveLength(3);
    const token = (resend.received[2]!.body.text as string).match(/\/join\/([A-Za-z0-9_-]{43})/)![1]!;
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: bounced.id } })).tokenHash).toBe(sha256(token));
  });
});
