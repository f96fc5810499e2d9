import { z } from "zod";

const plain = (label: string, max: number) =>
  z
    .string()
    .max(max, `${label} is longer than ${max} characters.`)
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v), `${label} contains control characters.`);

/** What the editor sends on every save. The body itself is checked by lib/content/validate. */
export const saveArticleSchema = z.object({
  articleId: z.number().int().positive(),
  baseVersion: z.number().int().positive(),
  title: plain("The title", 200).transform((v) => v.replace(/\s+/g, " ").trim()),
  standfirst: plain("The standfirst", 600).transform((v) => v.trim()),
  body: z.unknown(),
  topicIds: z.array(z.number().int().positive()).max(10, "Choose at most 10 topics."),
  leadMediaId: z.number().int().positive().nullable(),
  /** The lead photo's words for this article; null (or absent) uses the library's description. */
  leadAlt: plain("The lead alt text", 400).transform((v) => v.trim()).nullable().optional(),
  leadCaption: plain("The lead caption", 600).transform((v) => v.trim()).nullable().optional(),
  leadCredit: plain("The lead credit", 200).transform((v) => v.trim()).nullable().optional(),
  /** Set on the save that follows a conflict: it must start a revision of its own. */
  noFold: z.boolean().optional(),
});
export type SaveArticleInput = z.infer<typeof saveArticleSchema>;

export const restoreRevisionSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  revisionId: z.coerce.number().int().positive(),
  baseVersion: z.coerce.number().int().positive(),
});

export const mediaMetaSchema = z.object({
  alt: plain("The alt text", 400).transform((v) => v.trim()),
  caption: plain("The caption", 600).transform((v) => v.trim()),
  credit: plain("The credit", 200).transform((v) => v.trim()),
});

/** A slug typed by hand: what the public URL /news/<slug> may hold. */
export const changeSlugSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  slug: z
    .string()
    .trim()
    .min(1, "Enter the URL’s last part, e.g. new-lab-opens.")
    .max(80, "Keep the URL under 80 characters.")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens only (no spaces, accents or hyphens at the ends)."),
});
