import type { DiffSection } from "@/lib/articles/diff";

/** A comparison with additions and deletions marked (<ins>/<del>, not colour alone). */
export function DiffView({ sections }: { sections: DiffSection[] }) {
  return (
    <div className="space-y-5">
      {sections.map((s) => (
        <section key={s.label} aria-label={`Changes in ${s.label.toLowerCase()}`} className="rounded-md border border-slate-300 bg-white p-4">
          <h3 className="text-sm font-semibold text-slate-700">
            {s.label} {!s.changed && <span className="font-normal text-slate-600">(unchanged)</span>}
          </h3>
          <p className="mt-2 font-serif whitespace-pre-wrap text-slate-900">
            {s.parts.map((p, i) =>
              p.change === "added" ? (
                <ins key={i} className="bg-emerald-100 text-emerald-900 underline decoration-emerald-700">
                  {p.text}
                </ins>
              ) : p.change === "removed" ? (
                <del key={i} className="bg-red-100 text-red-900 line-through">
                  {p.text}
                </del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </div>
  );
}
