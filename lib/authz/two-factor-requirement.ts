// A workspace may require two-factor authentication of its members
// (docs/decisions/013-two-factor.md): the guard refuses their actions, and the pages send
// them to set it up. Both say the same thing, from here.
import type { Permission } from "./permissions";

/** Actions that only take access away: a member without 2FA may still leave. */
export const TWO_FACTOR_EXEMPT: ReadonlySet<Permission> = new Set<Permission>(["membership:leave"]);

export function twoFactorRequiredMessage(workspaceName: string) {
  return `${workspaceName} requires two-factor authentication. Set it up in Your account, then come back.`;
}

/** Where a member without 2FA is sent: the account page, naming the workspace that asks. */
export const twoFactorSetupPath = (slug: string) => `/account?required=${encodeURIComponent(slug)}#two-factor`;

/** Whether this member may be in this workspace now. */
export const meetsTwoFactorRequirement = (user: { totpEnabledAt: Date | null }, workspace: { requireTwoFactor: boolean }) =>
  !workspace.requireTwoFactor || user.totpEnabledAt !== null;
