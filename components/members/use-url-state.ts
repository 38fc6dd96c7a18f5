"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

/** Reads and writes the list's view in the URL, so reload, back and shared links keep it. */
export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  const update = useCallback(
    (changes: Record<string, string | number | null>, { replace = false }: { replace?: boolean } = {}) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === "") next.delete(key);
        else next.set(key, String(value));
      }
      const url = next.size ? `${pathname}?${next}` : pathname;
      startTransition(() => (replace ? router.replace(url, { scroll: false }) : router.push(url, { scroll: false })));
    },
    [pathname, router, searchParams],
  );

  return { update, pending };
}
