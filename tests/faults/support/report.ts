// Figures each fault test prints at the end of its run (the README quotes them).
import { appendFileSync } from "node:fs";

/** First port the suite tries for its servers and clusters (this machine's helpers each have a range). */
export const FAULTS_PORT_BASE = Number(process.env.FAULTS_PORT_BASE || 3700);

export function report(what: string, figures: Record<string, unknown>) {
  const line = `${what}: ${Object.entries(figures).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(", ")}`;
  console.log(`[faults] ${line}`);
  if (process.env.FAULTS_REPORT) appendFileSync(process.env.FAULTS_REPORT, line + "\n");
}
