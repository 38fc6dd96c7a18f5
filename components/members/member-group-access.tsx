import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { getMemberGroupAccess } from "@/lib/groups/queries";

type Access = Awaited<ReturnType<typeof getMemberGroupAccess>>;

const SUMMARY: Record<Access["reaches"], string> = {
  groups: "Besides everything open to the whole workspace, their groups give them these restricted agents and personas (those you can open yourself).",
  all: "Their role reaches every agent and persona, restricted ones included, whatever their groups.",
  none: "Their role does not include agents and personas, so no group gives them any.",
};

const linkClass = "font-medium text-primary underline-offset-4 hover:underline";

function Names({ items, href, none }: { items: { id: string; name: string }[]; href: (id: string) => string; none: string }) {
  if (items.length === 0) return <span className="text-muted-foreground">{none}</span>;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1">
      {items.map((item) => (
        <li key={item.id}>
          <Link href={href(item.id)} className={linkClass}>
            {item.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A member's groups, and the group-only agents and personas those groups open to them. */
export function MemberGroupAccess({ slug, access }: { slug: string; access: Access }) {
  const groups: [string, React.ReactNode] = ["Groups", <Names key="g" items={access.groups} href={(id) => `/w/${slug}/groups?open=${id}`} none="Not in any group" />];
  const rows: [string, React.ReactNode][] =
    access.reaches === "groups"
      ? [
          groups,
          ["Agents through groups", <Names key="a" items={access.agents} href={(id) => `/w/${slug}/agents/${id}`} none="None" />],
          ["Personas through groups", <Names key="p" items={access.personas} href={(id) => `/w/${slug}/personas/${id}`} none="None" />],
        ]
      : [groups];
  return (
    <Card className="mt-6 max-w-2xl">
      <CardHeader>
        <CardTitle>
          <h2>Groups and access</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        <p className="text-muted-foreground">{SUMMARY[access.reaches]}</p>
        <dl className="grid gap-4 sm:grid-cols-[12rem_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-muted-foreground">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
