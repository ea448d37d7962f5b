import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  CacheRejected,
  cachePath,
  readCacheFrames,
  readCacheMeta,
  readCacheSave,
  readCacheSection,
  SECTION_FRAME_END,
  writeCache,
} from "../../src/articles/cache.js";

const dir = mkdtempSync(join(tmpdir(), "dubao-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the cache sections", () => {
  it("read back what was written, deflated or not", async () => {
    const text = Buffer.from(`😀北约${"字".repeat(10_000)}`, "utf16le");
    const bytes = new Uint8Array([0, 10, 255, 128]);
    await writeCache(
      dir,
      {
        articles: () => [text.subarray(0, 7), text.subarray(7)],
        search: () => [bytes, bytes],
        people: () => [],
      },
      { root: dir, files: [], fileArticle: new Map() },
    );
    const meta = await readCacheMeta(dir);
    if (!meta) throw new Error("no meta");
    expect((await readCacheSection(dir, meta, "articles")).equals(text)).toBe(true);
    expect([...(await readCacheSection(dir, meta, "search"))]).toEqual([...bytes, ...bytes]);
    expect((await readCacheSection(dir, meta, "people")).length).toBe(0);
    // The articles are deflated on disk; the search section is not.
    expect(meta.sections.articles.bytes).toBeLessThan(text.length / 100);
    expect(meta.sections.search.bytes).toBe(2 * bytes.length);
    expect(readFileSync(cachePath(dir, "search")).subarray(-8)).toEqual(
      Buffer.from([...bytes, ...bytes]),
    );
  });

  it("read a framed section back whole, or frame by frame", async () => {
    const head = Buffer.from("头".repeat(5_000), "utf16le");
    const runs = [Buffer.from("甲".repeat(20_000), "utf16le"), Buffer.from("乙", "utf16le")];
    await writeCache(
      dir,
      {
        articles: () => [
          head,
          SECTION_FRAME_END,
          runs[0] as Buffer,
          SECTION_FRAME_END,
          runs[1] as Buffer,
        ],
        search: () => [head, SECTION_FRAME_END, head],
        people: () => [],
      },
      { root: dir, files: [], fileArticle: new Map() },
    );
    const meta = await readCacheMeta(dir);
    if (!meta) throw new Error("no meta");
    expect(meta.sections.articles.frames?.map(([, inflated]) => inflated)).toEqual([
      head.length,
      ...runs.map((run) => run.length),
    ]);
    const whole = Buffer.concat([head, ...runs]);
    expect((await readCacheSection(dir, meta, "articles")).equals(whole)).toBe(true);
    const frames = await Promise.all(await readCacheFrames(dir, meta, "articles", 1));
    expect(frames.map((frame) => frame.toString("utf16le"))).toEqual(
      [head, ...runs].map((piece) => piece.toString("utf16le")),
    );
    // A section not deflated is never framed.
    expect(meta.sections.search.frames).toBeUndefined();
    expect((await readCacheSection(dir, meta, "search")).equals(Buffer.concat([head, head]))).toBe(
      true,
    );
  });

  it("read back the files and their articles: an id, skipped, none recorded, not listed", async () => {
    const files = [
      { path: "a/n1.md", size: 10, mtimeMs: 1795947299000.5 },
      { path: "a/skipped.md", size: 0, mtimeMs: 1 },
      { path: "b/n2.md", size: 12, mtimeMs: 2 },
    ];
    const fileArticle = new Map<string, string | null>([
      ["a/n1.md", "n1"],
      ["a/skipped.md", null],
      ["gone/n3.md", "n3"],
    ]);
    await writeCache(
      dir,
      { articles: () => [], search: () => [], people: () => [] },
      {
        root: dir,
        files,
        fileArticle,
      },
    );
    const meta = await readCacheMeta(dir);
    expect(meta?.files).toEqual(files);
    expect(meta?.fileArticle).toEqual(fileArticle);
    expect(meta?.fileArticle.has("b/n2.md")).toBe(false);
    expect(JSON.parse(readFileSync(cachePath(dir, "meta"), "utf8")).files[0]).toEqual([
      "a/n1.md",
      10,
      1795947299000.5,
      "n1",
    ]);
    expect(await readCacheSave(dir)).toBe(meta?.save);
  });

  it("refuse a meta file whose files are not rows", async () => {
    await writeCache(
      dir,
      { articles: () => [], search: () => [], people: () => [] },
      {
        root: dir,
        files: [],
        fileArticle: new Map(),
      },
    );
    const meta = JSON.parse(readFileSync(cachePath(dir, "meta"), "utf8"));
    writeFileSync(cachePath(dir, "meta"), JSON.stringify({ ...meta, files: [{ path: "a.md" }] }));
    await expect(readCacheMeta(dir)).rejects.toThrow(CacheRejected);
  });
});
