import type { Metadata } from "next";
import { ArticleTabs } from "@/components/newsroom/article-tabs";
import { ArticleEditor } from "@/components/newsroom/editor/article-editor";
import { LiveHeading } from "@/components/newsroom/editor/live-heading";
import { StatusBadge } from "@/components/newsroom/status-badge";
import { getComments } from "@/lib/articles/comments";
import { getEditorPageData, getReviewChanges } from "@/lib/articles/editor-data";
import { DiffView } from "@/components/newsroom/diff-view";
import { env, siteUrl } from "@/lib/env";
import { dateToZonedLocal, formatDateTime } from "@/lib/time";
import { getSlugState } from "@/lib/articles/editing";
import { getUndoOffer } from "@/lib/articles/transitions";
import { PublishingNotice } from "@/components/newsroom/editor/publishing-notice";
import { availableActions } from "@/lib/workflow";
import { ViewsChart } from "@/components/newsroom/views-chart";
import { getArticleViewsChart } from "@/lib/newsroom/views";
import { requirePageUser } from "@/lib/auth/guard";
import { loadForPage } from "@/lib/articles/page-load";
import { getDeleteState, getTrashedArticleFor } from "@/lib/articles/trash";
import { DeleteArticleButton } from "@/components/newsroom/delete-article-button";
import { TrashedArticleNotice } from "@/components/newsroom/trashed-article-notice";
import { can } from "@/lib/permissions";
import { AssignmentPanel } from "@/components/newsroom/assignments/assignment-panel";
import { NotesPanel } from "@/components/newsroom/notes-panel";
import { ReviewLinksSection } from "@/components/newsroom/editor/review-links-section";
import { expiryInfo } from "@/lib/articles/expiry-view";

export const metadata: Metadata = { title: "Editor" };

export default async function EditorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  // A deleted article's editor says where it went rather than "not found".
  const trashed = await getTrashedArticleFor(user, Number((await params).id) || 0);
  if (trashed) return <TrashedArticleNotice article={trashed} timeZone={env().MASTHEAD_TIME_ZONE} />;
  const data = await loadForPage(params, async (id) => await getEditorPageData(user, id));
  const { article } = data;
  const deletable = (await getDeleteState(user, article.id)).allowed;
  const comments = await getComments(user, article.id);
  const changes = article.status === "in_review" ? await getReviewChanges(user, article.id) : null;
  const timeZone = env().MASTHEAD_TIME_ZONE;
  const views = article.isLive ? await getArticleViewsChart(user, article.id) : null;
  return (
    <>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <LiveHeading initial={article.title} className="text-xl font-semibold text-slate-900" />
        <StatusBadge status={article.status} live={article.isLive} />
        {deletable && (
          <div className="ml-auto">
            <DeleteArticleButton articleId={article.id} title={article.title} mayRestore={can(user, "article.restore")} />
          </div>
        )}
      </div>
      <ArticleTabs id={article.id} current="edit" />
      <PublishingNotice articleId={article.id} liveUrl={article.isLive ? `${siteUrl()}/news/${article.slug}` : null} undoOffer={article.status === "unpublished" ? await getUndoOffer(user, article.id) : null} />
      {article.status === "scheduled" && article.scheduledFor && (
        <p className="mb-4 rounded-md border border-sky-300 bg-sky-50 px-4 py-2 text-sm text-sky-900">
          Approved; goes live on {formatDateTime(article.scheduledFor, timeZone)} ({timeZone} time).
        </p>
      )}
      {views && (
        <div className="mb-6 rounded-md border border-slate-300 bg-white p-4">
          <ViewsChart data={views} />
        </div>
      )}
      {changes && (
        <details open={changes.sections.some((s) => s.changed)} className="mb-6 rounded-md border border-slate-300 bg-white p-4">
          <summary className="cursor-pointer text-sm font-semibold text-slate-800">{changes.label}</summary>
          <div className="mt-3">
            <DiffView sections={changes.sections} />
          </div>
        </details>
      )}
      <ArticleEditor
        key={`${article.version}-${article.status}`}
        article={{ id: article.id, version: article.version, title: article.title, standfirst: article.standfirst, body: article.body, topicIds: article.topicIds, leadMediaId: article.leadMediaId, leadAlt: article.leadAlt, leadCaption: article.leadCaption, leadCredit: article.leadCredit }}
        topics={data.topics.map((t) => ({ id: t.id, name: t.name, slug: t.slug }))}
        photos={data.photos}
        readOnly={data.readOnly}
        workflow={{
          actions: availableActions(user, article),
          timeZone,
          status: article.status,
          isLive: article.isLive,
          siteUrl: siteUrl(),
          scheduledForLocal: article.scheduledFor ? dateToZonedLocal(article.scheduledFor, timeZone) : null,
          scheduledForText: article.scheduledFor ? `${formatDateTime(article.scheduledFor, timeZone)} (${timeZone} time)` : null,
          expiry: expiryInfo(user, article, timeZone),
        }}
        slug={await getSlugState(user, article.id)}
        comments={comments}
        side={
          <>
            {/* Panels beside the editor: one line each. */}
            <AssignmentPanel user={user} articleId={article.id} />
            <NotesPanel user={user} articleId={article.id} timeZone={timeZone} />
            <ReviewLinksSection user={user} articleId={article.id} timeZone={timeZone} />
          </>
        }
      />
    </>
  );
}
