import { getNotesPanel, noteState } from "@/lib/articles/notes";
import type { CurrentUser } from "@/lib/permissions";
import { NOTE_LABEL } from "@/lib/public/notes";
import { dateToZonedLocal, formatDateTime } from "@/lib/time";
import { AddNoteForm, WithdrawNoteButton } from "./notes-forms";

const STATE_BADGE = {
  live: { text: "Live", className: "bg-emerald-100 text-emerald-900" },
  pending: { text: "Goes live with the next approval", className: "bg-amber-100 text-amber-900" },
  withdrawn: { text: "Withdrawn", className: "bg-slate-200 text-slate-800" },
} as const;

/**
 * "Corrections and clarifications" beside the editor: the notes of a live article (live, waiting
 * for the next approval, withdrawn) and, for revisers and admins, the form to add one. Nothing
 * for an article that never had a note and is not live.
 */
export async function NotesPanel({ user, articleId, timeZone }: { user: CurrentUser; articleId: number; timeZone: string }) {
  const data = await getNotesPanel(user, articleId);
  if (!data.isLive && data.notes.length === 0) return null;
  const now = new Date();
  return (
    <section aria-labelledby="notes-heading" className="rounded-md border border-slate-300 bg-white p-4">
      <h2 id="notes-heading" className="text-sm font-semibold text-slate-800">
        Corrections and clarifications
      </h2>
      <p className="mt-1 text-xs leading-relaxed text-slate-600">
        A correction tells readers what was wrong and stays on the record: it appears above the credits, in search data and in the feeds. Fixing a typo by editing the text and approving
        it again is a silent edit, and readers are not told.
      </p>
      {data.notes.length > 0 && (
        <ul aria-label="Notes on this article" className="mt-3 space-y-3">
          {data.notes.map((note) => {
            const state = noteState(note);
            const badge = STATE_BADGE[state];
            return (
              <li key={note.id} className="rounded border border-slate-200 p-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className={`font-semibold text-slate-900 ${state === "withdrawn" ? "line-through decoration-slate-500" : ""}`}>
                    {NOTE_LABEL[note.kind]}, {formatDateTime(note.notedAt, timeZone)}
                  </span>
                  <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${badge.className}`}>{badge.text}</span>
                </div>
                <p className={`mt-1 whitespace-pre-line ${state === "withdrawn" ? "text-slate-500" : "text-slate-800"}`}>{note.text}</p>
                <p className="mt-1 text-xs text-slate-600">
                  Added by {note.createdBy}, {formatDateTime(note.createdAt, timeZone)}
                  {note.publishedAt && `; live since ${formatDateTime(note.publishedAt, timeZone)}`}
                </p>
                {note.withdrawnAt && (
                  <p className="mt-1 text-xs text-slate-700">
                    Withdrawn by {note.withdrawnBy ?? "a former colleague"}, {formatDateTime(note.withdrawnAt, timeZone)}: “{note.withdrawnReason}”
                  </p>
                )}
                {data.mayCorrect && state !== "withdrawn" && <WithdrawNoteButton articleId={articleId} noteId={note.id} kind={note.kind} live={state === "live"} />}
              </li>
            );
          })}
        </ul>
      )}
      {data.isLive && data.mayCorrect && <AddNoteForm articleId={articleId} liveAtOnce={data.liveAtOnce} nowLocal={dateToZonedLocal(now, timeZone)} timeZone={timeZone} />}
      {data.isLive && !data.mayCorrect && (
        <p className="mt-3 border-t border-slate-200 pt-3 text-xs text-slate-600">Only revisers and admins add corrections. To ask for one, leave a comment.</p>
      )}
    </section>
  );
}
