/**
 * Scores /summary on real archive news against bench/summary/references.json (issue 12; rules in
 * PROTOCOL.md): character-level ROUGE-1/2/L F against the reference summary and key-sentence
 * recall, for dubao's summary (`runSummary`, the service function behind `/summary`) beside
 * Lead-N (the first N clean sentences, split by the project's splitter) and plain TextRank.
 *
 *   npx tsx bench/summary/eval.ts              # dev set (the archive tarball: CORPUS_DIR or ../shared/corpus)
 *   npx tsx bench/summary/eval.ts --set test   # the blind test set: once, at the end of the work
 *   npx tsx bench/summary/eval.ts --set test2  # the second blind test set: once, likewise
 *   npx tsx bench/summary/eval.ts --set test3  # the third blind test set: once, likewise
 *   npx tsx bench/summary/eval.ts --set test4  # the fourth blind test set: once, likewise
 *   npx tsx bench/summary/eval.ts --set test5  # the fifth blind test set: once, likewise
 *   npx tsx bench/summary/eval.ts --set test6  # the sixth blind test set: once, likewise
 *   npx tsx bench/summary/eval.ts --set test7  # the seventh blind test set: once, likewise
 *   npx tsx bench/summary/eval.ts --set test8  # the eighth blind test set: once, likewise
 *   npx tsx bench/summary/eval.ts --set test9  # the ninth blind test set: once, likewise
 *   npx tsx bench/summary/eval.ts --json       # every article's figures as JSON on stdout
 *   npx tsx bench/summary/eval.ts --no-write   # print only: scores.json and ROUGE.md unchanged
 *
 * Loads an Archive over the set's articles only (copied into a temporary folder), records the
 * set's figures in bench/summary/scores.json and rewrites the section "Real news (archive
 * references)" of bench/ROUGE.md, dev and test side by side (and test2 to test9 once scored).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rouge } from "../../src/answers/rouge.js";
import { lead, summaryLine, textRank } from "../../src/answers/summary.js";
import { runSummary } from "../../src/app/service.js";
import type { Article } from "../../src/articles/article.js";
import { skipMessage } from "../../test/corpus.js";
import type { Reference, SetName } from "../ask/check.js";
import { archiveDir, formatJson, LATER_SETS, loadSubset, matchAny, setName } from "../ask/eval.js";

const here = dirname(fileURLToPath(import.meta.url));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

export const SECTION_START = "<!-- archive-references:start -->";
export const SECTION_END = "<!-- archive-references:end -->";

type Method = "dubao" | "lead" | "textrank";
const METHODS: Array<{
  key: Method;
  label: string;
  run: (article: Article, count: number, summary: (n: number) => string[]) => string[];
}> = [
  { key: "dubao", label: "dubao /summary", run: (_a, n, summary) => summary(n) },
  { key: "lead", label: "Lead-N", run: (a, n) => lead(a, n) },
  { key: "textrank", label: "TextRank", run: (a, n) => textRank(a, n) },
];
/** Three sentences, and as many sentences as the article has key sentences. */
const LENGTHS = [
  { key: "3", label: "3 sentences", count: (_r: Reference) => 3 },
  { key: "keys", label: "key-sentence count", count: (r: Reference) => r.keySentences.length },
] as const;

interface ArticleScore {
  id: string;
  kind: string;
  length: string;
  method: Method;
  sentences: string[];
  rouge1: number;
  rouge2: number;
  rougeL: number;
  keyRecall: number;
  chars: number;
}

interface Cell {
  n: number;
  rouge1: number;
  rouge2: number;
  rougeL: number;
  keyRecall: number;
  chars: number;
  /** Articles where ROUGE-L beats / ties / loses to Lead-N at the same length. */
  versusLead: [number, number, number];
}

export interface SummaryScores {
  set: string;
  date: string;
  articles: number;
  /** `${group}|${length}|${method}` → cell; group is all, news or other (digest, interview). */
  cells: Record<string, Cell>;
  latency: { p50: number; p99: number; max: number };
  /** The distinct numbers of key sentences per article. */
  keyCounts: number[];
}

