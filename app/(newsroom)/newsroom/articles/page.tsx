import type { Metadata } from "next";
import Link from "next/link";
import { NewArticleButton } from "@/components/newsroom/new-article-button";
import { StatusBadge } from "@/components/newsroom/status-badge";
import { requirePageUser } from "@/lib/auth/guard";
import { formatDate } from "@/lib/format";
import { listArticlesFor } from "@/lib/newsroom/reads";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  const user = await requirePageUser();
  const rows = listArticlesFor(user);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold text-slate-900">{user.role === "drafter" ? "My articles" : "All articles"}</h1>
        <NewArticleButton />
      </div>
      <div className="mt-6 overflow-x-auto rounded-lg border border-slate-300 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-300 bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2">Title</th>
              <th scope="col" className="px-4 py-2">State</th>
              <th scope="col" className="px-4 py-2">Drafter</th>
              <th scope="col" className="px-4 py-2">Updated</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {rows.map((a) => (
              <tr key={a.id}>
                <td className="px-4 py-2">
                  <Link href={`/newsroom/articles/${a.id}`} prefetch={false} className="font-medium text-brand-800 hover:underline">
                    {a.title || "Untitled draft"}
                  </Link>
                </td>
                <td className="px-4 py-2">
                  <StatusBadge status={a.status} />
                </td>
                <td className="px-4 py-2">{a.drafter}</td>
                <td className="px-4 py-2">{formatDate(a.updatedAt.toISOString())}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
