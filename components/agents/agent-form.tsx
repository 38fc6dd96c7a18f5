"use client";

import { Controller } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ChoiceField, FormActions, TextAreaField, TextField, VisibilityField, registered } from "@/components/resources/form-fields";
import { useSaved } from "@/components/resources/use-saved";
import { createAgent, updateAgent } from "@/lib/agents/actions";
import { AGENT_MODELS, AGENT_MODEL_LABELS, AGENT_STATUS_LABELS, agentFieldsSchema, type AgentFieldsInput } from "@/lib/agents/schemas";

const NEW_AGENT: AgentFieldsInput = { name: "", description: "", instructions: "", model: AGENT_MODELS[0], status: "active", visibility: "workspace" };

const STATUS_CHOICES = [
  { value: "active", label: AGENT_STATUS_LABELS.active, description: "Available to use." },
  { value: "paused", label: AGENT_STATUS_LABELS.paused, description: "Kept as it is, but not available until it is made active again." },
] as const;

/** Creates an agent, or with `agent` edits it; checked by the same schema the server uses. */
export function AgentForm({ slug, agent }: { slug: string; agent?: AgentFieldsInput & { id: string } }) {
  const base = `/w/${slug}/agents`;
  const { saved, onSaved } = useSaved(base, !!agent);
  const { form, formError, submit, pending } = useActionForm(
    agentFieldsSchema,
    agent ?? NEW_AGENT,
    (values) => (agent ? updateAgent(slug, { agentId: agent.id, ...values }) : createAgent(slug, values)),
    { onSuccess: onSaved },
  );
  const modelError = form.formState.errors.model?.message;
  const [status, visibility] = form.watch(["status", "visibility"]);

  return (
    <form onSubmit={submit} noValidate className="grid gap-6">
      <FormAlert message={formError} />
      <TextField id="agent-name" label="Name" {...registered(form, "name")} />
      <TextAreaField id="agent-description" label="Description" description="What it is for, in a sentence or two. Up to 500 characters." {...registered(form, "description")} />
      <TextAreaField id="agent-instructions" label="System prompt" description="The instructions the agent follows in every conversation." rows={8} {...registered(form, "instructions")} />
      <FormField id="agent-model" label="Model" error={modelError}>
        <Controller
          control={form.control}
          name="model"
          render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange}>
              <SelectTrigger ref={field.ref} onBlur={field.onBlur} className="w-60" {...fieldA11y("agent-model", modelError)}>
                <SelectValue placeholder="Choose a model" />
              </SelectTrigger>
              <SelectContent>
                {AGENT_MODELS.map((m) => (
                  <SelectItem key={m} value={m}>
                    {AGENT_MODEL_LABELS[m]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
      </FormField>
      <ChoiceField legend="Status" choices={STATUS_CHOICES} selected={status} {...registered(form, "status")} />
      <VisibilityField selected={visibility} {...registered(form, "visibility")} />
      <FormActions label={agent ? "Save changes" : "Create agent"} pending={pending || saved} disabled={!!agent && !form.formState.isDirty} cancelHref={agent ? `${base}/${agent.id}` : base} />
    </form>
  );
}
