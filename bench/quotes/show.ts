/**
 * Annotation helper: prints articles as the project parses them, one line per paragraph
 * (¶n, 1-based as in Article.paragraphs), with [k] before the k-th top-level quotation-mark span
 * of the paragraph. Reads only the articles; never runs the quote extractor.
 *
 *   npx tsx bench/quotes/show.ts ncid277/n12775171.md …   # paths relative to the archive's pages/
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArticle } from "../../src/articles/parse.js";
import { archivePagesOrExit } from "../../test/corpus.js";
import { markSpans } from "./spans.js";

export const ARCHIVE_PAGES = archivePagesOrExit("bench/quotes/show.ts");

for (const path of process.argv.slice(2)) {
  const article = parseArticle(readFileSync(join(ARCHIVE_PAGES, path), "utf8"), path);
  console.log(`\n@ ${article.id} ${path} ${article.date} ${article.title}`);
  article.paragraphs.forEach((paragraph, index) => {
    let out = "";
    let from = 0;
    markSpans(paragraph).forEach((span, k) => {
      out += `${paragraph.slice(from, span.open)}[${k + 1}]`;
      from = span.open;
    });
    console.log(`¶${index + 1} ${out}${paragraph.slice(from)}`);
  });
}
