/*
 * The judgements behind the checklist's items, each a small pure function so the tests can pin
 * its edge cases: what counts as a real description of a photo, where a link goes, and link text
 * that does not say where it goes.
 */

/** Alt text shorter than this describes nothing ("cat" would; it is still too little to go on). */
export const MIN_ALT_LENGTH = 5;

const IMAGE_EXTENSION = /\.(jpe?g|jfif|png|gif|webp|avif|heic|heif|tiff?|bmp|svg)$/i;
// Camera and phone file names: IMG_0042, DSC01234, DSCF0042, PXL_20240501_123456, Screenshot 2024-…
const CAMERA_NAME = /^(img|dsc[nf]?|dcim|pxl|mvimg|photo|image|pic|screenshot|screen shot|whatsapp image)[\s_-]*\d/i;
// One "word" with an underscore or a run of digits (final_v2, 20240501-1234): a name, not a sentence.
// "COVID-19" is a word, not a file name.
const CODE_LIKE = /^(?=.*(_|\d{3}))[\w-]+$/;
const PLACEHOLDERS = new Set(["image", "img", "photo", "photograph", "picture", "pic", "graphic", "alt", "alt text", "placeholder", "untitled", "lead image", "an image", "a photo", "a picture", "image of", "photo of", "picture of"]);

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .replace(/^[\s"'“”‘’.,:;!?()[\]…→»›-]+|[\s"'“”‘’.,:;!?()[\]…→»›-]+$/g, "");

/** Why this alt text does not describe a photo, or null when it may. */
export function altProblem(alt: string): string | null {
  const text = alt.trim();
  if (!text) return "it has no alt text";
  if (IMAGE_EXTENSION.test(text) || CAMERA_NAME.test(text) || CODE_LIKE.test(text)) return `the alt text “${text}” looks like a file name; say what the photo shows`;
  if (PLACEHOLDERS.has(normalise(text))) return `the alt text “${text}” does not say what the photo shows`;
  if ([...text].length < MIN_ALT_LENGTH) return `the alt text “${text}” is too short to describe the photo`;
  return null;
}

/** Paths of the site that readers cannot open (the newsroom, sign-in, the API, outside review links). */
const PRIVATE_PATHS = ["/newsroom", "/login", "/api", "/review"];
const ARTICLE_PATH = /^\/news\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;
// A topic page, also its numbered pages (/topics/research/page/2).
const TOPIC_PATH = /^\/topics\/([^/]+)(?:\/page\/\d+)?\/?$/;

let lastSite: { url: string; host: string | null } | null = null;
/** The site's host (with port), parsed once for the many links of a body. */
function siteHost(siteUrl: string): string | null {
  if (lastSite?.url !== siteUrl) {
    let host: string | null = null;
    try {
      host = new URL(siteUrl).host.toLowerCase();
    } catch {
      host = null;
    }
    lastSite = { url: siteUrl, host };
  }
  return lastSite.host;
}

export type LinkTarget = { kind: "newsroom"; path: string } | { kind: "article"; slug: string } | { kind: "topic"; slug: string };

/** Where a link on this site goes, when it goes somewhere the checklist cares about. */
export function classifyLink(href: string, siteUrl: string): LinkTarget | null {
  const value = href.trim();
  let path: string;
  if (value.startsWith("/") && !value.startsWith("//")) {
    path = new URL(value, "http://site.invalid").pathname;
  } else {
    // Only an address naming the site's host can be the site's; most links are elsewhere.
    const host = siteHost(siteUrl);
    if (!host || !value.toLowerCase().includes(host)) return null;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return null;
    }
    // http and https of the site's host are the same site; "www." is not assumed to be.
    if (!/^https?:$/.test(url.protocol) || url.host.toLowerCase() !== host) return null;
    path = url.pathname;
  }
  const lower = path.toLowerCase();
  if (PRIVATE_PATHS.some((p) => lower === p || lower.startsWith(`${p}/`))) return { kind: "newsroom", path };
  const article = ARTICLE_PATH.exec(path);
  if (article?.[1]) return { kind: "article", slug: article[1] };
  const topic = TOPIC_PATH.exec(path);
  return topic?.[1] ? { kind: "topic", slug: decodeURIComponent(topic[1]).toLowerCase() } : null;
}

const VAGUE = new Set(["click here", "here", "click", "click this link", "this link", "link", "read more", "more", "learn more", "find out more", "more info", "more information", "this", "this page", "go", "see here", "details"]);

/** Why link text does not say where it goes (a phrase after "The link “…”"), or null. */
export function vagueLinkText(text: string, href: string): string | null {
  const words = normalise(text);
  if (!words) return "has no text";
  if (VAGUE.has(words)) return "does not say where it goes";
  const bare = text.trim();
  if (/^(https?:\/\/|www\.)\S+$/i.test(bare) || bare === href.trim()) return "is a bare address; say what the page is";
  return null;
}
