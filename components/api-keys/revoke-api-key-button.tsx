"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { LazyConfirmDialog, useVanishingTriggerDialog } from "@/components/ui/on-demand";
import { useAction } from "@/components/forms/use-action";
import { focusPageHeading } from "@/components/page-header";
import { revokeApiKey } from "@/lib/api-keys/actions";

export function RevokeApiKeyButton({ slug, apiKey }: { slug: string; apiKey: { id: string; name: string } }) {
  const router = useRouter();
  // The revoked key's row loses its button: focus goes to the page's heading.
  const { trigger, mounted, dialog, finish } = useVanishingTriggerDialog(focusPageHeading);
  const { run, pending } = useAction(revokeApiKey, {
    onSuccess() {
      toast.success(`API key “${apiKey.name}” revoked`);
      finish();
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
          {...dialog}
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
