import type { Article } from "../articles/article.js";
import { foldText } from "../text/text.js";
import { RECENT_ARTICLES, RecentMap } from "./recent.js";

const foldedCache = new RecentMap<Article, string>(RECENT_ARTICLES);

/** The article's title and paragraphs, folded, kept for the articles /ask read last. */
export function foldedArticleText(article: Article): string {
  let text = foldedCache.get(article);
  if (text === undefined) {
    text = foldText([article.title, ...article.paragraphs].join("\n"));
    foldedCache.set(article, text);
  }
  return text;
}
