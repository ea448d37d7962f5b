/**
 * Precision and recall of quote extraction against the hand-annotated sets in
 * test/fixtures/quotes-annotated/annotations.json (January 2022 articles chosen by a fixed hash
 * order): set A (26 articles, 113 quotes, put aside before the rules were written), set B (14
 * articles, 104 quotes) and set C (11 articles, 32 quotes, annotated after the rules were frozen).
 * The errors of A and B were looked at after their first runs (recorded in bench/QUOTES.md), so
 * only C (and those first runs) measure the rules on unseen text.
 *
 *   npx tsx bench/quotes-eval.ts            # figures
 *   npx tsx bench/quotes-eval.ts --verbose  # and every miss and false alarm
 *   npx tsx bench/quotes-eval.ts --month    # also time extraction and lookups over the whole month
 *
 * A predicted quote matches an annotated one when the speakers and the texts agree after folding
 * (simplified script, half-width, lower case, whitespace removed); each annotation matches at most
 * one prediction. "Text only" ignores the speaker. The articles are read from the shared corpus at
 * run time (CORPUS_DIR or ../shared/corpus); without it the benchmark says so and exits.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadArticles } from "../src/articles/loader.js";
import { parseArticle } from "../src/articles/parse.js";
import { silentLogger } from "../src/logger.js";
import type { ArticleQuotes, Quote, QuoteKind } from "../src/quotes/model.js";
import { PeopleDirectory } from "../src/quotes/people.js";
import { extractQuotes } from "../src/quotes/quotes.js";
import { foldText } from "../src/text/text.js";
import { skipMessage, unpackedCorpus } from "../test/corpus.js";

const here = dirname(fileURLToPath(import.meta.url));
export const ANNOTATIONS = join(
  here,
  "..",
  "test",
  "fixtures",
  "quotes-annotated",
  "annotations.json",
);

export interface AnnotatedQuote {
  articleId: string;
  speaker: string;
  text: string;
  kind: QuoteKind;
  paragraph: number;
}

export interface Annotations {
  articles: { id: string; path: string; set: string }[];
  quotes: AnnotatedQuote[];
}

/** Only the articles (and their quotes) of one set (A, B or C). */
export function annotationSet(annotations: Annotations, set: string): Annotations {
  const articles = annotations.articles.filter((article) => article.set === set);
  const ids = new Set(articles.map((article) => article.id));
  return { articles, quotes: annotations.quotes.filter((quote) => ids.has(quote.articleId)) };
}

export interface Scores {
  predicted: number;
  annotated: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  articles: number;
  full: Scores;
  textOnly: Scores;
  /** Among speaker-and-text matches, how many also agree on kind and on paragraph. */
  kindAgreement: number;
  paragraphAgreement: number;
  misses: AnnotatedQuote[];
  falseAlarms: Quote[];
  milliseconds: number;
}

export function loadAnnotations(path = ANNOTATIONS): Annotations {
  return JSON.parse(readFileSync(path, "utf8")) as Annotations;
}

function foldKey(text: string): string {
  return foldText(text.normalize("NFKC")).replace(/\s+/g, "");
}

function scores(predicted: number, annotated: number, matched: number): Scores {
  const precision = predicted === 0 ? 0 : matched / predicted;
  const recall = annotated === 0 ? 0 : matched / annotated;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { predicted, annotated, matched, precision, recall, f1 };
}

/** One-to-one matching of predictions to annotations under a key. */
function match<A, P>(
  annotated: A[],
  predicted: P[],
  keyA: (a: A) => string,
  keyP: (p: P) => string,
) {
  const open = new Map<string, number[]>();
  annotated.forEach((a, i) => {
    const key = keyA(a);
    open.set(key, [...(open.get(key) ?? []), i]);
  });
  const pairs: [number, number][] = [];
  predicted.forEach((p, j) => {
    const slots = open.get(keyP(p));
    const i = slots?.shift();
    if (i !== undefined) pairs.push([i, j]);
  });
  return pairs;
}

