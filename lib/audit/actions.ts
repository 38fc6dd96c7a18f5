/** Every action that writes an audit event. A test fails if a guarded write records none. */
export const AUDIT_ACTIONS = {
  "auth.signed_up": "Signed up",
  "auth.signed_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.signed_out": "Signed out",
  "account.profile_updated": "Profile updated",
  "account.password_changed": "Password changed",
  "account.session_revoked": "Signed out a browser",
  "account.other_sessions_revoked": "Signed out everywhere else",
  "auth.verification_sent": "Verification email sent",
  "auth.email_verified": "Email verified",
  "auth.password_reset_requested": "Password reset requested",
  "auth.password_reset": "Password reset",
  "auth.account_reclaimed": "Unverified account taken over through an invitation",
  "account.two_factor_setup_started": "Two-factor setup started",
  "account.two_factor_enabled": "Two-factor authentication turned on",
  "account.two_factor_disabled": "Two-factor authentication turned off",
  "account.recovery_codes_regenerated": "Recovery codes replaced",
  "auth.recovery_code_used": "Recovery code used",
  "auth.two_factor_failed": "Wrong two-factor code",
  "workspace.created": "Workspace created",
  "workspace.settings_changed": "Settings changed",
  "workspace.plan_changed": "Plan changed",
  "workspace.ownership_transferred": "Ownership transferred",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "member.left": "Member left",
  "invitation.sent": "Invitation sent",
  "invitation.resent": "Invitation resent",
  "invitation.revoked": "Invitation revoked",
  "invitation.accepted": "Invitation accepted",
  "group.created": "Group created",
  "group.updated": "Group edited",
  "group.deleted": "Group deleted",
  "group.member_added": "Member added to group",
  "group.member_removed": "Member removed from group",
  "group.agent_added": "Agent added to group",
  "group.agent_removed": "Agent removed from group",
  "group.persona_added": "Persona added to group",
  "group.persona_removed": "Persona removed from group",
  "agent.created": "Agent created",
  "agent.updated": "Agent edited",
  "agent.deleted": "Agent deleted",
  "persona.created": "Persona created",
  "persona.updated": "Persona edited",
  "persona.deleted": "Persona deleted",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "audit.exported": "Audit log exported",
  "audit.purged": "Old audit events removed",
  "support.viewed": "Viewed by support staff",
  "support.granted": "Support access granted",
  "support.revoked": "Support access revoked",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** How the audit page groups actions in its filter: by the first part of the action's name. */
export const AUDIT_ACTION_GROUPS = [
  { key: "team", label: "Team", prefixes: ["member.", "workspace.ownership_transferred"] },
  { key: "invitations", label: "Invitations", prefixes: ["invitation."] },
  { key: "groups", label: "Groups", prefixes: ["group."] },
  { key: "agents", label: "Agents and personas", prefixes: ["agent.", "persona."] },
  { key: "settings", label: "Settings and billing", prefixes: ["workspace."] },
  { key: "security", label: "Security and audit", prefixes: ["auth.", "account.", "api_key.", "audit.", "support."] },
] as const;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** Each action in exactly one group: the first whose prefix matches. */
/** The label a person reads ("Role changed"); an action recorded by an older Roster shows as its code. */
export const actionLabel = (action: string) => (isAuditAction(action) ? AUDIT_ACTIONS[action] : action);

export function auditActionGroups(): { key: string; label: string; actions: AuditAction[] }[] {
  const actions = Object.keys(AUDIT_ACTIONS) as AuditAction[];
  const taken = new Set<AuditAction>();
  return AUDIT_ACTION_GROUPS.map((group) => {
    const mine = actions.filter((a) => !taken.has(a) && group.prefixes.some((p) => a.startsWith(p)));
    for (const a of mine) taken.add(a);
    return { key: group.key, label: group.label, actions: mine };
  });
}
