/*
 * Reader input → FTS5 MATCH expression. Nothing a reader types is ever passed to FTS5 as syntax:
 * the input is cut into words (letters, digits and combining marks only), each word or phrase is
 * wrapped in double quotes, and the quoted strings are ANDed. So `"`, `*`, `(`, `NEAR`, `OR`,
 * `-` and `:` are either dropped or searched as plain words, and no input can raise an error.
 */

/** Longer input is cut here; nobody needs a longer query and it bounds the work per search. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many words or phrases are searched (ANDed). */
export const MAX_TERMS = 12;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
// Scripts written without spaces: the tokenizer keeps a whole run as one token, so a run typed
// by a reader is matched as the start of a token (prefix query) rather than as a whole token.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** Cleans what a reader typed for display and cache keys: trimmed, NFKC, single spaces, bounded. */
export function normalizeQuery(input: string | string[] | undefined): string {
  const raw = Array.isArray(input) ? (input[0] ?? "") : (input ?? "");
  return raw.normalize("NFKC").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
}

function quote(words: string[]): string {
  const phrase = `"${words.join(" ")}"`;
  return words.length === 1 && UNSPACED.test(words[0]!) ? `${phrase}*` : phrase;
}

/**
 * The MATCH expression for a normalized query, or null when it holds nothing searchable.
 * Text in double quotes is a phrase; a hyphenated or dotted word ("climate-change") is a phrase
 * of its parts, which is how the tokenizer indexed it.
 */
export function toMatchExpression(query: string): string | null {
  const terms: string[] = [];
  // Even-indexed parts lie outside double quotes, odd-indexed inside (an unclosed quote runs on).
  const parts = normalizeQuery(query).split('"');
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const words = part.match(WORD);
      if (words) terms.push(quote(words));
      return;
    }
    for (const chunk of part.split(" ")) {
      const words = chunk.match(WORD);
      if (words) terms.push(quote(words));
    }
  });
  const unique = [...new Set(terms)].slice(0, MAX_TERMS);
  return unique.length > 0 ? unique.join(" ") : null;
}

/** Private-use characters that mark a highlighted match in FTS5 snippets (never in article text). */
export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";

export interface TextSegment {
  text: string;
  match: boolean;
}

/** Splits a snippet with MARK_OPEN/MARK_CLOSE into plain and matched segments, for safe rendering. */
export function toSegments(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  for (const [i, part] of marked.split(MARK_OPEN).entries()) {
    const [inside, after] = i === 0 ? [null, part] : splitOnce(part, MARK_CLOSE);
    if (inside) segments.push({ text: inside, match: true });
    if (after) segments.push({ text: after, match: false });
  }
  return segments;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + separator.length).replaceAll(separator, "")];
}
