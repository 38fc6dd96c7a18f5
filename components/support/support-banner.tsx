/** Above every page of a workspace that support staff open: what they are doing there, and that it is seen. */
export function SupportBanner({ workspaceName }: { workspaceName: string }) {
  return (
    <section aria-label="Support access" className="flex items-center justify-center gap-2 border-b border-primary/30 bg-primary/10 px-4 py-2 text-center text-sm">
      <span className="css-icon icon-support text-primary" aria-hidden />
      <p>
        You are viewing <strong className="font-semibold">{workspaceName}</strong> as support staff. Read-only: changes are not possible, and your visits are
        recorded in this workspace&apos;s audit log.
      </p>
    </section>
  );
}
