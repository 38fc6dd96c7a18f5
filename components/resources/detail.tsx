import Link from "next/link";
import { Pencil, Users } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { Creator } from "@/lib/resources/creator";
import { VISIBILITY_LABELS, type VisibilityValue } from "@/lib/resources/values";
import { CreatorName } from "./badges";

export type DetailRow = [label: string, value: React.ReactNode];

/** The rows every agent and persona page ends with: who can reach it, who made it, and when. */
export function commonRows(resource: { visibility: VisibilityValue; creator: Creator; createdAt: Date; updatedAt: Date }): DetailRow[] {
  const time = (d: Date) => <time dateTime={d.toISOString()}>{formatDateTime(d)}</time>;
  return [
    ["Who can reach it", VISIBILITY_LABELS[resource.visibility]],
    ["Created by", <CreatorName key="creator" creator={resource.creator} />],
    ["Created", time(resource.createdAt)],
    ["Updated", time(resource.updatedAt)],
  ];
}

/** A titled section of the page; the title is a real heading, so headings navigate the page. */
function Section({ title, description, children }: { title: string; description?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{title}</h2>
        </CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export function DetailCard({ title, rows }: { title: string; rows: DetailRow[] }) {
  return (
    <Section title={title}>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr] sm:gap-y-4">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-muted-foreground">{label}</dt>
            <dd className="mb-3 min-w-0 break-words sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

/** A long text field (system prompt, tone), kept as written: line breaks and all. */
export function TextCard({ title, text, empty }: { title: string; text: string; empty: string }) {
  return (
    <Section title={title}>
      {text ? <p className="text-sm break-words whitespace-pre-wrap">{text}</p> : <p className="text-sm text-muted-foreground">{empty}</p>}
    </Section>
  );
}

/** The groups it is in; each opens on the Groups page, where assignments are made. */
export function GroupsCard({ slug, noun, groups }: { slug: string; noun: string; groups: { id: string; name: string }[] }) {
  return (
    <Section
      title="Groups"
      description={
        <>
          Owners and admins add and remove it on the{" "}
          <Link href={`/w/${slug}/groups`} className="font-medium text-primary underline-offset-4 hover:underline">
            Groups page
          </Link>
          .
        </>
      }
    >
      {groups.length === 0 ? (
        <p className="text-sm text-muted-foreground">This {noun} is not in any group.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={`Groups this ${noun} is in`}>
          {groups.map((g) => (
            <li key={g.id}>
              <Link href={`/w/${slug}/groups?open=${encodeURIComponent(g.id)}`} className="inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1 text-sm hover:bg-accent">
                <Users className="size-3.5 text-muted-foreground" aria-hidden />
                {g.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function EditLink({ href, label }: { href: string; label: string }) {
  return (
    <Button variant="outline" asChild>
      <Link href={href}>
        <Pencil aria-hidden />
        {label}
      </Link>
    </Button>
  );
}
