import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/public/article-view";
import { ReviewBanner } from "@/components/review/review-banner";
import { ReviewCommentForm } from "@/components/review/review-comment-form";
import { env } from "@/lib/env";
import { openReviewLink, reviewMediaBase } from "@/lib/review-links/open";

/*
 * An outside review link: one version of one article for someone without an account, outside
 * the newsroom (no sign-in) and outside the public site's caches (proxy.ts marks it private,
 * no-store; lib/public/cacheable.ts never names it; the Varnish VCL passes /review/). Every
 * reason a link does not open ends in the same notFound() page (./not-found.tsx).
 */

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Draft for review",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function ReviewPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const page = await openReviewLink(token);
  if (!page) notFound();
  const { MASTHEAD_SITE_NAME: siteName, MASTHEAD_TIME_ZONE: timeZone } = env();
  return (
    <>
      <ReviewBanner siteName={siteName} pinned={page.pinned} expiresAt={page.expiresAt} timeZone={timeZone} />
      <main id="main" tabIndex={-1} className="bg-paper px-4 py-10 focus:outline-none">
        <ArticleView article={page.article} html={page.html} mediaBase={reviewMediaBase(token)} />
        <ReviewCommentForm token={token} />
      </main>
    </>
  );
}
