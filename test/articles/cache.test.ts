import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  readCacheMeta,
  readCacheSection,
  SECTION_ENCODING,
  streamCacheSection,
  WRITE_CHUNK_CHARS,
  writeCache,
} from "../../src/articles/cache.js";

const dir = mkdtempSync(join(tmpdir(), "dubao-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the cache sections", () => {
  it.each([
    ["a character outside the BMP across the chunk boundary", "a".repeat(WRITE_CHUNK_CHARS - 1)],
    ["one just before it", "a".repeat(WRITE_CHUNK_CHARS - 2)],
  ])("read back what was written: %s", async (_case, lead) => {
    const long = `${lead}😀北约${"字".repeat(10)}`;
    const bytes = new Uint8Array([0, 10, 255, 128]);
    await writeCache(
      dir,
      { articles: () => [long, "\n"], search: () => [bytes], people: () => ["[]"] },
      { root: dir, files: [], fileArticle: {} },
    );
    const meta = await readCacheMeta(dir);
    if (!meta) throw new Error("no meta");
    const articles = await readCacheSection(dir, meta, "articles");
    expect(articles.toString(SECTION_ENCODING.articles)).toBe(`${long}\n`);
    const pieces: Buffer[] = [];
    await streamCacheSection(dir, meta, "articles", (piece) => pieces.push(piece));
    expect(pieces.length).toBeGreaterThan(1);
    expect(Buffer.concat(pieces).equals(articles)).toBe(true);
    expect([...(await readCacheSection(dir, meta, "search"))]).toEqual([...bytes]);
    // Deflated on disk.
    expect(meta.sections.articles.bytes).toBeLessThan(Buffer.byteLength(long) / 100);
  });
});
