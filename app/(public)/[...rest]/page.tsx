import { notFound } from "next/navigation";

/*
 * Any URL no other route matches lands here, so its 404 is the public site's own page (header,
 * search, footer: app/(public)/not-found.tsx) rather than the bare root one. Not a public page
 * to lib/public/cacheable.ts, so no cache keeps it.
 */
export default function UnknownPage(): never {
  notFound();
}

export const metadata = { title: "Page not found" };
