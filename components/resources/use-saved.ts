"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { focusNextPageHeading } from "./navigate";

/**
 * What the agent and persona forms do once the server has saved: say so, go to the
 * saved resource's page, and stay busy until it is there (so Save is not pressed twice).
 */
export function useSaved(basePath: string, editing: boolean) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  function onSaved({ id }: { id: string }, values: { name: string }) {
    toast.success(editing ? `Saved ${values.name}` : `${values.name} was created`);
    setSaved(true);
    router.push(`${basePath}/${id}`);
    focusNextPageHeading();
  }
  return { saved, onSaved };
}
