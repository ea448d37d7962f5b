/**
 * One benchmark scenario, run in a fresh child process by bench/run.ts so that its peak RSS is
 * its own:
 *
 *   node --expose-gc --import tsx bench/scenarios.ts <input.json> <output.json>
 *
 * Everything goes through the public API: `Archive.load`, `archive.saveCache` and the command
 * functions of src/service.ts. Progress lines start with "[bench]" on stderr; the loader's and
 * the archive's log lines go to stderr too (bench/run.ts keeps them in a log file).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { loadEnglishDictionary } from "../src/answers/english.js";
import { runAsk, runPeople, runQuotes, runSearch, runSummary } from "../src/app/service.js";
import { Archive } from "../src/articles/archive.js";
import { listArticleFiles } from "../src/articles/loader.js";
import { foldText, segmentWords } from "../src/text/text.js";
import {
  folderBytes,
  note,
  readQueries,
  recordingLogger,
  spreadIds,
  warmupQueries,
  warnLogger,
} from "./common.js";
import { latency, memory, peakRss, slowest, type Timed, timeEach } from "./measure.js";
import type {
  BaselineEngine,
  BaselinesResult,
  CategoryStats,
  ColdResult,
  CommandBench,
  FloorResult,
  QuestionFile,
  ScenarioInput,
  ScenarioResult,
  SearchBench,
  WarmResult,
} from "./protocol.js";

/** Counts `onProgress` calls and notes every tenth of the way. */
function progressTracker() {
  const state = { calls: 0, total: 0, last: 0, lastTenth: -1 };
  const onProgress = (done: number, total: number) => {
    state.calls++;
    state.total = total;
    state.last = performance.now();
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (tenth > state.lastTenth) {
      state.lastTenth = tenth;
      note(`parsed ${done}/${total} files`);
    }
  };
  return { state, onProgress };
}

async function floor(input: ScenarioInput): Promise<FloorResult> {
  // What every process pays before its first article: the word segmenter's dictionary and the
  // traditional → simplified table of folding, loaded by their first use.
  segmentWords("北约秘书长斯托尔滕贝格在布鲁塞尔说");
  foldText("烏克蘭邊境局勢");
  const memoryBefore = memory();
  // The least any cold start must do: read every file the loader would and strip its tags.
  const started = performance.now();
  const files = await listArticleFiles(input.root);
  let bytes = 0;
  let characters = 0;
  for (const file of files) {
    const text = await readFile(join(input.root, file.path), "utf8");
    bytes += Buffer.byteLength(text);
    characters += text.replace(/<[^>]*>/g, "").length;
  }
  const readMs = performance.now() - started;
  note(`read floor: ${files.length} files, ${characters} characters in ${Math.round(readMs)} ms`);
  return { scenario: "floor", memory: memoryBefore, files: files.length, bytes, readMs };
}

async function cold(input: ScenarioInput): Promise<ColdResult> {
  rmSync(input.cacheDir, { recursive: true, force: true });
  const started = performance.now();
  const logger = recordingLogger(started);
  const progress = progressTracker();
  // No cacheDir: nothing is read or written, so "ready" is read + parse + index alone; the
  // index is persisted right after, timed on its own.
  const archive = await Archive.load({
    root: input.root,
    logger,
    onProgress: progress.onProgress,
  });
  const readyMs = performance.now() - started;
  const sinceProcessStartMs = performance.now();
  const parseMs = progress.state.calls > 0 ? progress.state.last - started : readyMs;
  note(`ready: ${archive.size} articles in ${(readyMs / 1000).toFixed(1)} s`);
  const memoryAtReady = memory();
  const saveStarted = performance.now();
  await archive.saveCache(input.cacheDir);
  const saveMs = performance.now() - saveStarted;
  return {
    scenario: "cold",
    files: progress.state.total,
    articles: archive.size,
    parseMs,
    readyMs,
    sinceProcessStartMs,
    progressCalls: progress.state.calls,
    saveMs,
    cacheBytes: folderBytes(input.cacheDir),
    memoryAtReady,
    maxRssAfterSave: peakRss(),
    log: logger.lines,
  };
}

function commandBench<T>(
  measured: readonly T[],
  warmup: readonly T[],
  repeat: boolean,
  label: (input: T) => string,
  run: (input: T) => unknown,
  gave: (result: unknown) => boolean,
): CommandBench {
  timeEach(warmup, run);
  let answered = 0;
  const first = timeEach(measured, run, (_input, result) => {
    if (result !== undefined && gave(result)) answered++;
  });
  const again = repeat ? timeEach(measured, run) : undefined;
  return {
    warmup: warmup.length,
    first: latency(first.map((call) => call.ms)),
    ...(again ? { repeat: latency(again.map((call) => call.ms)) } : {}),
    answered,
    slowest: slowest(first).map((call) => ({ input: label(call.input), ms: call.ms })),
  };
}

