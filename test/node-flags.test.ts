import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MEMORY_FLAGS } from "../src/node-flags.js";

const scripts = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;

describe("MEMORY_FLAGS", () => {
  it.each(["start", "start:sharded", "cli"])("npm run %s starts node with them", (name) => {
    const script = scripts[name] ?? "";
    expect(script).toMatch(/^node /);
    const flags = script.slice("node ".length, script.indexOf(" scripts/start.mjs")).split(" ");
    expect(flags).toEqual([...MEMORY_FLAGS]);
  });

  it("are accepted by node and bound the young generation", () => {
    // Enough short-lived garbage to grow a default young generation to its 16 MB halves.
    const script =
      "const keep = []; for (let i = 0; i < 2e6; i++) { const o = { i, s: 'x' + i }; if (i % 50 === 0) keep.push(o); }" +
      "const space = require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');" +
      "console.log(space.space_size);";
    const run = (flags: readonly string[]) => {
      const result = spawnSync(process.execPath, [...flags, "-e", script], { encoding: "utf8" });
      expect(result.status, result.stderr).toBe(0);
      return Number(result.stdout.trim());
    };
    expect(run(MEMORY_FLAGS)).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(run([])).toBeGreaterThan(4 * 1024 * 1024);
  });
});
