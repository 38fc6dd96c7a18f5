"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A page of the workspace; its icon is the CSS icon `icon-<key>` (app/globals.css), as the frame is on every page. */
export type NavItem = { key: "overview" | "members" | "invitations" | "groups" | "agents" | "personas" | "billing" | "settings" | "api-keys" | "audit"; label: string; href: string };

export function WorkspaceNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The deepest item the path is under: /settings/api-keys is "API keys", not also "Settings".
  const within = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const activeKey = items.filter((item) => (item.key === "overview" ? pathname === item.href : within(item.href))).sort((a, b) => b.href.length - a.href.length)[0]?.key;
  return (
    <nav aria-label="Workspace" className="grid gap-1">
      {items.map((item) => {
        const active = item.key === activeKey;
        return (
          // .nav-link (app/globals.css): the link's look, the current page's included, named once.
          <Link key={item.key} href={item.href} aria-current={active ? "page" : undefined} className="nav-link">
            <span className={`css-icon icon-${item.key}`} aria-hidden />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
