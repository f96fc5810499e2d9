/*
 * A small RSS 2.0 writer. Every text is escaped as XML character data (no CDATA sections, so
 * no "]]>" can end one early), and characters XML 1.0 does not allow are left out. It replaces
 * the `feed` package, whose XML layer escaped only the first "]]>" of a CDATA section.
 */

// Tab, newline, carriage return and U+0020–U+D7FF, U+E000–U+FFFD and astral characters are
// allowed in XML 1.0; everything else (C0 controls, lone surrogates, U+FFFE/U+FFFF) is not.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const XML_ESCAPES = new Map([
  ["&", "&amp;"],
  ["<", "&lt;"],
  [">", "&gt;"],
  ['"', "&quot;"],
  ["'", "&apos;"],
]);

/** Escapes text for XML content and attribute values. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML_CHAR, "").replace(/[&<>"']/g, (c) => XML_ESCAPES.get(c)!);
}

export interface RssItem {
  title: string;
  link: string;
  guid: string;
  description: string;
  /** HTML for content:encoded (escaped here like any other text). */
  contentHtml: string;
  pubDate: Date;
  categories: string[];
  creators: string[];
  enclosure?: { url: string; type: string; length: number };
}

export interface RssChannel {
  title: string;
  link: string;
  selfLink: string;
  description: string;
  language: string;
  copyright: string;
  generator: string;
  lastBuildDate: Date;
  ttlMinutes: number;
}

const el = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

/** The RSS 2.0 document (with the content, dc and atom namespaces). */
export function renderRss(channel: RssChannel, items: RssItem[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    el("title", channel.title),
    el("link", channel.link),
    el("description", channel.description),
    el("lastBuildDate", channel.lastBuildDate.toUTCString()),
    "<docs>https://validator.w3.org/feed/docs/rss2.html</docs>",
    el("generator", channel.generator),
    el("language", channel.language),
    el("ttl", String(channel.ttlMinutes)),
    el("copyright", channel.copyright),
    `<atom:link href="${escapeXml(channel.selfLink)}" rel="self" type="application/rss+xml"/>`,
  ];
  for (const item of items) {
    out.push(
      "<item>",
      el("title", item.title),
      el("link", item.link),
      `<guid isPermaLink="true">${escapeXml(item.guid)}</guid>`,
      el("pubDate", item.pubDate.toUTCString()),
      el("description", item.description),
      el("content:encoded", item.contentHtml),
      ...item.categories.map((c) => el("category", c)),
      ...(item.creators.length ? [el("dc:creator", item.creators.join(", "))] : []),
      ...(item.enclosure
        ? [`<enclosure url="${escapeXml(item.enclosure.url)}" length="${Math.max(0, Math.round(item.enclosure.length))}" type="${escapeXml(item.enclosure.type)}"/>`]
        : []),
      "</item>",
    );
  }
  out.push("</channel>", "</rss>");
  return out.join("\n");
}
