/**
 * Chooses the articles of the reading-comprehension sets (bench/ask/PROTOCOL.md): the dev and test
 * articles questions are written about, and the retrieval pool the questions are run among.
 * Deterministic: the file list is sorted and shuffled with a fixed seed, so the same archive always
 * gives the same choice.
 *
 *   npx tsx bench/ask/select.ts   # writes bench/ask/selection.json and bench/ask/pool.json
 *
 * test2 (a second blind test set, PROTOCOL.md) is chosen after them, with its own seed, among
 * articles that are in none of dev, test, pool and the quotes benchmark's sets; test3 (a third) after
 * it, likewise, outside test2 too; test4 (a fourth) after it, outside test3 too; test5 (a fifth) after
 * it, outside test4 too; test6 (a sixth) after it, outside test5 and every quotes set too; test7 (a
 * seventh) after it, outside test6 and every quotes set (its test6 included) too; test8 (an eighth)
 * after it, outside test7 and every quotes set (its test7 included) too; test9 (a ninth) last, outside
 * test8 and every quotes set (its test8 included) too.
 *
 * The archive is the shared tarball epoch-news-2020-2022.tar.zst, unpacked once (see test/corpus.ts). Only ids, paths,
 * channels, dates and kinds are written; no article text.
 */

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Article } from "../../src/articles/article.js";
import { parseArticle } from "../../src/articles/parse.js";
import { countHan } from "../../src/text/text.js";
import { skipMessage, unpackedCorpus } from "../../test/corpus.js";
import { seeded } from "../measure.js";

const SEED = 12;
/**
 * The second blind test set (test2), chosen after dev, test and pool with its own seed, so that
 * adding it changed none of them.
 */
const TEST2_SEED = 212;
const TEST2_ARTICLES = 20;
/** The third blind test set (test3), chosen after test2 with its own seed, changing none of the others. */
const TEST3_SEED = 312;
const TEST3_ARTICLES = 20;
/** The fourth blind test set (test4), chosen after test3 with its own seed, changing none of the others. */
const TEST4_SEED = 412;
const TEST4_ARTICLES = 20;
/** The fifth blind test set (test5), chosen after test4 with its own seed, changing none of the others. */
const TEST5_SEED = 512;
const TEST5_ARTICLES = 20;
/**
 * The sixth blind test set (test6), chosen after test5 with its own seed and outside every set of the
 * quotes benchmark (its test4 and test5 included), changing none of the others.
 */
const TEST6_SEED = 612;
const TEST6_ARTICLES = 20;
/**
 * The seventh blind test set (test7), chosen after test6 with its own seed and outside every set of the
 * quotes benchmark (its test6 included), changing none of the others.
 */
const TEST7_SEED = 712;
const TEST7_ARTICLES = 20;
/**
 * The eighth blind test set (test8), chosen after test7 with its own seed and outside every set of the
 * quotes benchmark (its test7 included), changing none of the others.
 */
const TEST8_SEED = 812;
const TEST8_ARTICLES = 20;
/**
 * The ninth blind test set (test9), chosen after test8 with its own seed and outside every set of the
 * quotes benchmark (its test8 included), changing none of the others.
 */
const TEST9_SEED = 912;
const TEST9_ARTICLES = 20;
/**
 * The tenth blind test set (test10), chosen after test9 with its own seed and outside every set of the
 * quotes benchmark (its test9 included), changing none of the others.
 */
const TEST10_SEED = 1012;
const TEST10_ARTICLES = 20;
/** Articles of the quotes benchmark (bench/quotes): kept out of test2, test3, test4 and test5. */
const QUOTE_SETS = ["dev.json", "test.json", "selection.json"];
/**
 * Sets of bench/quotes/selection.json drawn after this script's test4 or test5 (and outside them): not
 * read, so that adding them changes no pick here.
 */
const LATER_QUOTE_SETS = new Set(["test4", "test5"]);
const DEV_ARTICLES = 42;
const TEST_ARTICLES = 22;
const POOL_ARTICLES = 420;
/** How far into a channel's shuffled list a year is looked for. */
const SCAN_LIMIT = 400;
const YEARS = ["2020", "2021", "2022"];
/** January 2022 is the project's own month (/work/corpus/month): kept out of these sets. */
const EXCLUDED_MONTH = "2022-01";

/** Title columns of commentary, talk shows and video programmes: not news reports. */
const NOT_NEWS =
  /^【(新闻看点|财商天下|秦鹏直播|远见快评|横河观点|拍案惊奇|名家专栏|新闻大家谈|微视频|时事纵横|思想领袖|时事军事|有冇搞错|十字路口|军事热点|珍言真语|役情最前线|直播|中国观察|方菲访谈|重播|菁英论坛|唐浩视界|预告|探索时分|直播预告|薇羽看世间|热点互动|马克时空|首播|翻墙必看|一线采访)/;
const DIGEST = /^【翻墙必看】/;
const INTERVIEW = /^【(珍言真语|方菲访谈)】|专访/;
/** A transcript line: a speaker's name and a colon opening the paragraph. */
const SPEAKER_LINE = /^[\u4e00-\u9fff]{2,4}[：:]/;

