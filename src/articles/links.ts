import { ArticleSchema } from "./article.js";

/** The article's link (the mirror's `原文链接：URL`) and the article number in it. */

/** The article number of an Epoch Times link (`n13495457`), or null. */
export function idFromUrl(url: string | null): string | null {
  if (!url) return null;
  const match = /\/(n\d+)\.html?(?:[?#]|$)/.exec(url);
  return match?.[1] ?? null;
}

export function validUrl(candidate: string | undefined): string | null {
  if (!candidate) return null;
  const trimmed = candidate.trim().replace(/&amp;/g, "&");
  try {
    const url = new URL(trimmed);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return ArticleSchema.shape.url.safeParse(trimmed).success ? trimmed : null;
  } catch {
    return null;
  }
}

const SOURCE_LINK =
  /原文(?:链接|鏈接|連結|网址|網址)[^:：\n<]{0,12}[:：]\s*(?:<a\s[^>]*?href\s*=\s*["']([^"']+)["'][^>]*>\s*)?(https?:\/\/[^\s<>"'）)]+)?/;

export function sourceUrl(raw: string): string | null {
  const at = raw.lastIndexOf("原文");
  if (at < 0) return null;
  for (let from = at; from >= 0; from = raw.lastIndexOf("原文", from - 1)) {
    const match = SOURCE_LINK.exec(raw.slice(from, from + 600));
    if (match) {
      const url = validUrl(match[1]) ?? validUrl(match[2]);
      if (url) return url;
    }
    if (from === 0) break;
  }
  return null;
}
