import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import {
  type LoadReport,
  listArticleFiles,
  loadArticleFile,
  loadArticles,
  MAX_ARTICLE_BYTES,
  mergeDuplicates,
} from "../../src/articles/loader.js";
import { ArticleParseError } from "../../src/articles/parse.js";
import { createMemoryLogger } from "../../src/logger.js";
import { makeArticle } from "../helpers.js";

const here = join(dirname(fileURLToPath(import.meta.url)), "..");
const folder = join(here, "fixtures/loader/folder");
const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "dubao-loader-"));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const okPage = readFileSync(join(folder, "ok.md"), "utf8");

describe("loadArticles on the fixture folder", () => {
  const logger = createMemoryLogger();
  const progress: [number, number][] = [];
  let report: LoadReport;
  let warnings: string[] = [];
  beforeAll(async () => {
    report = await loadArticles(folder, {
      logger,
      onProgress: (done, total) => progress.push([done, total]),
    });
    warnings = logger.lines.filter((line) => line.includes(" WARN "));
  });
  const skippedReason = (file: string) => report.skipped.find((s) => s.file === file)?.reason;

  it("considers the article files only", () => {
    expect(report.files).toBe(10);
    expect(report.articles.map((a) => a.file)).toEqual([
      "copies/a/n30000002.md",
      "gbk.html",
      "ok.md",
      "truncated.html",
    ]);
  });

  it("skips an empty file", () => {
    expect(skippedReason("empty.md")).toBe("empty file");
  });

  it("skips a notes file (README.md), saying it is not an article", () => {
    expect(skippedReason("README.md")).toMatch(/^not an article/);
    expect(report.articles.find((a) => a.file === "README.md")).toBeUndefined();
  });

  it("skips a binary file", () => {
    expect(skippedReason("binary.md")).toBe("binary file (PNG image)");
  });

  it("skips a page with no article body", () => {
    expect(skippedReason("no-body.md")).toBe("no article body");
  });

  it("skips truncated HTML that stops before the body", () => {
    expect(skippedReason("truncated-early.html")).toBe("truncated HTML with no article body");
  });

  it("loads the part of a truncated page that is there, with a warning", () => {
    const article = report.articles.find((a) => a.file === "truncated.html");
    expect(article?.paragraphs).toEqual([
      "连日大雨造成山区道路塌方。",
      "工程队连夜抢修，周日下午恢复通车",
    ]);
    expect(article?.id).toBe("truncated");
    expect(report.notes).toEqual([
      { file: "truncated.html", note: "truncated HTML: parsed the 2 paragraphs present" },
    ]);
  });

  it("decodes a GBK-encoded page", () => {
    const article = report.articles.find((a) => a.file === "gbk.html");
    expect(article?.title).toBe("旧网页 夜市重新开张");
    expect(article?.date).toBe("2021-11-05");
    expect(article?.paragraphs).toEqual([
      "停业两年的夜市周五晚上重新开张。",
      "摊主说：“客人比想像的多。”",
    ]);
  });

  it("keeps one copy of the same article and says which", () => {
    expect(report.duplicates).toEqual([
      { id: "n30000002", kept: "copies/a/n30000002.md", dropped: "copies/b/n30000002.md" },
    ]);
    expect(report.articles.filter((a) => a.id === "n30000002")).toHaveLength(1);
    expect(
      logger.lines.filter(
        (line) => line.includes("copies/a/n30000002.md") && line.includes("copies/b/n30000002.md"),
      ),
    ).toHaveLength(1);
  });

  it("gives each bad file one warning naming it and the reason", () => {
    for (const { file, reason } of report.skipped) {
      expect(warnings.filter((line) => line.includes(file))).toEqual([
        expect.stringContaining(`skipped ${file}: ${reason}`),
      ]);
    }
    expect(warnings).toHaveLength(report.skipped.length + report.notes.length);
  });

  it("sums up in one info line", () => {
    const summary = logger.lines.filter((line) => line.includes(" INFO  loaded "));
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatch(
      /loaded 4 articles from 10 files in \d+ ms: 5 skipped, 1 duplicates dropped, 1 loaded with problems/,
    );
  });

  it("reports progress once per file", () => {
    expect(progress).toHaveLength(10);
    expect(progress.map(([done]) => done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(progress.every(([, total]) => total === 10)).toBe(true);
  });
});

describe("large files", () => {
  it("skips a 20 MB file unread and loads the rest", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "ok.md"), okPage);
    const paragraph = `<p>${"很长的段落。".repeat(100)}</p>\n`;
    const big = `### 巨大的文件\n<div id="artbody">\n${paragraph.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(paragraph)))}</div>`;
    writeFileSync(join(dir, "big.md"), big);
    expect(Buffer.byteLength(big)).toBeGreaterThan(20 * 1024 * 1024);

    const logger = createMemoryLogger();
    const report = await loadArticles(dir, { logger });
    expect(report.articles.map((a) => a.file)).toEqual(["ok.md"]);
    expect(report.skipped).toEqual([
      { file: "big.md", reason: "file too large (20 MB; articles over 8 MB are skipped)" },
    ]);
    expect(logger.lines.filter((line) => line.includes("big.md"))).toHaveLength(1);
  });

  it("reads a large file when the limit allows it", async () => {
    const dir = tempDir();
    const paragraph = `<p>${"段落。".repeat(50)}</p>\n`;
    writeFileSync(
      join(dir, "big.md"),
      `### 大文件\n<div id="artbody">\n${paragraph.repeat(2000)}</div>`,
    );
    const report = await loadArticles(dir, {
      logger: createMemoryLogger(),
      maxBytes: MAX_ARTICLE_BYTES * 4,
    });
    expect(report.articles[0]?.paragraphs).toHaveLength(2000);
  });
});

