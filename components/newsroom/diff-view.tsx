import type { BlockChange, DiffPart, DiffSection } from "@/lib/articles/diff";
import { mediaUrl } from "@/lib/media-urls";

/** What the history knows of the photos in the compared versions, by media id. */
export type DiffPhotos = Record<number, { fileKey: string; credit: string }>;

const KIND = { paragraph: "Paragraph", heading: "Heading", listItem: "List item", quote: "Quote", photo: "Photo", rule: "Dividing line" } as const;
const CHANGE = { added: "Added", removed: "Removed", changed: "Changed", "moved-here": "Moved here", "moved-away": "Moved from here", same: "" } as const;
const TONE = {
  added: "border-l-4 border-emerald-600 bg-emerald-50/60",
  removed: "border-l-4 border-dashed border-red-600 bg-red-50/60",
  changed: "border-l-4 border-amber-500 bg-amber-50/50",
  "moved-here": "border-l-4 border-sky-600 bg-sky-50/60",
  "moved-away": "border-l-4 border-dashed border-sky-600 bg-sky-50/40 text-slate-600",
  same: "border-l-4 border-transparent",
} as const;

/** Words with additions and deletions marked by <ins>/<del> and named for screen readers, not by colour alone. */
function Words({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.change === "added" ? (
          <ins key={i} className="bg-emerald-100 text-emerald-950 underline decoration-emerald-700 decoration-2">
            <span className="sr-only">[added: </span>
            {p.text}
            <span className="sr-only">]</span>
          </ins>
        ) : p.change === "removed" ? (
          <del key={i} className="bg-red-100 text-red-950 line-through decoration-red-700 decoration-2">
            <span className="sr-only">[removed: </span>
            {p.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

function Whole({ change, text }: { change: BlockChange["change"]; text: string }) {
  if (change === "added" || change === "moved-here") return <Words parts={[{ text, change: "added" }]} />;
  if (change === "removed" || change === "moved-away") return <Words parts={[{ text, change: "removed" }]} />;
  return <>{text}</>;
}

function kindLabel(c: BlockChange): string {
  const b = c.block;
  const base = b.kind === "heading" ? `Heading ${b.level ?? 2}` : b.kind === "listItem" ? (b.ordered ? "Numbered list item" : "List item") : KIND[b.kind];
  if (c.change === "changed" && c.before && c.before.kind !== b.kind) return `${KIND[c.before.kind]} → ${base}`;
  if (c.change === "changed" && c.before?.kind === "heading" && c.before.level !== b.level) return `Heading ${c.before.level} → ${b.level}`;
  return base;
}

function Photo({ c, photos }: { c: BlockChange; photos?: DiffPhotos }) {
  const p = c.block.photo!;
  const info = photos?.[p.mediaId];
  const caption = c.photo ? <Words parts={c.photo.caption} /> : <Whole change={c.change} text={p.caption || "(no caption)"} />;
  const alt = c.photo ? <Words parts={c.photo.alt} /> : <Whole change={c.change} text={p.alt || "(none)"} />;
  return (
    <figure className="flex gap-3">
      {info ? <img src={mediaUrl(info.fileKey, 320, "webp")} alt={p.alt} width={120} className="h-20 w-30 shrink-0 rounded object-cover" /> : <span className="grid h-20 w-30 shrink-0 place-items-center rounded bg-slate-200 text-xs text-slate-600">Photo {p.mediaId}</span>}
      <figcaption className="min-w-0 space-y-1 text-sm">
        {c.photo?.replaced && <p className="font-semibold">Another photo in this place.</p>}
        <p>
          <span className="font-semibold">Caption: </span>
          {caption}
        </p>
        <p>
          <span className="font-semibold">Alt text: </span>
          {alt}
        </p>
        {info?.credit && <p className="text-slate-600">Credit: {info.credit}</p>}
      </figcaption>
    </figure>
  );
}

function BlockRow({ c, number, photos }: { c: BlockChange; number: number; photos?: DiffPhotos }) {
  const b = c.block;
  const content = c.parts && b.kind !== "photo" ? <Words parts={c.parts} /> : <Whole change={c.change} text={b.text} />;
  const label = [CHANGE[c.change], kindLabel(c)].filter(Boolean).join(" · ");
  let body;
  if (b.kind === "heading") body = <p className={`font-sans font-bold text-brand-900 ${b.level === 3 ? "text-lg" : "text-2xl"}`}>{content}</p>;
  else if (b.kind === "listItem")
    body = (
      <p className="flex gap-2" style={{ paddingLeft: `${((b.level ?? 1) - 1) * 1.25}rem` }}>
        <span aria-hidden="true" className="w-5 shrink-0 text-right text-slate-500">
          {b.ordered ? `${number}.` : "•"}
        </span>
        <span>{content}</span>
      </p>
    );
  else if (b.kind === "quote") body = <blockquote className="border-l-2 border-slate-400 pl-3 italic">{content}</blockquote>;
  else if (b.kind === "photo") body = <Photo c={c} photos={photos} />;
  else if (b.kind === "rule") body = <hr className="my-2 border-slate-400" />;
  else body = <p>{content}</p>;
  return (
    <li className={`rounded-r py-1.5 pr-2 pl-3 ${TONE[c.change]}`}>
      <span className={`mb-0.5 block font-sans text-xs font-semibold tracking-wide uppercase ${c.change === "same" ? "sr-only" : "text-slate-700"}`}>{label}</span>
      <div className="font-serif whitespace-pre-wrap text-slate-900">{body}</div>
    </li>
  );
}

/** The body's blocks; long stretches without changes fold away. */
function Blocks({ blocks, photos }: { blocks: BlockChange[]; photos?: DiffPhotos }) {
  const rows: React.ReactNode[] = [];
  let counter = 0;
  let run: React.ReactNode[] = [];
  const endRun = () => {
    if (run.length > 4) {
      rows.push(run[0]);
      rows.push(
        <li key={`fold-${rows.length}`} className="pl-3">
          <details>
            <summary className="cursor-pointer text-sm text-slate-600">{run.length - 2} unchanged blocks</summary>
            <ul className="mt-1 space-y-1">{run.slice(1, -1)}</ul>
          </details>
        </li>,
      );
      rows.push(run[run.length - 1]);
    } else rows.push(...run);
    run = [];
  };
  blocks.forEach((c, i) => {
    const previous = blocks[i - 1]?.block;
    counter = c.block.kind === "listItem" && previous?.kind === "listItem" && previous.ordered === c.block.ordered ? counter + 1 : 1;
    const row = <BlockRow key={i} c={c} number={counter} photos={photos} />;
    if (c.change === "same") run.push(row);
    else {
      endRun();
      rows.push(row);
    }
  });
  endRun();
  return <ul className="mt-2 space-y-1">{rows}</ul>;
}

/** A comparison with additions and deletions marked (<ins>/<del> with words for screen readers, not colour alone). */
export function DiffView({ sections, photos }: { sections: DiffSection[]; photos?: DiffPhotos }) {
  return (
    <div className="space-y-5">
      {sections.map((s) => (
        <section key={s.label} aria-label={`Changes in ${s.label.toLowerCase()}`} className="rounded-md border border-slate-300 bg-white p-4">
          <h3 className="text-sm font-semibold text-slate-700">
            {s.label} {!s.changed && <span className="font-normal text-slate-600">(unchanged)</span>}
          </h3>
          {s.blocks ? (
            s.blocks.length > 0 ? <Blocks blocks={s.blocks} photos={photos} /> : <p className="mt-2 text-sm text-slate-600">(empty)</p>
          ) : (
            <p className="mt-2 font-serif whitespace-pre-wrap text-slate-900">
              <Words parts={s.parts} />
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
