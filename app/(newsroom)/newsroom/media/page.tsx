import type { Metadata } from "next";
import Link from "next/link";
import { AutoSubmitForm } from "@/components/newsroom/auto-submit-form";
import { Pager } from "@/components/newsroom/pager";
import { requirePageUser } from "@/lib/auth/guard";
import { formatDate } from "@/lib/format";
import { mediaUrl } from "@/lib/media-urls";
import { parsePage, type RawParams } from "@/lib/newsroom/article-list";
import { plural } from "@/lib/newsroom/format";
import { getLibraryPage } from "@/lib/newsroom/reads";

export const metadata: Metadata = { title: "Media library" };

export default async function MediaPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requirePageUser("media.upload");
  const params = await searchParams;
  const q = (Array.isArray(params.q) ? (params.q[0] ?? "") : (params.q ?? "")).trim().slice(0, 200);
  const library = await getLibraryPage(user, q, parsePage(params.page));
  const href = (page: number) => {
    const query = new URLSearchParams();
    if (q) query.set("q", q);
    if (page > 1) query.set("page", String(page));
    return `/newsroom/media${query.size ? `?${query}` : ""}`;
  };
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Media library</h1>
      <AutoSubmitForm action="/newsroom/media" label="Search the media library" className="mt-4 flex max-w-xl gap-2">
        <label htmlFor="media-q" className="sr-only">
          Search captions, alt text, credits, file names and uploaders
        </label>
        <input id="media-q" name="q" type="search" defaultValue={q} maxLength={200} placeholder="Caption, alt text, file name or uploader" className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2" />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
          Search
        </button>
      </AutoSubmitForm>
      <p aria-live="polite" className="mt-3 text-sm text-slate-600">
        {plural(library.total, "photograph")}
        {q ? ` match “${q}”` : ""}. Place one in an article with “Library” in the editor’s toolbar.
        {q && (
          <>
            {" "}
            <Link href="/newsroom/media" prefetch={false} className="font-medium text-brand-800 underline">Clear search</Link>
          </>
        )}
      </p>
      {library.photos.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-400 bg-white p-8 text-center font-medium text-slate-900">
          {q ? `No photographs match “${q}”.` : "No photographs yet. Upload one from the editor."}
        </p>
      ) : (
        <ul className="mt-6 grid grid-cols-2 gap-3 sm:gap-5 md:grid-cols-3 lg:grid-cols-4">
          {library.photos.map((p) => (
            <li key={p.id} className="min-w-0 rounded-lg border border-slate-300 bg-white p-2 shadow-sm">
              <img src={mediaUrl(p.fileKey, 320, "webp")} alt={p.alt} width={p.width} height={p.height} loading="lazy" className="aspect-[3/2] w-full rounded object-cover" />
              <p className="mt-2 line-clamp-3 text-sm break-words text-slate-900">{p.caption || <span className="text-slate-600">No caption</span>}</p>
              <p className="mt-1 text-xs break-words text-slate-600">
                {[p.credit, `${p.width}×${p.height}`, p.uploader && `uploaded by ${p.uploader}`, formatDate(p.createdAt.toISOString())].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager page={library.page} pages={library.pages} href={href} label="Media library pages" />
    </>
  );
}
