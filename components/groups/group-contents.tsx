"use client";

import type { GroupContents as Contents, GroupRow } from "@/lib/groups/queries";
import { fullName } from "@/lib/format";
import { initials } from "@/lib/utils";
import { Badge } from "@/components/ui/badge";
import { VisibilityBadge } from "@/components/resources/badges";
import { GroupSection, type SectionItem } from "./group-section";

type Props = { slug: string; group: GroupRow; contents: Contents; sectionLimit: number; manager: boolean };

/** An expanded row: who and what is in the group, in three sections. */
export function GroupContents({ slug, group, contents, sectionLimit, manager }: Props) {
  const members: SectionItem[] = contents.members.map((m) => ({ id: m.id, name: fullName(m), detail: m.email, initials: initials(m.firstName, m.lastName) }));
  const agents: SectionItem[] = contents.agents.map((a) => ({
    id: a.id,
    name: a.name,
    href: `/w/${slug}/agents/${a.id}`,
    badges: (
      <>
        {a.status === "paused" ? <Badge variant="secondary">Paused</Badge> : null}
        <VisibilityBadge visibility={a.visibility} />
      </>
    ),
  }));
  const personas: SectionItem[] = contents.personas.map((p) => ({ id: p.id, name: p.name, href: `/w/${slug}/personas/${p.id}`, badges: <VisibilityBadge visibility={p.visibility} /> }));
  const common = { slug, group, sectionLimit, manager };
  return (
    <div className="sticky left-4 grid max-w-[calc(100vw-3rem)] gap-6 rounded-md border bg-background p-4 md:max-w-none lg:grid-cols-3">
      <GroupSection {...common} kind="member" title="Members" items={members} total={group.members} />
      <GroupSection {...common} kind="agent" title="Agents" items={agents} total={group.agents} />
      <GroupSection {...common} kind="persona" title="Personas" items={personas} total={group.personas} />
    </div>
  );
}
