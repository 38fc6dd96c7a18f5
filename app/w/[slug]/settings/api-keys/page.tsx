import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { listApiKeys } from "@/lib/api-keys/queries";
import { MAX_LIVE_KEYS_PER_MEMBER } from "@/lib/api-keys/schemas";
import { can } from "@/lib/authz/permissions";
import { requireWorkspaceMember } from "@/lib/authz/page-access";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, membership, user } = await requireWorkspaceMember(slug, "api_keys:use");
  const everyone = can(membership.role, "api_keys:manage");
  const keys = await listApiKeys({ workspaceId: workspace.id, userId: user.id, role: membership.role });
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys for the Team API (<Link className="underline" href="/docs/api">reference</Link>). A key acts as you, with your role as it is at each request, in this
            workspace only. {everyone ? "You see every member's keys and can revoke any of them." : "You see and revoke your own keys."}
          </>
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>New API key</h2>
            </CardTitle>
            <CardDescription>Up to {MAX_LIVE_KEYS_PER_MEMBER} live keys per member. Send it as <code>Authorization: Bearer rst_…</code>.</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateApiKeyForm slug={slug} />
          </CardContent>
        </Card>
        <section aria-labelledby="api-keys-heading" className="grid gap-3">
          <h2 id="api-keys-heading" className="text-lg font-semibold">
            {everyone ? "Keys in this workspace" : "Your keys"}
          </h2>
          <ApiKeysTable slug={slug} keys={keys} showCreator={everyone} />
        </section>
      </div>
    </>
  );
}
