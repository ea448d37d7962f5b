import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type LoadReport, loadArticles } from "../../src/articles/loader.js";
import { articleDate, dateFromUrl, parseArticle } from "../../src/articles/parse.js";
import { createMemoryLogger } from "../../src/logger.js";
import { SearchIndex } from "../../src/search/search.js";
import { skipMessage, unpackedCorpus } from "../corpus.js";

/**
 * The corpus check of issue 2: the 3,238 files of January 2022 hold 2,410 distinct articles
 * (one article is often filed under several channels). All load with a title, date, url and
 * body; the 828 extra copies are reported and not kept twice.
 */
const dir = unpackedCorpus("epoch-news-2022-01");
if (!dir) console.warn(skipMessage("the January 2022 corpus check (test/corpus-month.test.ts)"));

describe.skipIf(!dir)("the January 2022 month", () => {
  const logger = createMemoryLogger();
  let report: LoadReport;
  beforeAll(async () => {
    report = await loadArticles(dir as string, { logger });
    console.info(
      `corpus month: ${report.files} files, ${report.articles.length} articles, ` +
        `${report.duplicates.length} duplicates, ${report.skipped.length} skipped, ${report.ms} ms`,
    );
  }, 300_000);

  it("reads all 3,238 files without skipping any", () => {
    expect(report.files).toBe(3238);
    expect(report.skipped).toEqual([]);
    expect(report.notes).toEqual([]);
  });

  it("holds exactly 2,410 distinct articles, each once", () => {
    expect(report.articles).toHaveLength(2410);
    expect(new Set(report.articles.map((a) => a.id)).size).toBe(2410);
  });

  it("gives every article a title, a date, a url and a body", () => {
    const incomplete = report.articles.filter(
      (a) =>
        !a.title || !a.date || !a.url || a.paragraphs.length === 0 || a.paragraphs.some((p) => !p),
    );
    expect(incomplete.map((a) => a.file)).toEqual([]);
    for (const article of report.articles) {
      expect(article.url).toMatch(/^https:\/\/www\.epochtimes\.com\/gb\/22\/1\/\d+\/n\d+\.htm$/);
      expect(article.id).toBe(basename(article.file, ".md"));
    }
  });

  it("reports the 828 dropped copies, naming the kept and the dropped file", () => {
    expect(report.duplicates).toHaveLength(3238 - 2410);
    const keptFiles = new Set(report.articles.map((a) => a.file));
    for (const { id, kept, dropped } of report.duplicates) {
      expect(basename(kept, ".md")).toBe(id);
      expect(basename(dropped, ".md")).toBe(id);
      expect(keptFiles.has(kept)).toBe(true);
      expect(keptFiles.has(dropped)).toBe(false);
    }
    const logged = logger.lines.filter((line) => / duplicate n\d+: kept /.test(line));
    expect(logged).toHaveLength(828);
    expect(logger.lines.at(-1)).toMatch(
      /loaded 2410 articles from 3238 files in \d+ ms: 0 skipped, 828 duplicates dropped$/,
    );
  });

  it("reads the seed's article exactly as the seed file", () => {
    const seedFile = join(
      dirname(fileURLToPath(import.meta.url)),
      "../../seeds/000_d87d864bdde93e5b.txt",
    );
    const seed = parseArticle(readFileSync(seedFile, "utf8"), "seed");
    const fromCorpus = report.articles.find((a) => a.id === "n13495457");
    expect(fromCorpus).toEqual({ ...seed, file: fromCorpus?.file });
  });

  it("finds the bylines, editors and tags of nearly every article", () => {
    const share = (test: (a: (typeof report.articles)[number]) => boolean) =>
      report.articles.filter(test).length / report.articles.length;
    expect(share((a) => a.editor !== null)).toBeGreaterThan(0.98);
    expect(share((a) => a.tags.length > 0)).toBeGreaterThan(0.95);
    expect(share((a) => a.reporter !== null)).toBeGreaterThan(0.7);
    const leftovers = report.articles.filter((a) =>
      a.paragraphs.some((p) => /^【大纪元\d{4}年|^责任编辑|^（大纪元记者/.test(p)),
    );
    expect(leftovers.map((a) => a.file)).toEqual([]);
  });

  it("dates the five articles whose dateline is weeks after their link by the link", () => {
    // The newest article is dated no later than the newest link (plus a day for time zones).
    const newest = (dates: (string | null)[]) =>
      dates
        .map((d) => d ?? "")
        .sort()
        .at(-1) ?? "";
    const newestArticle = newest(report.articles.map((a) => a.date));
    const newestLink = newest(report.articles.map((a) => dateFromUrl(a.url)));
    expect(Date.parse(newestArticle) - Date.parse(newestLink), newestArticle).toBeLessThanOrEqual(
      86_400_000,
    );
    const dated = (id: string) => report.articles.find((a) => a.id === id)?.date;
    expect(dated("n13523640")).toBe("2022-01-23");
    for (const id of ["n13531530", "n13531538", "n13532828", "n13534846"]) {
      const article = report.articles.find((a) => a.id === id);
      expect(article?.date).toBe(dateFromUrl(article?.url ?? null));
    }
    // Everywhere else the dateline stands: within three days of the link, the two agree.
    const moved = report.articles.filter((a) => a.date !== articleDate(a.date, dateFromUrl(a.url)));
    expect(moved).toEqual([]);
  });

  describe("searching the month", () => {
    let index: SearchIndex;
    beforeAll(() => {
      index = SearchIndex.build(report.articles);
    }, 120_000);
    const found = (query: string) => index.search(query, { limit: 1000 });

    it("finds the articles that name 世卫, 联合国 or 台积电 only in an image caption", () => {
      const onlyInCaptions = (query: string) =>
        found(query).hits.filter((hit) => {
          const article = report.articles.find((a) => a.id === hit.id);
          const text = [
            article?.title,
            article?.caption,
            ...(article?.tags ?? []),
            ...(article?.paragraphs ?? []),
          ];
          return !text.some((part) => part?.includes(query));
        });
      const hits = ["世卫", "联合国", "台积电"].flatMap((query) =>
        onlyInCaptions(query).map((hit) => `${query} ${hit.id}`),
      );
      expect(hits).toHaveLength(3);
      for (const line of hits) {
        const [query, id] = line.split(" ") as [string, string];
        const hit = found(query).hits.find((h) => h.id === id);
        expect(hit?.snippets.map((snippet) => snippet.text).join("")).toContain(query);
      }
    });

    it("finds as many articles for Biden as for 拜登, and for Putin at least those for 普京", () => {
      const biden = found("Biden");
      const chinese = found("拜登");
      console.info(`corpus month: Biden ${biden.total}, 拜登 ${chinese.total}`);
      expect(chinese.total).toBeGreaterThan(150);
      expect(biden.total).toBeGreaterThanOrEqual(chinese.total);
      const putin = new Set(found("Putin").hits.map((hit) => hit.id));
      expect(found("普京").hits.every((hit) => putin.has(hit.id))).toBe(true);
    });

    it("gives every snippet the term and a clause of context", () => {
      for (const query of ["普京", "台积电", "斯托尔滕贝格", "谢尔盖", "世卫", "习近平"]) {
        for (const hit of found(query).hits) {
          for (const snippet of hit.snippets) {
            expect(
              snippet.highlights.length,
              `${query} ${hit.id}: ${snippet.text}`,
            ).toBeGreaterThan(0);
            const context = snippet.text.replaceAll(query, "").replace(/[^\p{L}\p{N}]/gu, "");
            expect(context.length, `${query} ${hit.id}: ${snippet.text}`).toBeGreaterThanOrEqual(8);
          }
        }
      }
    });
  });
});
