import { toast } from "@/components/ui/toast";

/** Invitations are stored before their email goes out; say so when the mail provider failed. */
export function reportMailResult(result: { mailFailed: string[] }, success: string) {
  if (result.mailFailed.length === 0) {
    toast.success(success);
    return;
  }
  toast.warning(`Saved, but the email to ${result.mailFailed.join(", ")} could not be sent. Use “Resend” on Pending invitations.`);
}
