"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { can, type Role } from "@/lib/authz/permissions";

export type GroupOption = { id: string; name: string };

/** Past this many groups, a filter box helps find one. */
const FILTER_FROM = 8;

/**
 * The groups an invitation adds its person to on joining: native checkboxes in a
 * fieldset, so every one is labelled and reachable by Tab and Space.
 */
/** When groups decide nothing for the chosen role, say so rather than let it look like access. */
function roleNote(role: Role | undefined) {
  if (!role) return "";
  if (can(role, "agents:all")) return " Their role already reaches every agent and persona, whatever their groups.";
  if (!can(role, "agents:view")) return " Their role includes no agents or personas, so groups give them none.";
  return "";
}

export function GroupChoice({ groups, selected, onChange, error, role }: { groups: GroupOption[]; selected: string[]; onChange: (ids: string[]) => void; error?: string; role?: Role }) {
  const [filter, setFilter] = useState("");
  if (groups.length === 0) return null;
  const shown = filter ? groups.filter((g) => g.name.toLowerCase().includes(filter.trim().toLowerCase())) : groups;
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? "invite-groups-error" : "invite-groups-description"}>
      <legend className="mb-1 text-sm font-medium">Groups (optional)</legend>
      <p id="invite-groups-description" className="text-sm text-muted-foreground">
        They join these groups when they accept{selected.length ? ` (${selected.length} chosen)` : ""}.{roleNote(role)}
      </p>
      {groups.length > FILTER_FROM ? (
        <div className="grid gap-1.5">
          <Label htmlFor="invite-groups-filter" className="font-normal">
            Find a group
          </Label>
          <Input id="invite-groups-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      ) : null}
      <div className="grid max-h-40 gap-1 overflow-y-auto rounded-md border p-2">
        {shown.map((g) => (
          <label key={g.id} className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring">
            <input type="checkbox" className="accent-(--primary)" checked={selected.includes(g.id)} onChange={(e) => toggle(g.id, e.target.checked)} />
            {g.name}
          </label>
        ))}
        {shown.length === 0 ? <p className="px-1 text-sm text-muted-foreground">No group matches.</p> : null}
      </div>
      {error ? (
        <p id="invite-groups-error" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
