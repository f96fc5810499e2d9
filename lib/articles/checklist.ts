import { walkBody, bodyPhotoIds, type BodyLink } from "./checklist-walk";
import { altProblem, classifyLink, vagueLinkText } from "./checklist-rules";

/*
 * The checks an article goes through before review and before publication, as one pure function
 * of its content: the editor runs it as the person types (the "Checks" panel) and the workflow
 * runs the same function on the saved copy, refusing "Submit for review", "Approve and publish"
 * and "Schedule" while a blocker fails. Warnings never stop anything; they are shown to the
 * drafter and to the reviser alike.
 *
 * Why each level: a photo without a real description, a missing topic, and links readers cannot
 * follow (into the newsroom, or to a page that is not live) are wrong for every article, so they
 * block. Heading order, vague link text and title/standfirst lengths are judgements (a link's
 * sentence may give it its purpose, WCAG 2.4.4; a long headline may be right), so they warn. A
 * lead image warns: the home page and social cards have a layout without one.
 */

export type CheckLevel = "blocker" | "warning";

/** A place in the body (or the lead image section) that a check is about. */
export interface CheckPlace {
  kind: "photo" | "lead" | "heading" | "link";
  /** ProseMirror position of the node (for "lead": 0). */
  from: number;
  to: number;
  /** A sentence saying what is wrong there. */
  detail: string;
  /** What the place is, for a control that goes there ("photo 2", "the lead image"). */
  label: string;
}

export interface CheckItem {
  id: string;
  level: CheckLevel;
  passed: boolean;
  /** What holds when passed; what to do when not. */
  message: string;
  where?: CheckPlace[];
}

export interface ChecklistInput {
  title: string;
  standfirst: string;
  body: unknown;
  topicIds: readonly number[];
  leadMediaId: number | null;
  /** The lead's alt text as readers get it: this version's words, else the library's. */
  leadAlt: string;
  /** The site's own address, so that links written with its host are recognised. */
  siteUrl: string;
  /** Whether each linked article slug is live; a slug not in the map is not known yet and not flagged. */
  liveSlugs: ReadonlyMap<string, boolean>;
  /** The slugs of the site's topics; without it, links to topic pages are not checked. */
  topicSlugs?: ReadonlySet<string>;
}

export const TITLE_LENGTH = { min: 20, max: 70 } as const;
export const STANDFIRST_LENGTH = { min: 50, max: 200 } as const;

const quote = (text: string, max = 60) => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
const linkPlace = (link: BodyLink, detail: string): CheckPlace => ({ kind: "link", from: link.from, to: link.to, detail, label: `the link ${quote(link.text, 30)}` });
const item = (id: string, level: CheckLevel, where: CheckPlace[], ok: string, fix: string): CheckItem =>
  where.length ? { id, level, passed: false, message: fix, where } : { id, level, passed: true, message: ok };
const length = (text: string) => [...text.trim()].length;

