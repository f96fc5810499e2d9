import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/guard";
import { listLibraryFor } from "@/lib/newsroom/reads";
import { formatDate } from "@/lib/format";
import { mediaUrl } from "@/lib/media-urls";

export const metadata: Metadata = { title: "Media library" };

export default async function MediaPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requirePageUser("media.upload");
  const q = String((await searchParams).q ?? "").slice(0, 200);
  const photos = listLibraryFor(user, q, 120);
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Media library</h1>
      <form method="get" role="search" className="mt-4 flex max-w-xl gap-2">
        <label htmlFor="media-q" className="sr-only">
          Search captions, alt text and credits
        </label>
        <input id="media-q" name="q" type="search" defaultValue={q} placeholder="Search captions, alt text and credits" className="flex-1 rounded-md border border-slate-400 bg-white px-3 py-2" />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white">
          Search
        </button>
      </form>
      <p className="mt-3 text-sm text-slate-600">
        {photos.length} photograph{photos.length === 1 ? "" : "s"}. Place one in an article with “Library” in the editor’s toolbar.
      </p>
      <ul className="mt-6 grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
        {photos.map((p) => (
          <li key={p.id} className="rounded-lg border border-slate-300 bg-white p-2 shadow-sm">
            <img src={mediaUrl(p.fileKey, 320, "webp")} alt={p.alt} width={p.width} height={p.height} loading="lazy" className="aspect-[3/2] w-full rounded object-cover" />
            <p className="mt-2 text-sm text-slate-900">{p.caption || <span className="text-slate-600">No caption</span>}</p>
            <p className="mt-1 text-xs text-slate-600">
              {p.credit} · {p.width}×{p.height} · {formatDate(p.createdAt.toISOString())}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
