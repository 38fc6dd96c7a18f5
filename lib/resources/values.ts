// What agents, personas and groups share that client components need, without zod (the
// schemas are in ./schemas.ts, which re-exports these): the lists' client components
// ship no zod to the browser.

export const VISIBILITIES = ["workspace", "groups"] as const;
export type VisibilityValue = (typeof VISIBILITIES)[number];
export const VISIBILITY_LABELS: Record<VisibilityValue, string> = {
  workspace: "Everyone in the workspace",
  groups: "Restricted: only its groups (and owners and admins)",
};

export const LIST_PAGE_SIZE = 25;

/** PostgreSQL cannot hold U+0000 in text: a search for it is a search for the rest. */
export const withoutNul = (s: string) => s.replace(/\u0000/g, "");

/** The shape of Roster's ids (cuid): a route id of any other shape is simply not found. */
export const isRecordId = (id: string) => /^[A-Za-z0-9_-]{1,64}$/.test(id);