const random = seeded;

function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface Selected {
  id: string;
  path: string;
  channel: string;
  date: string;
  kind: "news" | "digest" | "interview";
}

/** The unpacked 2020–2022 archive: the shared tarball (CORPUS_DIR or ../shared/corpus), unpacked once. */
export function archiveDir(): string | undefined {
  return unpackedCorpus("epoch-news-2020-2022");
}

function main(): void {
  const archive = archiveDir();
  if (!archive) {
    console.log(skipMessage("bench/ask/select.ts"));
    return;
  }
  const pages = join(archive, "pages");
  const channels = readFileSync(join(archive, "channels.csv"), "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => line.split(",")[0] as string)
    .sort();
  const next = random(SEED);
  const files = new Map<string, string[]>();
  for (const channel of channels) {
    const names = readdirSync(join(pages, channel))
      .filter((name) => name.endsWith(".md"))
      .sort();
    files.set(
      channel,
      shuffle(names, next).map((name) => `${channel}/${name}`),
    );
  }

  const parsed = new Map<string, Article | null>();
  const read = (path: string): Article | null => {
    if (!parsed.has(path)) {
      try {
        parsed.set(path, parseArticle(readFileSync(join(pages, path), "utf8"), path));
      } catch {
        parsed.set(path, null);
      }
    }
    return parsed.get(path) ?? null;
  };
  const taken = new Set<string>();
  const usable = (article: Article | null): article is Article & { date: string } =>
    article !== null &&
    article.date !== null &&
    !article.date.startsWith(EXCLUDED_MONTH) &&
    !taken.has(article.id);
  const record = (article: Article & { date: string }, kind: Selected["kind"]): Selected => {
    taken.add(article.id);
    return {
      id: article.id,
      path: article.file,
      channel: article.file.split("/")[0] as string,
      date: article.date,
      kind,
    };
  };
  const isNews = (article: Article) => {
    const han = countHan(article.paragraphs.join(""));
    return (
      !NOT_NEWS.test(article.title) &&
      !article.title.startsWith("【") &&
      article.paragraphs.length >= 5 &&
      article.paragraphs.length <= 30 &&
      han >= 400 &&
      han <= 1800
    );
  };
  const isDigest = (article: Article) =>
    DIGEST.test(article.title) && article.paragraphs.length >= 10;
  const isInterview = (article: Article) =>
    INTERVIEW.test(article.title) &&
    article.paragraphs.filter((p) => SPEAKER_LINE.test(p)).length >= 6 &&
    countHan(article.paragraphs.join("")) <= 6000;

  // The archive's per-channel title lists (indexes/<channel>.csv: id,title) narrow the search for
  // the rare kinds before any page is parsed.
  const indexTitle = new Map<string, string>();
  for (const channel of channels) {
    const csv = readFileSync(join(archive, "indexes", `${channel}.csv`), "utf8");
    for (const line of csv.split(/\r?\n/)) {
      const comma = line.indexOf(",");
      if (comma > 0) indexTitle.set(`${channel}/${line.slice(0, comma)}.md`, line.slice(comma + 1));
    }
  }

  /** The first article in seeded order, over all channels, that passes the test. */
  const firstWhere = (
    test: (article: Article) => boolean,
    title: RegExp,
    lists = files,
    seed = SEED,
  ): Selected => {
    const order = shuffle(
      channels.flatMap((channel) => lists.get(channel) ?? []),
      random(seed + 1),
    ).filter((path) => title.test(indexTitle.get(path) ?? ""));
    for (const path of order) {
      const article = read(path);
      if (usable(article) && test(article))
        return record(article, test === isDigest ? "digest" : "interview");
    }
    throw new Error("no article of that kind in the archive");
  };

  /** Round-robin over channels; each turn takes the year least represented so far. */
  const pickNews = (count: number, lists = files): Selected[] => {
    const out: Selected[] = [];
    const perYear = new Map(YEARS.map((year) => [year, 0]));
    while (out.length < count) {
      for (const channel of channels) {
        if (out.length >= count) break;
        const list = lists.get(channel) ?? [];
        const years = [...YEARS].sort((a, b) => (perYear.get(a) ?? 0) - (perYear.get(b) ?? 0));
        let chosen: Selected | undefined;
        for (const year of years) {
          for (const path of list.slice(0, SCAN_LIMIT)) {
            const article = read(path);
            if (usable(article) && article.date.startsWith(year) && isNews(article)) {
              chosen = record(article, "news");
              break;
            }
          }
          if (chosen) break;
        }
        if (chosen) {
          out.push(chosen);
          perYear.set(chosen.date.slice(0, 4), (perYear.get(chosen.date.slice(0, 4)) ?? 0) + 1);
        }
      }
    }
    return out;
  };

  const devSpecial = [firstWhere(isDigest, DIGEST), firstWhere(isInterview, INTERVIEW)];
  const testSpecial = [firstWhere(isDigest, DIGEST), firstWhere(isInterview, INTERVIEW)];
  const dev = [...devSpecial, ...pickNews(DEV_ARTICLES - devSpecial.length)];
  const test = [...testSpecial, ...pickNews(TEST_ARTICLES - testSpecial.length)];

  // The pool: any kind of article (news, commentary, transcripts), as members' archives hold them.
  const pool: Array<{ id: string; path: string }> = [];
  const order = shuffle(
    channels.flatMap((channel) => files.get(channel) ?? []),
    random(SEED + 2),
  );
  for (const path of order) {
    if (pool.length >= POOL_ARTICLES) break;
    const article = read(path);
    if (usable(article)) {
      taken.add(article.id);
      pool.push({ id: article.id, path: article.file });
    }
  }

  const here = dirname(fileURLToPath(import.meta.url));

  // test2: a fresh shuffle of every channel with its own seed; the same rules as test, among the
  // articles left (not dev, test, pool, nor an article of the quotes benchmark).
  for (const name of QUOTE_SETS) {
    const parsed = JSON.parse(readFileSync(join(here, "..", "quotes", name), "utf8")) as Record<
      string,
      unknown
    >;
    const text = JSON.stringify(
      Object.fromEntries(Object.entries(parsed).filter(([key]) => !LATER_QUOTE_SETS.has(key))),
    );
    for (const match of text.matchAll(/"id":\s*"(n\d+)"/g)) taken.add(match[1] as string);
  }
  /** A blind set: every channel shuffled with the set's own seed, then a digest, a transcript and news. */
  const blindSet = (seed: number, size: number) => {
    const next = random(seed);
    const shuffled = new Map<string, string[]>();
    for (const channel of channels) shuffled.set(channel, shuffle(files.get(channel) ?? [], next));
    const special = [
      firstWhere(isDigest, DIGEST, shuffled, seed),
      firstWhere(isInterview, INTERVIEW, shuffled, seed),
    ];
    return [...special, ...pickNews(size - special.length, shuffled)];
  };
  const test2 = blindSet(TEST2_SEED, TEST2_ARTICLES);
  // test3: the same again with a third seed, among the articles left after test2.
  const test3 = blindSet(TEST3_SEED, TEST3_ARTICLES);
  // test4: a fourth seed, among the articles left after test3.
  const test4 = blindSet(TEST4_SEED, TEST4_ARTICLES);
  // test5: a fifth seed, among the articles left after test4.
  const test5 = blindSet(TEST5_SEED, TEST5_ARTICLES);
  // test6: a sixth seed, among the articles left after test5 and outside the quotes benchmark's later
  // sets (read only now, so that the earlier picks stay as they were).
  const laterQuotes = readFileSync(join(here, "..", "quotes", "selection.json"), "utf8");
  for (const match of laterQuotes.matchAll(/"id":\s*"(n\d+)"/g)) taken.add(match[1] as string);
  const test6 = blindSet(TEST6_SEED, TEST6_ARTICLES);
  // test7: a seventh seed, among the articles left after test6 (the quotes sets were read above).
  const test7 = blindSet(TEST7_SEED, TEST7_ARTICLES);
  // test8: an eighth seed, among the articles left after test7 (the quotes sets were read above).
  const test8 = blindSet(TEST8_SEED, TEST8_ARTICLES);
  // test9: a ninth seed, among the articles left after test8 (the quotes sets were read above).
  const test9 = blindSet(TEST9_SEED, TEST9_ARTICLES);
  // test10: a tenth seed, among the articles left after test9 (the quotes sets were read above).
  const test10 = blindSet(TEST10_SEED, TEST10_ARTICLES);

  writeFileSync(
    join(here, "selection.json"),
    `${JSON.stringify(
      {
        seed: SEED,
        excludedMonth: EXCLUDED_MONTH,
        dev,
        test,
        test2Seed: TEST2_SEED,
        test2,
        test3Seed: TEST3_SEED,
        test3,
        test4Seed: TEST4_SEED,
        test4,
        test5Seed: TEST5_SEED,
        test5,
        test6Seed: TEST6_SEED,
        test6,
        test7Seed: TEST7_SEED,
        test7,
        test8Seed: TEST8_SEED,
        test8,
        test9Seed: TEST9_SEED,
        test9,
        test10Seed: TEST10_SEED,
        test10,
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(
    join(here, "pool.json"),
    `${JSON.stringify(
      {
        description:
          "Retrieval pool of bench/ask: archive articles (pages/ of the 2020–2022 archive) that are neither dev nor test articles and not from January 2022, chosen by bench/ask/select.ts (seed 12). The questions of dev.json and test.json are run among these plus the dev and test articles.",
        seed: SEED,
        articles: pool,
      },
      null,
      2,
    )}\n`,
  );
  console.log(
    `dev ${dev.length}, test ${test.length}, pool ${pool.length}, test2 ${test2.length}, test3 ${test3.length}, test4 ${test4.length}, test5 ${test5.length}, test6 ${test6.length}, test7 ${test7.length}, test8 ${test8.length}, test9 ${test9.length}, test10 ${test10.length}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
