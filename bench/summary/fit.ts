/**
 * Fits the weights of /summary's sentence features (src/answers/summary.ts, `FEATURES`) on the
 * dev articles of bench/summary/references.json, news only: L2-regularised logistic regression of
 * "is a key sentence" on the features, then a small grid over the position decays and the MMR
 * redundancy, each setting judged by leave-one-article-out cross-validation (the weights are
 * refitted without the article they summarise) on key-sentence recall and ROUGE-L at three
 * sentences. Never reads the test articles.
 *
 *   npx tsx bench/summary/fit.ts     # prints the grid, the chosen setting and its weights
 *   npx tsx bench/summary/fit.ts --halves
 *       # faster stability check: fits on each half of dev (the first batch of references, the
 *       # second batch) and scores on the other half, beside DEFAULT_TUNING on each half
 *
 * Prints DEFAULT_TUNING's figures beside the cross-validated ones: a fitted setting is worth
 * copying into DEFAULT_TUNING only when its cross-validated figures beat DEFAULT_TUNING's (on the
 * 18 dev news articles of 2026-12 they did not: see DEFAULT_TUNING's note).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rouge } from "../../src/answers/rouge.js";
import {
  DEFAULT_TUNING,
  FEATURES,
  type FeatureWeights,
  type PreparedArticle,
  prepareArticle,
  type SummaryTuning,
  selectPrepared,
} from "../../src/answers/summary.js";
import type { Article } from "../../src/articles/article.js";
import { skipMessage } from "../../test/corpus.js";
import type { Reference } from "../ask/check.js";
import { archiveDir, loadSubset, matchAny } from "../ask/eval.js";

const here = dirname(fileURLToPath(import.meta.url));

/** The values each weight may take in the search (the features lie in [0, 1]). */
const STEPS = [-0.8, -0.4, -0.2, -0.1, 0, 0.1, 0.2, 0.4, 0.8];
const REDUNDANCY = [0, 0.25, 0.5, 1];

interface Prepared {
  prepared: PreparedArticle;
  reference: Reference;
}

