import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  cachePath,
  readCacheMeta,
  readCacheSection,
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
      { root: dir, files: [], fileArticle: {} },
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
});
