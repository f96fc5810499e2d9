"use client";

import type { Editor } from "@tiptap/react";
import { memo } from "react";
import type { CheckItem, CheckPlace } from "@/lib/articles/checklist";
import { useChecklist, type CheckedFields } from "./use-checklist";

interface Props {
  editor: Editor | null;
  fields: CheckedFields;
  siteUrl: string;
  /** The slugs of the site's topics: a link to any other /topics/ page is flagged. */
  topicSlugs: ReadonlySet<string>;
  /** What blockers stop now: the drafter's submission, or the reviser's approval. */
  stage: "submit" | "publish";
}

/** Moves the selection (or the focus, for a photo's or the lead's alt text) to a place a check is about. */
function goTo(editor: Editor | null, place: CheckPlace) {
  if (place.kind === "lead") {
    const field = document.querySelector<HTMLInputElement>('section[aria-labelledby="lead-heading"] input[id$="-alt"]');
    field?.scrollIntoView({ block: "center" });
    field?.focus();
    return;
  }
  if (!editor || editor.isDestroyed) return;
  // The checks ran a moment ago; keep a position the typing since then moved inside the document.
  const size = editor.state.doc.content.size;
  const from = Math.min(place.from, size);
  if (place.kind === "photo") {
    editor.chain().setNodeSelection(from).scrollIntoView().run();
    const figure = editor.view.nodeDOM(from);
    const alt = figure instanceof HTMLElement ? figure.querySelector<HTMLInputElement>('input[id$="-alt"]') : null;
    if (alt) alt.focus();
    else editor.commands.focus();
    return;
  }
  const range = place.kind === "heading" ? { from: Math.min(from + 1, size), to: Math.min(from + 1, size) } : { from, to: Math.min(place.to, size) };
  editor.chain().focus().setTextSelection(range).scrollIntoView().run();
}

function Item({ item, editor }: { item: CheckItem; editor: Editor | null }) {
  const blocker = item.level === "blocker";
  return (
    <li className="flex gap-2">
      <span aria-hidden="true" className={`mt-0.5 flex size-4 shrink-0 items-center justify-center rounded-full text-[0.65rem] font-bold text-white ${blocker ? "bg-accent-700" : "bg-amber-600"}`}>
        {blocker ? "!" : "?"}
      </span>
      <div className="min-w-0 space-y-1">
        <p>{item.message}</p>
        {item.where && (
          <ul className="space-y-1">
            {item.where.map((place, i) => (
              <li key={`${place.kind}-${place.from}-${i}`} className="text-slate-700">
                {place.detail}{" "}
                <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => goTo(editor, place)} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
                  Show {place.label}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The "Checks" panel beside the editor: what must be fixed before the piece can go on, what is
 * worth a look, and what passes, updated as one types. The live summary speaks only when the
 * counts change, so it does not talk over the typing.
 */
export const ChecksPanel = memo(function ChecksPanel({ editor, fields, siteUrl, topicSlugs, stage }: Props) {
  const items = useChecklist(editor, fields, siteUrl, topicSlugs);
  const blockers = items?.filter((i) => i.level === "blocker" && !i.passed) ?? [];
  const warnings = items?.filter((i) => i.level === "warning" && !i.passed) ?? [];
  const passed = items?.filter((i) => i.passed) ?? [];
  const before = stage === "submit" ? "submitting" : "publishing";
  const worth = warnings.length ? `; ${plural(warnings.length, "is", "are")} worth a look` : "";
  const announcement = !items ? "" : blockers.length ? `${plural(blockers.length, "check", "checks")} must be fixed before ${before}${worth}.` : `Nothing stops ${before}${worth}.`;
  return (
    <section aria-labelledby="checks-heading" className="rounded-md border border-slate-300 bg-white p-4 text-sm">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="checks-heading" className="text-sm font-semibold text-slate-800">
          Checks
        </h2>
        <p className="text-xs text-slate-600">{items ? `${passed.length} of ${items.length} checks pass` : "Checking…"}</p>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {items && blockers.length === 0 && (
        <p className="mt-2 rounded bg-emerald-50 px-2 py-1 font-medium text-emerald-900">
          <span aria-hidden="true">✓ </span>Nothing stops {before}.
        </p>
      )}
      {blockers.length > 0 && (
        <>
          <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-accent-700">Must fix before {before}</h3>
          <ul aria-label={`Must fix before ${before}`} className="mt-1.5 space-y-2.5">
            {blockers.map((item) => (
              <Item key={item.id} item={item} editor={editor} />
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-amber-800">Worth a look</h3>
          <ul aria-label="Worth a look" className="mt-1.5 space-y-2.5">
            {warnings.map((item) => (
              <Item key={item.id} item={item} editor={editor} />
            ))}
          </ul>
        </>
      )}
      {passed.length > 0 && (
        <details className="mt-3">
          <summary className="cursor-pointer text-slate-700">Passed ({passed.length})</summary>
          <ul aria-label="Passed" className="mt-1.5 space-y-1 text-slate-700">
            {passed.map((item) => (
              <li key={item.id} className="flex gap-2">
                <span aria-hidden="true" className="text-emerald-700">
                  ✓
                </span>
                {item.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
});
