import type { Role } from "@/lib/generated/prisma/enums";

// The roles and their names, apart from the permission matrix (./permissions.ts, which
// re-exports them): the frame and the forms show role names on every page, and importing
// them from here keeps the matrix out of the browser's code.

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
