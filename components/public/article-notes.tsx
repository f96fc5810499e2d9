import { formatDate } from "@/lib/format";
import { NOTE_LABEL, type PublicNote } from "@/lib/public/notes";

/**
 * Corrections and clarifications, above the credits: "Correction, December 3, 2026: …". The
 * date is the one the note speaks of, in the site's time zone, machine-readable in <time>.
 */
export function ArticleNotes({ notes }: { notes: readonly PublicNote[] }) {
  if (notes.length === 0) return null;
  return (
    <section aria-labelledby="article-notes" className="mt-12 border-l-4 border-accent-600 bg-slate-50 px-5 py-4">
      <h2 id="article-notes" className="sr-only">
        Corrections and clarifications
      </h2>
      <ul className="space-y-3 font-serif text-[1.05rem] leading-relaxed text-slate-800">
        {notes.map((note, i) => (
          <li key={`${note.publishedAt}-${i}`}>
            <strong className="font-sans text-sm font-semibold tracking-wide text-brand-900 uppercase">
              {NOTE_LABEL[note.kind]}, <time dateTime={note.notedAt}>{formatDate(note.notedAt)}</time>:
            </strong>{" "}
            {note.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
