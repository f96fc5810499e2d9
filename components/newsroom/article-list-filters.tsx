import { ARTICLE_STATUSES, STATUS_LABEL } from "@/lib/articles/status";
import type { ArticleListParams } from "@/lib/newsroom/article-list";
import { AutoSubmitForm } from "./auto-submit-form";

const SORT_LABEL = { updated: "Last change", title: "Title", status: "Status", published: "Publish date" } as const;
const field = "mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm";

/** Search, filters and sort of the article list, as one GET form. */
export function ArticleListFilters({ params, topics, people }: { params: ArticleListParams; topics: { slug: string; name: string }[]; people: { id: number; name: string }[] }) {
  return (
    <AutoSubmitForm action="/newsroom/articles" label="Find articles" className="mt-4 grid gap-3 rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4">
      <div className="sm:col-span-2">
        <label htmlFor="articles-q" className="block text-sm font-medium text-slate-800">Search</label>
        <div className="flex gap-2">
          <input id="articles-q" name="q" type="search" defaultValue={params.q} maxLength={100} placeholder="Words in the title or standfirst" className={field} />
          <button type="submit" className="mt-1 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">Search</button>
        </div>
      </div>
      <div>
        <label htmlFor="articles-status" className="block text-sm font-medium text-slate-800">Status</label>
        <select id="articles-status" name="status" defaultValue={params.status ?? ""} className={field}>
          <option value="">Any status</option>
          {ARTICLE_STATUSES.map((s) => (
            <option key={s} value={s}>{STATUS_LABEL[s]}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="articles-topic" className="block text-sm font-medium text-slate-800">Topic</label>
        <select id="articles-topic" name="topic" defaultValue={params.topic ?? ""} className={field}>
          <option value="">Any topic</option>
          {topics.map((t) => (
            <option key={t.slug} value={t.slug}>{t.name}</option>
          ))}
        </select>
      </div>
      {people.length > 0 && (
        <div>
          <label htmlFor="articles-person" className="block text-sm font-medium text-slate-800">Person</label>
          <select id="articles-person" name="person" defaultValue={params.person ?? ""} className={field}>
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </div>
      )}
      <div className={`grid grid-cols-2 gap-2 sm:col-span-2 ${people.length > 0 ? "" : "lg:col-span-1"}`}>
        <div>
          <label htmlFor="articles-sort" className="block text-sm font-medium text-slate-800">Sort by</label>
          <select id="articles-sort" name="sort" defaultValue={params.sort} className={field}>
            {Object.entries(SORT_LABEL).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="articles-dir" className="block text-sm font-medium text-slate-800">Order</label>
          <select id="articles-dir" name="dir" defaultValue={params.dir} className={field}>
            <option value="desc">Descending</option>
            <option value="asc">Ascending</option>
          </select>
        </div>
      </div>
    </AutoSubmitForm>
  );
}
