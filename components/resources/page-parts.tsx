import Link from "next/link";
import { ArrowLeft, Plus } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ReadOnlyNotice } from "./notices";

// The frames of the agent and persona pages, so the two sets of pages stay alike.

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="mb-4 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
      <ArrowLeft className="size-4" aria-hidden />
      {label}
    </Link>
  );
}

/** A list page's heading, its New button for those who may create, and the notice for those who may not. */
export function ListPageHeader({ title, description, canManage, newHref, newLabel }: { title: string; description: string; canManage: boolean; newHref: string; newLabel: string }) {
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          canManage ? (
            <Button asChild>
              <Link href={newHref}>
                <Plus aria-hidden />
                {newLabel}
              </Link>
            </Button>
          ) : null
        }
      />
      {canManage ? null : <ReadOnlyNotice />}
    </>
  );
}

/** The new and edit pages: back, a heading, and the form in a card. */
export function FormPage({ back, title, description, children }: { back: { href: string; label: string }; title: string; description: string; children: React.ReactNode }) {
  return (
    <>
      <BackLink {...back} />
      <PageHeader title={title} description={description} />
      <Card className="max-w-2xl">
        <CardContent>{children}</CardContent>
      </Card>
    </>
  );
}
