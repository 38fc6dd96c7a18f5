import { viewerCan, type Permission, type ViewerAccess } from "@/lib/authz/permissions";
import type { NavItem } from "./nav";

// The workspace pages that exist, each shown only to viewers who may open it (the pages
// themselves answer 404 to the others). A page without a permission is for members:
// support staff see only the pages their read-only permissions open.
const PAGES: (Omit<NavItem, "href"> & { path: string; permission?: Permission })[] = [
  { key: "overview", label: "Overview", path: "" },
  { key: "members", label: "Team members", path: "/members", permission: "members:view" },
  { key: "invitations", label: "Pending invitations", path: "/invitations", permission: "members:manage" },
  { key: "groups", label: "Groups", path: "/groups", permission: "groups:view" },
  { key: "agents", label: "Agents", path: "/agents", permission: "agents:view" },
  { key: "personas", label: "Personas", path: "/personas", permission: "agents:view" },
  { key: "settings", label: "Settings", path: "/settings", permission: "settings:manage" },
  { key: "api-keys", label: "API keys", path: "/settings/api-keys", permission: "api_keys:use" },
  { key: "billing", label: "Billing", path: "/billing", permission: "billing:view" },
  { key: "audit", label: "Audit log", path: "/audit", permission: "audit:view" },
];

export function navItemsFor(slug: string, viewer: ViewerAccess): NavItem[] {
  return PAGES.filter((p) => (p.permission ? viewerCan(viewer, p.permission) : viewer.kind === "member")).map(({ key, label, path }) => ({
    key,
    label,
    href: `/w/${slug}${path}`,
  }));
}
