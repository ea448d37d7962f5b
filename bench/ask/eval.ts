/**
 * Scores /ask on the reading-comprehension sets of bench/ask (issue 12; rules in PROTOCOL.md).
 *
 *   npx tsx bench/ask/eval.ts               # dev set (the archive tarball: CORPUS_DIR or ../shared/corpus)
 *   npx tsx bench/ask/eval.ts --set test    # the blind test set: once, at the end of the work
 *   npx tsx bench/ask/eval.ts --set test2   # the second blind test set: once, likewise
 *   npx tsx bench/ask/eval.ts --set test3   # the third blind test set: once, likewise
 *   npx tsx bench/ask/eval.ts --set test4   # the fourth blind test set: once, likewise
 *   npx tsx bench/ask/eval.ts --set test5   # the fifth test set: dev data since scored
 *   npx tsx bench/ask/eval.ts --set test6   # the sixth test set: dev data since scored (0d9fc36)
 *   npx tsx bench/ask/eval.ts --set test7   # the seventh test set: dev data since scored (5c51218)
 *   npx tsx bench/ask/eval.ts --set test8   # the eighth test set: dev data since scored (0097f9a)
 *   npx tsx bench/ask/eval.ts --set test9   # the ninth test set: dev data since scored (b839fa7)
 *   npx tsx bench/ask/eval.ts --set test10 --final  # the tenth blind test set: once, at the end
 *   npx tsx bench/ask/eval.ts --set dev-paraphrase  # dev questions reworded (never written)
 *   npx tsx bench/ask/eval.ts --json        # every question's outcome as JSON on stdout
 *   npx tsx bench/ask/eval.ts --failures    # and every miss, grouped by outcome
 *   npx tsx bench/ask/eval.ts --no-write    # leave scores.json and ASK.md alone
 *
 * Builds an Archive over exactly the pool ∪ dev ∪ test articles, plus the test2 articles when the
 * set is test2, plus the test2 and test3 articles when it is test3, plus the test2, test3 and test4
 * articles when it is test4, plus the test2 to test5 articles when it is test5, plus the test2 to
 * test6 articles when it is test6, plus the test2 to test7 articles when it is test7, plus the test2
 * to test8 articles when it is test8, plus the test2 to test9 articles when it is test9, plus the
 * test2 to test10 articles when it is test10 (copied into a temporary folder,
 * then `Archive.load`), runs every question through `runAsk` (the service function behind `/ask`),
 * scores it, records the set's figures in bench/ask/scores.json and writes bench/ASK.md with the
 * dev and test figures side by side (and test2's to test10's, once each is scored). The archive tarball (CORPUS_DIR or ../shared/corpus)
 * is unpacked once (test/corpus.ts).
 *
 * Imports stay few and from stable modules (the service, the archive, ROUGE), so that the
 * refactoring of src/ does not break the harness.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rougeN, rougeUnits } from "../../src/answers/rouge.js";
import { runAsk } from "../../src/app/service.js";
import { Archive } from "../../src/articles/archive.js";
import { skipMessage, unpackedCorpus } from "../../test/corpus.js";
import { type Question, type QuestionSet, SETS, type SentenceRef, type SetName } from "./check.js";

const here = dirname(fileURLToPath(import.meta.url));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

export const LANGUAGES = ["zh-CN", "zh-TW", "en"] as const;
export const ANSWER_TYPES = ["who", "where", "when", "number", "why", "how", "what", "yesno"];

/** JSON as biome formats it: two-space indent, short arrays of numbers on one line. */
export function formatJson(value: unknown): string {
  const text = JSON.stringify(
    value,
    (_key, x) => (typeof x === "number" && !Number.isInteger(x) ? Math.round(x * 1e4) / 1e4 : x),
    2,
  );
  return `${text.replace(/\[\s+(-?[\d.]+(?:,\s+-?[\d.]+)*)\s+\]/g, (_m, inner: string) => `[${inner.split(/,\s+/).join(", ")}]`)}\n`;
}

/** The unpacked archive (holding pages/), or undefined when there is none. */
export function archiveDir(): string | undefined {
  return unpackedCorpus("epoch-news-2020-2022");
}

