import type { Role } from "@/lib/generated/prisma/enums";

export type { Role };
export const ROLES = ["owner", "admin", "write", "read", "billing"] as const satisfies readonly Role[];

/** Roles that can be granted by invitation or role change: never `owner` (ownership is transferred, not granted). */
export const GRANTABLE_ROLES = ["admin", "write", "read", "billing"] as const satisfies readonly Role[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  write: "Write",
  read: "Read",
  billing: "Billing",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including plan changes, ownership transfer and deleting the workspace.",
  admin: "Everything but billing changes and ownership: manages the team, settings and audit log.",
  write: "Creates and edits agents, personas and knowledge; replies to conversations.",
  read: "Views agents, conversations and the team. Cannot change anything.",
  billing: "Views and changes the plan and seats. No access to agents or conversations.",
};

/**
 * The one permission matrix (SPEC §2). Every server check, every menu and the roles
 * page read this table; nothing else decides what a role may do.
 */
export const PERMISSIONS = {
  "workspace:view": ["owner", "admin", "write", "read"],
  "resources:edit": ["owner", "admin", "write"],
  "conversations:reply": ["owner", "admin", "write"],
  "integrations:manage": ["owner", "admin"],
  "settings:manage": ["owner", "admin"],
  "members:view": ["owner", "admin", "write", "read"],
  "members:manage": ["owner", "admin"],
  "audit:view": ["owner", "admin"],
  "billing:view": ["owner", "admin", "billing"],
  "billing:manage": ["owner", "billing"],
  "workspace:own": ["owner"],
  "membership:leave": ["admin", "write", "read", "billing"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_LABELS: Record<Permission, string> = {
  "workspace:view": "View dashboard, agents, personas, knowledge, conversations, analytics",
  "resources:edit": "Create, edit and delete agents, personas and knowledge; configure skills",
  "conversations:reply": "Reply to conversations",
  "integrations:manage": "Manage integrations",
  "settings:manage": "Workspace settings (name, invitation lifetime, 2FA policy, retention)",
  "members:view": "View team members",
  "members:manage": "Invite, resend, revoke, change roles, remove members, manage groups",
  "audit:view": "View and export the audit log",
  "billing:view": "View billing (plan, seats)",
  "billing:manage": "Change plan and billing details",
  "workspace:own": "Transfer ownership, delete the workspace",
  "membership:leave": "Leave the workspace (the owner transfers ownership first)",
};

/** Fails closed: an unknown role or permission is never allowed. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  const allowed: readonly Role[] | undefined = PERMISSIONS[permission];
  return allowed?.includes(role) ?? false;
}

// Rank decides who may act on whom: actor ≥ target and actor ≥ the role granted
// (SPEC §9). The owner is never a target. Billing ranks with read for this purpose.
const RANK: Record<Role, number> = { owner: 4, admin: 3, write: 2, read: 1, billing: 1 };

/**
 * The one "may act on this member" policy shared by role change, removal and
 * invitation edits (SPEC §9: wpmgr #406, agenticos #700).
 */
export function mayActOnMember(actor: { role: Role; userId: string }, target: { role: Role; userId: string }): boolean {
  if (actor.userId === target.userId) return false;
  if (target.role === "owner") return false;
  if (!can(actor.role, "members:manage")) return false;
  return RANK[actor.role] >= RANK[target.role];
}

export function mayGrantRole(actorRole: Role, role: Role): boolean {
  if (role === "owner") return false;
  if (!can(actorRole, "members:manage")) return false;
  return RANK[actorRole] >= RANK[role];
}