/** Every check, in the order the panel lists them. */
export function runChecklist(input: ChecklistInput): CheckItem[] {
  const parts = walkBody(input.body);
  const title = input.title.trim();
  const standfirst = input.standfirst.trim();

  const altPlaces: CheckPlace[] = [];
  parts.photos.forEach((photo, i) => {
    const problem = altProblem(photo.alt);
    if (problem) altPlaces.push({ kind: "photo", from: photo.pos, to: photo.pos + 1, detail: `Photo ${i + 1}: ${problem}.`, label: `photo ${i + 1}` });
  });
  if (input.leadMediaId !== null && !bodyPhotoIds(parts).includes(input.leadMediaId)) {
    const problem = altProblem(input.leadAlt);
    if (problem) {
      const detail = input.leadAlt.trim() ? `The lead image: ${problem}.` : "The lead image needs alt text: describe the photo in the “Lead image” section.";
      altPlaces.push({ kind: "lead", from: 0, to: 0, detail, label: "the lead image" });
    }
  }

  const newsroom: CheckPlace[] = [];
  const unpublished: CheckPlace[] = [];
  const vague: CheckPlace[] = [];
  for (const link of parts.links) {
    const target = classifyLink(link.href, input.siteUrl);
    if (target?.kind === "newsroom") newsroom.push(linkPlace(link, `The link ${quote(link.text)} goes to ${target.path}, which readers cannot open.`));
    if (target?.kind === "article" && input.liveSlugs.get(target.slug) === false) {
      unpublished.push(linkPlace(link, `The link ${quote(link.text)} goes to /news/${target.slug}, which is not published.`));
    }
    if (target?.kind === "topic" && input.topicSlugs && !input.topicSlugs.has(target.slug)) {
      unpublished.push(linkPlace(link, `The link ${quote(link.text)} goes to /topics/${target.slug}, which is not one of the site's topics.`));
    }
    const problem = vagueLinkText(link.text, link.href);
    if (problem) vague.push(linkPlace(link, `The link ${quote(link.text)} ${problem}.`));
  }

  const headings: CheckPlace[] = [];
  let previous = 1; // the title is the page's h1
  parts.headings.forEach((h, i) => {
    const name = h.text.trim() ? quote(h.text) : `Heading ${i + 1}`;
    const place = { kind: "heading" as const, from: h.pos, to: h.pos + 1, label: `heading ${i + 1}` };
    if (!h.text.trim()) headings.push({ ...place, detail: `Heading ${i + 1} is empty.` });
    else if (h.level > previous + 1) {
      const detail = previous === 1 ? `${name} is a level-${h.level} heading, but the body’s first heading should be level 2.` : `${name} jumps from level ${previous} to level ${h.level}.`;
      headings.push({ ...place, detail });
    }
    previous = h.level;
  });

  const titleLength = length(title);
  const standfirstLength = length(standfirst);
  return [
    { id: "title", level: "blocker", passed: title !== "", message: title ? "The article has a title." : "Give the article a title." },
    { id: "body", level: "blocker", passed: parts.hasText, message: parts.hasText ? "The body has text." : "Write the body." },
    { id: "topics", level: "blocker", passed: input.topicIds.length > 0, message: input.topicIds.length > 0 ? "At least one topic is chosen." : "Choose at least one topic." },
    item("photo-alt", "blocker", altPlaces, "Every photo has alt text that describes it.", "Describe every photo in its alt text, for people who cannot see it."),
    item("newsroom-links", "blocker", newsroom, "No link points into the newsroom.", "Remove links into the newsroom: readers cannot open them."),
    item("unpublished-links", "blocker", unpublished, "Every link to an article or topic goes to a page readers can open.", "Remove or change links to articles that are not published or topics that do not exist."),
    { id: "lead-image", level: "warning", passed: input.leadMediaId !== null, message: input.leadMediaId !== null ? "The article has a lead image." : "Choose a lead image: the home page, topic pages and social cards show it." },
    item("headings", "warning", headings, "Headings are in order.", "Put the headings in order: start at level 2 and skip no level."),
    item("link-text", "warning", vague, "Every link says where it goes.", "Make link text say where it goes, not “click here”."),
    {
      id: "title-length",
      level: "warning",
      passed: titleLength >= TITLE_LENGTH.min && titleLength <= TITLE_LENGTH.max,
      message:
        titleLength > TITLE_LENGTH.max
          ? `The title has ${titleLength} characters; search results cut it after about ${TITLE_LENGTH.max}.`
          : titleLength < TITLE_LENGTH.min
            ? `The title has ${titleLength} characters; ${TITLE_LENGTH.min}–${TITLE_LENGTH.max} say more in search results.`
            : `The title fits search results (${titleLength} characters).`,
    },
    {
      id: "standfirst-length",
      level: "warning",
      passed: standfirstLength >= STANDFIRST_LENGTH.min && standfirstLength <= STANDFIRST_LENGTH.max,
      message:
        standfirstLength === 0
          ? `Write a standfirst (${STANDFIRST_LENGTH.min}–${STANDFIRST_LENGTH.max} characters): social cards and search results show it.`
          : standfirstLength > STANDFIRST_LENGTH.max
            ? `The standfirst has ${standfirstLength} characters; social cards cut it after about ${STANDFIRST_LENGTH.max}.`
            : standfirstLength < STANDFIRST_LENGTH.min
              ? `The standfirst has ${standfirstLength} characters; ${STANDFIRST_LENGTH.min}–${STANDFIRST_LENGTH.max} fill a social card.`
              : `The standfirst fits social cards (${standfirstLength} characters).`,
    },
  ];
}

/** The article slugs a body links to (relative or with the site's host), to look up. */
export function linkedArticleSlugs(body: unknown, siteUrl: string): string[] {
  const slugs = new Set<string>();
  for (const link of walkBody(body).links) {
    const target = classifyLink(link.href, siteUrl);
    if (target?.kind === "article") slugs.add(target.slug);
  }
  return [...slugs];
}

/** The sentences that say why blockers stop the article: one per place, or the item's message. */
export function blockerReasons(items: readonly CheckItem[]): string[] {
  return items.filter((i) => i.level === "blocker" && !i.passed).flatMap((i) => (i.where?.length ? i.where.map((w) => w.detail) : [i.message]));
}
