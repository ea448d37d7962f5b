/**
 * Checks the reading-comprehension data against the archive and prints its make-up:
 * bench/ask/dev.json, test.json, test2.json to test10.json, pool.json and
 * bench/summary/references.json.
 *
 *   npx tsx bench/ask/check.ts   # the archive tarball from CORPUS_DIR or ../shared/corpus
 *
 * Every answer and key sentence must be an exact substring of the paragraph it names, as parsed by
 * the project (`parseArticle(...).paragraphs`, 1-based); dev, test, test2 to test10 and pool articles
 * must be disjoint and none from January 2022; a summary reference must be of an article its set
 * chose (bench/ask/selection.json). Exits non-zero on the first kind of error it finds, after
 * listing them all. Does not run /ask: the test set stays blind.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Article } from "../../src/articles/article.js";
import { parseArticle } from "../../src/articles/parse.js";
import { splitSentences } from "../../src/text/sentences.js";
import { skipMessage } from "../../test/corpus.js";
import { archiveDir } from "./select.js";

export const LANGUAGES = ["zh-CN", "zh-TW", "en"] as const;
export const ANSWER_TYPES = [
  "who",
  "where",
  "when",
  "number",
  "why",
  "how",
  "what",
  "yesno",
] as const;

export interface SentenceRef {
  /** 1-based: paragraph n is `article.paragraphs[n - 1]`. */
  paragraph: number;
  sentence: string;
}

export interface Question {
  id: string;
  article: string;
  /** Relative to the archive's pages/. */
  path: string;
  question: string;
  language: (typeof LANGUAGES)[number];
  answerable: boolean;
  type: (typeof ANSWER_TYPES)[number];
  /** For number questions: the unit the answer is counted in (份, 人, %, 美元…). */
  unit?: string;
  /** Answerable: the acceptable answer sentences; any one of them is a correct answer. */
  answers?: SentenceRef[];
  /** Unanswerable: what the article lacks (a year, an event, a figure). */
  missing?: string;
}

/**
 * The question sets: dev (tune), test (scored once), test2 to test9 (a second to a ninth blind
 * set, each scored once and dev data since) and test10 (the tenth blind set, scored once at the end).
 */
export const SETS = [
  "dev",
  "test",
  "test2",
  "test3",
  "test4",
  "test5",
  "test6",
  "test7",
  "test8",
  "test9",
  "test10",
] as const;
export type SetName = (typeof SETS)[number];

export interface QuestionSet {
  description: string;
  set: SetName;
  questions: Question[];
}

