import "server-only";
import { LIST_PAGE_SIZE, type ResourceListParams } from "./schemas";
import { likeLiteral } from "@/lib/core/like";

/**
 * Each word of the search must appear in the lower-cased name (`searchName`, kept by the
 * actions), so search and sort stay on one workspace's index.
 */
export function nameSearchWhere(q: string) {
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5)
    .map((term) => ({ searchName: { contains: likeLiteral(term) } }));
}

export const pageWindow = (params: ResourceListParams) => ({ skip: (params.page - 1) * LIST_PAGE_SIZE, take: LIST_PAGE_SIZE });
