"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { loadToaster, onToasterWanted } from "./toast";

// sonner and the styled toaster load on demand (see ./toast.ts), not with the page.
const Toaster = dynamic(() => import("./sonner").then((m) => m.Toaster), { ssr: false });

/**
 * The app's toaster, mounted on the person's first click, tap or key press (every toast
 * follows one: a form sent, a button pressed), or on the first toast, whichever is first.
 */
export function Toasts() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    const stop = onToasterWanted(() => setMounted(true));
    const interacted = () => void loadToaster();
    const options = { capture: true, once: true, passive: true } as const;
    document.addEventListener("pointerdown", interacted, options);
    document.addEventListener("keydown", interacted, options);
    return () => {
      stop();
      document.removeEventListener("pointerdown", interacted, options);
      document.removeEventListener("keydown", interacted, options);
    };
  }, []);
  return mounted ? <Toaster /> : null;
}
