"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { disableTwoFactor, regenerateRecoveryCodes } from "@/lib/account/two-factor-actions";
import { reauthenticateSchema, type ReauthenticateInput } from "@/lib/auth/two-factor/schemas";
import type { ActionResult } from "@/lib/core/result";
import { formatDate, plural } from "@/lib/format";
import { PasswordAndCodeFields } from "./password-and-code-fields";
import { RecoveryCodes } from "./recovery-codes";
import { focusTwoFactorHeading } from "./focus";

const CODE_HELP = "A code from your authenticator app, or one of your unused recovery codes.";
type Step = null | "replace" | "off";

/** 2FA is on: new recovery codes, or turning it off; each asks for the password and a code. */
export function ManageTwoFactor({
  email,
  enabledAt,
  recoveryCodesLeft,
  requiredBy,
}: {
  email: string;
  enabledAt: string;
  recoveryCodesLeft: number;
  /** Workspaces that require 2FA: turning it off locks the person out of them until they set it up again. */
  requiredBy: string[];
}) {
  const [step, setStep] = useState<Step>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const cancel = () => {
    setStep(null);
    focusTwoFactorHeading();
  };

  return (
    <div className="grid gap-4">
      <p className="text-sm">
        Two-factor authentication has been <strong>on</strong> since {formatDate(enabledAt)}.{" "}
        {recoveryCodesLeft === 0 ? "No unused recovery codes left." : `${plural(recoveryCodesLeft, "unused recovery code")} left.`}
      </p>
      {recoveryCodesLeft <= 3 && !codes ? (
        <p className="text-sm text-destructive">
          {recoveryCodesLeft === 0 ? "Without recovery codes, losing your phone locks you out." : "You are running out of recovery codes."} Replace them, and keep the
          new ones safe.
        </p>
      ) : null}
      {codes ? (
        <>
          <RecoveryCodes codes={codes} email={email} />
          <div>
            <Button
              type="button"
              onClick={() => {
                setCodes(null);
                focusTwoFactorHeading();
              }}
            >
              I have saved my recovery codes
            </Button>
          </div>
        </>
      ) : null}
      {codes ? null : step === null ? (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="outline" onClick={() => setStep("replace")}>
            Replace recovery codes
          </Button>
          <Button type="button" variant="outline" onClick={() => setStep("off")}>
            Turn off two-factor authentication
          </Button>
        </div>
      ) : step === "replace" ? (
        <ReplaceCodesForm onDone={(fresh) => (setCodes(fresh), setStep(null))} onCancel={cancel} />
      ) : (
        <TurnOffForm requiredBy={requiredBy} onCancel={cancel} />
      )}
    </div>
  );
}

/** A step that asks for the password and a code before it runs `action` (new recovery codes, turning 2FA off). */
function ReauthenticateForm<T>({
  id,
  title,
  description,
  submit: labels,
  destructive = false,
  action,
  onSuccess,
  onCancel,
  children,
}: {
  id: string;
  title: string;
  description: string;
  submit: { idle: string; pending: string };
  destructive?: boolean;
  action: (input: ReauthenticateInput) => Promise<ActionResult<T>>;
  onSuccess: (data: T) => void;
  onCancel: () => void;
  children?: React.ReactNode;
}) {
  const { form, formError, submit } = useActionForm(reauthenticateSchema, { password: "", code: "" }, action, { onSuccess });
  useEffect(() => form.setFocus("password"), [form]);
  return (
    <form onSubmit={submit} noValidate className="grid max-w-md gap-4" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="font-medium">
        {title}
      </h3>
      <p className="text-sm text-muted-foreground">{description}</p>
      {children}
      <FormAlert message={formError} />
      <PasswordAndCodeFields id={id} register={form.register} errors={form.formState.errors} codeHelp={CODE_HELP} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? labels.pending : labels.idle}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function ReplaceCodesForm({ onDone, onCancel }: { onDone: (codes: string[]) => void; onCancel: () => void }) {
  const router = useRouter();
  return (
    <ReauthenticateForm
      id="replace"
      title="Replace recovery codes"
      description="Ten new codes; every earlier one, used or not, stops working."
      submit={{ idle: "Replace recovery codes", pending: "Replacing…" }}
      action={regenerateRecoveryCodes}
      onSuccess={({ recoveryCodes }) => {
        toast.success("New recovery codes. The old ones no longer work.");
        onDone(recoveryCodes);
        router.refresh();
      }}
      onCancel={onCancel}
    />
  );
}

function TurnOffForm({ requiredBy, onCancel }: { requiredBy: string[]; onCancel: () => void }) {
  const router = useRouter();
  return (
    <ReauthenticateForm
      id="off"
      title="Turn off two-factor authentication"
      description="Your password alone will sign you in again, and your recovery codes stop working."
      submit={{ idle: "Turn off two-factor authentication", pending: "Turning off…" }}
      destructive
      action={disableTwoFactor}
      onSuccess={() => {
        toast.success("Two-factor authentication is off.");
        router.refresh();
        focusTwoFactorHeading();
      }}
      onCancel={onCancel}
    >
      {requiredBy.length > 0 ? (
        <p className="text-sm text-destructive">
          {requiredBy.join(", ")} {requiredBy.length === 1 ? "requires" : "require"} two-factor authentication: you will not be able to open{" "}
          {requiredBy.length === 1 ? "it" : "them"} until you set it up again.
        </p>
      ) : null}
    </ReauthenticateForm>
  );
}