/** Runs the extractor over the annotated articles of an unpacked month folder and scores it. */
export function evaluateQuotes(corpusRoot: string, annotations = loadAnnotations()): Evaluation {
  const predicted: Quote[] = [];
  let milliseconds = 0;
  for (const { id, path } of annotations.articles) {
    const article = parseArticle(readFileSync(join(corpusRoot, path), "utf8"), path);
    if (article.id !== id) throw new Error(`${path} holds ${article.id}, not ${id}`);
    const started = performance.now();
    const result = extractQuotes(article);
    milliseconds += performance.now() - started;
    predicted.push(...result.quotes);
  }
  const gold = annotations.quotes;
  const fullKey = (q: { articleId: string; speaker: string; text: string }) =>
    `${q.articleId}\u0000${foldKey(q.speaker)}\u0000${foldKey(q.text)}`;
  const textKey = (q: { articleId: string; text: string }) =>
    `${q.articleId}\u0000${foldKey(q.text)}`;
  const full = match(gold, predicted, fullKey, fullKey);
  const textOnly = match(gold, predicted, textKey, textKey);
  const matchedGold = new Set(full.map(([i]) => i));
  const matchedPredicted = new Set(full.map(([, j]) => j));
  let sameKind = 0;
  let sameParagraph = 0;
  for (const [i, j] of full) {
    const a = gold[i] as AnnotatedQuote;
    const p = predicted[j] as Quote;
    if (a.kind === p.kind) sameKind++;
    if (a.paragraph === p.paragraph) sameParagraph++;
  }
  return {
    articles: annotations.articles.length,
    full: scores(predicted.length, gold.length, full.length),
    textOnly: scores(predicted.length, gold.length, textOnly.length),
    kindAgreement: full.length === 0 ? 0 : sameKind / full.length,
    paragraphAgreement: full.length === 0 ? 0 : sameParagraph / full.length,
    misses: gold.filter((_, i) => !matchedGold.has(i)),
    falseAlarms: predicted.filter((_, j) => !matchedPredicted.has(j)),
    milliseconds,
  };
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

/** Extraction time over every article of the month (a cold pass, then a warm one) and lookups. */
async function timeMonth(root: string): Promise<void> {
  const { articles } = await loadArticles(root, { logger: silentLogger });
  const pass = (): { ms: number; perArticle: number[]; quotes: ArticleQuotes[] } => {
    const perArticle: number[] = [];
    const quotes: ArticleQuotes[] = [];
    const started = performance.now();
    for (const article of articles) {
      const t = performance.now();
      quotes.push(extractQuotes(article));
      perArticle.push(performance.now() - t);
    }
    return {
      ms: performance.now() - started,
      perArticle: perArticle.sort((a, b) => a - b),
      quotes,
    };
  };
  const cold = pass();
  const warm = pass();
  const count = cold.quotes.reduce((n, q) => n + q.quotes.length, 0);
  console.log(`\nMonth: ${articles.length} articles, ${count} quotes`);
  for (const [label, run] of [
    ["cold (first pass)", cold],
    ["warm (second pass)", warm],
  ] as const) {
    console.log(
      `  ${label.padEnd(19)} ${run.ms.toFixed(0)} ms, ${(run.ms / articles.length).toFixed(2)} ms/article, p99 ${quantile(run.perArticle, 0.99).toFixed(2)} ms, max ${quantile(run.perArticle, 1).toFixed(1)} ms`,
    );
  }
  let started = performance.now();
  const directory = PeopleDirectory.build(warm.quotes);
  const buildMs = performance.now() - started;
  started = performance.now();
  const copy = PeopleDirectory.deserialize(directory.serialize());
  const roundTripMs = performance.now() - started;
  const names = copy.list(undefined, 200).map((person) => person.name);
  const lookups: number[] = [];
  for (const name of [...names, "sherman", "謝爾曼", "布林肯", "nobody", "张三丰"]) {
    const t = performance.now();
    const found = copy.find(name);
    for (const person of found) copy.quotesOf(person);
    if (found.length === 0) copy.suggest(name, 5);
    copy.list(name.slice(0, 1), 25);
    lookups.push(performance.now() - t);
  }
  lookups.sort((a, b) => a - b);
  console.log(
    `  people: ${copy.size} persons; build ${buildMs.toFixed(0)} ms, serialize + deserialize ${roundTripMs.toFixed(0)} ms; lookup (find + quotesOf + list, suggest when unknown) p50 ${quantile(lookups, 0.5).toFixed(2)} ms, p99 ${quantile(lookups, 0.99).toFixed(2)} ms`,
  );
}

async function main(): Promise<void> {
  const root = unpackedCorpus("epoch-news-2022-01");
  if (!root) {
    console.log(skipMessage("bench/quotes-eval.ts"));
    return;
  }
  const all = loadAnnotations();
  const line = (name: string, s: Scores) =>
    `  ${name.padEnd(16)} precision ${percent(s.precision)} (${s.matched}/${s.predicted})  recall ${percent(s.recall)} (${s.matched}/${s.annotated})  F1 ${percent(s.f1)}`;
  let result = evaluateQuotes(root, all);
  for (const [label, data] of [
    [
      "Set C (annotated after the rules were frozen; its first run is in bench/QUOTES.md)",
      annotationSet(all, "C"),
    ],
    [
      "Set B (its first run is in bench/QUOTES.md; its errors later informed the rules)",
      annotationSet(all, "B"),
    ],
    [
      "Set A (its first run is in bench/QUOTES.md; its errors later informed the rules)",
      annotationSet(all, "A"),
    ],
    ["All", all],
  ] as const) {
    result = evaluateQuotes(root, data);
    console.log(`${label}: ${result.articles} articles, ${result.full.annotated} quotes`);
    console.log(line("speaker + text", result.full));
    console.log(line("text only", result.textOnly));
    console.log(
      `  matched with the same kind: ${percent(result.kindAgreement)}, same paragraph: ${percent(result.paragraphAgreement)}`,
    );
  }
  console.log(
    `extraction: ${result.milliseconds.toFixed(1)} ms for ${result.articles} articles (${(result.milliseconds / result.articles).toFixed(2)} ms/article; the first article pays for loading the dictionary)`,
  );
  if (process.argv.includes("--month")) await timeMonth(root);
  if (process.argv.includes("--verbose")) {
    console.log("\nMisses:");
    for (const q of result.misses)
      console.log(
        `  ${q.articleId} ¶${q.paragraph} ${q.kind} ${q.speaker}: ${q.text.slice(0, 60)}`,
      );
    console.log("\nFalse alarms:");
    for (const q of result.falseAlarms)
      console.log(
        `  ${q.articleId} ¶${q.paragraph} ${q.kind} ${q.speaker}: ${q.text.slice(0, 60)}`,
      );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
