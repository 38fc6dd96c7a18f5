"use client";

import { useEffect, useRef, useState } from "react";
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Checkbox } from "@/components/ui/checkbox";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ROLES, ROLE_LABELS } from "@/lib/authz/roles";
import type { MemberListParams } from "@/lib/members/schemas";

type Update = (changes: Record<string, string | number | null>, options?: { replace?: boolean }) => void;

const DEBOUNCE_MS = 300;

/** `showTwoFactor`: only viewers who manage the team get the 2FA filter (the server ignores it for others). */
export function MembersToolbar({ view, onChange, showTwoFactor }: { view: MemberListParams; onChange: Update; showTwoFactor: boolean }) {
  const [q, setQ] = useState(view.q);
  const last = useRef(view.q);

  // Typing updates the URL once the person pauses; a back/forward navigation updates the box.
  useEffect(() => {
    if (q === last.current) return;
    const t = setTimeout(() => {
      last.current = q;
      onChange({ q: q.trim() || null, page: null }, { replace: true });
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [q, onChange]);
  useEffect(() => {
    if (view.q !== last.current) {
      last.current = view.q;
      setQ(view.q);
    }
  }, [view.q]);

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid w-full max-w-sm gap-1.5">
        <Label htmlFor="member-search">Search by name or email</Label>
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input id="member-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} className="pl-8" placeholder="e.g. ada or @acme.com" />
        </div>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="member-role-filter">Role</Label>
        <Select value={view.role ?? "all"} onValueChange={(role) => onChange({ role: role === "all" ? null : role, page: null })}>
          <SelectTrigger id="member-role-filter" className="w-40">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">All roles</SelectItem>
            {ROLES.map((r) => (
              <SelectItem key={r} value={r}>
                {ROLE_LABELS[r]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {showTwoFactor ? (
        <div className="flex h-9 items-center gap-2">
          <Checkbox id="member-twofa-filter" checked={view.twofa === "off"} onCheckedChange={(on) => onChange({ twofa: on === true ? "off" : null, page: null })} />
          <Label htmlFor="member-twofa-filter">Only members with 2FA off</Label>
        </div>
      ) : null}
    </div>
  );
}
