import type { IncomingMessage, Server, ServerResponse } from "node:http";
export function gracefulShutdown(options: {
  server: Server;
  closeDatabase: () => Promise<unknown>;
  log: (level: "error" | "warn" | "info" | "debug", msg: string, fields?: Record<string, unknown>) => void;
  graceMs?: number;
  exit?: (code: number) => void;
}): { track(req: IncomingMessage, res: ServerResponse): void; stop(signal: string): Promise<void>; stopping(): boolean };
