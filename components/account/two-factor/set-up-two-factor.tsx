"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { beginTwoFactorSetup, confirmTwoFactorSetup } from "@/lib/account/two-factor-actions";
import { confirmTwoFactorSchema } from "@/lib/auth/two-factor/schemas";
import { PasswordAndCodeFields } from "./password-and-code-fields";
import { RecoveryCodes } from "./recovery-codes";
import { focusTwoFactorHeading } from "./focus";
import { Copy } from "lucide-react";
import { plural } from "@/lib/format";

type Setup = { secret: string; uri: string; qrSvg: string };

async function copyKey(secret: string) {
  try {
    await navigator.clipboard.writeText(secret);
    toast.success("Key copied.");
  } catch {
    toast.error("Your browser did not allow copying. Select the key and copy it.");
  }
}

/** The key as a person types it: groups of four. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/** Off → a QR code and key → the password and a code → on, with the recovery codes shown once. */
export function SetUpTwoFactor({ email, verified, continueTo }: { email: string; verified: boolean; continueTo: { href: string; name: string } | null }) {
  const router = useRouter();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  // Each step replaces the one before: focus follows, so keyboard and screen-reader users are not left on nothing.
  const stepRef = useRef<HTMLElement>(null);
  useEffect(() => stepRef.current?.focus(), [setup, codes]);
  const begin = useAction(beginTwoFactorSetup, { onSuccess: (data) => setSetup(data) });
  const { form, formError, submit } = useActionForm(confirmTwoFactorSchema, { password: "", code: "" }, confirmTwoFactorSetup, {
    onSuccess({ recoveryCodes, otherSessionsEnded }) {
      toast.success(otherSessionsEnded > 0 ? `Two-factor authentication is on. ${plural(otherSessionsEnded, "other browser")} signed out.` : "Two-factor authentication is on.");
      setCodes(recoveryCodes);
    },
    // A setup replaced in another tab: start again.
    onRefusal: (refusal) => refusal.code === "gone" && (setSetup(null), toast.error(refusal.message), true),
  });

  if (codes) {
    return (
      <div className="grid gap-4">
        <p ref={stepRef as React.RefObject<HTMLParagraphElement>} tabIndex={-1} role="status" className="text-sm font-medium outline-none">
          Two-factor authentication is on. From now on Roster asks for a code when you sign in, and every other browser must sign in again.
        </p>
        <RecoveryCodes codes={codes} email={email} />
        <div className="flex flex-wrap gap-2">
          {continueTo ? (
            <Button asChild>
              <Link href={continueTo.href}>Continue to {continueTo.name}</Link>
            </Button>
          ) : null}
          <Button
            type="button"
            variant={continueTo ? "outline" : "default"}
            onClick={() => {
              router.refresh();
              focusTwoFactorHeading();
            }}
          >
            I have saved my recovery codes
          </Button>
        </div>
      </div>
    );
  }

  if (!setup) {
    return (
      <div className="grid gap-3">
        <p className="text-sm">
          Two-factor authentication is <strong>off</strong>. Turn it on and Roster asks, after your password, for a code from an authenticator app on your phone (such as
          1Password, Google Authenticator or Authy), so a stolen password alone cannot open your account.
        </p>
        {verified ? (
          <div>
            <Button type="button" onClick={() => begin.run({})} disabled={begin.pending}>
              {begin.pending ? "Preparing…" : "Set up two-factor authentication"}
            </Button>
          </div>
        ) : (
          <p className="text-sm font-medium">
            First verify your email address with the link we sent to {email} (the banner above can send a new one); then you can set it up here.
          </p>
        )}
      </div>
    );
  }

  return (
    <ol ref={stepRef as React.RefObject<HTMLOListElement>} tabIndex={-1} aria-label="Steps to set up two-factor authentication" className="grid list-decimal gap-5 pl-5 text-sm outline-none marker:font-medium">
      <li>
        <div className="grid gap-2">
          <span>Scan this QR code with your authenticator app.</span>
          {/* The SVG is drawn on the server from the otpauth:// link; shown as an image, never as markup. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
            alt={`QR code that adds Roster (${email}) to an authenticator app`}
            width={176}
            height={176}
            className="rounded-md border bg-white p-1"
          />
          <span>
            On this phone?{" "}
            <a href={setup.uri} className="font-medium text-primary underline-offset-4 hover:underline">
              Open in your authenticator app
            </a>
          </span>
          <span id="setup-key-label">Or enter this key in the app by hand (time-based, 6 digits):</span>
          <div className="flex flex-wrap items-center gap-2">
            <code aria-labelledby="setup-key-label" data-testid="totp-secret" className="w-fit rounded bg-muted px-2 py-1 font-mono text-base tracking-wide break-all">
              {grouped(setup.secret)}
            </code>
            <Button type="button" variant="outline" size="sm" onClick={() => copyKey(setup.secret)}>
              <Copy aria-hidden /> Copy key
            </Button>
          </div>
        </div>
      </li>
      <li>
        <form onSubmit={submit} noValidate className="grid max-w-md gap-4" aria-label="Turn on two-factor authentication">
          <span>Enter your password and the 6-digit code the app now shows for Roster.</span>
          <FormAlert message={formError} />
          <PasswordAndCodeFields id="setup" register={form.register} errors={form.formState.errors} codeHelp="The code changes every 30 seconds." digitsOnly />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? "Turning on…" : "Turn on two-factor authentication"}
            </Button>
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                setSetup(null);
                focusTwoFactorHeading();
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      </li>
    </ol>
  );
}
