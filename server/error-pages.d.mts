export const RETRY_AFTER_SECONDS: number;
export const SERVER_ERROR_MESSAGE: string;
export function pageHeaders(status: number, requestId: string, body: string): Record<string, string | number>;
export function errorPage(input: { status: 500 | 503; message: string; requestId: string }): string;
