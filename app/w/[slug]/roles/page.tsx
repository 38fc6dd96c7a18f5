import { PageHeader } from "@/components/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PERMISSIONS, PERMISSION_NAMES, ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, can } from "@/lib/authz/permissions";
import { requireWorkspaceMember } from "@/lib/authz/page-access";

export const metadata = { title: "Roles and permissions" };

// Rendered from the same matrix every server check uses, so it cannot drift from what Roster enforces.
export default async function RolesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { membership } = await requireWorkspaceMember(slug);
  return (
    <>
      <PageHeader title="Roles and permissions" description={`What each role may do in this workspace. Your role: ${ROLE_LABELS[membership.role]}.`} />
      <div className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {ROLES.map((role) => (
          <div key={role} className="rounded-lg border bg-background p-3 text-sm">
            <p className="font-medium">{ROLE_LABELS[role]}</p>
            <p className="text-muted-foreground">{ROLE_DESCRIPTIONS[role]}</p>
          </div>
        ))}
      </div>
      <div className="rounded-lg border bg-background">
        <Table aria-label="Permissions by role">
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Permission</TableHead>
              {ROLES.map((role) => (
                <TableHead key={role} scope="col" className="text-center">
                  {ROLE_LABELS[role]}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {PERMISSION_NAMES.map((permission) => (
              <TableRow key={permission}>
                <TableHead scope="row" className="font-normal whitespace-normal">
                  {PERMISSIONS[permission].label}
                </TableHead>
                {ROLES.map((role) => (
                  <TableCell key={role} className="text-center">
                    {/* Drawn by CSS (app/globals.css): a lucide icon here is a client reference per cell. */}
                    {can(role, permission) ? (
                      <span role="img" aria-label="Allowed" className="css-icon icon-allowed text-primary" />
                    ) : (
                      <span role="img" aria-label="Not allowed" className="css-icon icon-not-allowed text-muted-foreground" />
                    )}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
