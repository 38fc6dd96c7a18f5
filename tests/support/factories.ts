import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { createSession } from "@/lib/auth/sessions";
import type { Role } from "@/lib/authz/permissions";
import { actAs } from "./request";

export const TEST_PASSWORD = "Correct-Horse-1";
let passwordHash: Promise<string> | undefined;

export async function createUser(overrides: { email?: string; firstName?: string; lastName?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const tag = randomBytes(4).toString("hex");
  return prisma.user.create({
    data: {
      email: overrides.email ?? `user-${tag}@example.test`,
      firstName: overrides.firstName ?? "Test",
      lastName: overrides.lastName ?? `User ${tag}`,
      passwordHash: await passwordHash,
    },
  });
}

export async function signInAs(user: { id: string }) {
  const sessionId = await createSession(prisma, user.id, { ip: "203.0.113.7", userAgent: "vitest" });
  actAs(sessionId);
  return sessionId;
}

/** A workspace with an owner and one member of each other role (or the roles asked for). */
export async function createWorkspace(roles: Role[] = ["owner", "admin", "write", "read", "billing"], data: { plan?: "free" | "starter" | "growth" | "business" | "enterprise" } = {}) {
  const tag = randomBytes(4).toString("hex");
  const workspace = await prisma.workspace.create({ data: { name: `Workspace ${tag}`, slug: `ws-${tag}`, ...data } });
  const members: Partial<Record<Role, { user: Awaited<ReturnType<typeof createUser>>; membershipId: string }>> = {};
  for (const role of roles) {
    const user = await createUser();
    const m = await prisma.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
    members[role] = { user, membershipId: m.id };
  }
  return { workspace, members: members as Record<Role, { user: Awaited<ReturnType<typeof createUser>>; membershipId: string }> };
}

export function auditCount(where: { workspaceId?: string | null; action?: string } = {}) {
  return prisma.auditEvent.count({ where });
}

/** Calls `fn` as the given session. The request is captured when the call starts, so calls can overlap. */
export function as<T>(sessionId: string | null, fn: () => Promise<T>): Promise<T> {
  actAs(sessionId);
  return fn();
}

/** Everything a refused action must leave untouched: the workspace's memberships and the audit log. */
export async function teamSnapshot(workspaceId: string) {
  const memberships = await prisma.membership.findMany({ where: { workspaceId }, select: { id: true, userId: true, role: true }, orderBy: { id: "asc" } });
  return { memberships, auditEvents: await prisma.auditEvent.count(), workspace: await prisma.workspace.findUnique({ where: { id: workspaceId } }) };
}
