import type { Metadata } from "next";
import { ArticleTabs } from "@/components/newsroom/article-tabs";
import { ArticleEditor } from "@/components/newsroom/editor/article-editor";
import { StatusBadge } from "@/components/newsroom/status-badge";
import { getEditorPageData } from "@/lib/articles/editor-data";
import { requirePageUser } from "@/lib/auth/guard";
import { loadForPage } from "@/lib/articles/page-load";

export const metadata: Metadata = { title: "Editor" };

export default async function EditorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const data = await loadForPage(params, (id) => getEditorPageData(user, id));
  const { article } = data;
  return (
    <>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold text-slate-900">{article.title || "Untitled draft"}</h1>
        <StatusBadge status={article.status} live={article.isLive} />
      </div>
      <ArticleTabs id={article.id} current="edit" />
      <ArticleEditor
        key={article.version}
        article={{ id: article.id, version: article.version, title: article.title, standfirst: article.standfirst, body: article.body, topicIds: article.topicIds, leadMediaId: article.leadMediaId }}
        topics={data.topics.map((t) => ({ id: t.id, name: t.name }))}
        photos={data.photos}
        readOnly={data.readOnly}
      />
    </>
  );
}
