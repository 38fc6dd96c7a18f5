"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { Candidate } from "@/lib/groups/queries";
import type { GroupItemKind } from "@/lib/groups/schemas";
import { plural } from "@/lib/format";
import { useCandidates } from "./use-candidates";

type Props = { slug: string; groupId: string; kind: GroupItemKind; adding: Candidate | null; onPick: (candidate: Candidate) => void };

const SEARCH_LABEL: Record<GroupItemKind, string> = { member: "Search members by name or email", agent: "Search agents by name", persona: "Search personas by name" };

/**
 * A search box over a list of buttons: Tab, or the arrow keys, go through the options,
 * Enter adds one; Escape (the popover's) closes. Plain buttons in a list rather than an
 * ARIA listbox, so every screen reader announces and activates them the same way.
 */
export function CandidateSearch({ slug, groupId, kind, adding, onPick }: Props) {
  const [q, setQ] = useState("");
  const { candidates, loading, error } = useCandidates(slug, groupId, kind, q.trim());
  const list = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const options = () => Array.from(list.current?.querySelectorAll<HTMLButtonElement>("button") ?? []);
  function onInputKey(event: KeyboardEvent) {
    if (event.key !== "ArrowDown") return;
    event.preventDefault();
    options()[0]?.focus();
  }
  function onListKey(event: KeyboardEvent) {
    const all = options();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (to === undefined || at < 0) return;
    event.preventDefault();
    // Up from the first option goes back to typing.
    if (to < 0) input.current?.focus();
    else all[Math.min(to, all.length - 1)]?.focus();
  }

  const status = adding ? `Adding ${adding.label}…` : error ? error : loading ? "Searching…" : candidates.length ? plural(candidates.length, "match", "matches") : "No matches";
  return (
    <div className="grid gap-2">
      <Label htmlFor={`${id}-q`}>{SEARCH_LABEL[kind]}</Label>
      <Input
        ref={input}
        id={`${id}-q`}
        type="search"
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onInputKey}
        aria-describedby={`${id}-status`}
      />
      <p id={`${id}-status`} role="status" className={candidates.length && !loading && !adding ? "sr-only" : "py-2 text-sm text-muted-foreground"}>
        {status}
      </p>
      {candidates.length ? (
        <ul ref={list} onKeyDown={onListKey} aria-label="Matches" className="-mx-1 grid max-h-64 gap-0.5 overflow-y-auto" aria-busy={loading}>
          {candidates.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => onPick(c)}
                className="grid w-full rounded-sm px-2 py-1.5 text-left text-sm outline-none hover:bg-accent focus-visible:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
              >
                <span className="truncate font-medium">{c.label}</span>
                {c.detail ? <span className="truncate text-xs text-muted-foreground">{c.detail}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
