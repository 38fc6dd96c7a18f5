"use client";

import { useRouter } from "next/navigation";
import { Controller } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { changePlan } from "@/lib/billing/actions";
import { changePlanSchema } from "@/lib/billing/schemas";
import type { Plan } from "@/lib/billing/plans";
import type { PlanChoice } from "@/lib/billing/seats";

/** Owner and billing members: pick a plan. Plans too small for today's seats are shown, disabled, with the reason. */
export function ChangePlanForm({ slug, current, choices }: { slug: string; current: Plan; choices: PlanChoice[] }) {
  const router = useRouter();
  const { form, formError, submit } = useActionForm(changePlanSchema, { plan: current }, (values) => changePlan(slug, values), {
    onSuccess({ plan }) {
      toast.success(`Plan changed to ${choices.find((c) => c.plan === plan)?.label ?? plan}`);
      form.reset({ plan });
      router.refresh();
    },
  });
  const { isSubmitting, isDirty } = form.formState;

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormAlert message={formError} />
      <Controller
        control={form.control}
        name="plan"
        render={({ field }) => (
          <RadioGroup aria-label="Plan" value={field.value} onValueChange={field.onChange} name={field.name} className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
            {choices.map((choice) => {
              const id = `plan-${choice.plan}`;
              return (
                <label
                  key={choice.plan}
                  htmlFor={id}
                  className="flex cursor-pointer items-start gap-3 rounded-lg border bg-background p-3 text-sm has-[[data-state=checked]]:border-primary has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60"
                >
                  <RadioGroupItem id={id} value={choice.plan} disabled={!!choice.refusal} aria-describedby={`${id}-seats`} className="mt-0.5" />
                  <span className="grid gap-1">
                    <span className="flex flex-wrap items-center gap-2 font-medium">
                      {choice.label}
                      {choice.current ? <Badge variant="secondary">Current</Badge> : null}
                    </span>
                    <span id={`${id}-seats`} className="text-muted-foreground">
                      {choice.seats}
                      {choice.refusal ? " — too few for the seats in use" : ""}
                    </span>
                  </span>
                </label>
              );
            })}
          </RadioGroup>
        )}
      />
      <div>
        <Button type="submit" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? "Changing…" : "Change plan"}
        </Button>
      </div>
    </form>
  );
}