describe("loading with worker threads", () => {
  it("gives the same report as the main thread alone", async () => {
    const dir = tempDir();
    // 600 files: enough for several chunks, so a worker thread takes part.
    for (let i = 0; i < 600; i++) {
      const id = `n${40000000 + (i % 500)}`;
      const page = okPage
        .replace("n30000001", id)
        .replace("市民公园新添百棵樱花树", `第${i % 500}篇`)
        .replace("园方说", `第${i % 500}篇说`);
      mkdirSync(join(dir, `c${i % 3}`), { recursive: true });
      writeFileSync(
        join(dir, `c${i % 3}`, `${String(i).padStart(3, "0")}.md`),
        i === 7 ? "" : page,
      );
    }
    const mainLogger = createMemoryLogger();
    const workerLogger = createMemoryLogger();
    const alone = await loadArticles(dir, { logger: mainLogger });
    const shared = await loadArticles(dir, { logger: workerLogger, workers: 2 });
    expect(workerLogger.lines.filter((line) => line.includes("worker thread"))).toEqual([]);
    expect(shared.articles).toEqual(alone.articles);
    expect(shared.skipped).toEqual([{ file: "c1/007.md", reason: "empty file" }]);
    expect(shared.skipped).toEqual(alone.skipped);
    expect(shared.duplicates).toEqual(alone.duplicates);
    expect(alone.articles).toHaveLength(500);
    expect(alone.duplicates).toHaveLength(99);
  });
});

