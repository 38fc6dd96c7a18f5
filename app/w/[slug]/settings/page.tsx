import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { GeneralSettingsForm } from "@/components/settings/general-settings-form";
import { requireWorkspaceMember } from "@/lib/workspaces/queries";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceMember(slug, "settings:manage");
  return (
    <>
      <PageHeader title="Settings" description="Workspace settings. Owners and admins can change them; every change is audited." />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>General</h2>
            </CardTitle>
            <CardDescription>The name your team sees in the workspace switcher and in invitations.</CardDescription>
          </CardHeader>
          <CardContent>
            <GeneralSettingsForm slug={slug} name={workspace.name} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
