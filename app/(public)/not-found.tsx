
export default function PublicNotFound() {
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <p className="text-sm font-semibold tracking-wider text-accent-700 uppercase">Error 404</p>
      <h1 className="mt-3 font-serif text-4xl font-bold text-brand-900">Page not found</h1>
      <p className="mt-4 text-lg text-slate-700">
        We could not find that page. It may have moved, or the story may no longer be published.
      </p>
      <p className="mt-8 flex justify-center gap-6">
        <a href="/" className="font-medium text-brand-700 underline underline-offset-4">
          Front page
        </a>
        <a href="/news" className="font-medium text-brand-700 underline underline-offset-4">
          Latest news
        </a>
      </p>
    </div>
  );
}
