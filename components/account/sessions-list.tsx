"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LazyConfirmDialog, useVanishingTriggerDialog } from "@/components/ui/on-demand";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useAction } from "@/components/forms/use-action";
import { revokeOtherSessions, revokeSession, signOutCurrentSession } from "@/lib/account/actions";
import { formatDateTime, formatRelative, plural } from "@/lib/format";

export type SessionRow = { handle: string; device: string; ip: string | null; createdAt: string; lastSeenAt: string; current: boolean };

function When({ at }: { at: string }) {
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {formatRelative(at)}
    </time>
  );
}

export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="grid gap-4">
      <Table>
        <caption className="sr-only">Browsers signed in to your account</caption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Device</TableHead>
            <TableHead scope="col">IP address</TableHead>
            <TableHead scope="col">Signed in</TableHead>
            <TableHead scope="col">Last seen</TableHead>
            <TableHead scope="col">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sessions.map((s) => (
            <TableRow key={s.handle} data-session-row={s.current ? "current" : "other"}>
              <TableCell className="font-medium">
                <span className="flex flex-wrap items-center gap-2">
                  {s.device}
                  {s.current ? <Badge variant="secondary">This browser</Badge> : null}
                </span>
              </TableCell>
              <TableCell>{s.ip ?? "Unknown"}</TableCell>
              <TableCell>
                <When at={s.createdAt} />
              </TableCell>
              <TableCell>{s.current ? "Now" : <When at={s.lastSeenAt} />}</TableCell>
              <TableCell className="text-right">{s.current ? <SignOutThisBrowser /> : <RevokeSession session={s} />}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {others > 0 ? <RevokeOthers count={others} /> : <p className="text-sm text-muted-foreground">No other browser is signed in.</p>}
    </div>
  );
}

function SignOutThisBrowser() {
  const router = useRouter();
  const toLogin = () => {
    router.replace("/login");
    router.refresh();
  };
  const { run, pending } = useAction(signOutCurrentSession, { onSuccess: toLogin, onRefusal: toLogin });
  return (
    <Button variant="outline" size="sm" onClick={() => run({})} disabled={pending}>
      {pending ? "Signing out…" : "Sign out this browser"}
    </Button>
  );
}

function RevokeSession({ session }: { session: SessionRow }) {
  const router = useRouter();
  const { trigger, mounted, dialog, finish } = useSessionDialog();
  const { run, pending } = useAction(revokeSession, {
    onSuccess() {
      toast.success(`${session.device} signed out`);
      finish();
      router.refresh();
    },
  });
  const where = `${session.device}${session.ip ? `, ${session.ip}` : ""}`;
  return (
    <>
      <Button {...trigger} variant="ghost" size="sm" className="text-destructive hover:text-destructive">
        Sign out<span className="sr-only"> {where}</span>
      </Button>
      {mounted ? (
        <LazyConfirmDialog
          {...dialog}
          title={`Sign out ${session.device}?`}
          description={`The browser at ${session.ip ?? "an unknown address"} goes to the sign-in page on its next request. Whoever uses it needs your password to sign in again.`}
          confirmLabel="Sign out that browser"
          busy={pending}
          busyLabel="Signing out…"
          onConfirm={() => run({ handle: session.handle })}
        />
      ) : null}
    </>
  );
}

function RevokeOthers({ count }: { count: number }) {
  const router = useRouter();
  const { trigger, mounted, dialog, finish } = useSessionDialog();
  const { run, pending } = useAction(revokeOtherSessions, {
    onSuccess({ ended }) {
      toast.success(`${plural(ended, "other browser")} signed out`);
      finish();
      router.refresh();
    },
  });
  return (
    <div>
      <Button {...trigger} variant="outline">
        Sign out everywhere else
      </Button>
      {mounted ? (
        <LazyConfirmDialog
          {...dialog}
          title="Sign out everywhere else?"
          description={`${plural(count, "other browser")} will go to the sign-in page on the next request. This browser stays signed in.`}
          confirmLabel="Sign out everywhere else"
          busy={pending}
          busyLabel="Signing out…"
          onConfirm={() => run({})}
        />
      ) : null}
    </div>
  );
}

/** After a browser is signed out its row is gone: focus goes to the list's heading, where the person was. */
const useSessionDialog = () => useVanishingTriggerDialog(() => document.getElementById("sessions-heading")?.focus());
