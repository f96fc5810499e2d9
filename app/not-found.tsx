// Unknown URLs never reach this page: app/(public)/[...rest] catches them, so they get the public
// site's 404 with its header and footer. This one answers notFound() outside the public group
// (a newsroom article that does not exist). It is rendered at build time, so it reads no data. Plain
// <a>, as everywhere on the public side (eslint.config exempts app/(public) the same way): this
// boundary is in every page's chunk group, so next/link here put its client chunk on every page.
/* eslint-disable @next/next/no-html-link-for-pages */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-24 text-center">
      <p className="font-serif text-2xl font-bold text-brand-900">
        <a href="/">Halden University News</a>
      </p>
      <p className="mt-10 text-sm font-semibold tracking-wider text-accent-700 uppercase">Error 404</p>
      <h1 className="mt-3 font-serif text-4xl font-bold text-brand-900">Page not found</h1>
      <p className="mt-4 text-lg text-slate-700">We could not find that page. It may have moved or been removed.</p>
      <p className="mt-8 flex justify-center gap-6">
        <a href="/" className="font-medium text-brand-700 underline underline-offset-4">
          Front page
        </a>
        <a href="/news" className="font-medium text-brand-700 underline underline-offset-4">
          Latest news
        </a>
      </p>
    </main>
  );
}
