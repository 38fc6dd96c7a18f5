import Link from "next/link";
import { CircleX } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** What a one-time link that cannot act shows (join, verify, reset): what happened, and where to go instead. */
export function DeadLinkCard({ title, message, href = "/w", linkLabel = "Go to your workspaces" }: { title: string; message: string; href?: string; linkLabel?: string }) {
  return (
    <Card>
      <CardHeader>
        <CircleX className="mb-2 size-8 text-destructive" aria-hidden />
        <CardTitle className="text-xl">
          <h1>{title}</h1>
        </CardTitle>
        <CardDescription>{message}</CardDescription>
      </CardHeader>
      <CardContent className="text-sm">
        <Link href={href} className="font-medium text-primary underline-offset-4 hover:underline">
          {linkLabel}
        </Link>
      </CardContent>
    </Card>
  );
}
