import type { Article } from "../articles/article.js";
import { joinedPieces } from "../articles/stored.js";
import { foldConcat } from "../text/text.js";
import { FIELDS } from "./store.js";

/**
 * What search keeps per article: the article and its folded text, for matching and snippets.
 *
 * The folded copy doubles the text in memory (about 150 MB at the 2020–2022 archive). Folding the
 * original on the fly instead (raw match first, folding only where a term character is one that
 * folding produced) was measured and dropped: verifying the bench queries' multi-key terms over
 * their candidates at the archive took 3.5× as long (2,164 against 626 ms in all; 习近平 154
 * against 24 ms, COVID-19 233 against 42 ms), as an article's text is searched piece by piece
 * (17 paragraphs on average) instead of in one string. One joined string per article, shared by
 * the article and search, is what would keep both speed and a single copy.
 */
export interface IndexedArticle {
  article: Article;
  shortId: number;
  /**
   * Folded `title \0 tags \0 caption \0 body \0 figures` (tags joined by \u0001, paragraphs and
   * the captions of the images in the body by \n).
   */
  folded: string;
  /** Start offsets in `folded` of tags, caption, body and figures. */
  tagsStart: number;
  captionStart: number;
  bodyStart: number;
  figuresStart: number;
  /** 20220111 for 2022-01-11, 0 when undated. */
  dateKey: number;
}

export function makeIndexedArticle(article: Article): IndexedArticle {
  const bodyLength =
    article.paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0) +
    article.paragraphs.length -
    1;
  return indexedArticleOf(article, foldConcat(joinedPieces(article)), bodyLength);
}

/**
 * The entry of an article whose folded joined text is at hand (see `joinedPieces`), with the
 * length of its body in it: nothing is folded, the paragraphs are not read.
 */
export function indexedArticleOf(
  article: Article,
  folded: string,
  bodyLength: number,
): IndexedArticle {
  const tagsStart = article.title.length + 1;
  const tagsLength =
    article.tags.reduce((sum, tag) => sum + tag.length, 0) + Math.max(0, article.tags.length - 1);
  const captionStart = tagsStart + tagsLength + 1;
  const bodyStart = captionStart + (article.caption ?? "").length + 1;
  const figuresStart = bodyStart + bodyLength + 1;
  const dateKey = article.date ? Number(article.date.replaceAll("-", "")) || 0 : 0;
  return {
    article,
    shortId: -1,
    folded,
    tagsStart,
    captionStart,
    bodyStart,
    figuresStart,
    dateKey,
  };
}

/** The folded text of one field of an entry (`people` is not part of the entry). */
export function entryField(entry: IndexedArticle, fieldId: number): string {
  const field = FIELDS[fieldId];
  if (field === "title") return entry.folded.slice(0, entry.tagsStart - 1);
  if (field === "tags") return entry.folded.slice(entry.tagsStart, entry.captionStart - 1);
  if (field === "caption") return entry.folded.slice(entry.captionStart, entry.bodyStart - 1);
  if (field === "body") return entry.folded.slice(entry.bodyStart, entry.figuresStart - 1);
  if (field === "figures") return entry.folded.slice(entry.figuresStart);
  return "";
}

/** Entries by article id, in order; an id seen twice keeps the later article. */
export function collectEntries(articles: Iterable<Article>): Map<string, IndexedArticle> {
  const entries = new Map<string, IndexedArticle>();
  for (const article of articles) {
    entries.delete(article.id);
    entries.set(article.id, makeIndexedArticle(article));
  }
  return entries;
}

/** A cheap hash of an article's folded text: a persisted index is only used for the same text. */
export function articleFingerprint(entry: IndexedArticle): string {
  let hash = 0x811c9dc5;
  const text = entry.folded;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length.toString(36)}.${(hash >>> 0).toString(36)}`;
}
