import type { Latency, MemorySnapshot } from "./measure.js";

/**
 * What bench/run.ts sends to a child process (bench/scenarios.ts) and what the child reports
 * back, as JSON files.
 */

export type ScenarioName = "floor" | "cold" | "warm" | "baselines" | "e2e" | "shards";

export interface ScenarioInput {
  scenario: ScenarioName;
  /** The folder of article files given to `Archive.load`. */
  root: string;
  /** The persisted index folder (`cacheDir`): emptied before "cold", filled by it. */
  cacheDir: string;
  quick: boolean;
  queriesFile: string;
  questionsFile: string;
  /** e2e: interactions to time per run. */
  interactions: number;
  /** warm: stop once loaded (the profiled warm start). */
  loadOnly?: boolean;
}

/**
 * The process before any article (modules loaded, jieba's dictionary and the t→s table warmed
 * up), and the floor of this run that every archive timing is compared with: reading every
 * article file and stripping its tags, one thread.
 */
export interface FloorResult {
  scenario: "floor";
  memory: MemorySnapshot;
  /** Files read for the read floor, their bytes, and how long reading and stripping took. */
  files: number;
  bytes: number;
  readMs: number;
}

export interface ColdResult {
  scenario: "cold";
  /** Files the loader reported through `onProgress` (its total). */
  files: number;
  articles: number;
  /** Start → the last `onProgress` call: listing, reading and parsing every file. */
  parseMs: number;
  /** Start → `Archive.load` resolved (no cacheDir given: nothing persisted yet). */
  readyMs: number;
  /** Process start (node's time origin) → ready: adds starting node, tsx and loading modules. */
  sinceProcessStartMs: number;
  progressCalls: number;
  /** `archive.saveCache(cacheDir)` after ready. */
  saveMs: number;
  cacheBytes: number;
  memoryAtReady: MemorySnapshot;
  /** Peak RSS after persisting the index too. */
  maxRssAfterSave: number;
  /** The info lines the loader and archive logged, with ms since start. */
  log: string[];
}

export interface CategoryStats {
  n: number;
  answered: number;
  latency: Latency;
}

export interface SearchBench {
  /** Warm-up calls made before timing (queries not in the list). */
  warmup: number;
  /** Each query of the list once, in order. */
  first: Latency;
  /** The same queries a second time (memoised terms now warm); absent with --quick. */
  repeat?: Latency;
  /** Queries with at least one result. */
  answered: number;
  queries: number;
  byCategory: Record<string, CategoryStats>;
  slowest: Array<{ query: string; ms: number }>;
}

export interface CommandBench {
  warmup: number;
  first: Latency;
  repeat?: Latency;
  /** Calls that gave something (quotes found, an answer to a question). */
  answered: number;
  slowest: Array<{ input: string; ms: number }>;
}

export interface WarmResult {
  scenario: "warm";
  articles: number;
  /** Start → `Archive.load` resolved, with the cache the cold run saved. */
  warmMs: number;
  /**
   * After ready, the bot's warm-up (`Archive.warmUp`, CC-CEDICT): wall and CPU milliseconds, run
   * before the latencies below as the bot runs it while it logs in. Absent in older results.
   */
  warmUp?: { ms: number; cpuMs: number };
  /** `onProgress` calls during the warm load: 0 when the cache was used as it is. */
  progressCalls: number;
  cacheBytes: number;
  memoryAtReady: MemorySnapshot;
  search: SearchBench;
  quotes: CommandBench;
  summary: CommandBench;
  ask: CommandBench;
  maxRssEnd: number;
  log: string[];
}

export interface BaselineEngine {
  /** Time to build what is searched (MiniSearch index; folded texts for the scan). */
  buildMs: number;
  /** Heap growth over the build, after full collections. */
  heapBytes: number;
  rssBytes: number;
  answered: number;
  latency: Latency;
  answeredByCategory: Record<string, number>;
  slowest: Array<{ query: string; ms: number }>;
}

export interface BaselinesResult {
  scenario: "baselines";
  articles: number;
  minisearch: BaselineEngine;
  linear: BaselineEngine;
  maxRss: number;
}

export type InteractionKind =
  | "search"
  | "summary"
  | "quotes"
  | "source"
  | "autocomplete-article"
  | "autocomplete-person";

export interface E2eRun {
  concurrency: number;
  n: number;
  /** INTERACTION_CREATE written to the gateway socket → the callback POST received. */
  callback: Latency;
  /** → the visible answer (the callback, or the edit after a deferral). */
  final: Latency;
  deferred: number;
  ephemeral: number;
  failed: number;
  byKind: Partial<Record<InteractionKind, Latency>>;
  wallMs: number;
}

export interface E2eResult {
  scenario: "e2e";
  articles: number;
  warmup: number;
  runs: E2eRun[];
  maxRss: number;
}

/** Every child result also carries `cpuMs`: the child's CPU time (all threads). */
export type ScenarioResult = FloorResult | ColdResult | WarmResult | BaselinesResult | E2eResult;

export interface QueryFile {
  description: string;
  queries: Record<string, string[]>;
}

export interface QuestionFile {
  description: string;
  questions: string[];
}

/** RSS of one process of `npm run start:sharded` (bytes), read from /proc. */
export interface ProcessMemory {
  pid: number;
  /** "manager", "shard", or the program's name (tsx's esbuild service). */
  role: string;
  rss: number;
  /** VmHWM: the process's peak RSS so far. */
  peak: number;
}

/** `npm run start:sharded` with a number of shard processes (bench/shards.ts). */
export interface ShardsRun {
  shards: number;
  /** Manager start → every shard ready. */
  readyMs: number;
  atReady: ProcessMemory[];
  /** After every shard answered the same interactions. */
  served: ProcessMemory[];
  interactions: number;
}

export interface ShardsResult {
  scenario: "shards";
  /** Whether the compiled dist/ ran (as `npm run start:sharded` does) or the sources via tsx. */
  dist: boolean;
  runs: ShardsRun[];
}
