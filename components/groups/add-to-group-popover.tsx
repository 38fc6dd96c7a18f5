"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useAction } from "@/components/forms/use-action";
import { addToGroup } from "@/lib/groups/actions";
import type { Candidate } from "@/lib/groups/queries";
import type { GroupItemKind } from "@/lib/groups/schemas";
import { CandidateSearch } from "./candidate-search";

type Props = { slug: string; group: { id: string; name: string }; kind: GroupItemKind };

/** The + of a section: search what is not in the group yet, and add one. */
export function AddToGroupPopover({ slug, group, kind }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState<Candidate | null>(null);
  const { run, pending } = useAction(addToGroup);
  const add = async (candidate: Candidate) => {
    if (pending) return;
    setAdding(candidate);
    const result = await run(slug, { groupId: group.id, kind, itemId: candidate.id });
    setAdding(null);
    if (!result.ok) return; // useAction has shown the refusal in a toast.
    toast.success(`${candidate.label} added to ${group.name}`);
    // Closing hands focus back to this + button, ready to add the next one.
    setOpen(false);
    router.refresh();
  };

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="icon" className="size-7" aria-label={`Add ${kind} to ${group.name}`}>
          <Plus className="size-4" aria-hidden />
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80 p-3" aria-label={`Add ${kind} to ${group.name}`}>
        <CandidateSearch slug={slug} groupId={group.id} kind={kind} adding={adding} onPick={add} />
      </PopoverContent>
    </Popover>
  );
}
