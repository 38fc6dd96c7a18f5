"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useOpenedOnce } from "@/components/ui/on-demand";

const load = () => import("@/components/shell/create-workspace-dialog");
// Loaded when first opened (components/ui/on-demand.ts).
const CreateWorkspaceDialog = dynamic(() => load().then((m) => m.CreateWorkspaceDialog));

export function CreateWorkspaceButton() {
  const [open, setOpen] = useState(false);
  const mounted = useOpenedOnce(open);
  return (
    <>
      <Button onClick={() => setOpen(true)} onPointerEnter={load} onFocus={load}>
        <Plus className="size-4" aria-hidden />
        Create workspace
      </Button>
      {mounted ? <CreateWorkspaceDialog open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
