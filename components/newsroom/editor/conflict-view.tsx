"use client";

import { bodyText } from "@/lib/content/render";
import type { ServerCopy, Snapshot } from "./use-autosave";

/** Both texts side by side after a save lost a race; nothing is dropped until the person chooses. */
export function ConflictView({ mine, server, onKeepMine, onUseTheirs }: { mine: Snapshot; server: ServerCopy; onKeepMine: () => void; onUseTheirs: () => void }) {
  const when = new Date(server.savedAt).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="conflict-heading" className="rounded-md border-2 border-accent-600 bg-red-50 p-4">
      <h2 id="conflict-heading" className="text-lg font-semibold text-accent-700">
        This article changed while you were editing
      </h2>
      <p className="mt-1 text-sm text-slate-800">
        {server.savedBy ? `${server.savedBy} saved a newer version` : "A newer version was saved"} ({when}). Your text is safe in this
        browser. Choose which version to continue with; the other stays in the history.
      </p>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <Column heading="Your version" copy={mine} />
        <Column heading="The saved version" copy={server} />
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={onKeepMine} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          Keep my version
        </button>
        <button type="button" onClick={onUseTheirs} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-100">
          Use the saved version
        </button>
      </div>
    </section>
  );
}

function Column({ heading, copy }: { heading: string; copy: Snapshot }) {
  return (
    <article aria-label={heading} className="rounded border border-slate-300 bg-white p-3 text-sm">
      <h3 className="font-semibold text-slate-900">{heading}</h3>
      <p className="mt-2 font-serif text-base font-bold">{copy.title || "(no title)"}</p>
      <p className="mt-1 text-slate-700">{copy.standfirst}</p>
      <p className="mt-2 max-h-64 overflow-y-auto whitespace-pre-wrap text-slate-800">{bodyText(copy.body)}</p>
    </article>
  );
}
