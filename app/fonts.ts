import localFont from "next/font/local";

/*
 * The site's two typefaces, served by the site itself (no external requests), from the
 * Fontsource packages' Latin files. next/font sizes a fallback font to match each, so the page
 * does not shift when they arrive.
 */
export const serif = localFont({
  src: [
    { path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2", style: "normal", weight: "200 900" },
    { path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2", style: "italic", weight: "200 900" },
  ],
  variable: "--font-source-serif",
  display: "swap",
  // Not preloaded: on a slow connection preloaded fonts compete with the lead photo (the
  // largest paint); the size-matched fallback keeps the layout still while they load.
  preload: false,
  fallback: ["Georgia", "serif"],
});

export const sans = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
  preload: false,
  fallback: ["system-ui", "sans-serif"],
});