export interface Reference {
  id: string;
  path: string;
  set: SetName;
  kind: "news" | "digest" | "interview";
  keySentences: SentenceRef[];
  summary: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

function main(): void {
  const archive = archiveDir();
  if (!archive) {
    console.log(skipMessage("bench/ask/check.ts"));
    return;
  }
  const errors: string[] = [];
  const articles = new Map<string, Article>();
  const load = (path: string): Article | undefined => {
    if (!articles.has(path)) {
      try {
        articles.set(path, parseArticle(readFileSync(join(archive, "pages", path), "utf8"), path));
      } catch (error) {
        errors.push(`${path}: cannot read (${(error as Error).message})`);
        return undefined;
      }
    }
    return articles.get(path);
  };
  const checkSentence = (where: string, article: Article, ref: SentenceRef) => {
    const paragraph = article.paragraphs[ref.paragraph - 1];
    if (paragraph === undefined) errors.push(`${where}: no paragraph ${ref.paragraph}`);
    else if (!paragraph.includes(ref.sentence))
      errors.push(`${where}: not in paragraph ${ref.paragraph}: ${ref.sentence.slice(0, 40)}`);
    else if (!splitSentences(paragraph).some((s) => ref.sentence.includes(s)))
      errors.push(`${where}: not a whole sentence: ${ref.sentence.slice(0, 40)}`);
  };

  // A set's summary references can be written before its questions: a missing file is no set yet.
  const sets = Object.fromEntries(
    SETS.filter((name) => existsSync(join(here, `${name}.json`))).map((name) => [
      name,
      readJson<QuestionSet>(join(here, `${name}.json`)),
    ]),
  ) as Partial<Record<SetName, QuestionSet>>;
  const selection = readJson<Partial<Record<SetName, Array<{ id: string }>>>>(
    join(here, "selection.json"),
  );
  const pool = readJson<{ articles: Array<{ id: string; path: string }> }>(join(here, "pool.json"));
  const references = readJson<{ articles: Reference[] }>(
    join(here, "..", "summary", "references.json"),
  );

  const articlesOf: Record<string, Set<string>> = { pool: new Set(pool.articles.map((a) => a.id)) };
  const seenIds = new Set<string>();
  for (const [name, set] of Object.entries(sets)) {
    articlesOf[name] = new Set(set.questions.map((q) => q.article));
    for (const q of set.questions) {
      const where = `${name} ${q.id}`;
      if (seenIds.has(q.id)) errors.push(`${where}: duplicate id`);
      seenIds.add(q.id);
      if (!LANGUAGES.includes(q.language)) errors.push(`${where}: language ${q.language}`);
      if (!ANSWER_TYPES.includes(q.type)) errors.push(`${where}: type ${q.type}`);
      if (q.type === "number" && !q.unit) errors.push(`${where}: number without a unit`);
      const article = load(q.path);
      if (!article) continue;
      if (article.id !== q.article) errors.push(`${where}: ${q.path} holds ${article.id}`);
      if (article.date?.startsWith("2022-01")) errors.push(`${where}: January 2022 article`);
      if (q.answerable) {
        if (!q.answers?.length || q.missing) errors.push(`${where}: answerable needs answers only`);
        for (const ref of q.answers ?? []) checkSentence(where, article, ref);
      } else if (!q.missing || q.answers) errors.push(`${where}: unanswerable needs missing only`);
    }
  }
  for (const [a, b] of [
    ["dev", "test"],
    ["dev", "pool"],
    ["test", "pool"],
    ["test2", "dev"],
    ["test2", "test"],
    ["test2", "pool"],
    ["test3", "dev"],
    ["test3", "test"],
    ["test3", "test2"],
    ["test3", "pool"],
    ["test4", "dev"],
    ["test4", "test"],
    ["test4", "test2"],
    ["test4", "test3"],
    ["test4", "pool"],
    ["test5", "dev"],
    ["test5", "test"],
    ["test5", "test2"],
    ["test5", "test3"],
    ["test5", "test4"],
    ["test5", "pool"],
    ["test6", "dev"],
    ["test6", "test"],
    ["test6", "test2"],
    ["test6", "test3"],
    ["test6", "test4"],
    ["test6", "test5"],
    ["test6", "pool"],
    ["test7", "dev"],
    ["test7", "test"],
    ["test7", "test2"],
    ["test7", "test3"],
    ["test7", "test4"],
    ["test7", "test5"],
    ["test7", "test6"],
    ["test7", "pool"],
    ["test8", "dev"],
    ["test8", "test"],
    ["test8", "test2"],
    ["test8", "test3"],
    ["test8", "test4"],
    ["test8", "test5"],
    ["test8", "test6"],
    ["test8", "test7"],
    ["test8", "pool"],
    ["test9", "dev"],
    ["test9", "test"],
    ["test9", "test2"],
    ["test9", "test3"],
    ["test9", "test4"],
    ["test9", "test5"],
    ["test9", "test6"],
    ["test9", "test7"],
    ["test9", "test8"],
    ["test9", "pool"],
    ["test10", "dev"],
    ["test10", "test"],
    ["test10", "test2"],
    ["test10", "test3"],
    ["test10", "test4"],
    ["test10", "test5"],
    ["test10", "test6"],
    ["test10", "test7"],
    ["test10", "test8"],
    ["test10", "test9"],
    ["test10", "pool"],
  ] as const) {
    for (const id of articlesOf[a] ?? [])
      if (articlesOf[b]?.has(id)) errors.push(`${id} in ${a} and ${b}`);
  }
  // test2 to test10 were chosen outside the quotes benchmark's articles too (select.ts).
  for (const name of ["dev.json", "test.json", "selection.json"]) {
    const text = readFileSync(join(here, "..", "quotes", name), "utf8");
    for (const match of text.matchAll(/"id":\s*"(n\d+)"/g))
      for (const set of [
        "test2",
        "test3",
        "test4",
        "test5",
        "test6",
        "test7",
        "test8",
        "test9",
        "test10",
      ])
        if (articlesOf[set]?.has(match[1] as string))
          errors.push(`${match[1]} in ${set} and bench/quotes/${name}`);
  }
  for (const entry of pool.articles) {
    const article = load(entry.path);
    if (article && article.id !== entry.id) errors.push(`pool: ${entry.path} holds ${article.id}`);
    if (article?.date?.startsWith("2022-01")) errors.push(`pool: ${entry.id} is from January 2022`);
  }
  for (const ref of references.articles) {
    const where = `summary ${ref.id}`;
    const article = load(ref.path);
    if (!article) continue;
    if (!selection[ref.set]?.some((chosen) => chosen.id === ref.id))
      errors.push(`${where}: not a ${ref.set} article of bench/ask/selection.json`);
    if (ref.keySentences.length < 2 || ref.keySentences.length > 4)
      errors.push(`${where}: ${ref.keySentences.length} key sentences`);
    for (const key of ref.keySentences) checkSentence(where, article, key);
    if ([...ref.summary].length > 120) errors.push(`${where}: summary over 120 characters`);
  }

  for (const [name, set] of Object.entries(sets)) {
    const qs = set.questions;
    const count = (key: (q: Question) => string) => {
      const counts = new Map<string, number>();
      for (const q of qs) counts.set(key(q), (counts.get(key(q)) ?? 0) + 1);
      return [...counts]
        .map(([k, n]) => `${k} ${n} (${Math.round((100 * n) / qs.length)}%)`)
        .join(", ");
    };
    console.log(`${name}: ${qs.length} questions on ${articlesOf[name]?.size} articles`);
    console.log(`  language: ${count((q) => q.language)}`);
    console.log(`  answerable: ${count((q) => String(q.answerable))}`);
    console.log(`  type: ${count((q) => q.type)}`);
    console.log(
      `  type of answerable: ${count((q) => (q.answerable ? q.type : "(unanswerable)"))}`,
    );
  }
  for (const name of SETS.filter((set) => !sets[set])) console.log(`${name}: no questions yet`);
  const bySet = (set: string) => references.articles.filter((r) => r.set === set).length;
  console.log(`pool: ${pool.articles.length} articles`);
  console.log(
    `summary references: ${references.articles.length} (${SETS.map((set) => `${set} ${bySet(set)}`).join(", ")})`,
  );
  if (errors.length > 0) {
    for (const error of errors) console.error(error);
    process.exitCode = 1;
  } else console.log("all answer and key sentences found in the parsed articles");
}

// Only when run: the evals import `SETS` from here.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
