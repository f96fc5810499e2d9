"use client";

// What a reader sees when a public page fails on our side (the database out of reach during
// maintenance, say) and no cached copy could stand in: the site's name, what happened in plain
// words, and a way on. Pages already cached keep being served meanwhile (scripts/server.mjs and
// the cache tier), so the front page is offered. Plain <a>, as everywhere on the public side:
// this boundary is in every public page's chunk group, and next/link would add its chunk.
export default function PublicError() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-24 text-center">
      <title>Temporarily unavailable — Halden University News</title>
      <p className="font-serif text-2xl font-bold text-brand-900">
        <a href="/">Halden University News</a>
      </p>
      <p className="mt-10 text-sm font-semibold tracking-wider text-accent-700 uppercase">Temporarily unavailable</p>
      <h1 className="mt-3 font-serif text-4xl font-bold text-brand-900">This page cannot be shown right now</h1>
      <p className="mt-4 text-lg text-slate-700">Part of our system is not answering. Please try again in a minute; the front page and recent stories may still be there.</p>
      <p className="mt-8 flex justify-center gap-6">
        <button type="button" onClick={() => window.location.reload()} className="font-medium text-brand-700 underline underline-offset-4">
          Try again
        </button>
        <a href="/" className="font-medium text-brand-700 underline underline-offset-4">
          Front page
        </a>
      </p>
    </main>
  );
}
