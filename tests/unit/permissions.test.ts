import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  GRANTABLE_ROLES,
  PERMISSIONS,
  PERMISSION_NAMES,
  ROLES,
  SUPPORT_PERMISSIONS,
  can,
  grantRefusal,
  mayActOnMember,
  mayGrantRole,
  memberActionRefusal,
  viewerCan,
  type Permission,
  type Role,
} from "@/lib/authz/permissions";
import { readModules, relative } from "@/tests/support/import-graph";

// The matrix of docs/product.md#permissions, transcribed independently of lib/authz so that a
// change to the matrix has to be a deliberate change to both.
const EXPECTED: Record<Permission, Role[]> = {
  "members:view": ["owner", "admin", "write", "read"],
  "members:manage": ["owner", "admin"],
  "groups:view": ["owner", "admin", "write", "read"],
  "groups:manage": ["owner", "admin"],
  "agents:view": ["owner", "admin", "write", "read"],
  "agents:manage": ["owner", "admin", "write"],
  "agents:all": ["owner", "admin"],
  "settings:manage": ["owner", "admin"],
  "audit:view": ["owner", "admin"],
  "billing:view": ["owner", "admin", "billing"],
  "billing:manage": ["owner", "billing"],
  "workspace:own": ["owner"],
  "api_keys:use": ["owner", "admin", "write", "read"],
  "api_keys:manage": ["owner", "admin"],
  "membership:leave": ["admin", "write", "read", "billing"],
};

describe("the permission matrix", () => {
  it("has exactly the documented permissions", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("gives every permission a label and a refusal, in one row", () => {
    for (const name of PERMISSION_NAMES) {
      expect(PERMISSIONS[name].label.length, name).toBeGreaterThan(5);
      expect(PERMISSIONS[name].refusal, name).toMatch(/\.$/);
    }
  });

  // The roles page shows the matrix; a row nothing enforces would promise a rule that does not exist.
  it("lists only permissions that some server code checks", () => {
    const serverCode = [...readModules().values()]
      .filter((m) => m.directive !== "use client" && !relative(m.file).startsWith("lib/authz/permissions"))
      .map((m) => readFileSync(m.file, "utf8"))
      .join("\n");
    for (const name of PERMISSION_NAMES) expect(serverCode, `${name} is checked nowhere`).toContain(`"${name}"`);
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

  it("says why, in one wording per reason", () => {
    expect(memberActionRefusal(actor("admin", "same"), target("read", "same"))).toBe("You cannot change or remove your own membership.");
    expect(memberActionRefusal(actor("admin"), target("owner"))).toMatch(/^The owner cannot be changed or removed/);
    expect(memberActionRefusal(actor("read"), target("read"))).toBe(PERMISSIONS["members:manage"].refusal);
    expect(memberActionRefusal(actor("owner"), target("admin"))).toBeNull();
    expect(grantRefusal("admin", "owner")).toBe("Ownership is transferred, not granted.");
    expect(grantRefusal("write", "read")).toBe(PERMISSIONS["members:manage"].refusal);
    expect(grantRefusal("admin", "billing")).toBeNull();
  });

  it("fails closed on a role it does not know, as target or as the role granted", () => {
    for (const unknown of ["superadmin", "__proto__", "constructor", ""] as unknown as Role[]) {
      expect(mayActOnMember(actor("owner"), target(unknown))).toBe(false);
      expect(mayActOnMember(actor(unknown), target("read"))).toBe(false);
      expect(mayGrantRole("owner", unknown)).toBe(false);
      expect(mayGrantRole(unknown, "read")).toBe(false);
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

// docs/product.md#support-staff: a fixed read-only set, transcribed here like the matrix.
describe("support staff", () => {
  const SUPPORT_EXPECTED: Permission[] = ["members:view", "audit:view"];

  it("hold exactly the team list and the audit log", () => {
    expect([...SUPPORT_PERMISSIONS].sort()).toEqual([...SUPPORT_EXPECTED].sort());
    for (const permission of PERMISSION_NAMES) {
      expect(viewerCan({ kind: "support" }, permission), permission).toBe(SUPPORT_EXPECTED.includes(permission));
    }
  });

  it("hold no permission that changes anything", () => {
    const changing = PERMISSION_NAMES.filter((p) => p.endsWith(":manage") || p === "workspace:own" || p === "membership:leave" || p === "agents:all");
    expect(changing.length).toBeGreaterThan(0);
    for (const permission of changing) expect(viewerCan({ kind: "support" }, permission), permission).toBe(false);
    expect(SUPPORT_PERMISSIONS.some((p) => p.endsWith(":manage"))).toBe(false);
  });

  it("a member viewer has exactly their role's permissions; no viewer has none", () => {
    for (const role of ROLES) {
      for (const permission of PERMISSION_NAMES) expect(viewerCan({ kind: "member", role }, permission)).toBe(can(role, permission));
    }
    expect(viewerCan(null, "members:view")).toBe(false);
    expect(viewerCan({ kind: "staff" } as never, "members:view")).toBe(false);
  });
});
