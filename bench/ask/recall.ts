/**
 * A diagnostic for English questions (issue 12): for each English question of a set, the
 * question's terms with their Chinese expansion, whether the expansion reaches the question's
 * article (its rank among the search hits of the expanded query) and which terms have a form in
 * the gold sentence, in the article, or nowhere. Never scores, never writes.
 *
 *   npx tsx bench/ask/recall.ts --set dev            # every English question of dev
 *   npx tsx bench/ask/recall.ts --set test2 --misses # only the terms found in no gold sentence
 *
 * Never run it on test6 (the blind set).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expandEnglish } from "../../src/answers/ask.js";
import { refineEnglish } from "../../src/answers/english.js";
import { parseQuestion } from "../../src/answers/question.js";
import { archiveRarity, searchQuery } from "../../src/answers/retrieval.js";
import { runAsk } from "../../src/app/service.js";
import { foldText } from "../../src/text/text.js";
import type { QuestionSet, SetName } from "./check.js";
import { archiveDir, archiveSets, loadSubset } from "./eval.js";

const here = dirname(fileURLToPath(import.meta.url));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const SETS = ["dev", "test", "test2", "test3", "test4", "test5"];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const set = args[args.indexOf("--set") + 1] ?? "dev";
  if (!SETS.includes(set)) throw new Error(`--set must be one of ${SETS.join(", ")}`);
  const missesOnly = args.includes("--misses");
  const corpus = archiveDir();
  if (!corpus) {
    console.log("SKIPPED: no corpus");
    return;
  }
  const questions = readJson<QuestionSet>(join(here, `${set}.json`)).questions;
  const paths = [
    ...readJson<{ articles: { path: string }[] }>(join(here, "pool.json")).articles.map(
      (a) => a.path,
    ),
    ...archiveSets(set as SetName).flatMap((name) =>
      readJson<QuestionSet>(join(here, `${name}.json`)).questions.map((q) => q.path),
    ),
  ];
  const { archive, cleanup } = await loadSubset(corpus, paths);
  try {
    const rarity = archiveRarity(archive.search);
    let reached = 0;
    let english = 0;
    for (const question of questions) {
      if (question.language !== "en") continue;
      english++;
      const parsed = parseQuestion(question.question);
      expandEnglish(parsed, (word) => rarity.documentFrequency(word));
      const rank = (query: string): number | null => {
        const hits = archive.search.search(query, { mode: "any", limit: 30 }).hits;
        const at = hits.findIndex((hit) => hit.id === question.article);
        return at < 0 ? null : at + 1;
      };
      const first = rank(searchQuery(parsed));
      const top = archive.search
        .search(searchQuery(parsed), { mode: "any", limit: 10 })
        .hits.flatMap((hit) => archive.get(hit.id) ?? []);
      refineEnglish(parsed, top);
      const query = searchQuery(parsed);
      const second = rank(query);
      if (second !== null && second <= 10) reached++;
      const article = archive.get(question.article);
      const full = article ? foldText([article.title, ...article.paragraphs].join("\n")) : "";
      const gold = (question.answers ?? []).map((answer) => foldText(answer.sentence)).join("\n");
      const result = runAsk(archive, { question: question.question, limit: 3 });
      const shown = result.answers[0];
      const right = shown?.articleId === question.article;
      console.log(
        `\n${question.id} ${question.answerable ? "answerable" : "unanswerable"} ${question.type}: ${question.question}`,
      );
      console.log(
        `  query: ${query}  | article rank ${first ?? "-"} → ${second ?? "-"} | first answer: ${
          shown ? (right ? "right article" : "other article") : `refused (${result.reason ?? ""})`
        }`,
      );
      for (const term of parsed.terms) {
        const forms = [term.word, ...term.synonyms];
        const inGold = forms.filter((form) => gold.includes(form));
        const inArticle = forms.filter((form) => full.includes(form));
        const where = inGold.length > 0 ? "gold" : inArticle.length > 0 ? "article" : "-";
        if (missesOnly && (where === "gold" || !question.answerable)) continue;
        console.log(
          `  ${where.padEnd(7)} ${term.word} (w ${term.weight}${term.anchor ? `, ${term.anchor}` : ""}) → ${term.synonyms.join(" ")}${
            where === "gold"
              ? `  [${inGold.join(" ")}]`
              : where === "article"
                ? `  [${inArticle.join(" ")}]`
                : ""
          }`,
        );
      }
    }
    console.log(`\n${reached} of ${english} English questions reach their article in the top 10`);
  } finally {
    cleanup();
  }
}

await main();
