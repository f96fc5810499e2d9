import type { CurrentUser } from "@/lib/permissions";
import { listReviewLinks, mayManageReviewLinks } from "@/lib/review-links/manage";
import { ReviewLinksPanel } from "./review-links-panel";

/** The editor's "Outside review" panel, for people who may make review links for this article (else nothing). */
export async function ReviewLinksSection({ user, articleId, timeZone }: { user: CurrentUser; articleId: number; timeZone: string }) {
  if (!await mayManageReviewLinks(user, articleId)) return null;
  return <ReviewLinksPanel articleId={articleId} initial={await listReviewLinks(user, articleId)} timeZone={timeZone} />;
}
