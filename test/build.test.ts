import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The production build (`npm run build`): compiled into a fresh folder, the JavaScript runs
 * without tsx and answers exactly as the TypeScript sources do; worker threads run the compiled
 * loader; the word lists under lexicon/ are found from the compiled tree.
 *
 * The folder lies inside the project (under the ignored .cache/), as dist/ does, so that the
 * compiled modules find node_modules/ and lexicon/ the way dist/ finds them.
 */

const SEED_FILE = "000_d87d864bdde93e5b.txt";
let out: string;
let scratch: string;

beforeAll(() => {
  mkdirSync(".cache", { recursive: true });
  out = mkdtempSync(join(".cache", "build-test-"));
  scratch = mkdtempSync(join(tmpdir(), "dubao-build-"));
  const built = spawnSync(process.execPath, ["scripts/build.mjs", "--out", out], {
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(built.stderr).toMatch(/Built .* in \d+\.\d s/);
  expect(built.status).toBe(0);
}, 130_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

function run(args: string[], input: string) {
  const result = spawnSync(process.execPath, args, { encoding: "utf8", input, timeout: 60_000 });
  return { stdout: result.stdout, status: result.status };
}

describe("npm run build", () => {
  it("compiles every source module and stamps the build", () => {
    for (const module of ["src/main.js", "src/articles/load-worker.js", "commands/index.js"]) {
      expect(existsSync(join(out, module)), module).toBe(true);
    }
    expect(Date.parse(readFileSync(join(out, ".build-stamp"), "utf8").trim())).not.toBeNaN();
  });

  it("answers as the sources do: search, quotes (word lists from lexicon/), summary", () => {
    const lines = "search 北约\nquotes 谢尔曼\nsummary --article n13495457 --sentences 2\n";
    const args = ["--json", "--seeds", "seeds"];
    const compiled = run([join(out, "src/cli/cli.js"), ...args], lines);
    const sources = run(["--import", "tsx", "src/cli/cli.ts", ...args], lines);
    expect(compiled.status).toBe(0);
    const answers = compiled.stdout.trim().split("\n");
    expect(answers).toHaveLength(3);
    const [search, quotes] = answers.map((line) => JSON.parse(line));
    expect(search.results[0].id).toBe("n13495457");
    expect(quotes.quotes.length).toBeGreaterThan(0);
    expect(compiled.stdout).toBe(sources.stdout);
  }, 60_000);

  it("loads a folder through worker threads running the compiled loader", () => {
    const folder = join(scratch, "articles");
    mkdirSync(folder);
    const seed = readFileSync(join("seeds", SEED_FILE), "utf8");
    // More files than one chunk, so that a worker thread takes some of them.
    for (let i = 0; i < 600; i++) {
      const id = `n${20_000_000 + i}`;
      const page = seed.replaceAll("n13495457", id);
      mkdirSync(join(folder, String(i % 6)), { recursive: true });
      writeFileSync(join(folder, String(i % 6), `${id}.txt`), page);
    }
    const compiled = (module: string) => JSON.stringify(pathToFileURL(join(out, module)).href);
    const script = `
      import { loadArticles } from ${compiled("src/articles/loader.js")};
      import { createMemoryLogger } from ${compiled("src/logger.js")};
      const logger = createMemoryLogger();
      const report = await loadArticles(${JSON.stringify(folder)}, { logger, workers: 2 });
      console.log(JSON.stringify({
        articles: report.articles.length,
        fallbacks: logger.lines.filter((line) => line.includes("worker thread")),
      }));
    `;
    // A module file rather than --eval: worker threads inherit the process's execArgv.
    writeFileSync(join(scratch, "load.mjs"), script);
    const result = run([join(scratch, "load.mjs")], "");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ articles: 600, fallbacks: [] });
  }, 60_000);
});
