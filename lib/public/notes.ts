import type { NoteKind } from "@/db/schema";
import { escapeHtml } from "@/lib/content/render";
import { formatDate } from "@/lib/format";

/*
 * How a correction or clarification reads wherever the public sees it (article page, JSON-LD,
 * feeds): one wording, "Correction, December 3, 2026: …", dated in the site's time zone.
 */

export type { PublicNote } from "@/db/queries/notes";

export const NOTE_LABEL: Readonly<Record<NoteKind, string>> = { correction: "Correction", clarification: "Clarification" };

/** "Correction, December 3, 2026" */
export function noteHeading(note: { kind: NoteKind; notedAt: string }): string {
  return `${NOTE_LABEL[note.kind]}, ${formatDate(note.notedAt)}`;
}

/** The notes as HTML paragraphs for a feed item, every text escaped. */
export function notesHtml(notes: readonly { kind: NoteKind; notedAt: string; text: string }[]): string {
  return notes.map((n) => `<p><strong>${escapeHtml(noteHeading(n))}:</strong> ${escapeHtml(n.text)}</p>`).join("");
}
