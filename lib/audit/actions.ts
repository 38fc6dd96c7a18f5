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
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