describe("listArticleFiles", () => {
  it("lists .md, .txt and .html in any case, recursively, sorted, with / separators", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "b/deeper"), { recursive: true });
    mkdirSync(join(dir, ".hidden"));
    mkdirSync(join(dir, "node_modules"));
    for (const name of [
      "z.md",
      "a.TXT",
      "b/deeper/c.Html",
      "b/d.md",
      "e.json",
      "f.htm.bak",
      ".hidden/g.md",
      "node_modules/h.md",
    ]) {
      writeFileSync(join(dir, name), "x");
    }
    const files = await listArticleFiles(dir);
    expect(files.map((f) => f.path)).toEqual(["a.TXT", "b/d.md", "b/deeper/c.Html", "z.md"]);
    expect(files.every((f) => f.size === 1 && f.mtimeMs > 0)).toBe(true);
  });

  it("follows a symbolic link to a folder once, even in a cycle", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "real"));
    writeFileSync(join(dir, "real/a.md"), "x");
    symlinkSync(join(dir, "real"), join(dir, "link"));
    symlinkSync(dir, join(dir, "real/loop"));
    const files = await listArticleFiles(dir);
    expect(files.map((f) => f.path)).toEqual(["link/a.md"]);
  });

  it("accepts a single file as the root", async () => {
    const dir = tempDir();
    const file = join(dir, "only.md");
    writeFileSync(file, okPage);
    const files = await listArticleFiles(file);
    expect(files.map((f) => f.path)).toEqual(["only.md"]);
    const report = await loadArticles(file, { logger: createMemoryLogger() });
    expect(report.articles.map((a) => a.id)).toEqual(["n30000001"]);
    expect((await loadArticleFile(file, "only.md")).id).toBe("n30000001");
  });

  it("says clearly when the folder does not exist", async () => {
    const missing = join(tempDir(), "missing");
    await expect(listArticleFiles(missing)).rejects.toMatchObject({
      code: "folder.missing",
      params: { folder: missing },
    });
  });
});

describe("loadArticleFile", () => {
  it("loads one article", async () => {
    const article = await loadArticleFile(folder, "ok.md");
    expect(article).toMatchObject({
      id: "n30000001",
      title: "市民公园新添百棵樱花树",
      reporter: "刘青",
      editor: "马丽",
      tags: ["樱花"],
      paragraphs: ["市民公园本周种下一百棵樱花树。", "园方说，明年春天就能开花。"],
      file: "ok.md",
    });
  });

  it("throws the reason for a bad file", async () => {
    await expect(loadArticleFile(folder, "empty.md")).rejects.toThrow(ArticleParseError);
    await expect(loadArticleFile(folder, "binary.md")).rejects.toThrow("binary file");
    await expect(loadArticleFile(folder, "missing.md")).rejects.toThrow(
      "cannot read file (ENOENT)",
    );
  });
});