/** Copies the named files (relative to pages/) into a fresh folder and loads an Archive on it. */
export async function loadSubset(
  archive: string,
  paths: Iterable<string>,
): Promise<{ archive: Archive; cleanup: () => void }> {
  const root = mkdtempSync(join(tmpdir(), "dubao-ask-eval-"));
  for (const path of new Set(paths)) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(archive, "pages", path), target);
  }
  const loaded = await Archive.load({ root });
  return { archive: loaded, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * How a shown sentence matches a reference sentence. Both are reduced to the ROUGE units of
 * src/answers/rouge.ts (folded: simplified script, half-width, lower case; letters and digits
 * only). `contains`: one holds the other (the protocol's rule: the bot's passage may be the
 * sentence plus a neighbour, or a clause of it); `overlap`: at least 60% of the reference's
 * character bigrams appear in the shown text (the bot may clean a sentence: drop a dateline or a
 * bracket); otherwise no match.
 */
export type MatchKind = "contains" | "overlap" | null;
export const OVERLAP_THRESHOLD = 0.6;

export function matchSentence(shown: string, reference: string): MatchKind {
  const a = rougeUnits(shown).join("");
  const r = rougeUnits(reference).join("");
  if (!a || !r) return null;
  if (a.includes(r) || r.includes(a)) return "contains";
  if (rougeN(shown, reference, 2).recall >= OVERLAP_THRESHOLD) return "overlap";
  return null;
}

/** The best match of a shown sentence against any of the references. */
export function matchAny(shown: string, references: readonly string[]): MatchKind {
  let best: MatchKind = null;
  for (const reference of references) {
    const kind = matchSentence(shown, reference);
    if (kind === "contains") return kind;
    if (kind) best = kind;
  }
  return best;
}

export type Outcome =
  /** Answerable. */
  | "top1"
  | "top3"
  | "wrong-sentence"
  | "wrong-article"
  | "refused"
  /** Unanswerable. */
  | "refused-correctly"
  | "answered"
  /** Either: runAsk threw. */
  | "error";

const OUTCOMES: Outcome[] = [
  "top1",
  "top3",
  "wrong-sentence",
  "wrong-article",
  "refused",
  "refused-correctly",
  "answered",
  "error",
];

export interface Scored {
  id: string;
  article: string;
  question: string;
  language: string;
  type: string;
  unit?: string | undefined;
  answerable: boolean;
  outcome: Outcome;
  /** 1-based rank of the first matching answer (answerable questions only). */
  rank: number | null;
  match: MatchKind;
  /** 1-based rank of the question's article among search hits for the raw question, if any. */
  articleRank: number | null;
  ms: number;
  answers: Array<{ articleId: string; text: string; rightArticle: boolean }>;
  reason?: string | undefined;
  error?: string | undefined;
  expected?: string[] | undefined;
  missing?: string | undefined;
}

function articleRankOf(archive: Archive, question: Question): number | null {
  try {
    const hits = archive.search.search(question.question, { mode: "any", limit: 30 }).hits;
    const index = hits.findIndex((hit) => hit.id === question.article);
    return index < 0 ? null : index + 1;
  } catch {
    return null;
  }
}

export function scoreQuestion(archive: Archive, question: Question): Scored {
  const expected = (question.answers ?? []).map((ref: SentenceRef) => ref.sentence);
  const base = {
    id: question.id,
    article: question.article,
    question: question.question,
    language: question.language,
    type: question.type,
    unit: question.unit,
    answerable: question.answerable,
    articleRank: articleRankOf(archive, question),
    expected: question.answerable ? expected : undefined,
    missing: question.missing,
  };
  const started = performance.now();
  let result: ReturnType<typeof runAsk>;
  try {
    result = runAsk(archive, { question: question.question, limit: 3 });
  } catch (error) {
    const ms = performance.now() - started;
    return {
      ...base,
      outcome: "error",
      rank: null,
      match: null,
      ms,
      answers: [],
      error: error instanceof Error ? error.message : String(error),
    };
  }
  const ms = performance.now() - started;
  const answers = result.answers.map((answer) => ({
    articleId: answer.articleId,
    text: answer.text,
    rightArticle: answer.articleId === question.article,
  }));
  let rank: number | null = null;
  let match: MatchKind = null;
  if (question.answerable) {
    for (let i = 0; i < answers.length && rank === null; i++) {
      const answer = answers[i] as (typeof answers)[number];
      if (!answer.rightArticle) continue;
      const kind = matchAny(answer.text, expected);
      if (kind) {
        rank = i + 1;
        match = kind;
      }
    }
  }
  let outcome: Outcome;
  if (!question.answerable) outcome = answers.length === 0 ? "refused-correctly" : "answered";
  else if (answers.length === 0) outcome = "refused";
  else if (rank === 1) outcome = "top1";
  else if (rank !== null) outcome = "top3";
  else outcome = answers[0]?.rightArticle ? "wrong-sentence" : "wrong-article";
  return { ...base, outcome, rank, match, ms, answers, reason: result.reason };
}

export interface Rates {
  n: number;
  top1: number;
  top3: number;
  /** Answerable questions refused (a false refusal). */
  refused: number;
  errors: number;
}

export interface SetScores {
  set: string;
  date: string;
  questions: number;
  articles: number;
  answerable: Rates;
  unanswerable: { n: number; refused: number; answered: number; errors: number };
  byLanguage: Record<string, Rates & { unanswerable: number; unanswerableRefused: number }>;
  byType: Record<string, Rates & { unanswerable: number; unanswerableRefused: number }>;
  matchedByOverlapOnly: number;
  /** How many questions ended in each outcome. */
  outcomes: Partial<Record<Outcome, number>>;
  rightArticleFirst: number;
  /** Answerable questions whose article search ranks first for the raw question. */
  articleFirstInSearch: number;
  latency: { p50: number; p99: number; max: number; load: [number, number]; cpus: number };
  errorMessages: Record<string, number>;
}

function rates(rows: Scored[]): Rates {
  const answerable = rows.filter((row) => row.answerable);
  const n = answerable.length;
  const share = (test: (row: Scored) => boolean) =>
    n === 0 ? 0 : answerable.filter(test).length / n;
  return {
    n,
    top1: share((row) => row.rank === 1),
    top3: share((row) => row.rank !== null),
    refused: share((row) => row.outcome === "refused"),
    errors: share((row) => row.outcome === "error"),
  };
}

function group(rows: Scored[]) {
  const unanswerable = rows.filter((row) => !row.answerable);
  return {
    ...rates(rows),
    unanswerable: unanswerable.length,
    unanswerableRefused:
      unanswerable.length === 0
        ? 0
        : unanswerable.filter((row) => row.outcome === "refused-correctly").length /
          unanswerable.length,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function summarise(
  set: string,
  rows: Scored[],
  articles: number,
  load: [number, number],
): SetScores {
  const unanswerable = rows.filter((row) => !row.answerable);
  const latencies = rows.map((row) => row.ms).sort((a, b) => a - b);
  const errorMessages: Record<string, number> = {};
  for (const row of rows)
    if (row.error) errorMessages[row.error] = (errorMessages[row.error] ?? 0) + 1;
  const byLanguage: SetScores["byLanguage"] = {};
  for (const language of LANGUAGES)
    byLanguage[language] = group(rows.filter((row) => row.language === language));
  const byType: SetScores["byType"] = {};
  for (const type of ANSWER_TYPES) byType[type] = group(rows.filter((row) => row.type === type));
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    set,
    date: new Date().toISOString().slice(0, 10),
    questions: rows.length,
    articles,
    answerable: rates(rows),
    unanswerable: {
      n: unanswerable.length,
      refused: unanswerable.filter((row) => row.outcome === "refused-correctly").length,
      answered: unanswerable.filter((row) => row.outcome === "answered").length,
      errors: unanswerable.filter((row) => row.outcome === "error").length,
    },
    byLanguage,
    byType,
    matchedByOverlapOnly: rows.filter((row) => row.match === "overlap").length,
    outcomes: Object.fromEntries(
      OUTCOMES.map((outcome) => [outcome, rows.filter((row) => row.outcome === outcome).length]),
    ),
    rightArticleFirst: rows.filter((row) => row.answerable && row.answers[0]?.rightArticle).length,
    articleFirstInSearch: rows.filter((row) => row.answerable && row.articleRank === 1).length,
    latency: {
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1) ?? 0),
      load,
      cpus: cpus().length,
    },
    errorMessages,
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** One markdown table with a dev and a test column group; a missing set reads "not yet scored". */
export function renderReport(
  scores: Partial<Record<SetName, SetScores>>,
  /** Hand-written notes (between NOTES_START and NOTES_END), kept from the previous report. */
  notes?: string,
): string {
  // test2 to test10 get their own columns once scored; until then the report is as before.
  const sets: SetName[] = ["dev", "test", ...LATER_SETS.filter((set) => scores[set])];
  const cell = (set: SetName, show: (s: SetScores) => string) => {
    const s = scores[set];
    return s ? show(s) : "—";
  };
  const lines: string[] = [];
  const row = (label: string, show: (s: SetScores) => string[]) => {
    const cells = sets.flatMap((set) => {
      const s = scores[set];
      return s ? show(s) : show(EMPTY).map(() => "—");
    });
    lines.push(`| ${label} | ${cells.join(" | ")} |`);
  };
  const rateCells = (r: Rates | undefined) =>
    r && r.n > 0
      ? [String(r.n), pct(r.top1), pct(r.top3), pct(r.refused), pct(r.errors)]
      : ["0", "—", "—", "—", "—"];
  const header = (first: string, columns: string[]) => {
    lines.push(
      `| ${first} | ${sets.flatMap((set) => columns.map((c) => `${set} ${c}`)).join(" | ")} |`,
    );
    lines.push(`| --- | ${sets.flatMap(() => columns.map(() => "---:")).join(" | ")} |`);
  };

  lines.push("# /ask on real archive articles (issue 12)", "");
  lines.push(
    "Generated by `npx tsx bench/ask/eval.ts` (dev; `--set test` once at the end of the work).",
    "Data and rules: bench/ask/PROTOCOL.md. Every question runs through `runAsk` (the service",
    "function behind `/ask`, no article named) over an archive of exactly the pool, dev and test",
    "articles (484).",
    "",
    `Status: dev ${cell("dev", (s) => `scored ${s.date}`)}; test ${scores.test ? `scored ${scores.test.date}` : "**not yet scored** (blind; scored once at the end by the integrator)"}${scores.test2 ? `; test2 scored ${scores.test2.date} (a second blind set, PROTOCOL.md; run over these articles plus its own 20)` : ""}${scores.test3 ? `; test3 scored ${scores.test3.date} (a third blind set, PROTOCOL.md; run over these articles plus test2's and its own 20)` : ""}${scores.test4 ? `; test4 scored ${scores.test4.date} (a fourth blind set, PROTOCOL.md; run over these articles plus test2's, test3's and its own 20)` : ""}${scores.test5 ? `; test5 scored ${scores.test5.date} (a fifth blind set, PROTOCOL.md; run over these articles plus test2's, test3's, test4's and its own 20)` : ""}${scores.test6 ? `; test6 scored ${scores.test6.date} (a sixth blind set, PROTOCOL.md; run over these articles plus test2's to test5's and its own 20)` : ""}${scores.test7 ? `; test7 scored ${scores.test7.date} (a seventh blind set, PROTOCOL.md; run over these articles plus test2's to test6's and its own 20)` : ""}${scores.test8 ? `; test8 scored ${scores.test8.date} (an eighth blind set, PROTOCOL.md; run over these articles plus test2's to test7's and its own 20)` : ""}${scores.test9 ? `; test9 scored ${scores.test9.date} (a ninth blind set, PROTOCOL.md; run over these articles plus test2's to test8's and its own 20)` : ""}${scores.test10 ? `; test10 scored ${scores.test10.date} (a tenth blind set, PROTOCOL.md; run over these articles plus test2's to test9's and its own 20)` : ""}.`,
    "",
    "## How an answer is scored",
    "",
    "- A shown answer **matches** an acceptable answer sentence when it comes from the question's",
    "  article and, after both are reduced to ROUGE units (folded script, width and case; letters",
    "  and digits only), one contains the other (the protocol's rule: a passage may be the sentence",
    "  plus a neighbour, or a clause of it), or at least 60% of the reference sentence's character",
    "  bigrams occur in the answer (a cleaned sentence: dateline or bracket dropped).",
    "- **top-1**: the first answer matches; **top-3**: one of the first three does (answerable",
    "  questions; the denominator counts refusals and errors as misses).",
    "- **false refusal**: an answerable question gets no answer; **refused**: an unanswerable one",
    "  gets none (any answer is a miss; none was found to be answered by another article).",
    "- **error**: `runAsk` threw (the message is kept); an error is a miss everywhere, never a refusal.",
    "- **latency**: wall time of `runAsk` per question, one at a time after a warm-up, on a shared",
    "  machine (load average noted); p99 of a few hundred questions is close to the maximum.",
    "",
    "## Answerable questions",
    "",
  );
  header("group", ["n", "top-1", "top-3", "false refusal", "errors"]);
  row("all answerable", (s) => rateCells(s.answerable));
  for (const language of LANGUAGES) row(language, (s) => rateCells(s.byLanguage[language]));
  for (const type of ANSWER_TYPES) row(`type ${type}`, (s) => rateCells(s.byType[type]));
  lines.push("", "## Unanswerable questions (refused is right)", "");
  header("group", ["n", "refused"]);
  row("all unanswerable", (s) => [
    String(s.unanswerable.n),
    pct(s.unanswerable.refused / Math.max(1, s.unanswerable.n)),
  ]);
  for (const language of LANGUAGES)
    row(language, (s) => {
      const g = s.byLanguage[language];
      return g && g.unanswerable > 0
        ? [String(g.unanswerable), pct(g.unanswerableRefused)]
        : ["0", "—"];
    });
  for (const type of ANSWER_TYPES)
    row(`type ${type}`, (s) => {
      const g = s.byType[type];
      return g && g.unanswerable > 0
        ? [String(g.unanswerable), pct(g.unanswerableRefused)]
        : ["0", "—"];
    });
  lines.push("", "## Other figures", "");
  header("figure", ["value"]);
  row("questions / articles asked about", (s) => [`${s.questions} / ${s.articles}`]);
  row("answerable: first answer from the right article", (s) => [
    `${s.rightArticleFirst} of ${s.answerable.n}`,
  ]);
  row("answerable: search ranks the right article first (raw question)", (s) => [
    s.articleFirstInSearch === undefined ? "—" : `${s.articleFirstInSearch} of ${s.answerable.n}`,
  ]);
  row("matches found by bigram overlap only", (s) => [String(s.matchedByOverlapOnly)]);
  row("unanswerable answered", (s) => [String(s.unanswerable.answered)]);
  row("errors (all questions)", (s) => [
    String(Object.values(s.errorMessages).reduce((a, b) => a + b, 0)),
  ]);
  row("latency p50 / p99 / max (ms)", (s) => [
    `${s.latency.p50} / ${s.latency.p99} / ${s.latency.max}`,
  ]);
  row("load average before / after", (s) => [
    `${s.latency.load[0].toFixed(1)} / ${s.latency.load[1].toFixed(1)} on ${s.latency.cpus} CPUs`,
  ]);
  const messages = sets.flatMap((set) =>
    Object.entries(scores[set]?.errorMessages ?? {}).map(([m, n]) => `- ${set}: ${n} × 「${m}」`),
  );
  if (messages.length > 0) lines.push("", "Error messages:", "", ...messages);
  lines.push("", "## Outcomes (every question)", "");
  header("outcome", ["questions"]);
  const described: Record<Outcome, string> = {
    top1: "answerable: first answer right",
    top3: "answerable: right answer second or third",
    "wrong-sentence": "answerable: right article first, no right sentence in the top three",
    "wrong-article": "answerable: another article first, no right sentence in the top three",
    refused: "answerable: refused (false refusal)",
    "refused-correctly": "unanswerable: refused",
    answered: "unanswerable: answered",
    error: "either: runAsk threw",
  };
  for (const outcome of OUTCOMES)
    row(`${described[outcome]}`, (s) => [String(s.outcomes[outcome] ?? 0)]);
  lines.push("");
  if (notes) lines.push(notes, "");
  return lines.join("\n");
}

export const NOTES_START = "<!-- notes:start -->";
export const NOTES_END = "<!-- notes:end -->";

/** The hand-written notes of a report, markers included, or undefined. */
export function notesOf(markdown: string): string | undefined {
  const start = markdown.indexOf(NOTES_START);
  const end = markdown.indexOf(NOTES_END);
  return start >= 0 && end > start ? markdown.slice(start, end + NOTES_END.length) : undefined;
}

const EMPTY: SetScores = {
  set: "",
  date: "",
  questions: 0,
  articles: 0,
  answerable: { n: 0, top1: 0, top3: 0, refused: 0, errors: 0 },
  unanswerable: { n: 0, refused: 0, answered: 0, errors: 0 },
  byLanguage: {},
  byType: {},
  matchedByOverlapOnly: 0,
  outcomes: {},
  rightArticleFirst: 0,
  articleFirstInSearch: 0,
  latency: { p50: 0, p99: 0, max: 0, load: [0, 0], cpus: 0 },
  errorMessages: {},
};

/** Paraphrases of dev questions (dev-paraphrase.json): run like dev, never written to the report. */
const PARAPHRASE_SET = "dev-paraphrase";

export interface Options {
  set: SetName | typeof PARAPHRASE_SET;
  json: boolean;
  failures: boolean;
  write: boolean;
}

/** A --set value: one of `SETS`. */
export function setName(value: string | undefined): SetName {
  const known: readonly string[] = SETS;
  if (value !== undefined && known.includes(value)) return value as SetName;
  throw new Error(`--set takes ${SETS.slice(0, -1).join(", ")} or ${SETS.at(-1)}`);
}

/** The later sets, each with its own columns in the reports once scored. */
export const LATER_SETS = SETS.slice(2) as readonly Exclude<SetName, "dev" | "test">[];

/**
 * The sets still blind: scored once, at the end, with --final. test to test9 were each scored once
 * in an earlier round and are dev data since (ASK.md; test6 at 0d9fc36, test7 at 5c51218, test8 at
 * 0097f9a, test9 at b839fa7).
 */
export const BLIND_SETS = ["test10"] as const satisfies readonly SetName[];

/**
 * The sets whose articles, with the pool, make the archive a set's questions run among: dev and
 * test among pool ∪ dev ∪ test, as they always have; test2 among those plus its own articles;
 * test3 among those plus test2's and its own; test4 among those plus test2's, test3's and its own;
 * test5 among those plus test4's and its own; test6 among those plus test5's and its own; test7
 * among those plus test6's and its own; test8 among those plus test7's and its own; test9 among
 * those plus test8's and its own; test10 among those plus test9's and its own (PROTOCOL.md).
 */
export function archiveSets(set: SetName): SetName[] {
  if (set === "test2") return ["dev", "test", "test2"];
  if (set === "test3") return ["dev", "test", "test2", "test3"];
  if (set === "test4") return ["dev", "test", "test2", "test3", "test4"];
  if (set === "test5") return ["dev", "test", "test2", "test3", "test4", "test5"];
  if (set === "test6") return ["dev", "test", "test2", "test3", "test4", "test5", "test6"];
  if (set === "test7") return ["dev", "test", "test2", "test3", "test4", "test5", "test6", "test7"];
  if (set === "test8")
    return ["dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8"];
  if (set === "test9")
    return ["dev", "test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9"];
  if (set === "test10")
    return [
      "dev",
      "test",
      "test2",
      "test3",
      "test4",
      "test5",
      "test6",
      "test7",
      "test8",
      "test9",
      "test10",
    ];
  return ["dev", "test"];
}

export function parseArgs(argv: string[]): Options {
  let set: Options["set"] = "dev";
  let json = false;
  let write = true;
  let failures = false;
  let final = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") json = true;
    else if (arg === "--final") final = true;
    else if (arg === "--no-write") write = false;
    else if (arg === "--failures") failures = true;
    else if (arg === "--set") {
      const value = argv[++i];
      set = value === PARAPHRASE_SET ? value : setName(value);
    } else if (arg?.startsWith("--set=")) {
      const value = arg.slice(6);
      set = value === PARAPHRASE_SET ? value : setName(value);
    } else throw new Error(`unknown argument ${arg}`);
  }
  // The paraphrase set checks robustness to wording; the report keeps dev, test and test2.
  if (set === PARAPHRASE_SET) write = false;
  else if ((BLIND_SETS as readonly SetName[]).includes(set) && !final)
    throw new Error(`--set ${set} is the blind set: score it once, at the end, with --final`);
  return { set, json, failures, write };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const corpus = archiveDir();
  if (!corpus || !existsSync(join(corpus, "pages"))) {
    console.log(skipMessage("bench/ask/eval.ts"));
    return;
  }
  const questions = readJson<QuestionSet>(join(here, `${options.set}.json`)).questions;
  const paths = [
    ...readJson<{ articles: Array<{ path: string }> }>(join(here, "pool.json")).articles.map(
      (a) => a.path,
    ),
    ...archiveSets(options.set === PARAPHRASE_SET ? "dev" : options.set).flatMap((set) =>
      readJson<QuestionSet>(join(here, `${set}.json`)).questions.map((q) => q.path),
    ),
  ];
  const { archive, cleanup } = await loadSubset(corpus, paths);
  try {
    // Warm-up: the segmenter's dictionaries and the search index's lazy parts load on first use.
    for (const question of questions.slice(0, 10)) scoreQuestion(archive, question);
    const before = loadavg()[0] as number;
    const rows = questions.map((question) => scoreQuestion(archive, question));
    const after = loadavg()[0] as number;
    const scores = summarise(options.set, rows, new Set(questions.map((q) => q.article)).size, [
      before,
      after,
    ]);
    if (options.json) console.log(JSON.stringify({ scores, questions: rows }, null, 2));
    else printSummary(scores, archive.size);
    if (options.failures && !options.json) printFailures(rows);
    if (options.write && options.set !== PARAPHRASE_SET) {
      const store = join(here, "scores.json");
      const all = existsSync(store) ? readJson<Partial<Record<SetName, SetScores>>>(store) : {};
      all[options.set] = scores;
      writeFileSync(store, formatJson(all));
      const report = join(here, "..", "ASK.md");
      const notes = existsSync(report) ? notesOf(readFileSync(report, "utf8")) : undefined;
      writeFileSync(report, renderReport(all, notes));
    }
  } finally {
    cleanup();
  }
}

/** Every question that was not answered right (or refused right), grouped by outcome. */
function printFailures(rows: Scored[]): void {
  const clip = (text: string, max = 70) =>
    [...text].length > max ? `${[...text].slice(0, max).join("")}…` : text;
  for (const outcome of OUTCOMES) {
    if (outcome === "top1" || outcome === "refused-correctly") continue;
    const picked = rows.filter((row) => row.outcome === outcome);
    if (picked.length === 0) continue;
    console.log(`\n== ${outcome} (${picked.length})`);
    for (const row of picked) {
      const first = row.answers[0];
      console.log(
        `${row.id} ${row.language} ${row.type}${row.unit ? `/${row.unit}` : ""} article rank ${row.articleRank ?? "-"} | ${row.question}`,
      );
      if (row.error) console.log(`   threw: ${row.error}`);
      else if (row.reason) console.log(`   reason: ${row.reason}`);
      if (first)
        console.log(
          `   got ${first.rightArticle ? "(right article)" : first.articleId}: ${clip(first.text)}`,
        );
      if (row.expected?.[0]) console.log(`   expected: ${clip(row.expected[0])}`);
      if (row.missing) console.log(`   missing: ${row.missing}`);
    }
  }
}

function printSummary(scores: SetScores, archiveSize: number): void {
  const a = scores.answerable;
  const u = scores.unanswerable;
  console.log(`${scores.set}: ${scores.questions} questions over ${archiveSize} articles`);
  console.log(
    `answerable ${a.n}: top-1 ${pct(a.top1)}, top-3 ${pct(a.top3)}, false refusals ${pct(a.refused)}, errors ${pct(a.errors)}`,
  );
  console.log(
    `unanswerable ${u.n}: refused ${u.refused}, answered ${u.answered}, errors ${u.errors}`,
  );
  for (const [language, g] of Object.entries(scores.byLanguage))
    console.log(
      `  ${language}: top-1 ${pct(g.top1)} top-3 ${pct(g.top3)} (n ${g.n}), unanswerable refused ${pct(g.unanswerableRefused)} (n ${g.unanswerable})`,
    );
  for (const [type, g] of Object.entries(scores.byType))
    console.log(`  ${type}: top-1 ${pct(g.top1)} top-3 ${pct(g.top3)} (n ${g.n})`);
  console.log(
    `latency p50 ${scores.latency.p50} ms, p99 ${scores.latency.p99} ms, max ${scores.latency.max} ms`,
  );
  for (const [message, n] of Object.entries(scores.errorMessages))
    console.log(`  error ×${n}: ${message}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
