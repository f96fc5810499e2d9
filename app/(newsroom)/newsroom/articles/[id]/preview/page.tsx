import type { Metadata } from "next";
import { ArticleTabs } from "@/components/newsroom/article-tabs";
import { PreviewFrame } from "@/components/newsroom/preview-frame";
import { ArticleView } from "@/components/public/article-view";
import { loadForPage } from "@/lib/articles/page-load";
import { getPreview } from "@/lib/articles/preview";
import { requirePageUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Preview" };

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { article, html } = await loadForPage(params, async (id) => await getPreview(user, id));
  return (
    <>
      <ArticleTabs id={article.articleId} current="preview" />
      <p className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
        Preview of the working copy, exactly as readers would see it. It is not public.
      </p>
      <PreviewFrame>
        <ArticleView article={article} html={html} />
      </PreviewFrame>
    </>
  );
}