describe("mergeDuplicates", () => {
  const article = (file: string, paragraphs: string[], extra: Partial<Article> = {}): Article =>
    makeArticle({ paragraphs, url: "https://www.epochtimes.com/gb/22/1/1/n1.htm", file, ...extra });

  it("keeps the copy with the longer body and logs both files", () => {
    const logger = createMemoryLogger();
    const { articles, duplicates } = mergeDuplicates(
      [
        article("a/n1.md", ["短。"]),
        article("b/n1.md", ["长一些的正文。"]),
        article("c/n1.md", ["短。"]),
      ],
      logger,
    );
    expect(articles.map((a) => a.file)).toEqual(["b/n1.md"]);
    expect(duplicates).toEqual([
      { id: "n1", kept: "b/n1.md", dropped: "a/n1.md" },
      { id: "n1", kept: "b/n1.md", dropped: "c/n1.md" },
    ]);
    expect(logger.lines).toHaveLength(2);
    expect(logger.lines[0]).toMatch(
      /INFO .*duplicate n1: kept b\/n1\.md, dropped a\/n1\.md \(copies differ/,
    );
  });

  it("keeps the first of identical copies, logging at debug level", () => {
    const logger = createMemoryLogger();
    const { articles } = mergeDuplicates(
      [article("a/n1.md", ["同。"]), article("b/n1.md", ["同。"])],
      logger,
    );
    expect(articles.map((a) => a.file)).toEqual(["a/n1.md"]);
    expect(logger.lines).toEqual([
      expect.stringMatching(
        /DEBUG duplicate n1: kept a\/n1\.md, dropped b\/n1\.md \(identical copies\)/,
      ),
    ]);
  });

  it("does not merge different pages that only share a file name", () => {
    const logger = createMemoryLogger();
    const noLink = { id: "notes", url: null };
    const { articles, duplicates } = mergeDuplicates(
      [
        article("2021/notes.txt", ["一。"], { ...noLink, title: "甲" }),
        article("2022/notes.txt", ["二。"], { ...noLink, title: "乙" }),
      ],
      logger,
    );
    expect(articles.map((a) => a.id)).toEqual(["notes", "notes-2"]);
    expect(duplicates).toEqual([]);
    expect(logger.lines).toEqual([
      expect.stringContaining("share the id notes but are different articles"),
    ]);
  });
});

describe("identical copies and quotes", () => {
  const speech = (id: string, words: string) =>
    okPage.replace("n30000001", id).replace("园方说", `园长王小明说：“${words}”园方说`);

  it("treats an identical copy under another channel like a parsed one, with its own file", async () => {
    const dir = tempDir();
    for (const channel of ["a", "b", "c"]) mkdirSync(join(dir, channel));
    writeFileSync(join(dir, "a", "n50000001.md"), speech("n50000001", "樱花很美。"));
    writeFileSync(join(dir, "b", "n50000001.md"), speech("n50000001", "樱花很美。"));
    // Same name and size, different bytes: not a copy of the same content.
    writeFileSync(join(dir, "c", "n50000001.md"), speech("n50000001", "梅花很美。"));
    const logger = createMemoryLogger();
    const report = await loadArticles(dir, { logger, quotes: true });
    expect(report.articles).toHaveLength(1);
    expect(report.duplicates.map((d) => d.dropped).sort()).toEqual([
      "b/n50000001.md",
      "c/n50000001.md",
    ]);
    expect(logger.lines.filter((line) => line.includes("copies differ"))).toHaveLength(1);
    expect(logger.lines.filter((line) => line.includes("identical copies"))).toHaveLength(1);
    expect(report.articles[0]?.file).toBe("a/n50000001.md");
    expect(report.quotes?.get("n50000001")?.quotes.map((q) => q.text)).toEqual(["樱花很美。"]);
  });

  it("makes each identical copy's article under its own path, across worker threads", async () => {
    const dir = tempDir();
    for (const channel of ["a", "b"]) mkdirSync(join(dir, channel));
    for (let i = 0; i < 300; i++) {
      const id = `n${70000000 + i}`;
      for (const channel of ["a", "b"])
        writeFileSync(join(dir, channel, `${id}.md`), speech(id, `第${i}号樱花树开了。`));
    }
    const options = { quotes: true, workers: 2 };
    const shared = await loadArticles(dir, { logger: createMemoryLogger(), ...options });
    expect(shared.articles).toHaveLength(300);
    expect(shared.articles.every((article) => article.file.startsWith("a/"))).toBe(true);
    expect(shared.duplicates.every((d) => d.dropped === d.kept.replace("a/", "b/"))).toBe(true);
    expect(shared.quotes?.get("n70000007")?.quotes.map((q) => q.text)).toEqual([
      "第7号樱花树开了。",
    ]);
    const alone = await loadArticles(dir, { logger: createMemoryLogger(), quotes: true });
    expect(shared.articles).toEqual(alone.articles);
    expect(shared.quotes).toEqual(alone.quotes);
  });

  it("extracts each kept article's quotes in the loading threads when asked", async () => {
    const dir = tempDir();
    for (let i = 0; i < 300; i++) {
      const id = `n${60000000 + i}`;
      writeFileSync(join(dir, `${id}.md`), speech(id, `第${i}号樱花树开了。`));
    }
    const alone = await loadArticles(dir, { logger: createMemoryLogger(), quotes: true });
    const shared = await loadArticles(dir, {
      logger: createMemoryLogger(),
      quotes: true,
      workers: 2,
    });
    expect(alone.quotes?.size).toBe(300);
    expect(shared.quotes).toEqual(alone.quotes);
    expect(alone.quotes?.get("n60000007")?.quotes.map((q) => [q.speaker, q.text])).toEqual([
      ["王小明", "第7号樱花树开了。"],
    ]);
    const without = await loadArticles(dir, { logger: createMemoryLogger() });
    expect(without.quotes).toBeUndefined();
  });
});
