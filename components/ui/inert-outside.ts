/**
 * Not a shadcn/ui file. Makes the page around `keep` inert until the returned function is
 * called: what a modal layer is to keyboards and assistive technology. Live regions (so
 * toasts are still announced), scripts and elements that were inert already are left alone.
 */
export function inertOutside(keep: Element): () => void {
  const changed: Element[] = [];
  for (let node = keep; node.parentElement && node !== node.ownerDocument.body; node = node.parentElement) {
    for (const sibling of Array.from(node.parentElement.children)) {
      if (sibling === node || sibling.hasAttribute("inert") || sibling.matches("script, [aria-live]")) continue;
      sibling.setAttribute("inert", "");
      changed.push(sibling);
    }
  }
  return () => {
    for (const element of changed) element.removeAttribute("inert");
  };
}
