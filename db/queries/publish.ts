import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { articles, articleTopics, media, publicationMedia, publications, publicationTopics } from "../tables";
import { publishPendingNotes } from "./notes";

/**
 * Makes the article's working copy its live version: copies title, standfirst, body, lead photo
 * (with its words) and topics into the publication tables. Call inside an IMMEDIATE transaction together with
 * the state change it belongs to. `publishedAt` is kept from an earlier publication if any.
 * `bodyMediaIds` are the photos the body places (lib/content/render reads them from the TipTap
 * JSON), so that data access need not know the document format.
 */
export async function writePublication(db: Db, input: { articleId: number; reviserId: number; at: Date; bodyMediaIds: number[] }): Promise<void> {
  const article = (await db.select().from(articles).where(eq(articles.id, input.articleId)))[0];
  if (!article) throw new Error(`Article ${input.articleId} does not exist`);
  const previous = (await db
      .select({ publishedAt: publications.publishedAt })
      .from(publications)
      .where(eq(publications.articleId, input.articleId)))[0];
  const publishedAt = previous?.publishedAt ?? input.at;
  // The lead's words as approved: the version's own, else the library's as they are now, so a
  // later change in the library (shared by other articles) never reaches this live page.
  const library = article.leadMediaId ? (await db.select({ alt: media.alt, caption: media.caption, credit: media.credit }).from(media).where(eq(media.id, article.leadMediaId)))[0] : undefined;
  const values = {
    slug: article.slug,
    title: article.title,
    standfirst: article.standfirst,
    body: article.body,
    leadMediaId: article.leadMediaId,
    leadAlt: library ? (article.leadAlt ?? library.alt) : null,
    leadCaption: library ? (article.leadCaption ?? library.caption) : null,
    leadCredit: library ? (article.leadCredit ?? library.credit) : null,
    reviserId: input.reviserId,
    updatedAt: input.at,
  };
  await db.insert(publications)
      .values({ articleId: input.articleId, publishedAt, ...values })
      .onConflictDoUpdate({ target: publications.articleId, set: values });

  await db.delete(publicationTopics).where(eq(publicationTopics.articleId, input.articleId));
  const topicRows = await db
      .select({ topicId: articleTopics.topicId, position: articleTopics.position })
      .from(articleTopics)
      .where(eq(articleTopics.articleId, input.articleId))
      .orderBy(asc(articleTopics.position));
  if (topicRows.length > 0) {
    await db.insert(publicationTopics)
          .values(topicRows.map((t) => ({ articleId: input.articleId, topicId: t.topicId, position: t.position, publishedAt })));
  }

  await db.delete(publicationMedia).where(eq(publicationMedia.articleId, input.articleId));
  const mediaIds = new Set(input.bodyMediaIds);
  if (article.leadMediaId) mediaIds.add(article.leadMediaId);
  if (mediaIds.size > 0) {
    await db.insert(publicationMedia)
          .values([...mediaIds].map((mediaId) => ({ articleId: input.articleId, mediaId })));
  }
  // Corrections that waited for this approval go live with it, in this transaction.
  await publishPendingNotes(db, input);
}
