import { z } from "zod";

export const ScriptSchema = z.enum(["gb", "b5"]);
export type Script = z.infer<typeof ScriptSchema>;

/** A name the article writes with its English original: 普京（Vladimir Putin）. See english-names.ts. */
export const EnglishNamePairSchema = z.object({
  chinese: z.string().min(1),
  english: z.string().min(1),
  person: z.boolean(),
});

export type EnglishNamePair = z.infer<typeof EnglishNamePairSchema>;

export const ArticleSchema = z.object({
  /** The article number from the source link (`n13495457`), else the file name without extension. */
  id: z.string().min(1),
  title: z.string().min(1),
  /** ISO date (`2022-01-11`) from the dateline, else from the source link's path. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  reporter: z.string().min(1).nullable(),
  editor: z.string().min(1).nullable(),
  tags: z.array(z.string().min(1)),
  /** The lead image's caption. */
  caption: z.string().min(1).nullable(),
  /**
   * Captions of the images inside the body, in order; absent when there are none. Kept apart
   * from `paragraphs` so paragraph numbers, summaries and quotes are those of the text alone;
   * search indexes them as a field of their own and shows them in snippets.
   */
  captions: z.array(z.string().min(1)).min(1).optional(),
  /** Clean body text, one entry per paragraph; paragraph n (1-based) is `paragraphs[n - 1]`. */
  paragraphs: z.array(z.string().min(1)).min(1),
  /** The names it writes as 中文名（English Name）, read once when it is parsed; absent when none. */
  englishNames: z.array(EnglishNamePairSchema).min(1).optional(),
  url: z.url().nullable(),
  /** `gb` simplified, `b5` traditional. */
  script: ScriptSchema,
  /** The file it came from, relative to the folder that was loaded. */
  file: z.string(),
});

export type Article = z.infer<typeof ArticleSchema>;

/** The lead caption and the in-body captions, one per line: the text search gives the caption field. */
export function captionText(article: Article): string {
  const { caption, captions } = article;
  if (!captions) return caption ?? "";
  return caption ? [caption, ...captions].join("\n") : captions.join("\n");
}

/** What every answer says about the article it came from. */
export interface ArticleRef {
  id: string;
  title: string;
  date: string | null;
  url: string | null;
}

export function articleRef(article: Article): ArticleRef {
  return { id: article.id, title: article.title, date: article.date, url: article.url };
}

/** Newest first; undated articles last; ties broken by id so the order is stable. */
export function compareNewestFirst(a: Article, b: Article): number {
  const byDate = (b.date ?? "").localeCompare(a.date ?? "");
  return byDate !== 0 ? byDate : b.id.localeCompare(a.id);
}
