/**
 * Where search time goes, query by query, on a warm archive (issue 13's search p99): the queries
 * of bench/queries.json, each timed once after the same warm-up as `npm run bench` (runSearch,
 * limit 10), with the exclusive time of each phase, and optionally every answer written out so
 * that two versions can be compared byte for byte.
 *
 *   npx tsx bench/search-phases.ts --root <pages> --cache <dir> [--dump answers.json] [--slowest 15]
 *
 * `--root` is the unpacked corpus, `--cache` an index cache of it (Archive.load builds and saves one
 * there when absent). Phases (exclusive time): `evaluate` (one term: postings, BM25, verification),
 * `suggest` (the no-hit path, its own term evaluations included), `top` (the page's best hits),
 * `search` (the rest of SearchIndex.search: parsing, combining, snippets), `format` (runSearch around
 * it). `--dump` also answers each query at page 2, with limit 50 and in `any` mode. `--quotes`
 * times `/quotes` for the `--people` (default 100) most quoted people instead.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { runPeople, runQuotes, runSearch } from "../src/app/service.js";
import { TermEvaluator } from "../src/search/evaluate.js";
import { SearchIndex } from "../src/search/search.js";
import { Suggester } from "../src/search/suggest.js";
import { loadWarm, readQueries, warmupQueries } from "./common.js";
import { latency, observeGcPauses } from "./measure.js";

const { values } = parseArgs({
  options: {
    root: { type: "string" },
    cache: { type: "string" },
    dump: { type: "string" },
    slowest: { type: "string", default: "15" },
    queries: { type: "string", default: new URL("queries.json", import.meta.url).pathname },
    only: { type: "string" },
    profile: { type: "string" },
    "heap-profile": { type: "string" },
    rounds: { type: "string", default: "1" },
    quotes: { type: "boolean", default: false },
    people: { type: "string", default: "100" },
  },
});
if (!values.root || !values.cache) {
  console.error("usage: bench/search-phases.ts --root <pages> --cache <dir> [--dump file]");
  process.exit(2);
}

const PHASES = ["evaluate", "suggest", "top", "search", "format"] as const;
type Phase = (typeof PHASES)[number];

/** Exclusive time per phase: a nested phase's time is not counted in its caller's. */
class PhaseClock {
  totals = new Map<Phase, number>();
  private stack: Array<{ phase: Phase; started: number; nested: number }> = [];

  run<T>(phase: Phase, body: () => T): T {
    const frame = { phase, started: performance.now(), nested: 0 };
    this.stack.push(frame);
    try {
      return body();
    } finally {
      this.stack.pop();
      const total = performance.now() - frame.started;
      this.totals.set(phase, (this.totals.get(phase) ?? 0) + total - frame.nested);
      const parent = this.stack[this.stack.length - 1];
      if (parent) parent.nested += total;
    }
  }

  reset(): void {
    this.totals = new Map();
  }
}

const clock = new PhaseClock();

const { gcWithin, settle } = observeGcPauses();

function wrap(target: object, name: string, phase: Phase): void {
  const proto = target as Record<string, (...args: unknown[]) => unknown>;
  const original = proto[name];
  if (typeof original !== "function") throw new Error(`no method ${name}`);
  proto[name] = function (this: unknown, ...args: unknown[]) {
    return clock.run(phase, () => original.apply(this, args));
  };
}

wrap(TermEvaluator.prototype, "evaluate", "evaluate");
wrap(Suggester.prototype, "suggest", "suggest");
wrap(SearchIndex.prototype, "topDocs", "top");
wrap(SearchIndex.prototype, "search", "search");

const archive = await loadWarm(values.root, values.cache);
const only = values.only?.split("|");
const search = (query: string) =>
  clock.run("format", () => runSearch(archive, { query, limit: 10 }));
const quote = (person: string) => runQuotes(archive, { person });
let queries: Array<{ category: string; query: string }>;
let answer: (query: string) => { total: number };
if (values.quotes) {
  // As bench/scenarios.ts: the 100 (`--people`) people with most quotes, after 50 others as
  // warm-up.
  const count = Number(values.people);
  const people = runPeople(archive, { limit: count + 50 }).people.map((person) => person.name);
  queries = people.slice(0, count).map((query) => ({ category: "quotes", query }));
  for (const person of people.length > count ? people.slice(count) : people.slice(0, 20)) {
    try {
      quote(person);
    } catch {}
  }
  answer = (person) => ({ total: quote(person).quotes.length });
} else {
  queries = readQueries(values.queries);
  for (const query of warmupQueries(archive)) {
    try {
      search(query);
    } catch {}
  }
  answer = search;
}
queries = queries.filter((entry) => !only || only.includes(entry.query));

