// Plain <a>, as in app/not-found.tsx: this boundary is in every page's chunk group, so next/link
// here would put its client chunk on every public page. (The lint rule sees every internal path
// as a page since app/(public)/[...rest] catches unknown URLs.)
/* eslint-disable @next/next/no-html-link-for-pages */
export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold tracking-wider text-accent-700 uppercase">Error 403</p>
      <h1 className="mt-3 text-3xl font-bold text-slate-900">You do not have access to this page</h1>
      <p className="mt-4 text-slate-700">Your role does not include it. Ask an admin if you need it.</p>
      <a href="/newsroom" className="mt-8 inline-block font-semibold text-brand-700 underline">
        Back to the newsroom
      </a>
    </main>
  );
}