function judge(example: Prepared, tuning: SummaryTuning) {
  const sentences = selectPrepared(example.prepared, 3, tuning);
  const keys = example.reference.keySentences.map((key) => key.sentence);
  return {
    rougeL: rouge(sentences.join(""), example.reference.summary).rougeL.f,
    recall: keys.filter((key) => sentences.some((s) => matchAny(s, [key]))).length / keys.length,
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** The objective: key-sentence recall plus ROUGE-L F, averaged over the articles. */
function objective(examples: Prepared[], tuning: SummaryTuning): number {
  return mean(
    examples.map((example) => {
      const { rougeL, recall } = judge(example, tuning);
      return recall + rougeL;
    }),
  );
}

type Decays = Pick<SummaryTuning, "positionDecay" | "paragraphDecay">;

/**
 * Coordinate ascent: each weight in turn (then the redundancy) takes the value
 * of its steps that maximises the objective, two passes, from the lead prior alone.
 */
export function search(examples: Prepared[], decays: Decays): SummaryTuning {
  const weights = Object.fromEntries(FEATURES.map((f) => [f, 0])) as FeatureWeights;
  weights.lead = 1;
  let tuning: SummaryTuning = { ...decays, weights, redundancy: 0 };
  let value = objective(examples, tuning);
  const consider = (trial: SummaryTuning) => {
    const v = objective(examples, trial);
    if (v > value + 1e-9) {
      value = v;
      tuning = trial;
    }
  };
  for (let pass = 0; pass < 2; pass++) {
    for (const feature of FEATURES) {
      if (feature === "lead") continue;
      for (const step of STEPS)
        consider({ ...tuning, weights: { ...tuning.weights, [feature]: step } });
    }
    for (const redundancy of REDUNDANCY) consider({ ...tuning, redundancy });
  }
  return tuning;
}

const figures = (results: Array<{ rougeL: number; recall: number }>) =>
  `R-L ${(100 * mean(results.map((r) => r.rougeL))).toFixed(1)} key recall ${mean(results.map((r) => r.recall)).toFixed(2)}`;

/** The weights that are not zero, compactly. */
const weightsLine = (tuning: SummaryTuning) =>
  `${FEATURES.filter((f) => tuning.weights[f] !== 0)
    .map((f) => `${f} ${tuning.weights[f]}`)
    .join(", ")}; redundancy ${tuning.redundancy}`;

/**
 * Two-fold check of the fit's stability: the dev references came in two batches (the first 20
 * articles, then 22 more), so each batch is fitted and scored on the other.
 */
function halves(examples: Array<{ reference: Reference; article: Article }>): void {
  const firstBatch = 20;
  const ids = (
    JSON.parse(readFileSync(join(here, "references.json"), "utf8")) as {
      articles: Reference[];
    }
  ).articles
    .filter((r) => r.set === "dev")
    .slice(0, firstBatch)
    .map((r) => r.id);
  for (const decays of [
    { positionDecay: DEFAULT_TUNING.positionDecay, paragraphDecay: DEFAULT_TUNING.paragraphDecay },
    { positionDecay: 4, paragraphDecay: 4 },
    { positionDecay: 2, paragraphDecay: 2 },
  ]) {
    const prepared = examples.map(({ article, reference }) => ({
      reference,
      prepared: prepareArticle(article, decays),
    }));
    const a = prepared.filter((e) => ids.includes(e.reference.id));
    const b = prepared.filter((e) => !ids.includes(e.reference.id));
    const onA = search(a, decays);
    const onB = search(b, decays);
    const current = { ...DEFAULT_TUNING, ...decays };
    console.log(`\ndecays ${decays.positionDecay}/${decays.paragraphDecay}`);
    console.log(
      `  DEFAULT weights: first ${figures(a.map((e) => judge(e, current)))}, second ${figures(b.map((e) => judge(e, current)))}`,
    );
    console.log(
      `  fitted on first (${a.length}): on first ${figures(a.map((e) => judge(e, onA)))}, on second ${figures(b.map((e) => judge(e, onA)))}`,
    );
    console.log(`    ${weightsLine(onA)}`);
    console.log(
      `  fitted on second (${b.length}): on second ${figures(b.map((e) => judge(e, onB)))}, on first ${figures(a.map((e) => judge(e, onB)))}`,
    );
    console.log(`    ${weightsLine(onB)}`);
  }
}

async function main(): Promise<void> {
  const corpus = archiveDir();
  if (!corpus) {
    console.log(skipMessage("bench/summary/fit.ts"));
    return;
  }
  const references = (
    JSON.parse(readFileSync(join(here, "references.json"), "utf8")) as { articles: Reference[] }
  ).articles.filter((r) => r.set === "dev" && r.kind === "news");
  const { archive, cleanup } = await loadSubset(
    corpus,
    references.map((r) => r.path),
  );
  const examples = references.map((reference) => ({
    reference,
    article: archive.get(reference.id) as Article,
  }));
  cleanup();
  if (process.argv.includes("--halves")) {
    halves(examples);
    return;
  }
  const current = examples.map(({ article, reference }) =>
    judge({ reference, prepared: prepareArticle(article, DEFAULT_TUNING) }, DEFAULT_TUNING),
  );
  console.log(
    `DEFAULT_TUNING (nothing fitted): R-L ${(100 * mean(current.map((r) => r.rougeL))).toFixed(1)} key recall ${mean(current.map((r) => r.recall)).toFixed(2)}`,
  );
  let best: { score: number; tuning: SummaryTuning; line: string } | undefined;
  for (const positionDecay of [2, 4]) {
    for (const paragraphDecay of [2, 4]) {
      const decays = { positionDecay, paragraphDecay };
      const prepared = examples.map(({ article, reference }) => ({
        reference,
        prepared: prepareArticle(article, decays),
      }));
      const results = prepared.map((example, held) =>
        judge(
          example,
          search(
            prepared.filter((_, i) => i !== held),
            decays,
          ),
        ),
      );
      const rougeL = mean(results.map((r) => r.rougeL));
      const recall = mean(results.map((r) => r.recall));
      const line = `decays ${positionDecay}/${paragraphDecay}: cross-validated R-L ${(100 * rougeL).toFixed(1)} key recall ${recall.toFixed(2)}`;
      console.log(line);
      if (!best || rougeL + recall > best.score)
        best = { score: rougeL + recall, line, tuning: search(prepared, decays) };
    }
  }
  if (!best) return;
  const chosen = best.tuning;
  console.log(`\nchosen: ${best.line}`);
  const full = examples.map(({ article, reference }) =>
    judge({ reference, prepared: prepareArticle(article, chosen) }, chosen),
  );
  console.log(
    `fitted on all dev news: R-L ${(100 * mean(full.map((r) => r.rougeL))).toFixed(1)} key recall ${mean(full.map((r) => r.recall)).toFixed(2)}`,
  );
  console.log(JSON.stringify(chosen, null, 2));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
