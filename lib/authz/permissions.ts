import { GRANTABLE_ROLES, ROLES, ROLE_LABELS, type GrantableRole, type Role } from "./roles";

export { GRANTABLE_ROLES, ROLES, ROLE_LABELS, type GrantableRole, type Role };

// What each role may do today, in words; the roles page shows the exact matrix below.
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything: the team, settings, the plan, and handing the workspace to someone else.",
  admin: "Manages the team, invitations, groups and settings, sees every agent and persona, and sees billing. Cannot change the plan or ownership.",
  write: "Creates, edits and deletes agents and personas. Sees the team and its groups; reaches group-only agents through their groups.",
  read: "Sees the team, its groups, and the agents and personas open to the workspace or to their groups. Cannot change anything.",
  billing: "Sees and changes the plan and seats. No access to the team list.",
};

type PermissionRule = {
  /** The roles that hold it; every other role, and any unknown one, is refused. */
  roles: readonly Role[];
  /** How the roles page names it. */
  label: string;
  /** What a member without it is told, in the UI and by the server. */
  refusal: string;
};

/**
 * The one permission matrix: one row per permission that some server check enforces.
 * The guard, the menus and the roles page all read it, so a label, a refusal and the
 * roles that hold a permission cannot drift apart. A permission is added here in the
 * same change that checks it (docs/product.md#permissions).
 */
export const PERMISSIONS = {
  "members:view": {
    roles: ["owner", "admin", "write", "read"],
    label: "View team members",
    refusal: "Your role does not include the team list.",
  },
  "members:manage": {
    roles: ["owner", "admin"],
    label: "Invite, resend and revoke invitations; change roles; remove members",
    refusal: "Team management is limited to owners and admins.",
  },
  "groups:view": {
    roles: ["owner", "admin", "write", "read"],
    label: "View groups and who and what is in them",
    refusal: "Your role does not include groups.",
  },
  "groups:manage": {
    roles: ["owner", "admin"],
    label: "Create, edit and delete groups; add and remove their members, agents and personas",
    refusal: "Only owners and admins can manage groups.",
  },
  "agents:view": {
    roles: ["owner", "admin", "write", "read"],
    label: "View agents and personas (group-only ones through their groups)",
    refusal: "Your role does not include agents and personas.",
  },
  "agents:manage": {
    roles: ["owner", "admin", "write"],
    label: "Create, edit and delete agents and personas",
    refusal: "Only owners, admins and write members can change agents and personas.",
  },
  "agents:all": {
    roles: ["owner", "admin"],
    label: "Reach every agent and persona, group-only ones included",
    refusal: "This agent or persona is open only to its groups.",
  },
  "settings:manage": {
    roles: ["owner", "admin"],
    label: "Workspace settings (name, invitation lifetime, audit retention, 2FA policy)",
    refusal: "Only owners and admins can change workspace settings.",
  },
  "audit:view": {
    roles: ["owner", "admin"],
    label: "Read, filter, export and verify the audit log",
    refusal: "Only owners and admins can read the audit log.",
  },
  "billing:view": {
    roles: ["owner", "admin", "billing"],
    label: "View billing (plan, seats)",
    refusal: "Only owners, admins and billing members can view billing.",
  },
  "billing:manage": {
    roles: ["owner", "billing"],
    label: "Change the plan",
    refusal: "Only the owner and billing members can change the plan.",
  },
  "workspace:own": {
    roles: ["owner"],
    label: "Transfer ownership",
    refusal: "Only the workspace owner can do this.",
  },
  "api_keys:use": {
    roles: ["owner", "admin", "write", "read"],
    label: "Create API keys for yourself and use the Team API with your role; see and revoke your own keys",
    refusal: "Your role has nothing the Team API offers, so it cannot have API keys.",
  },
  "api_keys:manage": {
    roles: ["owner", "admin"],
    label: "See and revoke every API key of the workspace",
    refusal: "Only owners and admins can see and revoke other members' API keys.",
  },
  "membership:leave": {
    roles: ["admin", "write", "read", "billing"],
    label: "Leave the workspace (the owner transfers ownership first)",
    refusal: "The owner cannot leave the workspace. Transfer ownership first.",
  },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;

/** The permissions in the order the roles page lists them. */
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** Fails closed: an unknown role or permission is never allowed. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  const rule: PermissionRule | undefined = PERMISSIONS[permission];
  return rule?.roles.includes(role) ?? false;
}

export function refusalFor(permission: Permission): string {
  return PERMISSIONS[permission].refusal;
}

/**
 * What support staff (User.supportStaff, granted from the command line) hold in a workspace
 * they are not a member of: reading its team and its audit log, never a change. It is not
 * a role, so it can never be granted, ranked or counted as a seat (docs/product.md#support-staff).
 */
export const SUPPORT_PERMISSIONS = ["members:view", "audit:view"] as const satisfies readonly Permission[];

/**
 * Who is looking at a workspace, as far as permissions go: a member with their role, or
 * support staff who are not a member. Support staff who are members act as the member, except for a support permission their role lacks (lib/authz/viewer.ts `viewerFor`).
 */
export type ViewerAccess = { kind: "member"; role: Role } | { kind: "support" };

/** The one check for a viewer; fails closed like `can`. */
export function viewerCan(viewer: ViewerAccess | null | undefined, permission: Permission): boolean {
  if (viewer?.kind === "member") return can(viewer.role, permission);
  if (viewer?.kind === "support") return (SUPPORT_PERMISSIONS as readonly string[]).includes(permission);
  return false;
}

// Rank decides who may act on whom: actor ≥ target, and actor ≥ the role granted.
// Billing ranks with read for this purpose.
const RANK: Record<Role, number> = { owner: 4, admin: 3, write: 2, read: 1, billing: 1 };

type Party = { role: Role; userId: string };

/** Fails closed like `can`: a role missing from the ranking never outranks, and is never outranked, into an allow. */
function atLeast(actor: Role, other: Role): boolean {
  const a: number | undefined = RANK[actor];
  const b: number | undefined = RANK[other];
  return a !== undefined && b !== undefined && a >= b;
}

/**
 * The one "may act on this member" rule, shared by role change and removal (and the
 * row menus that offer them): why `actor` may not change or remove `target`, or null
 * if they may.
 */
export function memberActionRefusal(actor: Party, target: Party): string | null {
  if (actor.userId === target.userId) return "You cannot change or remove your own membership.";
  if (target.role === "owner") return "The owner cannot be changed or removed. The owner can transfer ownership in settings.";
  if (!can(actor.role, "members:manage")) return refusalFor("members:manage");
  if (!atLeast(actor.role, target.role)) return "You cannot change or remove a member whose role is above yours.";
  return null;
}

export function mayActOnMember(actor: Party, target: Party): boolean {
  return memberActionRefusal(actor, target) === null;
}

/** Why `actorRole` may not grant `role` (by invitation, invitation edit or role change), or null if it may. */
export function grantRefusal(actorRole: Role, role: Role): string | null {
  if (role === "owner") return "Ownership is transferred, not granted.";
  if (!can(actorRole, "members:manage")) return refusalFor("members:manage");
  if (!atLeast(actorRole, role)) return "You cannot grant a role above your own.";
  return null;
}

export function mayGrantRole(actorRole: Role, role: Role): boolean {
  return grantRefusal(actorRole, role) === null;
}
