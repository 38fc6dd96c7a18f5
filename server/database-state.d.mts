type Down = { reason: string; message: string | null };
export function opsState(): {
  requests: unknown;
  log?: unknown;
  database: { down: Down | null; probe: (() => Promise<Down | null>) | null; close: (() => Promise<void>) | null };
};
export function databaseWatch(options?: {
  log?: (level: string, msg: string, fields?: Record<string, unknown>) => void;
  freshMs?: number;
  idleCheckMs?: number;
  timeoutMs?: number;
  now?: () => number;
}): { confirm(options?: { fresh?: boolean }): Promise<Down | null>; refresh(): void; suspected(): boolean };
