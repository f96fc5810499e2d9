import type { Metadata, Viewport } from "next";
import { env } from "@/lib/env";
import { FONT_LOADING_SCRIPT } from "./font-loading";
import { mastheadSans, mastheadSerif } from "./fonts";
import "./globals.css";

export function generateMetadata(): Metadata {
  const { MASTHEAD_SITE_NAME: name, MASTHEAD_SITE_DESCRIPTION: description } = env();
  return { title: { default: name, template: `%s — ${name}` }, description };
}

export const viewport: Viewport = { themeColor: "#0b1f3a" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    // suppressHydrationWarning: the head script may add the `wf` class before React hydrates.
    <html lang="en" className={`${mastheadSerif.variable} ${mastheadSans.variable}`} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: FONT_LOADING_SCRIPT }} />
      </head>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
