"use client";

import { useEffect, useRef } from "react";
import { Copy, Download } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";

/** The recovery codes, shown once: to download as a text file or copy, never shown again. */
export function RecoveryCodes({ codes, email }: { codes: string[]; email: string }) {
  // Shown in place of the form that produced them: focus comes here (a parent that focuses its own message runs after this).
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const text = `Roster recovery codes for ${email}\nEach code works once, in place of a code from your authenticator app.\n\n${codes.join("\n")}\n`;

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: "roster-recovery-codes.txt" });
    link.click();
    URL.revokeObjectURL(url);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      toast.success("Recovery codes copied.");
    } catch {
      toast.error("Your browser did not allow copying. Download the codes instead.");
    }
  }

  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="recovery-codes-heading" className="grid gap-3 outline-none rounded-md border border-primary/30 bg-primary/5 p-4">
      <h3 id="recovery-codes-heading" className="font-medium">
        Your recovery codes
      </h3>
      <p className="text-sm">
        Keep these somewhere safe, apart from your phone. Each one signs you in once if you lose your authenticator app. This is the only time Roster shows them.
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm sm:w-fit">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" onClick={download}>
          <Download aria-hidden /> Download codes (.txt)
        </Button>
        <Button type="button" variant="outline" onClick={copy}>
          <Copy aria-hidden /> Copy codes
        </Button>
      </div>
    </section>
  );
}
