/**
 * Relevance check of search (issue 3): recall@10, precision@10 and MRR over the queries and
 * judgements of bench/relevance-judgements.json, for this project's search and, in the same run,
 * for MiniSearch with its default options on the same articles. Writes bench/RELEVANCE.md.
 *
 *   npx tsx bench/relevance.ts
 *
 * The collection is the seed, the fixtures of test/fixtures/search and the January 2022 articles
 * listed in the judgements, read from the corpus at run time (never copied into the project);
 * the ones listed under `traditional` are converted to traditional script first.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { type Article, ArticleSchema } from "../src/articles/article.js";
import { loadArticles } from "../src/articles/loader.js";
import { parseArticle } from "../src/articles/parse.js";
import { silentLogger } from "../src/logger.js";
import { SearchIndex } from "../src/search/search.js";
import { toTraditional } from "../src/text/text.js";
import { skipMessage, unpackedCorpus } from "../test/corpus.js";

interface Judgement {
  query: string;
  note?: string;
  mentions: string[] | string[][];
  relevant: string[];
}

interface Judgements {
  description: string;
  month: string[];
  traditional: string[];
  queries: Judgement[];
}

interface Scores {
  /** Share of the relevant articles anywhere in the results. */
  recallAll: number;
  recall: number;
  precision: number;
  reciprocalRank: number;
  answered: boolean;
}

const CUTOFF = 10;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const judgements = JSON.parse(
  readFileSync(join(root, "bench/relevance-judgements.json"), "utf8"),
) as Judgements;

function traditional(article: Article): Article {
  return {
    ...article,
    title: toTraditional(article.title),
    tags: article.tags.map((tag) => toTraditional(tag)),
    caption: article.caption ? toTraditional(article.caption) : null,
    paragraphs: article.paragraphs.map((paragraph) => toTraditional(paragraph)),
    script: "b5",
  };
}

async function collection(dir: string): Promise<Article[]> {
  const seedFile = "seeds/000_d87d864bdde93e5b.txt";
  const seed = parseArticle(readFileSync(join(root, seedFile), "utf8"), seedFile);
  const fixtureDir = join(root, "test/fixtures/search");
  const fixtures = readdirSync(fixtureDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ArticleSchema.parse(JSON.parse(readFileSync(join(fixtureDir, name), "utf8"))));
  const month = new Map(
    (await loadArticles(dir, { logger: silentLogger })).articles.map((a) => [a.id, a]),
  );
  const converted = new Set(judgements.traditional);
  const chosen = judgements.month.map((id) => {
    const article = month.get(id);
    if (!article) throw new Error(`article ${id} of the judgements is not in the corpus at ${dir}`);
    return converted.has(id) ? traditional(article) : article;
  });
  return [seed, ...fixtures, ...chosen];
}

