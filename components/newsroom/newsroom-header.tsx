import Link from "next/link";
import { can, type CurrentUser } from "@/lib/permissions";
import { NewsroomNav } from "./newsroom-nav";
import { SignOutButton } from "./sign-out-button";

const ROLE_LABEL = { drafter: "Drafter", reviser: "Reviser", admin: "Admin" } as const;

/** The newsroom's top bar: where to go, who is signed in, and the way out. */
export function NewsroomHeader({ user }: { user: CurrentUser }) {
  const links = [
    { href: "/newsroom", label: "Dashboard" },
    { href: "/newsroom/articles", label: "Articles" },
    { href: "/newsroom/calendar", label: "Calendar" },
    { href: "/newsroom/media", label: "Media" },
    ...(can(user, "staff.manage") ? [{ href: "/newsroom/staff", label: "Staff" }] : []),
    ...(can(user, "audit.read") ? [{ href: "/newsroom/audit", label: "Audit log" }] : []),
    { href: "/newsroom/profile", label: "Profile" },
  ];
  return (
    <header className="bg-brand-900 text-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:bg-white focus:px-3 focus:py-2 focus:text-brand-900">
        Skip to main content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3">
        <Link href="/newsroom" prefetch={false} className="font-serif text-lg font-bold">
          Masthead <span className="font-sans text-sm font-normal text-brand-100">Newsroom</span>
        </Link>
        <NewsroomNav links={[...links, { href: "/", label: "Public site" }]}>
          <span>
            {user.name} <span className="rounded bg-white/15 px-1.5 py-0.5 text-xs">{ROLE_LABEL[user.role]}</span>
          </span>
          <SignOutButton />
        </NewsroomNav>
      </div>
    </header>
  );
}
