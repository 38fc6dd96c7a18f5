import type { UseFormRegisterReturn } from "react-hook-form";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/lib/authz/permissions";
import { cn } from "@/lib/utils";

/** The roles one may grant, as labelled radio cards with what each role may do. */
export function RoleChoice({ roles, selected, field, error }: { roles: readonly Role[]; selected: string | undefined; field: UseFormRegisterReturn; error?: string }) {
  const errorId = `${field.name}-error`;
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-2 text-sm font-medium">Role</legend>
      {roles.map((role) => (
        <label
          key={role}
          className={cn(
            "flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
            selected === role && "border-primary bg-primary/5",
          )}
        >
          <input type="radio" value={role} className="mt-1 accent-(--primary)" {...field} />
          <span className="grid gap-0.5">
            <span className="font-medium">{ROLE_LABELS[role]}</span>
            <span className="text-muted-foreground">{ROLE_DESCRIPTIONS[role]}</span>
          </span>
        </label>
      ))}
      {error ? (
        <p id={errorId} className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
