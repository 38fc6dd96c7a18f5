"use client";

import { useEffect, useRef, useState } from "react";
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

type Update = (changes: Record<string, string | number | null>, options?: { replace?: boolean }) => void;

const DEBOUNCE_MS = 300;

/** The name search of a list: the URL follows the box once typing pauses, and the box follows back/forward. */
export function ListToolbar({ id, label, placeholder, q: urlQ, onChange }: { id: string; label: string; placeholder?: string; q: string; onChange: Update }) {
  const [q, setQ] = useState(urlQ);
  const last = useRef(urlQ);

  useEffect(() => {
    if (q === last.current) return;
    const t = setTimeout(() => {
      last.current = q;
      // Replace, not push: one history entry per search, not one per pause in typing.
      onChange({ q: q.trim() || null, page: null }, { replace: true });
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [q, onChange]);
  useEffect(() => {
    if (urlQ !== last.current) {
      last.current = urlQ;
      setQ(urlQ);
    }
  }, [urlQ]);

  return (
    <div className="grid w-full max-w-sm gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="relative">
        <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
        <Input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} className="pl-8" placeholder={placeholder} />
      </div>
    </div>
  );
}
