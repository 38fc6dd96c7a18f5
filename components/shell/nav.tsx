"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Bot, CreditCard, KeyRound, LayoutDashboard, Layers, MailPlus, ScrollText, Settings, Theater, Users } from "lucide-react";

const ICONS = { overview: LayoutDashboard, members: Users, invitations: MailPlus, groups: Layers, agents: Bot, personas: Theater, billing: CreditCard, settings: Settings, "api-keys": KeyRound, audit: ScrollText };
export type NavItem = { key: keyof typeof ICONS; label: string; href: string };

export function WorkspaceNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The deepest item the path is under: /settings/api-keys is "API keys", not also "Settings".
  const within = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const activeKey = items.filter((item) => (item.key === "overview" ? pathname === item.href : within(item.href))).sort((a, b) => b.href.length - a.href.length)[0]?.key;
  return (
    <nav aria-label="Workspace" className="grid gap-1">
      {items.map((item) => {
        const Icon = ICONS[item.key];
        const active = item.key === activeKey;
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
