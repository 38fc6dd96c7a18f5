import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, viewerCan } from "@/lib/authz/permissions";
import { getMember } from "@/lib/members/queries";
import { formatDateTime, formatRelative } from "@/lib/format";
import { requireWorkspaceViewer } from "@/lib/authz/page-access";
import { initials } from "@/lib/utils";
import { fullName } from "@/lib/format";
import { getMemberGroupAccess } from "@/lib/groups/queries";
import { readerOf } from "@/lib/resources/reach";
import { MemberGroupAccess } from "@/components/members/member-group-access";
import { MemberActivity } from "@/components/audit/member-activity";

export const metadata = { title: "Member" };

export default async function MemberPage({ params }: { params: Promise<{ slug: string; memberId: string }> }) {
  const { slug, memberId } = await params;
  // Members with members:view, and support staff (read-only; their visit is recorded).
  const { viewer, workspace, user } = await requireWorkspaceViewer(slug, "members:view", "member");
  const member = await getMember({ workspaceId: workspace.id, userId: user.id, role: viewer.kind === "member" ? viewer.role : null }, memberId);
  if (!member) notFound();
  // Groups are outside support staff's read-only set (SUPPORT_PERMISSIONS): members only.
  const access = viewer.kind === "member" && viewerCan(viewer, "groups:view") ? await getMemberGroupAccess(await readerOf(viewer.membership), member) : null;
  // Sign-in addresses are for the people who manage the team, and for the member themself.
  // Support staff see what a read member sees: no sign-in time or address.
  const showSignIn = viewerCan(viewer, "members:manage") || member.userId === user.id;
  const name = fullName(member.user);
  const rows: [string, React.ReactNode][] = [
    ["Email", member.user.email],
    ["Role", <span key="role" className="grid gap-1"><Badge variant="secondary">{ROLE_LABELS[member.role]}</Badge><span className="text-muted-foreground">{ROLE_DESCRIPTIONS[member.role]}</span></span>],
    ["Joined", formatDateTime(member.createdAt)],
    ["Last active here", member.lastActiveAt ? `${formatRelative(member.lastActiveAt)} (${formatDateTime(member.lastActiveAt)})` : "Never"],
  ];
  if (showSignIn) {
    rows.push(["Last sign-in", member.user.lastSignInAt ? formatDateTime(member.user.lastSignInAt) : "Never"]);
    rows.push(["Last sign-in IP", member.user.lastSignInIp ?? "Unknown"]);
  }
  return (
    <>
      <Link href={`/w/${slug}/members`} className="mb-4 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        Team members
      </Link>
      <div className="mb-6 flex items-center gap-4">
        <span className="flex size-14 items-center justify-center rounded-full bg-primary/10 text-lg font-semibold text-primary" aria-hidden>
          {initials(member.user.firstName, member.user.lastName)}
        </span>
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
          <p className="text-sm text-muted-foreground">{member.user.email}</p>
        </div>
      </div>
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle>
            <h2>Membership</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-4 text-sm sm:grid-cols-[10rem_1fr]">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-muted-foreground">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      {access ? <MemberGroupAccess slug={slug} access={access} /> : null}
      {viewerCan(viewer, "audit:view") ? <MemberActivity slug={slug} workspaceId={workspace.id} userId={member.userId} name={name} /> : null}
    </>
  );
}
