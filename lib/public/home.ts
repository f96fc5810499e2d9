import "server-only";
import * as q from "@/db/queries/public";

/*
 * What the home page shows, each live article at most once: the lead story (with a photograph
 * when one of the latest has one), then the latest
 * news, then one section per topic (in menu order) with that topic's newest articles not shown
 * above. A topic with nothing left to show gets no section.
 */

/** How many of the latest articles the home page shows (the lead story included). */
export const HOME_LATEST = 9;
/** Articles per topic section: one lead card with its photo and a short list beside it. */
export const HOME_SECTION_SIZE = 4;

export interface HomeSection {
  topic: { id: number; slug: string; name: string; description: string };
  cards: q.PublicCard[];
}

export interface HomeSelection {
  lead: q.PublicCard | null;
  latest: q.PublicCard[];
  sections: HomeSection[];
}

/** Reads the home page's articles from the public read path (live articles only). */
export async function selectHomePage(): Promise<HomeSelection> {
  const latest = await q.listPublishedCards(HOME_LATEST);
  const shown = latest.map((c) => c.articleId);
  const sections: HomeSection[] = [];
  for (const topic of await q.listTopics()) {
    const cards = await q.listTopicCards(topic.id, HOME_SECTION_SIZE, 0, shown);
    if (cards.length === 0) continue;
    shown.push(...cards.map((c) => c.articleId));
    sections.push({ topic, cards });
  }
  return { ...pickLead(latest), sections };
}

/**
 * The lead story: the newest of the latest articles that has a photograph (a front page leads
 * with a picture), else the newest. The others keep their order.
 */
export function pickLead(latest: q.PublicCard[]): { lead: q.PublicCard | null; latest: q.PublicCard[] } {
  const at = latest.findIndex((card) => card.lead !== null);
  const index = at === -1 ? 0 : at;
  return { lead: latest[index] ?? null, latest: latest.filter((_, i) => i !== index) };
}