function searchBench(archive: Archive, input: ScenarioInput): SearchBench {
  const queries = readQueries(input.queriesFile);
  const warmup = warmupQueries(archive);
  const run = (query: string) => runSearch(archive, { query, limit: 10 });
  timeEach(warmup, run);
  const answeredSet = new Set<string>();
  const first = timeEach(
    queries.map((entry) => entry.query),
    run,
    (query, result) => {
      if (result && result.results.length > 0) answeredSet.add(query);
    },
  );
  const again = input.quick
    ? undefined
    : timeEach(
        queries.map((entry) => entry.query),
        run,
      );
  return {
    warmup: warmup.length,
    first: latency(first.map((call) => call.ms)),
    ...(again ? { repeat: latency(again.map((call) => call.ms)) } : {}),
    answered: answeredSet.size,
    queries: queries.length,
    byCategory: byCategory(queries, first, (query) => answeredSet.has(query)),
    slowest: slowest(first).map((call) => ({ query: call.input, ms: call.ms })),
  };
}

function byCategory(
  queries: Array<{ category: string; query: string }>,
  timed: Timed<string>[],
  answered: (query: string) => boolean,
): Record<string, CategoryStats> {
  const out: Record<string, CategoryStats> = {};
  const groups = new Map<string, number[]>();
  queries.forEach((entry, i) => {
    const ms = timed[i]?.ms ?? 0;
    const list = groups.get(entry.category) ?? [];
    list.push(ms);
    groups.set(entry.category, list);
  });
  for (const [category, list] of groups) {
    const inCategory = queries.filter((entry) => entry.category === category);
    out[category] = {
      n: list.length,
      answered: inCategory.filter((entry) => answered(entry.query)).length,
      latency: latency(list),
    };
  }
  return out;
}

async function warm(input: ScenarioInput): Promise<WarmResult> {
  const started = performance.now();
  const logger = recordingLogger(started);
  const progress = progressTracker();
  const archive = await Archive.load({
    root: input.root,
    cacheDir: input.cacheDir,
    logger,
    onProgress: progress.onProgress,
  });
  const warmMs = performance.now() - started;
  note(`warm: ${archive.size} articles in ${(warmMs / 1000).toFixed(1)} s`);
  const memoryAtReady = memory();
  const repeat = !input.quick;
  let warmUp: WarmResult["warmUp"];
  const result = (latencies: Pick<WarmResult, "search" | "quotes" | "summary" | "ask">) => ({
    scenario: "warm" as const,
    articles: archive.size,
    warmMs,
    ...(warmUp ? { warmUp } : {}),
    progressCalls: progress.state.calls,
    cacheBytes: folderBytes(input.cacheDir),
    memoryAtReady,
    ...latencies,
    maxRssEnd: peakRss(),
    log: logger.lines,
  });
  if (input.loadOnly) {
    const empty = { warmup: 0, first: latency([]), answered: 0, slowest: [] };
    return result({
      search: { ...empty, queries: 0, byCategory: {} },
      quotes: empty,
      summary: empty,
      ask: empty,
    });
  }

  // What the bot does right after ready, while it logs in (src/main.ts loadArchive).
  const warmUpStarted = performance.now();
  const warmUpCpu = process.cpuUsage();
  archive.warmUp();
  loadEnglishDictionary();
  const cpu = process.cpuUsage(warmUpCpu);
  warmUp = { ms: performance.now() - warmUpStarted, cpuMs: (cpu.user + cpu.system) / 1000 };
  note(`warm-up after ready: ${(warmUp.ms / 1000).toFixed(1)} s`);

  note("search latency");
  const search = searchBench(archive, input);

  note("quotes latency");
  const people = runPeople(archive, { limit: 150 }).people.map((person) => person.name);
  const top = people.slice(0, 100);
  const quotes = commandBench(
    top,
    people.length > 100 ? people.slice(100) : top.slice(0, 20),
    repeat,
    (person) => person,
    (person) => runQuotes(archive, { person }),
    (result) => (result as ReturnType<typeof runQuotes>).quotes.length > 0,
  );

  note("summary latency");
  const ids = spreadIds(archive, 300);
  const every = Math.max(1, Math.floor(archive.size / 300));
  const warmIds = every > 1 ? spreadIds(archive, 300, Math.floor(every / 2)).slice(0, 50) : [];
  const summary = commandBench(
    ids,
    warmIds.length > 0 ? warmIds : ids.slice(0, 50),
    repeat,
    (id) => id,
    (article) => runSummary(archive, { article }),
    (result) => (result as ReturnType<typeof runSummary>).sentences.length > 0,
  );

  note("ask latency");
  const questions = (JSON.parse(readFileSync(input.questionsFile, "utf8")) as QuestionFile)
    .questions;
  const ask = commandBench(
    questions,
    people.slice(100, 110).map((person) => `${person}说了什么？`),
    repeat,
    (question) => question,
    (question) => runAsk(archive, { question }),
    (result) => (result as ReturnType<typeof runAsk>).answers.length > 0,
  );

  return result({ search, quotes, summary, ask });
}

