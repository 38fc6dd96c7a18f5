"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";

/**
 * The new key's secret, this once: only its hash is stored, so Roster cannot show it again.
 * Focus moves here when it appears, so a keyboard or screen-reader user finds it.
 */
export function NewApiKeySecret({ name, secret, expiresAt, onDone }: { name: string; secret: string; expiresAt: string | null; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      // Without clipboard access (an http address, a refused permission) the key stays selectable.
      setCopied("failed");
    }
  }

  return (
    <section aria-labelledby="new-api-key-heading" className="grid max-w-2xl gap-3 rounded-lg border border-primary/40 bg-primary/5 p-4">
      <h3 id="new-api-key-heading" ref={heading} tabIndex={-1} className="font-semibold outline-none">
        Your new key “{name}”
      </h3>
      <p className="text-sm">
        Copy it now: this is the only time Roster shows it. {expiresAt ? `It expires ${formatDateTime(expiresAt)}.` : "It does not expire; revoke it when it is no longer needed."}
      </p>
      <label htmlFor="new-api-key-secret" className="text-sm font-medium">
        API key
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="new-api-key-secret"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className="h-9 min-w-0 flex-1 rounded-md border border-input bg-background px-3 font-mono text-sm"
        />
        <Button type="button" onClick={copy}>
          Copy key
        </Button>
      </div>
      <p role="status" className="text-sm text-muted-foreground">
        {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Could not copy: select the key and copy it yourself." : ""}
      </p>
      <div>
        <Button type="button" variant="outline" onClick={onDone}>
          Done
        </Button>
      </div>
    </section>
  );
}
