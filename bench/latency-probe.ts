/**
 * What a command's p99 is made of, per command class, on a warm archive (issue 13): the inputs of
 * `npm run bench`'s warm scenario in its order and with its warm-ups (bench/scenarios.ts), each
 * call timed in wall time, CPU time of the process and garbage collection within it, then the
 * same input answered again at once ("again": the call's own work without first touches of
 * lazily loaded data; the search index's remembered results are forgotten first). The process
 * flags are those of `npm start` (src/node-flags.ts): run it as
 *
 *   node --expose-gc --max-semi-space-size=2 --heap-growing-percent=50 --import tsx \
 *     bench/latency-probe.ts --root <pages> --cache <dir> [--only search,quotes,summary,ask]
 *     [--rounds 2] [--slowest 8] [--profile <prefix>] [--warm-up]
 *
 * With --rounds N the measured list is timed N times over (later rounds forget the search
 * index's remembered results, as a first call finds them); per input the least CPU time is kept
 * beside the first round's wall time, so that a shared machine's other work shows. --profile writes
 * a CPU profile of each class's first round (first calls and the calls again at once) to
 * <prefix>-<class>.cpuprofile.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { loadEnglishDictionary } from "../src/answers/english.js";
import { runAsk, runPeople, runQuotes, runSearch, runSummary } from "../src/app/service.js";
import type { TermEvaluator } from "../src/search/evaluate.js";
import { loadWarm, readQueries, spreadIds, warmupQueries } from "./common.js";
import { latency, observeGcPauses } from "./measure.js";

const { values } = parseArgs({
  options: {
    root: { type: "string" },
    cache: { type: "string" },
    only: { type: "string", default: "search,quotes,summary,ask" },
    rounds: { type: "string", default: "2" },
    slowest: { type: "string", default: "8" },
    profile: { type: "string" },
    /** Run the bot's warm-up after ready first (Archive.warmUp, CC-CEDICT), as the bench does. */
    "warm-up": { type: "boolean", default: false },
    queries: { type: "string", default: new URL("queries.json", import.meta.url).pathname },
    questions: { type: "string", default: new URL("questions.json", import.meta.url).pathname },
  },
});
if (!values.root || !values.cache) {
  console.error("usage: bench/latency-probe.ts --root <pages> --cache <dir> [--only classes]");
  process.exit(2);
}

const { gcWithin, settle } = observeGcPauses();

const archive = await loadWarm(values.root, values.cache);
if (values["warm-up"]) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  archive.warmUp();
  loadEnglishDictionary();
  const used = process.cpuUsage(cpu);
  console.log(
    `warm-up ${Math.round(performance.now() - t)} ms (CPU ${Math.round((used.user + used.system) / 1000)} ms)`,
  );
}
const forget = () => (archive.search as unknown as { terms: TermEvaluator }).terms.clear();

interface Call {
  input: string;
  ms: number[];
  cpu: number[];
  spans: Array<[number, number]>;
  again: number;
}

function timeOnce(run: () => unknown): { ms: number; cpu: number; span: [number, number] } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  try {
    run();
  } catch {}
  const end = performance.now();
  const used = process.cpuUsage(cpu);
  return { ms: end - t, cpu: (used.user + used.system) / 1000, span: [t, end] };
}

async function probe(
  name: string,
  inputs: readonly string[],
  warmup: readonly string[],
  run: (input: string) => unknown,
): Promise<void> {
  for (const input of warmup) {
    try {
      run(input);
    } catch {}
  }
  const calls: Call[] = inputs.map((input) => ({ input, ms: [], cpu: [], spans: [], again: 0 }));
  // The first round alone (first calls), profiled per class with --profile <prefix>.
  const session = values.profile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 100 });
    await session.post("Profiler.start");
  }
  const rounds = Math.max(1, Number(values.rounds));
  for (let round = 0; round < rounds; round++) {
    if (round === 1 && session) {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(`${values.profile}-${name}.cpuprofile`, JSON.stringify(profile));
      session.disconnect();
    }
    for (const call of calls) {
      if (round > 0) forget();
      const first = timeOnce(() => run(call.input));
      call.ms.push(first.ms);
      call.cpu.push(first.cpu);
      call.spans.push(first.span);
      if (round === 0) {
        forget();
        call.again = timeOnce(() => run(call.input)).cpu;
      }
    }
  }
  await settle();
  const fmt = (ms: number) => ms.toFixed(2).padStart(7);
  const stats = (list: number[]) => {
    const l = latency(list);
    return `p50 ${fmt(l.p50)} p95 ${fmt(l.p95)} p99 ${fmt(l.p99)} max ${fmt(l.max)}`;
  };
  const gcOf = (call: Call) => gcWithin(...(call.spans[0] as [number, number]));
  console.log(`\n${name} (n=${calls.length})`);
  console.log(`  wall, first round      ${stats(calls.map((c) => c.ms[0] as number))}`);
  console.log(`  CPU, first round       ${stats(calls.map((c) => c.cpu[0] as number))}`);
  console.log(`  least CPU of ${rounds} rounds  ${stats(calls.map((c) => Math.min(...c.cpu)))}`);
  console.log(`  CPU, again at once     ${stats(calls.map((c) => c.again))}`);
  console.log(`  GC in first call       ${stats(calls.map(gcOf))}`);
  console.log("  slowest first-round wall: wall, cpu, least cpu, again cpu, gc  input");
  for (const call of [...calls]
    .sort((a, b) => (b.ms[0] as number) - (a.ms[0] as number))
    .slice(0, Number(values.slowest)))
    console.log(
      `  ${fmt(call.ms[0] as number)}${fmt(call.cpu[0] as number)}${fmt(Math.min(...call.cpu))}${fmt(call.again)}${fmt(gcOf(call))}  ${call.input}`,
    );
}

const only = new Set(values.only.split(","));
if (only.has("search")) {
  const queries = readQueries(values.queries).map((entry) => entry.query);
  await probe("search", queries, warmupQueries(archive), (query) =>
    runSearch(archive, { query, limit: 10 }),
  );
}
const people = runPeople(archive, { limit: 150 }).people.map((person) => person.name);
if (only.has("quotes")) {
  const top = people.slice(0, 100);
  await probe("quotes", top, people.length > 100 ? people.slice(100) : top.slice(0, 20), (person) =>
    runQuotes(archive, { person }),
  );
}
if (only.has("summary")) {
  const ids = spreadIds(archive, 300);
  const every = Math.max(1, Math.floor(archive.size / 300));
  const warmIds = every > 1 ? spreadIds(archive, 300, Math.floor(every / 2)).slice(0, 50) : [];
  await probe("summary", ids, warmIds.length > 0 ? warmIds : ids.slice(0, 50), (article) =>
    runSummary(archive, { article }),
  );
}
if (only.has("ask")) {
  const { readFileSync } = await import("node:fs");
  const questions = (JSON.parse(readFileSync(values.questions, "utf8")) as { questions: string[] })
    .questions;
  await probe(
    "ask",
    questions,
    people.slice(100, 110).map((person) => `${person}说了什么？`),
    (question) => runAsk(archive, { question }),
  );
}
process.exit(0);
