import type { Article } from "../articles/article.js";
import { foldCode, foldText } from "../text/text.js";
import { FIELDS } from "./store.js";

/**
 * What search keeps per article: the article itself, no second (folded) copy of its text. Folding
 * keeps one UTF-16 unit for one, so matching and snippets fold on the fly at the same offsets
 * (issue 13: text stored once).
 */
export interface IndexedArticle {
  article: Article;
  shortId: number;
  /** 20220111 for 2022-01-11, 0 when undated. */
  dateKey: number;
  /**
   * The distinct characters folding makes of the article's characters that it changes (`,` from
   * `，`, `n` from `N`, 习 from 習): a term without any of them matches the original as written.
   */
  foldTargets: string;
}

export function makeIndexedArticle(article: Article): IndexedArticle {
  const dateKey = article.date ? Number(article.date.replaceAll("-", "")) || 0 : 0;
  return { article, shortId: -1, dateKey, foldTargets: foldTargets(article) };
}

function foldTargets(article: Article): string {
  const targets = new Set<number>();
  const visit = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const folded = foldCode(code);
      if (folded !== code) targets.add(folded);
    }
  };
  visit(article.title);
  for (const tag of article.tags) visit(tag);
  visit(article.caption ?? "");
  for (const paragraph of article.paragraphs) visit(paragraph);
  for (const caption of article.captions ?? []) visit(caption);
  return String.fromCharCode(...[...targets].sort((a, b) => a - b));
}

const TAG_SEPARATOR = "\u0001";

/** The folded text of one field of an article (`people` is not part of the article's text). */
export function foldedField(article: Article, fieldId: number): string {
  const field = FIELDS[fieldId];
  if (field === "title") return foldText(article.title);
  if (field === "tags") return foldText(article.tags.join(TAG_SEPARATOR));
  if (field === "caption") return foldText(article.caption ?? "");
  if (field === "body") return foldText(article.paragraphs.join("\n"));
  if (field === "figures") return foldText((article.captions ?? []).join("\n"));
  return "";
}

/** Characters of the text (`title \0 tags \0 caption \0 body \0 figures`, joined as indexed). */
export function textLength(article: Article): number {
  const tags = article.tags.reduce((sum, tag) => sum + tag.length, 0);
  const paragraphs = article.paragraphs.reduce((sum, p) => sum + p.length, 0);
  const figures = (article.captions ?? []).reduce((sum, c) => sum + c.length, 0);
  return (
    article.title.length +
    1 +
    tags +
    Math.max(0, article.tags.length - 1) +
    1 +
    (article.caption ?? "").length +
    1 +
    paragraphs +
    Math.max(0, article.paragraphs.length - 1) +
    1 +
    figures +
    Math.max(0, (article.captions ?? []).length - 1)
  );
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

const FIELD_SEPARATOR = 0;

/**
 * A cheap hash of an article's folded text (`title \0 tags \0 caption \0 body \0 figures`, tags
 * joined by \u0001, paragraphs and captions by \n), folded as it is hashed: a persisted index is
 * only used for the same text.
 */
export function articleFingerprint(entry: IndexedArticle): string {
  const { article } = entry;
  let hash = 0x811c9dc5;
  let length = 0;
  const mix = (code: number) => {
    hash ^= code;
    hash = Math.imul(hash, 0x01000193);
    length++;
  };
  const text = (piece: string) => {
    for (let i = 0; i < piece.length; i++) mix(foldCode(piece.charCodeAt(i)));
  };
  const joined = (pieces: readonly string[], separator: number) => {
    pieces.forEach((piece, i) => {
      if (i > 0) mix(separator);
      text(piece);
    });
  };
  text(article.title);
  mix(FIELD_SEPARATOR);
  joined(article.tags, TAG_SEPARATOR.charCodeAt(0));
  mix(FIELD_SEPARATOR);
  text(article.caption ?? "");
  mix(FIELD_SEPARATOR);
  joined(article.paragraphs, 0x0a);
  mix(FIELD_SEPARATOR);
  joined(article.captions ?? [], 0x0a);
  return `${length.toString(36)}.${(hash >>> 0).toString(36)}`;
}
