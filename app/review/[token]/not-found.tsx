/*
 * The one answer for every review link that does not open: unknown, mistyped, expired, revoked
 * or its article deleted. Deliberately plain and the same for each, so it tells nobody which.
 */
export default function ReviewLinkNotValid() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="font-serif text-3xl font-bold text-brand-900">This link is not valid</h1>
      <p className="mt-4 text-slate-700">If someone in the newsroom sent it to you, ask them for a new one.</p>
    </main>
  );
}
