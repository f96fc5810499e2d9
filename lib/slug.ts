const MAX_SLUG_LENGTH = 80;

/** A URL slug from a title: lower-case ASCII words joined by hyphens, accents folded. */
export function slugify(title: string): string {
  const ascii = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’'`]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii || "article";
  const cut = ascii.slice(0, MAX_SLUG_LENGTH);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}

/** The first of `base`, `base-2`, `base-3`, … that `taken` says is free. */
export async function uniqueSlug(base: string, taken: (slug: string) => boolean | Promise<boolean>): Promise<string> {
  if (!(await taken(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}

/** True for strings that could be a slug we generated (used to reject junk URLs early). */
export function isSlug(value: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 200;
}

/**
 * Whether a slug still follows its title (as generated, perhaps with a -2 suffix, or the
 * placeholder of an untitled draft) rather than having been typed by hand.
 */
export function followsTitle(slug: string, title: string): boolean {
  const base = slugify(title || "untitled draft");
  return slug === base || new RegExp(`^${base}-\\d+$`).test(slug) || /^untitled-draft(?:-\d+)?$/.test(slug);
}
