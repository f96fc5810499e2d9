import type { Metadata } from "next";
import { SiteFooter } from "@/components/public/site-footer";
import { SiteHeader } from "@/components/public/site-header";
import { siteUrl } from "@/lib/env";

// Relative canonical, Open Graph and feed URLs of public pages resolve against the public host.
export function generateMetadata(): Metadata {
  return { metadataBase: new URL(`${siteUrl()}/`) };
}

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-10 focus:outline-none">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
