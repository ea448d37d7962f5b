import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Archive, normalizeArticleId } from "../../src/articles/archive.js";
import {
  CACHE_VERSION,
  type CacheMeta,
  type CacheSection,
  readCacheMeta,
  readCacheSection,
  SECTION_DEFLATED,
} from "../../src/articles/cache.js";
import { UserError } from "../../src/errors.js";
import { createMemoryLogger } from "../../src/logger.js";

const SEED = "seeds/000_d87d864bdde93e5b.txt";
const seedText = readFileSync(SEED, "utf8");

/** A second article made from the seed: another id, title and speaker. */
const otherArticle = (id: string, title: string) =>
  seedText
    .replaceAll("n13495457", id)
    .replace("### 美俄日内瓦会谈 美副国务卿：未能缩小分歧", `### ${title}`)
    .replaceAll("谢尔曼", "布林肯")
    .replaceAll("Wendy Sherman", "Antony Blinken")
    .replace("2022年01月11日", "2022年01月12日");

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "dubao-archive-"));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("an archive with a persisted index", () => {
  let root: string;
  let cache: string;
  beforeEach(() => {
    root = tempDir();
    cache = tempDir();
    copyFileSync(SEED, join(root, "seed.md"));
    writeFileSync(join(root, "other.md"), otherArticle("n20000001", "布林肯访问欧洲"));
  });

  const load = async (saveIntervalMs = 0) => {
    const logger = createMemoryLogger();
    const archive = await Archive.load({ root, cacheDir: cache, logger, saveIntervalMs });
    return { archive, lines: logger.lines };
  };

  it("builds and saves the index the first time, and loads it the next time", async () => {
    const first = await load();
    expect(first.archive.size).toBe(2);
    expect(first.lines.some((line) => line.includes("No persisted index"))).toBe(true);
    expect((await readdir(cache)).sort()).toEqual([
      "dubao-index.articles",
      "dubao-index.meta",
      "dubao-index.people",
      "dubao-index.search",
    ]);
    const second = await load();
    expect(second.lines.some((line) => line.includes("Loaded the index of 2 articles"))).toBe(true);
    expect(second.lines.some((line) => line.includes("loaded 2 articles from"))).toBe(false);
    expect(second.archive.search.search("北约").total).toBe(2);
    expect(second.archive.people.find("布林肯")[0]?.quoteCount).toBeGreaterThan(0);
    expect(second.archive.articles.map((article) => article.id)).toEqual(
      first.archive.articles.map((article) => article.id),
    );
    expect(second.archive.search.serialize().equals(first.archive.search.serialize())).toBe(true);
  });

  it("saves a warm-loaded people directory never asked for as it was read", async () => {
    const first = await load();
    const quotes = first.archive.people.quotesOf("布林肯");
    expect(quotes.length).toBeGreaterThan(0);
    const second = await load();
    const again = tempDir();
    await second.archive.saveCache(again);
    const third = await Archive.load({ root, cacheDir: again, logger: createMemoryLogger() });
    expect(third.people.quotesOf("布林肯")).toEqual(quotes);
    expect(third.people.list().map((person) => person.name)).toEqual(
      first.archive.people.list().map((person) => person.name),
    );
  });

  it("answers alike whether a warm-loaded archive was warmed up or not", async () => {
    const first = await load();
    const cold = await load();
    const warmed = await load();
    warmed.archive.warmUp();
    expect(first.archive.search.search("Blinken").hits.length).toBeGreaterThan(0);
    for (const archive of [cold.archive, warmed.archive]) {
      expect(archive.people.quotesOf("布林肯")).toEqual(first.archive.people.quotesOf("布林肯"));
      expect(archive.search.search("Blinken").hits.map((hit) => hit.id)).toEqual(
        first.archive.search.search("Blinken").hits.map((hit) => hit.id),
      );
    }
  });

  it("re-indexes only a changed file, and adds a new one", async () => {
    await load();
    writeFileSync(join(root, "other.md"), otherArticle("n20000001", "布林肯访问亚洲"));
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, "other.md"), later, later);
    writeFileSync(join(root, "new.md"), otherArticle("n20000002", "新文章"));
    const { archive, lines } = await load();
    expect(lines.filter((line) => line.includes("Re-indexed article"))).toHaveLength(1);
    expect(lines.filter((line) => line.includes("Indexed new article n20000002"))).toHaveLength(1);
    expect(archive.get("n20000001")?.title).toBe("布林肯访问亚洲");
    expect(archive.search.search("访问亚洲").hits.map((hit) => hit.id)).toEqual(["n20000001"]);
    expect(archive.search.search("访问欧洲").total).toBe(0);
    expect(archive.size).toBe(3);
  });

  it("saves and compacts the index after live changes, so the next start needs no re-indexing", async () => {
    const { archive, lines } = await load();
    const logger = createMemoryLogger();
    for (const title of ["布林肯访问亚洲", "布林肯访问非洲"]) {
      writeFileSync(join(root, "other.md"), otherArticle("n20000001", title));
      const later = new Date(Date.now() + 5_000 + title.length);
      utimesSync(join(root, "other.md"), later, later);
      expect(await archive.applyFileChanges()).toBe(1);
      await archive.savesSettled();
    }
    expect(archive.search.search("访问非洲").hits.map((hit) => hit.id)).toEqual(["n20000001"]);
    expect(archive.search.search("访问亚洲").total).toBe(0);
    expect(lines.filter((line) => line.includes("Compacted the search index"))).toHaveLength(2);
    const next = await Archive.load({ root, cacheDir: cache, logger });
    expect(logger.lines.some((line) => line.includes("Loaded the index of 2 articles"))).toBe(true);
    expect(logger.lines.some((line) => line.includes("Re-indexed"))).toBe(false);
    expect(next.search.search("访问非洲").hits.map((hit) => hit.id)).toEqual(["n20000001"]);
  });

  it("loads read-only (a shard): no listing, re-indexing or saving; tells when a newer save exists", async () => {
    const { archive: builder } = await load();
    writeFileSync(join(root, "new.md"), otherArticle("n20000002", "新文章"));
    const logger = createMemoryLogger();
    const shard = await Archive.load({ root, cacheDir: cache, logger, readOnly: true });
    expect(logger.lines.some((line) => line.includes("Loaded the index of 2 articles"))).toBe(true);
    expect(await shard.applyFileChanges()).toBe(0);
    expect(shard.get("n20000002")).toBeUndefined();
    expect(shard.save).toBe(await Archive.persistedSave(cache));
    expect(await builder.applyFileChanges()).toBe(1);
    await builder.savesSettled();
    const newer = await Archive.persistedSave(cache);
    expect(newer).toBe(builder.save);
    expect(newer).not.toBe(shard.save);
    const reloaded = await Archive.load({ root, cacheDir: cache, readOnly: true });
    expect(reloaded.get("n20000002")?.title).toBe("新文章");
    expect(reloaded.save).toBe(newer);
  });

  it("saves at most once per interval under a stream of changes, and flushing keeps the last", async () => {
    const { archive, lines } = await load(60_000);
    const saves = () => lines.filter((line) => line.includes("Saved the index")).length;
    const saved = await Archive.persistedSave(cache);
    expect(saves()).toBe(1);
    for (const title of ["布林肯访问亚洲", "布林肯访问非洲", "布林肯访问美洲"]) {
      writeFileSync(join(root, "other.md"), otherArticle("n20000001", title));
      const later = new Date(Date.now() + 5_000 + title.length * 1_000);
      utimesSync(join(root, "other.md"), later, later);
      expect(await archive.applyFileChanges()).toBe(1);
    }
    // Within the interval of the first save: nothing more written yet.
    expect(saves()).toBe(1);
    expect(await Archive.persistedSave(cache)).toBe(saved);
    await archive.flushSave();
    expect(saves()).toBe(2);
    await archive.flushSave();
    expect(saves()).toBe(2);
    const reader = await Archive.loadPersisted({ root, cacheDir: cache });
    expect(reader?.get("n20000001")?.title).toBe("布林肯访问美洲");
    expect(reader?.save).toBe(archive.save);
  });

  it("loads nothing read-only without a persisted index, rather than parse", async () => {
    expect(await Archive.loadPersisted({ root, cacheDir: cache })).toBeUndefined();
    await load();
    writeFileSync(`${join(cache, "dubao-index.search")}`, "damaged\n");
    expect(await Archive.loadPersisted({ root, cacheDir: cache })).toBeUndefined();
  });

  it("drops the article of a deleted file", async () => {
    await load();
    rmSync(join(root, "other.md"));
    const { archive, lines } = await load();
    expect(lines.some((line) => line.includes("Removed article n20000001"))).toBe(true);
    expect(archive.get("n20000001")).toBeUndefined();
    expect(archive.search.search("布林肯").total).toBe(0);
    expect(archive.people.find("布林肯")).toEqual([]);
  });

  it.each([
    ["a corrupt meta file", "dubao-index.meta", "{not json"],
    ["an old version", "dubao-index.meta", JSON.stringify({ version: 0 })],
    ["the previous version", "dubao-index.meta", JSON.stringify({ version: CACHE_VERSION - 1 })],
    ["a part from another save", "dubao-index.search", "other-save\n{}"],
    ["a truncated part", "dubao-index.articles", "x"],
  ])("rebuilds from %s with a log line, never a crash", async (_case, file, content) => {
    await load();
    writeFileSync(join(cache, file), content);
    const { archive, lines } = await load();
    expect(archive.size).toBe(2);
    expect(lines.some((line) => / WARN .*persisted index.*rebuilding it/.test(line))).toBe(true);
    // The rebuilt index was saved again and is good for the next start.
    const again = await load();
    expect(again.lines.some((line) => line.includes("Loaded the index of 2 articles"))).toBe(true);
  });

  /**
   * Replaces a section by a copy with the first occurrence of `from` replaced by `to` (as bytes in
   * `encoding`), deflated as the cache writes it.
   */
  const overwrite = async (
    name: CacheSection,
    from: string,
    to: string,
    encoding: BufferEncoding = "utf16le",
  ) => {
    const meta = (await readCacheMeta(cache)) as CacheMeta;
    const section = await readCacheSection(cache, meta, name);
    const [old, replacement] = [Buffer.from(from, encoding), Buffer.from(to, encoding)];
    expect(replacement.length).toBe(old.length);
    const at = section.indexOf(old);
    expect(at).toBeGreaterThanOrEqual(0);
    replacement.copy(section, at);
    const path = join(cache, `dubao-index.${name}`);
    const data = readFileSync(path);
    const saveLine = data.subarray(0, data.indexOf(0x0a) + 1);
    const payload = SECTION_DEFLATED[name] ? deflateRawSync(section, { level: 1 }) : section;
    writeFileSync(path, Buffer.concat([saveLine, payload]));
  };
  /** A byte in the middle of a section's file turned into another. */
  const flipByte = (name: CacheSection) => {
    const path = join(cache, `dubao-index.${name}`);
    const data = readFileSync(path);
    const at = Math.floor(data.length / 2);
    data[at] = (data[at] as number) ^ 0x5a;
    writeFileSync(path, data);
  };

  it.each([
    ["article text", () => overwrite("articles", "谢尔曼", "布林肯")],
    ["a person's quotes", () => overwrite("people", "谢尔曼", "林肯谢")],
    ["the search index", () => overwrite("search", "A", "B", "latin1")],
    ["the bytes of the article section", () => flipByte("articles")],
    ["the bytes of the search section", () => flipByte("search")],
  ])("detects overwritten %s by its checksum, and rebuilds", async (_case, damage) => {
    await load();
    await damage();
    const { archive, lines } = await load();
    expect(
      lines.some((line) =>
        / WARN .*persisted index.*(checksum|bytes, not).*rebuilding it/.test(line),
      ),
    ).toBe(true);
    expect(archive.get("n13495457")?.paragraphs.join("")).toContain("谢尔曼");
    expect(archive.search.search("谢尔曼").hits.map((hit) => hit.id)).toEqual(["n13495457"]);
    expect(archive.people.find("谢尔曼")[0]?.quoteCount).toBeGreaterThan(0);
  });

  it("keeps working when the cache cannot be written", async () => {
    const blocked = join(tempDir(), "a-file");
    writeFileSync(blocked, "not a folder");
    const logger = createMemoryLogger();
    const archive = await Archive.load({ root, cacheDir: blocked, logger });
    expect(archive.size).toBe(2);
    expect(logger.lines.some((line) => line.includes("Could not save the index"))).toBe(true);
  });
});

