"use client";

import { useEffect, useRef, useState } from "react";
import { callAction } from "@/components/forms/use-action";
import { searchGroupCandidates } from "@/lib/groups/actions";
import type { Candidate } from "@/lib/groups/queries";
import type { GroupItemKind } from "@/lib/groups/schemas";

const DEBOUNCE_MS = 200;

/** An answer, and the search it answers: until the latest search has one, it is loading. */
type Answer = { q: string | null; candidates: Candidate[]; error: string | null };

/**
 * The + popover's search, as the person types: the first fetch (q = "") at once, later
 * ones once typing pauses. Answers can arrive out of order; only the latest one counts.
 */
export function useCandidates(slug: string, groupId: string, kind: GroupItemKind, q: string) {
  const [answer, setAnswer] = useState<Answer>({ q: null, candidates: [], error: null });
  const latest = useRef(0);
  const first = useRef(true);

  useEffect(() => {
    const call = ++latest.current;
    const delay = first.current ? 0 : DEBOUNCE_MS;
    first.current = false;
    const settle = (next: Answer) => call === latest.current && setAnswer(next);
    // callAction turns a thrown call into a refusal; the refusal shows in the popover, not as a toast.
    const t = setTimeout(
      () =>
        callAction(
          searchGroupCandidates,
          [slug, { groupId, kind, q }],
          { onSuccess: ({ candidates }) => void settle({ q, candidates, error: null }), onRefusal: (refusal) => void settle({ q, candidates: [], error: refusal.message }) },
          () => undefined,
        ),
      delay,
    );
    return () => clearTimeout(t);
  }, [slug, groupId, kind, q]);

  // The previous answer stays listed while the next one loads, so the list does not flicker.
  return { candidates: answer.candidates, error: answer.error, loading: answer.q !== q };
}
