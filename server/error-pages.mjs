// The pages Roster's server answers itself when a page cannot be rendered: 503 while the
// database cannot be reached, 500 for any other failure. Self-contained (inline styles,
// no script), because the app that would render them is what failed. Each names the
// request id, so a person can quote it and an operator find the request's log lines.

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** Seconds a client should wait before trying again after a 503. */
export const RETRY_AFTER_SECONDS = 5;

export const SERVER_ERROR_MESSAGE = "Something went wrong on our side. Nothing was changed; please try again.";

/** The headers of a page of ours: nothing from the failed response, no script allowed. */
export function pageHeaders(status, requestId, body) {
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Request-Id": requestId,
    ...(status === 503 ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : {}),
  };
}

/** The HTML of the 503 or 500 page. */
export function errorPage({ status, message, requestId }) {
  const title = status === 503 ? "Roster is unavailable for a moment" : "Something went wrong";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Roster</title>
<style>
  :root { color-scheme: light; font-family: ui-sans-serif, system-ui, sans-serif; color: oklch(0.141 0.005 285.823); background: oklch(1 0 0); }
  main { min-height: 100vh; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 1rem; padding: 1.5rem; text-align: center; }
  .status { font-size: .875rem; font-weight: 500; color: oklch(0.52 0.016 285.938); margin: 0; }
  h1 { font-size: 1.5rem; font-weight: 600; letter-spacing: -0.015em; margin: 0; }
  p { max-width: 28rem; margin: 0; line-height: 1.5; color: oklch(0.52 0.016 285.938); }
  p.message { color: inherit; }
  a { display: inline-block; margin-top: .5rem; padding: .5rem 1rem; border-radius: .625rem; background: oklch(0.51 0.23 277); color: oklch(0.985 0 0); text-decoration: none; font-weight: 500; font-size: .875rem; }
  code { font-family: ui-monospace, monospace; }
</style>
</head>
<body>
<main>
  <p class="status">${status}</p>
  <h1>${escape(title)}</h1>
  <p class="message" role="status">${escape(message)}</p>
  <a href="">Try again</a>
  <p>Request id: <code>${escape(requestId)}</code></p>
</main>
</body>
</html>
`;
}
