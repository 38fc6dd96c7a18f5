import { Check, X } from "lucide-react";
import { PASSWORD_RULES } from "@/lib/auth/schemas";
import { cn } from "@/lib/utils";

/** The password rules as met/unmet while the person types; the server checks the same list. */
export function PasswordRules({ password, id }: { password: string; id: string }) {
  return (
    <div id={id} className="grid gap-1 text-sm">
      <ul className="grid gap-1" aria-label="Password requirements">
        {PASSWORD_RULES.map((rule) => {
          const met = rule.test(password);
          return (
            <li key={rule.id} className={cn("flex items-center gap-2", met ? "text-emerald-700" : "text-muted-foreground")} data-met={met}>
              {met ? <Check className="size-4" aria-hidden /> : <X className="size-4" aria-hidden />}
              <span>
                {rule.label}
                <span className="sr-only">{met ? " (met)" : " (not met yet)"}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {/* The strength check needs dictionaries too heavy for the browser: it runs on the server (lib/auth/password-strength.ts). */}
      <p className="text-muted-foreground">Not a common or easily guessed password: checked when you submit.</p>
    </div>
  );
}
