import { KeyRound } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatRelative, fullName } from "@/lib/format";
import type { ApiKeyRow } from "@/lib/api-keys/queries";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

function When({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)} suppressHydrationWarning>
      {formatRelative(date)}
    </time>
  );
}

const STATUS = { live: <Badge variant="outline">Active</Badge>, expired: <Badge variant="secondary">Expired</Badge>, revoked: <Badge variant="destructive">Revoked</Badge> };

export function ApiKeysTable({ slug, keys, showCreator }: { slug: string; keys: ApiKeyRow[]; showCreator: boolean }) {
  if (keys.length === 0) {
    return (
      <div className="grid place-items-center gap-2 rounded-lg border border-dashed bg-background px-6 py-12 text-center">
        <KeyRound className="size-8 text-muted-foreground" aria-hidden />
        <p className="font-medium">No API keys yet</p>
        <p className="max-w-sm text-sm text-muted-foreground">Create one above to manage the team from scripts with the Team API.</p>
      </div>
    );
  }
  return (
    <div className="rounded-lg border bg-background">
      <Table aria-label="API keys">
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Name</TableHead>
            <TableHead scope="col">Key</TableHead>
            {showCreator ? <TableHead scope="col">Member</TableHead> : null}
            <TableHead scope="col">Created</TableHead>
            <TableHead scope="col">Last used</TableHead>
            <TableHead scope="col">Expires</TableHead>
            <TableHead scope="col">Status</TableHead>
            <TableHead scope="col">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.map((key) => (
            <TableRow key={key.id}>
              <TableHead scope="row" className="font-medium">
                {key.name}
              </TableHead>
              <TableCell>
                <code className="text-xs">{key.prefix}…</code>
              </TableCell>
              {showCreator ? (
                <TableCell>
                  <span className="grid">
                    <span>{fullName(key.creator)}{key.isYours ? " (you)" : ""}</span>
                    <span className="text-xs text-muted-foreground">{key.creator.email}</span>
                  </span>
                </TableCell>
              ) : null}
              <TableCell>
                <When date={key.createdAt} />
              </TableCell>
              <TableCell data-testid="last-used">
                {key.lastUsedAt ? (
                  <span className="grid">
                    <When date={key.lastUsedAt} />
                    <span className="text-xs text-muted-foreground">from {key.lastUsedIp ?? "an unknown address"}</span>
                  </span>
                ) : (
                  <span className="text-muted-foreground">Never</span>
                )}
              </TableCell>
              <TableCell>
                {/* A revoked key's expiry no longer means anything: "Expires in 3 months" beside "Revoked" read as a contradiction. */}
                {key.status === "revoked" ? (
                  <span className="text-muted-foreground">
                    —<span className="sr-only">Does not apply: revoked</span>
                  </span>
                ) : key.expiresAt ? (
                  <When date={key.expiresAt} />
                ) : (
                  <span className="text-muted-foreground">Never</span>
                )}
              </TableCell>
              <TableCell>{STATUS[key.status]}</TableCell>
              <TableCell className="text-right">{key.status === "live" ? <RevokeApiKeyButton slug={slug} apiKey={{ id: key.id, name: key.name }} /> : null}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