interface Row {
  category: string;
  query: string;
  /** Wall time (median over the rounds). */
  ms: number;
  /** CPU time of the process, GC threads included (median over the rounds). */
  cpu: number;
  /** The least CPU time over the rounds (the least disturbed by other processes). */
  minCpu: number;
  /** Least wall time over the rounds. */
  minMs: number;
  /** Time in garbage collection during the call (the most over the rounds). */
  gc: number;
  phases: Partial<Record<Phase, number>>;
  total: number;
}
const median = (list: number[]) =>
  [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
// Later rounds forget the results the index remembers, so that each query is new again.
const forget = () => (archive.search as unknown as { terms: TermEvaluator }).terms.clear();
const heapProfile = values["heap-profile"];
const session = values.profile || heapProfile ? new Session() : undefined;
if (session) session.connect();
if (session && values.profile) {
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
}
if (session && heapProfile) {
  // Every allocation site, the objects young collections freed included (the GC pressure).
  await session.post("HeapProfiler.enable");
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}
const rounds = Math.max(1, Number(values.rounds));
const samples = queries.map(() => ({
  ms: [] as number[],
  cpu: [] as number[],
  phases: [] as Array<Map<Phase, number>>,
  spans: [] as Array<[number, number]>,
  total: 0,
}));
for (let round = 0; round < rounds; round++) {
  queries.forEach(({ query }, i) => {
    if (round > 0) forget();
    clock.reset();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const { total } = answer(query);
    const end = performance.now();
    const ms = end - t;
    const used = process.cpuUsage(cpu);
    const sample = samples[i] as (typeof samples)[number];
    sample.ms.push(ms);
    sample.cpu.push((used.user + used.system) / 1000);
    sample.phases.push(clock.totals);
    sample.spans.push([t, end]);
    sample.total = total;
  });
}
await settle();
const rows: Row[] = queries.map(({ category, query }, i) => {
  const sample = samples[i] as (typeof samples)[number];
  const phases = Object.fromEntries(
    PHASES.map((p) => [p, median(sample.phases.map((m) => m.get(p) ?? 0))]),
  );
  return {
    category,
    query,
    ms: median(sample.ms),
    cpu: median(sample.cpu),
    minCpu: Math.min(...sample.cpu),
    minMs: Math.min(...sample.ms),
    gc: Math.max(...sample.spans.map(([from, to]) => gcWithin(from, to))),
    phases,
    total: sample.total,
  };
});

if (session && heapProfile) {
  const { profile } = await session.post("HeapProfiler.stopSampling");
  writeFileSync(heapProfile, JSON.stringify(profile));
  console.log(`allocation profile of the measured queries written to ${heapProfile}`);
}
if (session && values.profile) {
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(values.profile, JSON.stringify(profile));
  console.log(`CPU profile of the measured queries written to ${values.profile}`);
}

const fmt = (ms: number | undefined) => (ms ?? 0).toFixed(2).padStart(7);
const stats = (list: number[]) => {
  const l = latency(list);
  return `n=${String(l.n).padStart(3)} p50 ${fmt(l.p50)} p95 ${fmt(l.p95)} p99 ${fmt(l.p99)} max ${fmt(l.max)}`;
};
const clockNames = {
  ms: "wall time",
  cpu: "CPU time",
  minMs: "least wall time",
  minCpu: "least CPU time",
};
for (const clockName of ["ms", "cpu", "minMs", "minCpu"] as const) {
  const least = clockName === "minMs" || clockName === "minCpu";
  if (least && rounds === 1) continue;
  console.log(
    `${clockNames[clockName]}${rounds > 1 ? (least ? ` of ${rounds} rounds` : ` (median of ${rounds} rounds)`) : ""}`,
  );
  console.log(`  all           ${stats(rows.map((r) => r[clockName]))}`);
  for (const category of [...new Set(rows.map((r) => r.category))]) {
    const list = rows.filter((r) => r.category === category).map((r) => r[clockName]);
    console.log(`  ${category.padEnd(13)} ${stats(list)}`);
  }
}
{
  // Memory after serving (exact heap when run with `node --expose-gc --import tsx`).
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
  console.log(
    `after serving: RSS ${mb(rss)}, heap ${mb(heapUsed)}, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
}
const sums = PHASES.map((p) => rows.reduce((s, r) => s + (r.phases[p] ?? 0), 0));
console.log(`phase totals (ms): ${PHASES.map((p, i) => `${p} ${sums[i]?.toFixed(0)}`).join(", ")}`);
console.log(
  `slowest (by least wall time): wall ms, least wall ms, cpu ms, least cpu ms, gc ms, query (category, total hits): ${PHASES.join(" + ")}`,
);
for (const row of [...rows].sort((a, b) => b.minMs - a.minMs).slice(0, Number(values.slowest))) {
  console.log(
    `${fmt(row.ms)}${fmt(row.minMs)}${fmt(row.cpu)}${fmt(row.minCpu)}${fmt(row.gc)}  ${row.query} (${row.category}, ${row.total}):${PHASES.map((p) => fmt(row.phases[p])).join("")}`,
  );
}

if (values.dump && values.quotes) {
  const answers = queries.map(({ query }) => quote(query));
  writeFileSync(values.dump, `${JSON.stringify(answers, null, 1)}\n`);
  console.log(`answers written to ${values.dump}`);
} else if (values.dump) {
  const index = archive.search;
  const answers = queries.map(({ query }) => {
    const one = (options: Parameters<SearchIndex["search"]>[1]) => {
      try {
        return index.search(query, options);
      } catch (error) {
        return { error: (error as Error).message };
      }
    };
    return {
      query,
      page1: runSearch(archive, { query, limit: 10 }),
      page2: one({ limit: 10, offset: 10 }),
      limit50: one({ limit: 50 }),
      any: one({ mode: "any", limit: 10 }),
    };
  });
  writeFileSync(values.dump, `${JSON.stringify(answers, null, 1)}\n`);
  console.log(`answers written to ${values.dump}`);
}
process.exit(0);
