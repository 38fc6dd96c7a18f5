/** When a step of the Two-factor authentication card ends, focus goes to its heading (app/account/page.tsx), never to the page's top. */
export function focusTwoFactorHeading() {
  document.getElementById("two-factor-heading")?.focus();
}
