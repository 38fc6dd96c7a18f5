import "server-only";
import { Refusal } from "@/lib/core/result";
import { signIn } from "./config";

/** Starts the Auth.js session (a JWT naming a fresh Session row) for credentials just checked or created. */
export async function startSession(email: string, password: string) {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    const refused = error as { code?: string; userMessage?: string };
    if (refused.userMessage) {
      throw new Refusal(refused.code === "rate_limited" ? "rate_limited" : "unauthenticated", refused.userMessage);
    }
    throw error;
  }
}
