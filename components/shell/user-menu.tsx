import Link from "next/link";
import { initials } from "@/lib/utils";
import { SignOutButton } from "./sign-out-button";

const ICON_LINK =
  "inline-flex size-9 shrink-0 items-center justify-center rounded-md hover:bg-accent hover:text-accent-foreground focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50";

/** `supportStaff`: the person may open /support, so the menu links to it. */
export function UserMenu({ user, supportStaff = false }: { user: { firstName: string; lastName: string; email: string }; supportStaff?: boolean }) {
  return (
    <div className="flex items-center gap-2">
      {/* Below md the menu sits in the header row: its buttons only. */}
      <span className="hidden size-8 shrink-0 items-center justify-center rounded-full bg-muted text-xs font-medium md:flex" aria-hidden>
        {initials(user.firstName, user.lastName)}
      </span>
      <span className="hidden min-w-0 flex-1 text-sm md:grid">
        <span className="truncate font-medium">
          {user.firstName} {user.lastName}
        </span>
        <span className="truncate text-xs text-muted-foreground">{user.email}</span>
      </span>
      {supportStaff ? <SupportLink /> : null}
      <AccountLink />
      <SignOutButton />
    </div>
  );
}

/** Profile, password and signed-in browsers (/account). */
export function AccountLink() {
  return (
    <Link href="/account" aria-label="Your account" title="Your account" className={ICON_LINK}>
      <span className="css-icon icon-account" aria-hidden />
    </Link>
  );
}

/** Every workspace of the instance, for support staff (/support). */
export function SupportLink() {
  return (
    <Link href="/support" aria-label="Support: every workspace" title="Support: every workspace" className={ICON_LINK}>
      <span className="css-icon icon-support" aria-hidden />
    </Link>
  );
}
