import { z } from "zod";

export const workspaceNameSchema = z
  .string({ error: "Name your workspace." })
  .trim()
  .min(2, { error: "Use at least 2 characters." })
  .max(60, { error: "Use at most 60 characters." });

export const createWorkspaceSchema = z.object({ name: workspaceNameSchema });
export type CreateWorkspaceInput = z.input<typeof createWorkspaceSchema>;

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** "Acme Support" → "acme-support". Accents are folded; anything else becomes a dash. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base || "workspace";
}

export const renameWorkspaceSchema = z.object({ name: workspaceNameSchema });
export type RenameWorkspaceInput = z.input<typeof renameWorkspaceSchema>;
