import type { Metadata } from "next";
import { SiteFooter } from "@/components/public/site-footer";
import { siteUrl } from "@/lib/env";

// Relative canonical, Open Graph and feed URLs of public pages resolve against the public host.
export function generateMetadata(): Metadata {
  return { metadataBase: new URL(`${siteUrl()}/`) };
}

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  // Each page renders the header and <main> (PublicPage): only it knows which menu entry it is.
  return (
    <>
      {children}
      <SiteFooter />
    </>
  );
}
