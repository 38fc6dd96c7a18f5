export const LEVELS: { error: 0; warn: 1; info: 2; debug: 3 };
export type LogLevel = keyof typeof LEVELS;
export function logLevel(env?: Record<string, string | undefined>): LogLevel;
export type Logger = { enabled(level: LogLevel): boolean; write(level: LogLevel, msg: string, fields?: Record<string, unknown>): void };
export function makeLogger(env?: Record<string, string | undefined>, out?: { write(s: string): unknown }, err?: { write(s: string): unknown }): Logger;
export function redactPath(url: string | undefined): string;
export function requestFields(input: {
  requestId: string;
  method: string | undefined;
  url: string | undefined;
  status: number;
  durationMs: number;
  userId?: string;
  aborted?: boolean;
}): Record<string, unknown>;
