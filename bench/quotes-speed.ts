import { writeFileSync } from "node:fs";
import { cpuUsage } from "node:process";
import type { Article } from "../src/articles/article.js";
import { listArticleFiles, loadArticleFile } from "../src/articles/loader.js";
import { extractQuotes } from "../src/quotes/quotes.js";

/**
 * Quote extraction speed (issue 11: "extraction at load no slower than today"): parses every
 * article of a folder once, then times several warm passes of `extractQuotes` over all of them
 * and prints the least CPU time per pass. `--dump FILE` writes every article's quotes as JSON,
 * to compare the output of two versions byte for byte.
 *
 *   npx tsx bench/quotes-speed.ts /work/corpus/month [--passes 5] [--dump out.json] [--reported]
 */
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = args.find((arg, i) => !arg.startsWith("--") && !args[i - 1]?.startsWith("--"));
if (!root) {
  console.error("usage: quotes-speed.ts FOLDER [--passes N] [--dump FILE] [--reported]");
  process.exit(2);
}
const passes = Number(option("--passes") ?? 5);
const dump = option("--dump");
const reported = args.includes("--reported");

const articles: Article[] = [];
let skipped = 0;
for (const info of await listArticleFiles(root)) {
  try {
    articles.push(await loadArticleFile(root, info.path));
  } catch {
    skipped++;
  }
}
console.log(`${articles.length} articles parsed (${skipped} files skipped)`);

const cpu: number[] = [];
let quoteCount = 0;
for (let pass = 0; pass < passes; pass++) {
  const before = cpuUsage();
  const start = performance.now();
  let count = 0;
  for (const article of articles) count += extractQuotes(article, { reported }).quotes.length;
  const used = cpuUsage(before);
  const ms = (used.user + used.system) / 1000;
  cpu.push(ms);
  quoteCount = count;
  console.log(
    `pass ${pass + 1}: ${ms.toFixed(0)} ms CPU, ${(performance.now() - start).toFixed(0)} ms wall, ${count} quotes`,
  );
}
console.log(
  `least CPU per pass: ${(Math.min(...cpu) / 1000).toFixed(3)} s (${passes} passes, ${quoteCount} quotes)`,
);

if (dump) {
  const all = articles.map((article) => extractQuotes(article, { reported }));
  writeFileSync(dump, `${JSON.stringify(all, null, 1)}\n`);
  console.log(`quotes written to ${dump}`);
}
