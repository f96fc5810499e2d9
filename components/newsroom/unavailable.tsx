"use client";

import Link from "next/link";

/**
 * What staff and invited reviewers see when a page of theirs fails on our side (the database out
 * of reach during maintenance, say): what happened, that nothing saved is lost, and a way to try
 * again. The error boundaries of the newsroom, sign-in, set-password and review-link pages render
 * it; saves and other actions answer such a failure themselves (lib/errors.ts).
 */
export function Unavailable({ kicker, text }: { kicker: string; text: string }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-24 text-center">
      <title>{`${kicker} — Halden University News`}</title>
      <p className="text-sm font-semibold tracking-wider text-accent-700 uppercase">{kicker}</p>
      <h1 className="mt-3 font-serif text-3xl font-bold text-brand-900">This page cannot be loaded right now</h1>
      <p className="mt-4 text-slate-700">{text}</p>
      <p className="mt-8 flex justify-center gap-6">
        <button type="button" onClick={() => window.location.reload()} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Try again
        </button>
        <Link href="/" className="self-center font-medium text-brand-700 underline underline-offset-4">
          Public site
        </Link>
      </p>
    </main>
  );
}
