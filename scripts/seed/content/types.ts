/**
 * Shapes of the demo content. The seed (scripts/seed/seed.ts) turns these into TipTap JSON
 * bodies, generated photographs and articles; nothing here touches the database.
 */

/** A scene the photo generator can draw; every demo photograph is made from shapes, not copied. */
export type PhotoScene =
  | "campus"
  | "library"
  | "lab"
  | "lecture"
  | "concert"
  | "sports"
  | "harbor"
  | "garden"
  | "city"
  | "night-sky"
  | "microscope"
  | "mountains";

export interface PhotoSpec {
  scene: PhotoScene;
  /** Base hue, 0–359, so photographs of one scene still differ. */
  hue: number;
  /** Any integer; varies positions and sizes deterministically. */
  seed: number;
}

export interface DemoPhoto {
  photo: PhotoSpec;
  /** Shown under the photograph in a <figcaption>. */
  caption: string;
  /** Describes the picture for people who cannot see it. Required. */
  alt: string;
  /** e.g. "Photo: Masthead News Office" */
  credit: string;
}

/**
 * Inline text in paragraphs, list items and quotes may use a tiny markup:
 * **bold**, _italic_, and [link text](https://example.edu/path or /news/some-slug).
 */
export type DemoBlock =
  | { type: "p"; text: string }
  | { type: "h2"; text: string }
  | { type: "h3"; text: string }
  | { type: "quote"; text: string }
  | { type: "ul"; items: string[] }
  | { type: "ol"; items: string[] }
  | { type: "hr" }
  | ({ type: "photo" } & DemoPhoto);

export type DemoStatus = "published" | "draft" | "in_review" | "changes_requested";

export interface DemoArticle {
  title: string;
  standfirst: string;
  /** Topic slugs from demoTopics. The first is the primary topic. */
  topics: string[];
  status: DemoStatus;
  /** ISO date-time (UTC) of publication for published pieces; of the last edit otherwise. */
  date: string;
  /** E-mail of the drafter (from demoStaff). */
  drafter: string;
  /** E-mail of the reviser who approved it (published), or who sent it back (changes_requested). */
  reviser?: string;
  /** What the reviser asked to change (changes_requested pieces only). */
  reviewComment?: string;
  lead: DemoPhoto;
  body: DemoBlock[];
  /** A plausible starting view count for published pieces. */
  views?: number;
  /** A correction the reviser added after publication (published pieces only). */
  correction?: { text: string; at: string };
}

export interface DemoAssignment {
  workingTitle: string;
  brief: string;
  /** E-mail of the drafter it is assigned to, and of the reviser who assigned it. */
  drafter: string;
  assignedBy: string;
  /** Topic slug from demoTopics. */
  topic: string;
  /** Due this many days after the seed runs, at 17:00 in the newsroom's time zone. */
  dueInDays: number;
}

export interface DemoTopic {
  slug: string;
  name: string;
  description: string;
}

export interface DemoStaff {
  email: string;
  name: string;
  role: "drafter" | "reviser" | "admin";
}
