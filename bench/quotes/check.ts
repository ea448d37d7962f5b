/**
 * Checks the quotes benchmark data against the archive and prints its counts per set and tag:
 * every quote and negative is the exact text of a quotation-mark span of its paragraph (or of an
 * interview paragraph without its label), every speaker has a people entry, every name and alias
 * is spelt as in the article, no span is both a quote and a negative, the sets are disjoint,
 * outside January 2022 and apart from test/fixtures/quotes-annotated (test2 to test10
 * apart from every bench/ask article too). Reads only the articles; never runs the quote extractor.
 *
 *   npx tsx bench/quotes/check.ts          # reads the archive tarball (CORPUS_DIR or ../shared/corpus)
 */

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArticle } from "../../src/articles/parse.js";
import { archivePagesOrExit } from "../../test/corpus.js";
import { type BenchSet, QUOTE_SETS } from "./sets.js";
import { markSpans } from "./spans.js";

const here = dirname(fileURLToPath(import.meta.url));
const PAGES = archivePagesOrExit("bench/quotes/check.ts");

const LABEL = /^(?:“[^”]{1,14}”|[^，。：:“”「」（）()]{1,16})[：:]/;
const problems: string[] = [];
const seen = new Map<string, string>();
const month = JSON.parse(
  readFileSync(
    join(here, "..", "..", "test", "fixtures", "quotes-annotated", "annotations.json"),
    "utf8",
  ),
) as { articles: { id: string }[] };
const monthIds = new Set(month.articles.map((a) => a.id));
/** Every article of bench/ask (each of its sets and its retrieval pool): test2 to test10 were drawn outside them. */
const askIds = (() => {
  const askDir = join(here, "..", "ask");
  const selection = JSON.parse(readFileSync(join(askDir, "selection.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const pool = JSON.parse(readFileSync(join(askDir, "pool.json"), "utf8")) as {
    articles: { id: string }[];
  };
  const lists = Object.values(selection).filter(Array.isArray) as { id: string }[][];
  return new Set([...lists.flat(), ...pool.articles].map((a) => a.id));
})();

function count<T>(items: T[], key: (item: T) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const k of key(item)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

for (const name of QUOTE_SETS) {
  const file = join(here, `${name}.json`);
  if (!existsSync(file)) continue;
  const data = JSON.parse(readFileSync(file, "utf8")) as BenchSet;
  for (const { id, path } of data.articles) {
    const where = `${name} ${id}`;
    if (seen.has(id)) problems.push(`${where}: also in ${seen.get(id)}`);
    seen.set(id, name);
    if (monthIds.has(id)) problems.push(`${where}: in test/fixtures/quotes-annotated`);
    if (name !== "dev" && name !== "test" && askIds.has(id))
      problems.push(`${where}: also in bench/ask`);
    const article = parseArticle(readFileSync(join(PAGES, path), "utf8"), path);
    if (article.id !== id) problems.push(`${where}: ${path} holds ${article.id}`);
    if (
      !article.date ||
      article.date < "2020" ||
      article.date >= "2023" ||
      article.date.startsWith("2022-01")
    )
      problems.push(`${where}: dated ${article.date}`);
    const ps = article.paragraphs;
    const spans = ps.map((p) => markSpans(p));
    const used = new Set<string>();
    const isSpan = (paragraph: number, text: string): boolean => {
      const parts = text.split("\n");
      return parts.every((part, k) => {
        // The same text may stand in several spans of a paragraph: each record takes one.
        const list = spans[paragraph - 1 + k] ?? [];
        const index = list.findIndex(
          (s, i) => s.text === part && !used.has(`${paragraph + k}.${i}`),
        );
        if (index < 0) {
          if (list.some((s) => s.text === part))
            problems.push(`${where}: ¶${paragraph + k} span used twice`);
          return false;
        }
        used.add(`${paragraph + k}.${index}`);
        return true;
      });
    };
    const names = new Set(data.people.filter((p) => p.articleId === id).map((p) => p.name));
    for (const q of data.quotes.filter((q) => q.articleId === id)) {
      if (q.kind === "interview") {
        const whole = ps[q.paragraph - 1] ?? "";
        if (whole.replace(LABEL, "") !== q.text)
          problems.push(`${where}: ¶${q.paragraph} interview text`);
      } else if (!isSpan(q.paragraph, q.text))
        problems.push(`${where}: ¶${q.paragraph} no span ${q.text.slice(0, 20)}`);
      if (q.speaker !== null && !names.has(q.speaker))
        problems.push(`${where}: no person ${q.speaker}`);
    }
    for (const n of data.negatives.filter((n) => n.articleId === id)) {
      const whole = ps[n.paragraph - 1] ?? "";
      const label = LABEL.test(whole) && whole.replace(LABEL, "") === n.text;
      if (!label && !isSpan(n.paragraph, n.text))
        problems.push(`${where}: ¶${n.paragraph} negative ${n.text.slice(0, 20)}`);
    }
    // Every span is classified: a quote, a negative, or inside an interview paragraph.
    const interviews = new Set(
      data.quotes
        .filter((q) => q.articleId === id && q.kind === "interview")
        .map((q) => q.paragraph),
    );
    spans.forEach((list, p) => {
      if (interviews.has(p + 1)) return;
      list.forEach((span, i) => {
        if (!used.has(`${p + 1}.${i}`))
          problems.push(`${where}: ¶${p + 1} [${i + 1}] unclassified ${span.text.slice(0, 20)}`);
      });
    });
    const text = [article.title, article.caption ?? "", ...ps].join("\n");
    for (const person of data.people.filter((p) => p.articleId === id))
      for (const form of [person.name, ...person.aliases])
        if (!text.includes(form)) problems.push(`${where}: ${form} is not in the article`);
  }
  const quotes = data.quotes;
  const attributed = quotes.filter((q) => q.speaker !== null);
  console.log(
    `\n${name}: ${data.articles.length} articles, ${quotes.length} quotes (${attributed.length} attributed, ${quotes.length - attributed.length} unattributed), ${data.people.length} people, ${data.negatives.length} negatives`,
  );
  console.log(
    `  kinds: ${[...count(quotes, (q) => [q.kind])].map(([k, n]) => `${k} ${n}`).join(", ")}`,
  );
  console.log(
    `  tags: ${[...count(quotes, (q) => q.tags)].map(([k, n]) => `${k} ${n}`).join(", ")}`,
  );
  console.log(
    `  negatives: ${[...count(data.negatives, (n) => [n.why])].map(([k, n]) => `${k} ${n}`).join(", ")}`,
  );
  const channels = count(data.articles, (a) => [a.path.split("/")[0] as string]);
  console.log(`  channels: ${[...channels].map(([k, n]) => `${k} ${n}`).join(", ")}`);
}
if (problems.length > 0) {
  console.log(`\n${problems.length} problems:\n${problems.join("\n")}`);
  process.exitCode = 1;
} else console.log("\nno problems");
