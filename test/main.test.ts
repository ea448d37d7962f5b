import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Archive } from "../src/articles/archive.js";
import { createMemoryLogger } from "../src/logger.js";
import { followPersistedIndex, warmUpArchive, watchFolders } from "../src/main.js";

// The warm-up's English dictionary is CC-CEDICT, seconds to read: not what these tests are about.
vi.mock("../src/answers/english.js", async (original) => ({
  ...(await original<typeof import("../src/answers/english.js")>()),
  loadEnglishDictionary: () => {},
}));

/**
 * watchFolders: one plain watcher a folder, so a change anywhere under the article folder is
 * reported, including in folders made after it started, and nothing after it is closed.
 */

let dir: string | undefined;
let close: (() => void) | undefined;

afterEach(() => {
  close?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function watched(setup: (root: string) => void): { root: string; events: () => number } {
  const root = mkdtempSync(join(tmpdir(), "dubao-watch-"));
  dir = root;
  setup(root);
  let count = 0;
  const watcher = watchFolders(root, () => {
    count++;
  });
  close = () => watcher.close();
  return { root, events: () => count };
}

const poll = { timeout: 5_000, interval: 20 };

describe("watchFolders", () => {
  it.each([
    ["a file in the folder", (root: string) => writeFileSync(join(root, "a.md"), "x")],
    ["a file in a subfolder", (root: string) => writeFileSync(join(root, "channel", "n1.md"), "x")],
    [
      "a file two folders down",
      (root: string) => writeFileSync(join(root, "channel", "deeper", "n2.md"), "x"),
    ],
  ])("reports %s", async (_, change) => {
    const { root, events } = watched((at) =>
      mkdirSync(join(at, "channel", "deeper"), { recursive: true }),
    );
    change(root);
    await expect.poll(events, poll).toBeGreaterThan(0);
  });

  it("watches a folder made after it started", async () => {
    const { root, events } = watched(() => {});
    mkdirSync(join(root, "later"));
    await expect.poll(events, poll).toBeGreaterThan(0);
    // Let the new folder's watcher start before writing in it.
    await new Promise((done) => setTimeout(done, 100));
    const before = events();
    writeFileSync(join(root, "later", "n3.md"), "x");
    await expect.poll(events, poll).toBeGreaterThan(before);
  });

  it("reports nothing once closed", async () => {
    const { root, events } = watched((at) => mkdirSync(join(at, "channel")));
    close?.();
    writeFileSync(join(root, "channel", "n4.md"), "x");
    await new Promise((done) => setTimeout(done, 300));
    expect(events()).toBe(0);
  });
});

/**
 * The warm-up (`Archive.warmUp`, the English dictionary) runs from a timer or a reload, outside
 * every handler: it must not throw, and a follower warms a newer save up before swapping it in.
 */
describe("warming up an archive", () => {
  const SEED = "seeds/000_d87d864bdde93e5b.txt";
  const temps: string[] = [];
  const tempDir = () => {
    const made = mkdtempSync(join(tmpdir(), "dubao-warm-"));
    temps.push(made);
    return made;
  };
  afterEach(() => {
    vi.restoreAllMocks();
    for (const made of temps.splice(0)) rmSync(made, { recursive: true, force: true });
  });

  it("logs a warm-up that fails rather than throwing it", () => {
    const archive = Archive.fromArticles([]);
    vi.spyOn(archive, "warmUp").mockImplementation(() => {
      throw new Error("corrupt people section");
    });
    const logger = createMemoryLogger();
    expect(() => warmUpArchive(archive, logger)).not.toThrow();
    expect(logger.lines.some((line) => line.includes("Warming up the archive failed"))).toBe(true);
  });

  it("a read-only follower warms a newer save up before it swaps it in", async () => {
    const root = tempDir();
    const cacheDir = tempDir();
    copyFileSync(SEED, join(root, "seed.md"));
    const logger = createMemoryLogger();
    let current = await Archive.load({ root, cacheDir, logger, saveIntervalMs: 0 });
    const warmed: Archive[] = [];
    const warmUp = vi.spyOn(Archive.prototype, "warmUp").mockImplementation(function (
      this: Archive,
    ) {
      warmed.push(this);
    });
    const swapped: Array<{ archive: Archive; warmedBefore: boolean }> = [];
    const follower = followPersistedIndex(
      () => current,
      (next) => {
        swapped.push({ archive: next, warmedBefore: warmed.includes(next) });
        current = next;
      },
      { root, cacheDir, logger, pollMs: 20 },
    );
    try {
      const text = readFileSync(SEED, "utf8").replaceAll("n13495457", "n20000001");
      writeFileSync(join(root, "other.md"), text);
      const writer = await Archive.load({ root, cacheDir, logger, saveIntervalMs: 0 });
      await writer.flushSave();
      await expect.poll(() => swapped.length, poll).toBeGreaterThan(0);
      await follower.idle();
    } finally {
      follower.close();
    }
    expect(warmUp).toHaveBeenCalled();
    expect(swapped.every((swap) => swap.warmedBefore)).toBe(true);
    expect(current.size).toBe(2);
  });
});
