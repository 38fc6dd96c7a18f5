"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
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
  const [open, setOpen] = useState(false);
  const done = useRef(false);
  const { run, pending } = useAction(revokeSession, {
    onSuccess() {
      toast.success(`${session.device} signed out`);
      done.current = true;
      setOpen(false);
      router.refresh();
    },
  });
  const where = `${session.device}${session.ip ? `, ${session.ip}` : ""}`;
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive">
          Sign out<span className="sr-only"> {where}</span>
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          // The row, and the button that opened this dialog, are about to disappear.
          if (!done.current) return;
          event.preventDefault();
          focusSessionsHeading();
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>Sign out {session.device}?</AlertDialogTitle>
          <AlertDialogDescription>
            The browser at {session.ip ?? "an unknown address"} goes to the sign-in page on its next request. Whoever uses it needs your password to sign in again.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button variant="destructive" onClick={() => run({ handle: session.handle })} disabled={pending}>
            {pending ? "Signing out…" : "Sign out that browser"}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

function RevokeOthers({ count }: { count: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const done = useRef(false);
  const { run, pending } = useAction(revokeOtherSessions, {
    onSuccess({ ended }) {
      toast.success(`${plural(ended, "other browser")} signed out`);
      done.current = true;
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <div>
      <AlertDialog open={open} onOpenChange={setOpen}>
        <AlertDialogTrigger asChild>
          <Button variant="outline">Sign out everywhere else</Button>
        </AlertDialogTrigger>
        <AlertDialogContent
          onCloseAutoFocus={(event) => {
            // The button that opened this dialog is gone once no other browser is left.
            if (!done.current) return;
            event.preventDefault();
            focusSessionsHeading();
          }}
        >
          <AlertDialogHeader>
            <AlertDialogTitle>Sign out everywhere else?</AlertDialogTitle>
            <AlertDialogDescription>{plural(count, "other browser")} will go to the sign-in page on the next request. This browser stays signed in.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
            <Button variant="destructive" onClick={() => run({})} disabled={pending}>
              {pending ? "Signing out…" : "Sign out everywhere else"}
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}

/** After a browser is signed out its row is gone: focus goes to the list's heading, where the person was, not to the page's top. */
function focusSessionsHeading() {
  document.getElementById("sessions-heading")?.focus();
}
