"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/*
 * The newsroom's links: inline from the md breakpoint, behind a "Menu" disclosure button on a
 * phone (aria-expanded says whether it is open; Escape and following a link close it). Without
 * JavaScript the links are shown, so nothing is out of reach.
 */
export function NewsroomNav({ links, children }: { links: { href: string; label: string }[]; children: React.ReactNode }) {
  const pathname = usePathname();
  // Open for the page it was opened on: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const current = (href: string) => (href === "/newsroom" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  const hidden = hydrated && !open;
  return (
    <div
      className="contents"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) setOpen(false);
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls="newsroom-menu"
        onClick={() => setOpen(!open)}
        className={`ml-auto rounded-md border border-white/30 px-3 py-1.5 text-sm font-medium md:hidden ${hydrated ? "" : "hidden"}`}
      >
        Menu
      </button>
      <div id="newsroom-menu" className={`${hidden ? "hidden" : "flex"} w-full flex-col gap-4 md:flex md:w-auto md:flex-1 md:flex-row md:items-center`}>
        <nav aria-label="Newsroom">
          <ul className="flex flex-col gap-1 text-sm md:flex-row md:gap-5">
            {links.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  prefetch={false}
                  aria-current={current(l.href) ? "page" : undefined}
                  className={`block py-1.5 hover:text-white hover:underline md:py-0 ${current(l.href) ? "font-semibold text-white underline" : "text-brand-100"}`}
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3 border-t border-white/20 pt-3 text-sm md:ml-auto md:border-0 md:pt-0">{children}</div>
      </div>
    </div>
  );
}
