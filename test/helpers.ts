import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Article, ArticleSchema } from "../src/articles/article.js";
import { parseArticle } from "../src/articles/parse.js";
import type { IndexDoc } from "../src/search/engine.js";

/** Shared by the tests: the project's folders, the seed article, and JSON article fixtures. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SEED_FILE = "000_d87d864bdde93e5b.txt";
export const SEED_PATH = join(PROJECT_ROOT, "seeds", SEED_FILE);

export function seedArticle(): Article {
  return parseArticle(readFileSync(SEED_PATH, "utf8"), SEED_FILE);
}

/** An `Article` written as JSON under test/fixtures/<folder>/. */
export function articleFixture(folder: string, name: string): Article {
  const path = join(PROJECT_ROOT, "test/fixtures", folder, name);
  return ArticleSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

/** Every JSON article fixture of test/fixtures/<folder>/, by file name. */
export function articleFixtures(folder: string): Article[] {
  return readdirSync(join(PROJECT_ROOT, "test/fixtures", folder))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => articleFixture(folder, name));
}

/** An article for a test: the paragraphs, plus whichever fields the test cares about. */
export function makeArticle(fields: Partial<Article> & Pick<Article, "paragraphs">): Article {
  const id = fields.id ?? "n1";
  return {
    id,
    title: "标题",
    date: null,
    reporter: null,
    editor: null,
    tags: [],
    caption: null,
    url: null,
    script: "gb",
    file: `${id}.md`,
    ...fields,
  };
}

/**
 * An article as plain MiniSearch would index it (no people field), for the parity tests of the
 * search engine against MiniSearch's own search.
 */
export function plainIndexDoc(article: Article): IndexDoc {
  return {
    id: article.id,
    title: article.title,
    tags: article.tags.join("\n"),
    people: "",
    caption: article.caption ?? "",
    body: article.paragraphs.join("\n"),
  };
}

/** `src/main.ts` as its own process (what `npm start` runs), its stderr kept as the log. */
export function spawnMain(env: Record<string, string | undefined>): {
  child: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, log: () => log, exited };
}