describe("finding articles", () => {
  const archive = Archive.fromArticles([]);

  it("says so when nothing is loaded", () => {
    expect(() => archive.resolve()).toThrow(UserError);
  });

  it.each([
    ["n13495457", "n13495457"],
    ["13495457", "n13495457"],
    [" n13495457 ", "n13495457"],
    ["https://www.epochtimes.com/gb/22/1/10/n13495457.htm", "n13495457"],
    ["https://www.epochtimes.com/b5/22/1/10/n13495457.htm?x=1", "n13495457"],
    ["000_d87d864bdde93e5b", "000_d87d864bdde93e5b"],
  ])("reads %s as the id %s", (input, id) => {
    expect(normalizeArticleId(input)).toBe(id);
  });
});

describe("upsert and remove", () => {
  it("keep search, people and the article list in step", async () => {
    const root = tempDir();
    copyFileSync(SEED, join(root, "seed.md"));
    const archive = await Archive.load({ root });
    expect(archive.resolve().id).toBe("n13495457");
    writeFileSync(join(root, "other.md"), otherArticle("n20000001", "布林肯访问欧洲"));
    expect(await archive.applyFileChanges()).toBe(1);
    expect(archive.resolve().id).toBe("n20000001");
    expect(archive.people.find("Blinken").map((person) => person.name)).toEqual(["布林肯"]);
    expect(archive.remove("n20000001")).toBe(true);
    expect(archive.remove("n20000001")).toBe(false);
    expect(archive.people.find("Blinken")).toEqual([]);
    expect(archive.articles.map((article) => article.id)).toEqual(["n13495457"]);
    expect(() => archive.resolve("n20000001")).toThrow(/找不到文章/);
  });
});
