import "server-only";
/**
 * The public address links in emails point to. Taken from configuration, never from the
 * request's Host header, so a forged header cannot put another site's address in a mail.
 */
export function appUrl(): string {
  const configured = process.env.APP_URL || process.env.AUTH_URL;
  if (configured) return new URL(configured).origin;
  return `http://localhost:${process.env.PORT || 3000}`;
}
