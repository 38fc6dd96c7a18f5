"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { UserPlus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useDialogTrigger, useOpenedOnce } from "@/components/ui/on-demand";
import type { InviteProps } from "./invite-dialog";

const load = () => import("./invite-dialog");
// Loaded when first opened (components/ui/on-demand.ts).
const InviteDialog = dynamic(() => load().then((m) => m.InviteDialog));

/** "Invite", and the invite dialog it opens. */
export function InviteButton(props: InviteProps) {
  const [open, setOpen] = useState(false);
  const mounted = useOpenedOnce(open);
  const { trigger, content } = useDialogTrigger(open, setOpen, load);
  return (
    <>
      <Button {...trigger}>
        <UserPlus aria-hidden />
        Invite
      </Button>
      {mounted ? <InviteDialog {...props} open={open} setOpen={setOpen} content={content} /> : null}
    </>
  );
}
