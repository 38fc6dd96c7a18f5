import { can, type Permission, type Role } from "@/lib/authz/permissions";
import type { NavItem } from "./nav";

// The workspace pages that exist, each shown only to roles that may open it (the pages
// themselves answer 404 to the others).
const PAGES: (Omit<NavItem, "href"> & { path: string; permission?: Permission })[] = [
  { key: "overview", label: "Overview", path: "" },
  { key: "members", label: "Team members", path: "/members", permission: "members:view" },
  { key: "invitations", label: "Pending invitations", path: "/invitations", permission: "members:manage" },
  { key: "groups", label: "Groups", path: "/groups", permission: "groups:view" },
  { key: "agents", label: "Agents", path: "/agents", permission: "agents:view" },
  { key: "personas", label: "Personas", path: "/personas", permission: "agents:view" },
  { key: "settings", label: "Settings", path: "/settings", permission: "settings:manage" },
  { key: "billing", label: "Billing", path: "/billing", permission: "billing:view" },
];

export function navItemsFor(slug: string, role: Role): NavItem[] {
  return PAGES.filter((p) => !p.permission || can(role, p.permission)).map(({ key, label, path }) => ({
    key,
    label,
    href: `/w/${slug}${path}`,
  }));
}
