"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useDialogTrigger, useOpenedOnce } from "@/components/ui/on-demand";

const load = () => import("./group-form-dialog");
// Loaded when first opened (components/ui/on-demand.ts).
const NewGroupDialog = dynamic(() => load().then((m) => m.NewGroupDialog));

/** "New group", and the dialog it opens. */
export function NewGroupButton({ slug }: { slug: string }) {
  const [open, setOpen] = useState(false);
  const mounted = useOpenedOnce(open);
  const { trigger, content } = useDialogTrigger(open, setOpen, load);
  return (
    <>
      <Button {...trigger}>
        <Plus aria-hidden />
        New group
      </Button>
      {mounted ? <NewGroupDialog slug={slug} open={open} setOpen={setOpen} content={content} /> : null}
    </>
  );
}
