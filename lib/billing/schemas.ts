import * as z from "@/lib/zod";
import { PLANS } from "./plans";

export const changePlanSchema = z.object({
  plan: z.enum(PLANS, { error: "Choose one of the plans." }),
});
export type ChangePlanInput = z.input<typeof changePlanSchema>;