function score(ranked: string[], relevant: Set<string>): Scores {
  const top = ranked.slice(0, CUTOFF);
  const found = top.filter((id) => relevant.has(id)).length;
  const first = top.findIndex((id) => relevant.has(id));
  const foundAll = ranked.filter((id) => relevant.has(id)).length;
  return {
    recallAll: relevant.size === 0 ? 0 : foundAll / relevant.size,
    recall: relevant.size === 0 ? 0 : found / relevant.size,
    precision: found / CUTOFF,
    reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
    answered: ranked.length > 0,
  };
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

function summary(all: Scores[]) {
  return {
    recallAll: mean(all.map((s) => s.recallAll)),
    recall: mean(all.map((s) => s.recall)),
    precision: mean(all.map((s) => s.precision)),
    mrr: mean(all.map((s) => s.reciprocalRank)),
    answered: all.filter((s) => s.answered).length,
  };
}

const f3 = (value: number) => value.toFixed(3);

async function main(): Promise<void> {
  const dir = unpackedCorpus("epoch-news-2022-01");
  if (!dir) {
    console.warn(skipMessage("bench/relevance.ts"));
    return;
  }
  const articles = await collection(dir);
  const ours = SearchIndex.build(articles);
  const plain = new MiniSearch<{
    id: string;
    title: string;
    tags: string;
    caption: string;
    body: string;
  }>({
    fields: ["title", "tags", "caption", "body"],
  });
  plain.addAll(
    articles.map((a) => ({
      id: a.id,
      title: a.title,
      tags: a.tags.join(" "),
      caption: a.caption ?? "",
      body: a.paragraphs.join("\n"),
    })),
  );
  const rows: string[] = [];
  const oursScores: Scores[] = [];
  const plainScores: Scores[] = [];
  for (const judgement of judgements.queries) {
    const relevant = new Set(judgement.relevant);
    const oursResult = ours.search(judgement.query, { limit: 1000 });
    const a = score(
      oursResult.hits.map((hit) => hit.id),
      relevant,
    );
    const b = score(
      plain.search(judgement.query).map((hit) => String(hit.id)),
      relevant,
    );
    oursScores.push(a);
    plainScores.push(b);
    rows.push(
      `| ${judgement.query} | ${relevant.size} | ${oursResult.total} | ${f3(a.recall)} | ${f3(a.precision)} | ${f3(a.reciprocalRank)} | ${f3(a.recallAll)} | ` +
        `${f3(b.recall)} | ${f3(b.precision)} | ${f3(b.reciprocalRank)} | ${f3(b.recallAll)} |${judgement.note ? ` ${judgement.note} |` : " |"}`,
    );
  }
  const o = summary(oursScores);
  const p = summary(plainScores);
  const n = judgements.queries.length;
  console.log(`${n} queries over ${articles.length} articles (cut-off ${CUTOFF})`);
  console.log(
    `dubao search:         recall@10 ${f3(o.recall)}  precision@10 ${f3(o.precision)}  MRR ${f3(o.mrr)}  recall(all) ${f3(o.recallAll)}  answered ${o.answered}/${n}`,
  );
  console.log(
    `MiniSearch defaults:  recall@10 ${f3(p.recall)}  precision@10 ${f3(p.precision)}  MRR ${f3(p.mrr)}  recall(all) ${f3(p.recallAll)}  answered ${p.answered}/${n}`,
  );
  const report = `# Search relevance

Produced by \`npx tsx bench/relevance.ts\` on ${new Date().toISOString().slice(0, 10)}.

Collection: ${articles.length} articles — the seed, the ${articles.length - 1 - judgements.month.length} fixtures of
\`test/fixtures/search\` and ${judgements.month.length} articles of January 2022 read from the corpus at run time
(${judgements.traditional.length} of them converted to traditional script). ${n} queries: people, places,
organisations, topics, English names, traditional-script queries, two-term queries and one misspelling.

Relevance (\`bench/relevance-judgements.json\`): an article is relevant when it mentions the entity the
query names under any of its names (both scripts, other transliterations such as 特朗普/川普 or 普京/普丁,
the English name), judged by those names, not by either engine. So a query written one way can have
relevant articles that only use another name: no engine that matches what is typed finds those.

| engine | recall@10 | precision@10 | MRR@10 | recall, all results | queries answered |
| --- | --- | --- | --- | --- | --- |
| dubao search (bigrams + exact check) | ${f3(o.recall)} | ${f3(o.precision)} | ${f3(o.mrr)} | ${f3(o.recallAll)} | ${o.answered}/${n} |
| MiniSearch, default options | ${f3(p.recall)} | ${f3(p.precision)} | ${f3(p.mrr)} | ${f3(p.recallAll)} | ${p.answered}/${n} |

recall@10 is the share of a query's relevant articles found in the first ten (it cannot reach 1 when
a query has more than ten); precision@10 divides by ten; MRR@10 is the mean of 1/rank of the first
relevant article in the first ten; "recall, all results" counts relevant articles anywhere in the
results. Means over the ${n} queries. MiniSearch's default
tokenizer splits only on spaces and punctuation, so a Chinese query matches only a field or clause
that is exactly the query (a tag, or a word between punctuation marks).

## Per query

| query | relevant | dubao total | dubao R@10 | dubao P@10 | dubao RR | dubao R(all) | MiniSearch R@10 | MiniSearch P@10 | MiniSearch RR | MiniSearch R(all) | note |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}
`;
  writeFileSync(join(root, "bench/RELEVANCE.md"), report);
  console.log("wrote bench/RELEVANCE.md");
}

await main();
