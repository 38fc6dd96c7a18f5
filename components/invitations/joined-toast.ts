import { toast } from "@/components/ui/toast";

/** After joining: a welcome, or what comes first where the workspace requires two-factor authentication. */
export function toastJoined(workspaceName: string, { twoFactorSetupFirst }: { twoFactorSetupFirst: boolean }) {
  if (twoFactorSetupFirst) toast.info(`You joined ${workspaceName}. It requires two-factor authentication: set it up to open it.`);
  else toast.success(`Welcome to ${workspaceName}`);
}
