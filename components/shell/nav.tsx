"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Bot, CreditCard, LayoutDashboard, Layers, MailPlus, ScrollText, Settings, Theater, Users } from "lucide-react";

const ICONS = { overview: LayoutDashboard, members: Users, invitations: MailPlus, groups: Layers, agents: Bot, personas: Theater, billing: CreditCard, settings: Settings, audit: ScrollText };
export type NavItem = { key: keyof typeof ICONS; label: string; href: string };

export function WorkspaceNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workspace" className="grid gap-1">
      {items.map((item) => {
        const Icon = ICONS[item.key];
        const active = item.key === "overview" ? pathname === item.href : pathname.startsWith(item.href);
        return (
          // .nav-link (app/globals.css): the link's look, the current page's included, named once.
          <Link key={item.key} href={item.href} aria-current={active ? "page" : undefined} className="nav-link">
            <Icon className="size-4" aria-hidden />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
