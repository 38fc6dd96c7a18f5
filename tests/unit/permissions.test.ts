import { describe, expect, it } from "vitest";
import { GRANTABLE_ROLES, PERMISSIONS, ROLES, can, mayActOnMember, mayGrantRole, type Permission, type Role } from "@/lib/authz/permissions";

// The matrix of docs/product.md#permissions, transcribed independently of lib/authz so
// that a change to the matrix has to be a deliberate change to both.
const EXPECTED: Record<Permission, Role[]> = {
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
};

describe("the permission matrix", () => {
  it("has exactly the documented permissions", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [permission, allowed] of Object.entries(EXPECTED) as [Permission, Role[]][]) {
    for (const role of ROLES) {
      const expected = allowed.includes(role);
      it(`${role} ${expected ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission)).toBe(expected);
      });
    }
  }

  it("fails closed for unknown roles and permissions", () => {
    expect(can(null, "members:view")).toBe(false);
    expect(can(undefined, "members:view")).toBe(false);
    expect(can("superuser" as Role, "members:view")).toBe(false);
    expect(can("owner", "nope" as Permission)).toBe(false);
  });
});

describe("acting on members", () => {
  const actor = (role: Role, userId = "actor") => ({ role, userId });
  const target = (role: Role, userId = "target") => ({ role, userId });

  it("never allows acting on oneself, even as owner", () => {
    expect(mayActOnMember(actor("owner", "same"), target("admin", "same"))).toBe(false);
    expect(mayActOnMember(actor("admin", "same"), target("admin", "same"))).toBe(false);
  });

  it("never allows acting on the owner", () => {
    expect(mayActOnMember(actor("admin"), target("owner"))).toBe(false);
  });

  it("lets owners and admins act on admins and below", () => {
    for (const a of ["owner", "admin"] as Role[]) {
      for (const t of GRANTABLE_ROLES) expect(mayActOnMember(actor(a), target(t))).toBe(true);
    }
  });

  it("refuses every other role", () => {
    for (const a of ["write", "read", "billing"] as Role[]) {
      for (const t of GRANTABLE_ROLES) expect(mayActOnMember(actor(a), target(t))).toBe(false);
    }
  });

  it("never grants owner, and only owners and admins grant anything", () => {
    for (const a of ROLES) expect(mayGrantRole(a, "owner")).toBe(false);
    for (const r of GRANTABLE_ROLES) {
      expect(mayGrantRole("owner", r)).toBe(true);
      expect(mayGrantRole("admin", r)).toBe(true);
      expect(mayGrantRole("write", r)).toBe(false);
      expect(mayGrantRole("billing", r)).toBe(false);
    }
  });
});