function scoreArticle(
  article: Article,
  reference: Reference,
  summary: (n: number) => string[],
): ArticleScore[] {
  // As /summary shows them (summaryLine: without Latin glosses), so that a key sentence shown
  // without its gloss still counts as shown.
  const keys = reference.keySentences.map((key) => summaryLine(key.sentence));
  const out: ArticleScore[] = [];
  for (const length of LENGTHS) {
    for (const method of METHODS) {
      const sentences = method.run(article, length.count(reference), summary);
      const text = sentences.join("");
      const scores = rouge(text, reference.summary);
      const found = keys.filter((key) => sentences.some((s) => matchAny(s, [key]))).length;
      out.push({
        id: reference.id,
        kind: reference.kind,
        length: length.key,
        method: method.key,
        sentences,
        rouge1: scores.rouge1.f,
        rouge2: scores.rouge2.f,
        rougeL: scores.rougeL.f,
        keyRecall: keys.length === 0 ? 0 : found / keys.length,
        chars: [...text].length,
      });
    }
  }
  return out;
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

function aggregate(rows: ArticleScore[]): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  const groups = {
    all: (_row: ArticleScore) => true,
    news: (row: ArticleScore) => row.kind === "news",
    other: (row: ArticleScore) => row.kind !== "news",
  };
  for (const [group, inGroup] of Object.entries(groups)) {
    for (const length of LENGTHS) {
      for (const method of METHODS) {
        const picked = rows.filter(
          (row) => inGroup(row) && row.length === length.key && row.method === method.key,
        );
        const versusLead: [number, number, number] = [0, 0, 0];
        for (const row of picked) {
          const base = rows.find(
            (other) =>
              other.id === row.id && other.length === row.length && other.method === "lead",
          );
          if (!base) continue;
          const d = row.rougeL - base.rougeL;
          versusLead[Math.abs(d) < 1e-9 ? 1 : d > 0 ? 0 : 2]++;
        }
        cells[`${group}|${length.key}|${method.key}`] = {
          n: picked.length,
          rouge1: mean(picked.map((row) => row.rouge1)),
          rouge2: mean(picked.map((row) => row.rouge2)),
          rougeL: mean(picked.map((row) => row.rougeL)),
          keyRecall: mean(picked.map((row) => row.keyRecall)),
          chars: mean(picked.map((row) => row.chars)),
          versusLead,
        };
      }
    }
  }
  return cells;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** How the status line counts each later set ("test2 (a second blind set, …)"). */
const LATER_SET_ORDINALS: Record<(typeof LATER_SETS)[number], string> = {
  test2: "a second",
  test3: "a third",
  test4: "a fourth",
  test5: "a fifth",
  test6: "a sixth",
  test7: "a seventh",
  test8: "an eighth",
  test9: "a ninth",
  test10: "a tenth",
};

export function renderSection(scores: Partial<Record<SetName, SummaryScores>>): string {
  // test2 to test9 get their own columns once scored; until then the section is as before.
  const sets: SetName[] = ["dev", "test", ...LATER_SETS.filter((set) => scores[set])];
  const lines = [
    SECTION_START,
    "## Real news (archive references)",
    "",
    "Generated by `npx tsx bench/summary/eval.ts` (dev; `--set test` once at the end of the work).",
    "Data: bench/summary/references.json (rules in bench/summary/PROTOCOL.md): real Epoch articles",
    "of the 2020–2022 archive (never January 2022), each with a reference summary written by hand",
    "(47–60 characters) and three key sentences. dubao is `runSummary` (the service function behind",
    "`/summary`); Lead-N takes the first N clean sentences (the project's splitter and cleaning);",
    "TextRank ranks by PageRank alone. Lengths: 3 sentences, and the article's number of key",
    "sentences (shown only when some article has other than 3; else the rows would repeat).",
    "",
    "ROUGE: character-level F in percent against the reference summary. Key-sentence recall: the",
    "share of key sentences that the summary shows; a shown sentence matches a key sentence when,",
    "reduced to ROUGE units, one contains the other or at least 60% of the key sentence's character",
    "bigrams occur in it (the same rule as bench/ASK.md). “vs Lead” counts articles where ROUGE-L",
    "beats, ties or loses to Lead-N at the same length. With 20 articles a set, one or two points",
    "are noise.",
    "",
    `Status: dev ${scores.dev ? `scored ${scores.dev.date}` : "not yet scored"}; test ${scores.test ? `scored ${scores.test.date}, once, with the system of that day (later changes were tuned on dev only and are not reflected in the test columns)` : "**not yet scored** (blind; scored once at the end by the integrator)"}${LATER_SETS.map((set) => (scores[set] ? `; ${set} (${LATER_SET_ORDINALS[set]} blind set, 20 articles) scored ${scores[set].date}` : "")).join("")}.`,
    "",
  ];
  const keyCountsVary = sets.some((set) =>
    (scores[set]?.keyCounts ?? []).some((count) => count !== 3),
  );
  const columns = ["n", "R-1", "R-2", "R-L", "key recall", "chars", "vs Lead"];
  lines.push(
    `| articles | length | method | ${sets.flatMap((set) => columns.map((c) => `${set} ${c}`)).join(" | ")} |`,
    `| --- | --- | --- | ${sets.flatMap(() => columns.map(() => "---:")).join(" | ")} |`,
  );
  const groups = [
    ["all", "all"],
    ["news", "news"],
    ["other", "digest + interview"],
  ] as const;
  for (const [group, groupLabel] of groups) {
    for (const length of LENGTHS) {
      if (length.key === "keys" && !keyCountsVary) continue;
      for (const method of METHODS) {
        const key = `${group}|${length.key}|${method.key}`;
        const cells = sets.flatMap((set) => {
          const cell = scores[set]?.cells[key];
          if (!cell || cell.n === 0) return columns.map(() => "—");
          return [
            String(cell.n),
            (cell.rouge1 * 100).toFixed(1),
            (cell.rouge2 * 100).toFixed(1),
            (cell.rougeL * 100).toFixed(1),
            cell.keyRecall.toFixed(2),
            cell.chars.toFixed(0),
            method.key === "lead" ? "—" : cell.versusLead.join("/"),
          ];
        });
        lines.push(`| ${groupLabel} | ${length.label} | ${method.label} | ${cells.join(" | ")} |`);
      }
    }
  }
  lines.push(
    "",
    `Latency of \`runSummary\` (3 sentences) per article, ms p50 / p99 / max: ${sets
      .map((set) => {
        const l = scores[set]?.latency;
        return `${set} ${l ? `${l.p50} / ${l.p99} / ${l.max}` : "—"}`;
      })
      .join("; ")} (a handful of articles on a shared machine; the archive-wide timing is above).`,
    SECTION_END,
  );
  return lines.join("\n");
}

/** Puts the section into ROUGE.md, replacing the previous one or appending it. */
export function withSection(markdown: string, section: string): string {
  const start = markdown.indexOf(SECTION_START);
  const end = markdown.indexOf(SECTION_END);
  if (start >= 0 && end > start)
    return `${markdown.slice(0, start)}${section}${markdown.slice(end + SECTION_END.length)}`;
  return `${markdown.trimEnd()}\n\n${section}\n`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const setArg = args.find((arg) => arg.startsWith("--set"));
  const set = setName(
    setArg?.includes("=") ? setArg.split("=")[1] : setArg ? args[args.indexOf(setArg) + 1] : "dev",
  );
  const corpus = archiveDir();
  if (!corpus || !existsSync(join(corpus, "pages"))) {
    console.log(skipMessage("bench/summary/eval.ts"));
    return;
  }
  const references = readJson<{ articles: Reference[] }>(
    join(here, "references.json"),
  ).articles.filter((reference) => reference.set === set);
  const { archive, cleanup } = await loadSubset(
    corpus,
    references.map((reference) => reference.path),
  );
  try {
    const rows: ArticleScore[] = [];
    const latencies: number[] = [];
    for (const reference of references) {
      const article = archive.get(reference.id);
      if (!article) throw new Error(`${reference.id} did not load from ${reference.path}`);
      runSummary(archive, { article: reference.id, sentences: 3 }); // warm-up
      const started = performance.now();
      runSummary(archive, { article: reference.id, sentences: 3 });
      latencies.push(performance.now() - started);
      const summary = (n: number) =>
        runSummary(archive, { article: reference.id, sentences: n }).sentences;
      rows.push(...scoreArticle(article, reference, summary));
    }
    latencies.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 100) / 100;
    const scores: SummaryScores = {
      set,
      date: new Date().toISOString().slice(0, 10),
      articles: references.length,
      keyCounts: [...new Set(references.map((r) => r.keySentences.length))].sort(),
      cells: aggregate(rows),
      latency: {
        p50: round(percentile(latencies, 50)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies.at(-1) ?? 0),
      },
    };
    const store = join(here, "scores.json");
    const all = existsSync(store) ? readJson<Partial<Record<SetName, SummaryScores>>>(store) : {};
    all[set] = scores;
    const section = renderSection(all);
    if (!args.includes("--no-write")) {
      writeFileSync(store, formatJson(all));
      const rougeMd = join(here, "..", "ROUGE.md");
      writeFileSync(rougeMd, withSection(readFileSync(rougeMd, "utf8"), section));
    }
    if (json) console.log(JSON.stringify({ scores, articles: rows }, null, 2));
    else console.log(section);
  } finally {
    cleanup();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
