import type { Permission } from "./permissions";

/** What a refused member is told, per permission: clear, and the same in the UI and the API. */
export const PERMISSION_REFUSALS: Record<Permission, string> = {
  "workspace:view": "Your role does not include access to this workspace's content.",
  "resources:edit": "Your role can view but not change agents, personas or knowledge.",
  "conversations:reply": "Your role cannot reply to conversations.",
  "integrations:manage": "Only owners and admins can manage integrations.",
  "settings:manage": "Only owners and admins can change workspace settings.",
  "members:view": "Your role does not include the team list.",
  "members:manage": "Team management is limited to owners and admins.",
  "audit:view": "Only owners and admins can view the audit log.",
  "billing:view": "Only owners, admins and billing members can view billing.",
  "billing:manage": "Only the owner and billing members can change the plan.",
  "workspace:own": "Only the workspace owner can do this.",
  "membership:leave": "The owner cannot leave the workspace. Transfer ownership first.",
};
