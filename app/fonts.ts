import localFont from "next/font/local";

/*
 * The site's two typefaces, served by the site itself (no external requests), from the
 * Fontsource packages' Latin files.
 *
 * `display: "optional"`: a font that has not arrived within the browser's short block period
 * (~100 ms) is not swapped in later for this page; the reader keeps the fallback until the next
 * page, which finds the font in the cache. A late swap re-wraps the masthead, tagline and
 * headlines and pushes the page down (measured: CLS 0.04–0.09 on a phone over slow 4G), which no
 * size-adjusted fallback fully prevents, because line breaks depend on each glyph's width.
 *
 * The constants' names are the families' names in the CSS: they were `serif` and `sans`, which
 * fontconfig (Linux) and Android resolve to system fonts (DejaVu Serif, DejaVu Sans), so while a
 * web font was missing the text was set in those wide fonts, not in the size-adjusted fallback,
 * and re-wrapped when the web font came.
 *
 * Not preloaded: on a slow connection preloaded fonts compete with the lead photo.
 *
 * The fallbacks are size-adjusted faces declared in globals.css ("Masthead Serif Fallback",
 * "Masthead Sans Fallback") over the system fonts metric-compatible with Times New Roman and
 * Arial on every platform (Liberation/Tinos/Arimo on Linux and Chrome OS), so the first page
 * looks close to the real thing. next/font's own fallback names only Arial, which Linux and
 * Android do not have.
 */
export const mastheadSerif = localFont({
  src: [
    { path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2", style: "normal", weight: "200 900" },
    { path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2", style: "italic", weight: "200 900" },
  ],
  variable: "--font-source-serif",
  display: "optional",
  preload: false,
  adjustFontFallback: false,
  fallback: ["Masthead Serif Fallback", "Georgia", "serif"],
});

export const mastheadSans = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "optional",
  preload: false,
  adjustFontFallback: false,
  fallback: ["Masthead Sans Fallback", "system-ui", "sans-serif"],
});
