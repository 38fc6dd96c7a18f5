import "server-only";
import { notFound } from "next/navigation";
import { requireWorkspaceMember } from "@/lib/authz/page-access";
import { can } from "@/lib/authz/permissions";
import { readerOf, type Reader } from "@/lib/resources/reach";
import { resourceListParamsSchema, type ResourceListParams } from "@/lib/resources/schemas";

// What the agent and persona pages load before they render, in one place: membership and
// permission first (404 otherwise), then the query through the one access rule.

export type ListPageProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A list page: its view from the URL (`?q=&page=`) and that page of rows. */
export async function loadResourceList<R>({ params, searchParams }: ListPageProps, list: (reader: Reader, view: ResourceListParams) => Promise<{ rows: R[]; total: number }>) {
  const { slug } = await params;
  const { membership } = await requireWorkspaceMember(slug, "agents:view");
  const view = resourceListParamsSchema.parse(await searchParams);
  const { rows, total } = await list(await readerOf(membership), view);
  return { slug, view, rows, total, canManage: can(membership.role, "agents:manage") };
}

/**
 * A resource's page or its edit page (`manage`: only for agents:manage). Out of reach,
 * another workspace's, or gone: 404, the same answer whichever it is.
 */
export async function loadResource<R>(slug: string, id: string, get: (reader: Reader, id: string) => Promise<R | null>, { manage = false } = {}) {
  const { membership } = await requireWorkspaceMember(slug, manage ? "agents:manage" : "agents:view");
  const resource = await get(await readerOf(membership), id);
  if (!resource) notFound();
  return { resource, canManage: can(membership.role, "agents:manage") };
}
