"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { LazyConfirmDialog, loadConfirmDialog, useDialogTrigger, useOpenedOnce } from "@/components/ui/on-demand";
import { useAction } from "@/components/forms/use-action";
import { focusPageHeading } from "@/components/page-header";
import { revokeApiKey } from "@/lib/api-keys/actions";

export function RevokeApiKeyButton({ slug, apiKey }: { slug: string; apiKey: { id: string; name: string } }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const mounted = useOpenedOnce(confirming);
  const { trigger, content } = useDialogTrigger(confirming, setConfirming, loadConfirmDialog);
  const revoked = useRef(false);
  const { run, pending } = useAction(revokeApiKey, {
    onSuccess() {
      toast.success(`API key “${apiKey.name}” revoked`);
      revoked.current = true;
      setConfirming(false);
      router.refresh();
    },
  });

  return (
    <>
      <Button {...trigger} variant="ghost" size="sm" className="text-destructive hover:text-destructive" disabled={pending} aria-label={`Revoke API key ${apiKey.name}`}>
        Revoke
      </Button>
      {mounted ? (
        <LazyConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          id={content.id}
          onCloseAutoFocus={(event) => {
            // The button that opened this dialog is about to disappear with the row's actions.
            if (!revoked.current) return content.onCloseAutoFocus(event);
            event.preventDefault();
            focusPageHeading();
          }}
          title={`Revoke the API key “${apiKey.name}”?`}
          description="Every script using it gets 401 from its next request on. This cannot be undone; the audit log keeps what the key did."
          confirmLabel="Revoke key"
          busy={pending}
          busyLabel="Revoking…"
          onConfirm={() => void run(slug, { keyId: apiKey.id })}
        />
      ) : null}
    </>
  );
}
