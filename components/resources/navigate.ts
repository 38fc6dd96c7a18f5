"use client";

/**
 * After a form or dialog navigates away, the control that had focus is gone and focus
 * falls to <body>. Keyboard and screen-reader users continue from the next page's heading
 * instead: wait for a heading other than the current one, then focus it.
 */
export function focusNextPageHeading(timeoutMs = 5_000) {
  const before = document.getElementById("page-heading");
  const until = Date.now() + timeoutMs;
  const timer = window.setInterval(() => {
    const heading = document.getElementById("page-heading");
    if (heading && heading !== before) heading.focus();
    if ((heading && heading !== before) || Date.now() > until) window.clearInterval(timer);
  }, 50);
}
