import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchFolders } from "../src/main.js";

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
