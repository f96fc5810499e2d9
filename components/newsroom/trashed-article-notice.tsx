import Link from "next/link";
import { formatDateTime } from "@/lib/time";
import { RestoreArticleButton } from "./restore-article-button";

/** What the editor shows for an article in the trash: who deleted it, when, and (for admins) Restore. */
export function TrashedArticleNotice({ article, timeZone }: { article: { id: number; title: string; deletedAt: Date; deletedBy: string | null; mayRestore: boolean }; timeZone: string }) {
  return (
    <div role="status" className="rounded-lg border border-amber-400 bg-amber-50 p-6 text-amber-950">
      <h1 className="text-xl font-semibold">“{article.title || "Untitled draft"}” is in the trash</h1>
      <p className="mt-2 text-sm">
        Deleted by {article.deletedBy ?? "the system (it was an empty draft)"} on {formatDateTime(article.deletedAt, timeZone)}. It cannot be edited or published
        while it is there. {article.mayRestore ? "Restore it to work on it again." : "Ask an admin to restore it."}
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        {article.mayRestore && <RestoreArticleButton articleId={article.id} title={article.title} />}
        <Link href="/newsroom/articles/trash" prefetch={false} className="text-sm font-medium text-brand-800 underline">Open the trash</Link>
      </div>
    </div>
  );
}