interface Doc {
  id: string;
  title: string;
  body: string;
}

/** The articles as plain documents; the archive is dropped when this returns. */
async function loadDocs(input: ScenarioInput): Promise<{ docs: Doc[]; warmup: string[] }> {
  const archive = await Archive.load({
    root: input.root,
    cacheDir: input.cacheDir,
    logger: warnLogger(),
  });
  return {
    docs: archive.articles.map((article) => ({
      id: article.id,
      title: article.title,
      body: article.paragraphs.join("\n"),
    })),
    warmup: warmupQueries(archive),
  };
}

function engineBench(
  queries: Array<{ category: string; query: string }>,
  warmup: string[],
  build: () => (query: string) => number,
): { engine: BaselineEngine; search: (query: string) => number } {
  const before = memory();
  const started = performance.now();
  const search = build();
  const buildMs = performance.now() - started;
  const after = memory();
  timeEach(warmup, search);
  const answered = new Set<string>();
  const timed = timeEach(
    queries.map((entry) => entry.query),
    search,
    (query, hits) => {
      if ((hits ?? 0) > 0) answered.add(query);
    },
  );
  const answeredByCategory: Record<string, number> = {};
  for (const entry of queries) {
    answeredByCategory[entry.category] =
      (answeredByCategory[entry.category] ?? 0) + (answered.has(entry.query) ? 1 : 0);
  }
  return {
    engine: {
      buildMs,
      heapBytes: after.heapUsed - before.heapUsed,
      rssBytes: after.rss - before.rss,
      answered: answered.size,
      latency: latency(timed.map((call) => call.ms)),
      answeredByCategory,
      slowest: slowest(timed).map((call) => ({ query: call.input, ms: call.ms })),
    },
    search,
  };
}

async function baselines(input: ScenarioInput): Promise<BaselinesResult> {
  const { docs, warmup } = await loadDocs(input);
  const queries = readQueries(input.queriesFile);

  note(`MiniSearch (default options) over ${docs.length} articles`);
  let index: MiniSearch<Doc> | undefined;
  const mini = engineBench(queries, warmup, () => {
    index = new MiniSearch<Doc>({ fields: ["title", "body"] });
    index.addAll(docs);
    const built = index;
    return (query) => built.search(query).length;
  });
  note(`MiniSearch built in ${(mini.engine.buildMs / 1000).toFixed(1)} s`);
  index = undefined;

  note("linear scan");
  const linear = engineBench(queries, warmup, () => {
    const texts = docs.map((doc) => foldText(`${doc.title}\n${doc.body}`));
    return (query) => {
      const terms = foldText(query).split(/\s+/).filter(Boolean);
      const hits: number[] = [];
      for (let i = 0; i < texts.length; i++) {
        const text = texts[i] as string;
        if (terms.every((term) => text.includes(term))) hits.push(i);
      }
      return hits.length;
    };
  });
  return {
    scenario: "baselines",
    articles: docs.length,
    minisearch: mini.engine,
    linear: linear.engine,
    maxRss: peakRss(),
  };
}

async function main(): Promise<void> {
  const [inputPath, outputPath] = process.argv.slice(2);
  if (!inputPath || !outputPath) {
    console.error(
      "usage: node --expose-gc --import tsx bench/scenarios.ts <input.json> <out.json>",
    );
    process.exit(2);
  }
  const input = JSON.parse(readFileSync(inputPath, "utf8")) as ScenarioInput;
  let result: ScenarioResult;
  switch (input.scenario) {
    case "floor":
      result = await floor(input);
      break;
    case "cold":
      result = await cold(input);
      break;
    case "warm":
      result = await warm(input);
      break;
    case "baselines":
      result = await baselines(input);
      break;
    case "e2e": {
      // Loaded only here: discord.js and the fake Discord would weigh on every other scenario.
      const { runE2e } = await import("./e2e.js");
      result = await runE2e(input);
      break;
    }
    case "shards":
      throw new Error("the shards scenario runs from bench/run.ts (bench/shards.ts)");
  }
  // CPU time of this process, all its threads (so the parent can tell how busy others were).
  const cpu = process.cpuUsage();
  writeFileSync(
    outputPath,
    JSON.stringify({ ...result, cpuMs: (cpu.user + cpu.system) / 1000 }, null, 1),
  );
  // Worker threads, sockets and timers of the app must not keep the child alive.
  process.exit(0);
}

if (process.argv[1]?.endsWith("scenarios.ts") || process.argv[1]?.endsWith("scenarios.js")) {
  await main();
}
