import { basename } from "node:path";
import { load } from "cheerio/slim";
import { detectScript } from "../text/text.js";
import { type Article, ArticleSchema } from "./article.js";
import { refineBody } from "./body.js";
import { bodyCaptions, collectCaptions } from "./captions.js";
import { BREAK, cleanText } from "./clean.js";
import { articleDate, dateFromUrl, isoDate } from "./dates.js";
import { type Block, collectBlocks, type DomNode, textOf } from "./dom.js";
import { englishNamePairs } from "./english-names.js";
import { idFromUrl, sourceUrl, validUrl } from "./links.js";
import { findContainer, leadingText, looksTruncated, type PageScan, scanPage } from "./page.js";
import { ArticleParseError } from "./parse-error.js";
import { MARKDOWN_TITLE, plainBlocks } from "./plain.js";

/**
 * Turns one saved news page into a clean, typed `Article`.
 *
 * Handles the mirror's format (a markdown wrapper: `### title`, a nav line, the page's HTML with
 * `<ok href=".../tag/...">` tag links, then `原文链接（需翻墙）：URL`), the older mirror format
 * (plain `<a>` links and `原文链接：`, pages from other outlets such as VOA and Reuters), bare HTML
 * pages and plain-text / markdown articles. The HTML is parsed once with cheerio's htmlparser2
 * build (`cheerio/slim`: about five times faster than parse5 on these pages, and it closes
 * whatever a truncated file leaves open); the body is then read by one walk over the DOM.
 *
 * The pieces, in the order a page meets them: `decode.ts` (bytes → text), `page.ts` (one scan of
 * the page: container, tags, title elements, truncation), `dom.ts` (the body's blocks),
 * `clean.ts` (block text → plain text), `body.ts` (dateline, byline and editor off, furniture
 * out; with `dates.ts` and `byline.ts`), `captions.ts`, `links.ts` (source link, article id),
 * `plain.ts` (plain-text and markdown articles).
 */

export { bylineReporters } from "./byline.js";
export { cleanText } from "./clean.js";
export { articleDate, dateFromUrl } from "./dates.js";
export { decodeArticleBytes } from "./decode.js";
export { idFromUrl } from "./links.js";
export { looksTruncated } from "./page.js";
export { ArticleParseError } from "./parse-error.js";

const HTML_TAG =
  /<(?:p|div|br|h[1-6]|article|section|body|html|span|table|ul|ol|li|blockquote|ok|a|strong|b|em|img|figure)[\s>/]/i;

function fileStem(file: string): string {
  const name = basename(file.replace(/\\/g, "/"));
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return stem || "article";
}

/**
 * Parses one page. `file` is the path relative to the loaded folder (it becomes `article.file`,
 * and its name the id when the page has no source link). `notes`, when given, receives remarks
 * about a page that parsed but is damaged (truncated HTML).
 * Throws `ArticleParseError` when the page holds no article.
 */
export function parseArticle(html: string, file: string, notes?: string[]): Article {
  if (!html.trim()) throw new ArticleParseError("empty file");
  if (html.includes("\u0000")) throw new ArticleParseError("binary file (contains NUL bytes)");

  const truncated = looksTruncated(html);
  let title: string | null = null;
  let blocks: Block[] = [];
  let caption: string | null = null;
  const captions: string[] = [];
  const tags: string[] = [];
  let url = sourceUrl(html);
  let pageDate: string | null = null;
  let byline: string | null = null;

  const isPage = HTML_TAG.test(html);
  if (isPage) {
    const $ = load(html);
    const root = $.root()[0] as unknown as DomNode;
    const head = MARKDOWN_TITLE.exec(leadingText(root));
    if (head?.[1]) title = cleanText(head[1], true);

    const scan: PageScan = { containers: [], tags };
    scanPage(root, scan);
    const { node: container, known } = findContainer(root, scan);
    collectBlocks(container, known || container !== root, blocks);

    const captionNode = scan.caption ?? scan.figcaption;
    if (captionNode) caption = cleanText(textOf(captionNode).replaceAll(BREAK, " ")) || null;
    collectCaptions(container, captions);
    title ||=
      (scan.imageAlt && cleanText(scan.imageAlt, true)) ||
      (scan.titleElement && cleanText(textOf(scan.titleElement), true)) ||
      (scan.heading && cleanText(textOf(scan.heading).replaceAll(BREAK, " "), true)) ||
      null;
    url ??= validUrl(scan.canonical);
    // Column layout: the authors stand under the headline (`<div class="subtitle">何众力、仰岳</div>`).
    const authors = scan.subtitle ? cleanText(textOf(scan.subtitle)) : "";
    if (/^[\u4e00-\u9fff‧·]{2,5}(?:、[\u4e00-\u9fff‧·]{2,5})*$/.test(authors)) byline = authors;
    const time = scan.time;
    const timeMatch = time ? /^(\d{4})-(\d{2})-(\d{2})/.exec(time) : null;
    if (timeMatch)
      pageDate = isoDate(Number(timeMatch[1]), Number(timeMatch[2]), Number(timeMatch[3]));
  } else {
    const plain = plainBlocks(html);
    title = plain.title;
    blocks = plain.blocks;
  }

  const body = refineBody(blocks);
  if (body.paragraphs.length === 0) {
    throw new ArticleParseError(
      truncated ? "truncated HTML with no article body" : "no article body",
    );
  }
  if (!isPage && !url && !body.date) {
    // A README or notes file: plain text is taken for an article only with a news article's marks.
    throw new ArticleParseError(
      "not an article: plain text with no article page, dateline or source link",
    );
  }
  if (!title) throw new ArticleParseError("no title");
  if (truncated)
    notes?.push(`truncated HTML: parsed the ${body.paragraphs.length} paragraphs present`);

  const script =
    url && /\/b5\//.test(url)
      ? "b5"
      : url && /\/gb\//.test(url)
        ? "gb"
        : detectScript(`${title}${body.paragraphs.slice(0, 5).join("")}`);
  const article = {
    id: idFromUrl(url) ?? fileStem(file),
    title,
    date: articleDate(body.date, dateFromUrl(url)) ?? pageDate,
    reporter: body.reporter ?? byline,
    editor: body.editor,
    tags,
    caption,
    captions: bodyCaptions(captions, caption),
    paragraphs: body.paragraphs,
    url,
    script,
    file,
  };
  const englishNames = englishNamePairs(article);
  const parsed = ArticleSchema.safeParse(
    englishNames.length > 0 ? { ...article, englishNames } : article,
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArticleParseError(`invalid article (${issue?.path.join(".")}: ${issue?.message})`);
  }
  return parsed.data;
}
