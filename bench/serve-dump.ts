/**
 * Every answer of a fixed list of commands, one JSON line each, to compare two builds byte for
 * byte: a change to how the index is saved, loaded or cached must not change any answer.
 *
 *   npx tsx bench/serve-dump.ts --root <pages> [--cache <dir>] --out answers.jsonl
 *   cmp before.jsonl after.jsonl
 *
 * The commands: every search of bench/queries.json; `quotes` for the 150 most quoted people;
 * `people` (two pages) and `people <prefix>` for their first characters; `summary` and `source`
 * for 300 articles spread over the archive; `articles` pages; every /ask question of
 * bench/questions.json and "<person>说了什么？" for 40 people; then the /ask questions and the
 * first searches once more, after the rest (answers must not depend on what was cached before).
 * Each line is `{"n":…,"line":"<command line>","ok":…,"output":"<JSON answer>"}`.
 */
import { createWriteStream, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Archive } from "../src/articles/archive.js";
import { answerLine } from "../src/cli/command-line.js";
import { createLogger } from "../src/logger.js";
import { spreadIds } from "./common.js";

const { values } = parseArgs({
  options: {
    root: { type: "string" },
    cache: { type: "string" },
    out: { type: "string" },
  },
});
if (!values.root || !values.out) {
  console.error("usage: bench/serve-dump.ts --root <pages> [--cache <dir>] --out <file.jsonl>");
  process.exit(2);
}

const logger = createLogger("warn");
const started = performance.now();
const archive = await Archive.load({
  root: values.root,
  ...(values.cache ? { cacheDir: values.cache } : {}),
  logger,
});
const loadMs = performance.now() - started;

const here = new URL(".", import.meta.url);
const queries = Object.values(
  (
    JSON.parse(readFileSync(new URL("queries.json", here), "utf8")) as {
      queries: Record<string, string[]>;
    }
  ).queries,
).flat();
const questions = (
  JSON.parse(readFileSync(new URL("questions.json", here), "utf8")) as { questions: string[] }
).questions;

const out = createWriteStream(values.out);
let n = 0;
let failed = 0;
const ask = (argv: string[]) => {
  const { output, ok } = answerLine(archive, [...argv, "--json"], true, logger);
  if (!ok) failed++;
  out.write(`${JSON.stringify({ n: n++, line: argv.join(" "), ok, output })}\n`);
  return output;
};

for (const query of queries) ask(["search", query]);
const peopleJson = JSON.parse(ask(["people", "--limit", "150"])) as {
  people?: Array<{ name: string }>;
};
const people = (peopleJson.people ?? []).map((person) => person.name);
ask(["people", "2"]);
for (const person of people) ask(["quotes", person]);
for (const prefix of new Set(people.slice(0, 60).map((person) => person.charAt(0))))
  ask(["people", prefix]);
for (const id of spreadIds(archive, 300)) {
  ask(["summary", id]);
  ask(["source", id]);
}
for (const page of ["1", "2", "50"]) ask(["articles", page]);
for (const question of questions) ask(["ask", question]);
for (const person of people.slice(0, 40)) ask(["ask", `${person}说了什么？`]);
// Again, after everything else: caches filled (or evicted) by the commands above.
for (const question of questions) ask(["ask", question]);
for (const query of queries.slice(0, 50)) ask(["search", query]);
for (const person of people.slice(0, 20)) ask(["quotes", person]);
await new Promise((done) => out.end(done));
console.log(
  `${archive.size} articles, loaded in ${Math.round(loadMs)} ms; ${n} answers (${failed} failed) written to ${values.out}; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
);
