/**
 * `npm run bench` — speed and memory of dubao at one month and at the full archive (issue 6),
 * with MiniSearch (default options) and a linear scan side by side. Writes bench/RESULTS.md and
 * prints the same tables.
 *
 *   npm run bench                          # month, then the full archive
 *   npm run bench -- --only month          # one corpus (month | archive)
 *   npm run bench -- --quick               # fewer repetitions, 100 e2e interactions
 *   npm run bench -- --profile             # also profile the cold start (--cpu-prof)
 *   npm run bench -- --skip baselines,e2e  # leave scenarios out (floor, cold, warm, baselines, e2e, shards)
 *   BENCH_CORPUS=/some/folder npm run bench -- --only archive   # an unpacked corpus
 *
 * The tarballs (CORPUS_DIR or ../shared/corpus) are unpacked once into
 * $TMPDIR/dubao-corpus/<name> (test/corpus.ts). Each scenario runs in a fresh child process
 * (bench/scenarios.ts) so that its peak RSS is its own: "cold" (empty cache: read + parse +
 * index, then persist), "warm" (the persisted index, then in-process latency of search, quotes,
 * summary and ask), "baselines" (MiniSearch and a linear scan) and, at the month, "e2e" (the
 * real discord.js client against the fake Discord). Then "shards" (bench/shards.ts): `npm run
 * start:sharded` from dist/ (built first) with one shard process and with two, on the persisted
 * index "cold" left, every process's RSS read from /proc.
 */
import { execFileSync, spawn } from "node:child_process";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { MEMORY_FLAGS } from "../src/node-flags.js";
import { corpusFile, skipMessage, unpackedCorpus } from "../test/corpus.js";
import { summarizeProfiles } from "./profile.js";
import type { ScenarioInput, ScenarioName, ScenarioResult } from "./protocol.js";
import { type CorpusKind, type CorpusReport, markdownSection, terminalReport } from "./report.js";
import { measureShards } from "./shards.js";

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, "..");
const RESULTS = join(here, "RESULTS.md");
const CHILD_TIMEOUT_MS = 45 * 60_000;

const CORPORA: Record<CorpusKind, { tarball: string; label: string }> = {
  month: {
    tarball: "epoch-news-2022-01",
    label: "Month: January 2022 (epoch-news-2022-01, 3,238 files, 2,410 articles)",
  },
  archive: {
    tarball: "epoch-news-2020-2022",
    label: "Full archive 2020–2022 (epoch-news-2020-2022, 65,525 files, 48,213 articles)",
  },
};

interface Options {
  only: CorpusKind | undefined;
  quick: boolean;
  profile: boolean;
  skip: Set<ScenarioName>;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      quick: { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      skip: { type: "string", default: "" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(readFileSync(fileURLToPath(import.meta.url), "utf8").split("*/")[0]);
    process.exit(0);
  }
  if (values.only !== undefined && values.only !== "month" && values.only !== "archive") {
    console.error(`--only must be month or archive, not ${values.only}`);
    process.exit(2);
  }
  const skip = new Set(
    (values.skip ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean) as ScenarioName[],
  );
  return {
    only: values.only,
    quick: values.quick ?? false,
    profile: values.profile ?? false,
    skip,
  };
}

/** The article folder inside an unpacked corpus: `pages/` when there is one. */
function articleRoot(dir: string): string {
  const pages = join(dir, "pages");
  return existsSync(pages) ? pages : dir;
}

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((name) =>
    /\.(md|txt|html)$/i.test(String(name)),
  ).length;
}

/** Which corpora to run, and the folder of each; undefined entries are absent. */
function corpora(opts: Options): Array<{ kind: CorpusKind; root: string }> {
  const given = loadConfig().BENCH_CORPUS;
  if (given) {
    if (!existsSync(given)) {
      console.warn(`BENCH_CORPUS=${given} does not exist; nothing to measure.`);
      return [];
    }
    const root = articleRoot(given);
    const kind = opts.only ?? (countFiles(root) > 20_000 ? "archive" : "month");
    return [{ kind, root }];
  }
  const kinds: CorpusKind[] = opts.only ? [opts.only] : ["month", "archive"];
  const found: Array<{ kind: CorpusKind; root: string }> = [];
  for (const kind of kinds) {
    const { tarball } = CORPORA[kind];
    if (!corpusFile(`${tarball}.tar.zst`)) {
      console.warn(skipMessage(`the ${kind} benchmark (${tarball}.tar.zst)`));
      continue;
    }
    if (!existsSync(join(tmpdir(), "dubao-corpus", tarball)))
      console.error(`Unpacking ${tarball}.tar.zst once into ${join(tmpdir(), "dubao-corpus")}…`);
    const dir = unpackedCorpus(tarball);
    if (dir) found.push({ kind, root: articleRoot(dir) });
  }
  return found;
}

function nodeArgs(scenario: ScenarioName, profileDir: string | undefined): string[] {
  // The flags `npm start` runs the bot with (src/node-flags.ts); the baselines are not the bot.
  const args = [
    "--expose-gc",
    ...(scenario === "baselines" ? [] : MEMORY_FLAGS),
    "--import",
    "tsx",
  ];
  // MiniSearch with default options over Chinese text holds millions of clause-long terms.
  if (scenario === "baselines") args.push("--max-old-space-size=12288");
  if (profileDir) args.push("--cpu-prof", "--cpu-prof-dir", profileDir);
  return args;
}

/** CPU time spent by the whole machine so far (ms, all cores, not idle). */
function machineBusyMs(): number {
  return cpus().reduce(
    (sum, cpu) => sum + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq,
    0,
  );
}

interface ChildRun {
  result: ScenarioResult;
  /** Share of the machine's CPU (all cores) that other processes used while the child ran. */
  others: number;
}

/**
 * Runs one scenario in a fresh child process; its stderr goes to a log file. Also says how
 * much of the machine other processes took meanwhile: the machine's busy CPU time, less the
 * child's own (it reports it) and this process's, over the wall time of all cores.
 */
async function runChild(
  input: ScenarioInput,
  work: string,
  profileDir?: string,
  name: string = input.scenario,
): Promise<ChildRun> {
  const inputPath = join(work, `${name}.input.json`);
  const outputPath = join(work, `${name}.result.json`);
  const logPath = join(work, `${name}.log`);
  rmSync(outputPath, { force: true });
  writeFileSync(inputPath, JSON.stringify(input, null, 1));
  const log = createWriteStream(logPath);
  const busyBefore = machineBusyMs();
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...nodeArgs(input.scenario, profileDir), join(here, "scenarios.ts"), inputPath, outputPath],
    { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  const tag = `  [${name}]`;
  child.stdout.pipe(log, { end: false });
  const lines = createInterface({ input: child.stderr });
  const tail: string[] = [];
  lines.on("line", (line) => {
    log.write(`${line}\n`);
    tail.push(line);
    if (tail.length > 15) tail.shift();
    if (line.startsWith("[bench] ")) console.error(`${tag} ${line.slice(8)}`);
  });
  const timer = setTimeout(() => {
    console.error(`${tag} still running after ${CHILD_TIMEOUT_MS / 60_000} min: stopping it`);
    child.kill("SIGKILL");
  }, CHILD_TIMEOUT_MS);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  clearTimeout(timer);
  log.end();
  if (code !== 0 || !existsSync(outputPath)) {
    throw new Error(
      `child exited with ${code ?? "a signal"}; log ${logPath}\n${tail.slice(-8).join("\n")}`,
    );
  }
  const result = JSON.parse(readFileSync(outputPath, "utf8")) as ScenarioResult & {
    cpuMs?: number;
  };
  const wallMs = performance.now() - started;
  const own = process.cpuUsage(ownBefore);
  const othersMs =
    machineBusyMs() - busyBefore - (result.cpuMs ?? 0) - (own.user + own.system) / 1000;
  return { result, others: Math.max(0, othersMs / (wallMs * cpus().length)) };
}

function gitState(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: projectRoot,
      encoding: "utf8",
    }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "src", "commands"], {
      cwd: projectRoot,
      encoding: "utf8",
    }).trim();
    return dirty ? `${head} + uncommitted changes in src/` : head;
  } catch {
    return "unknown commit";
  }
}

function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${Math.round(totalmem() / 1024 ** 3)} GB memory, Node ${process.version} (${process.platform})`;
}

function commandLine(): string {
  const args = process.argv.slice(2);
  const env = loadConfig().BENCH_CORPUS ? `BENCH_CORPUS=${loadConfig().BENCH_CORPUS} ` : "";
  return `${env}npm run bench${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`;
}

async function benchCorpus(
  kind: CorpusKind,
  root: string,
  opts: Options,
  command: string,
): Promise<CorpusReport> {
  const work = join(tmpdir(), "dubao-bench", kind);
  mkdirSync(work, { recursive: true });
  const profileDir = join(work, "profile");
  rmSync(profileDir, { recursive: true, force: true });
  const report: CorpusReport = {
    kind,
    label: CORPORA[kind].label,
    root,
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    command,
    machine: machine(),
    commit: gitState(),
    loadStart: loadavg(),
    loadEnd: [],
    others: {},
    errors: {},
    profiles: [],
    quick: opts.quick,
    cores: cpus().length,
  };
  const base: Omit<ScenarioInput, "scenario"> = {
    root,
    cacheDir: join(work, "index-cache"),
    quick: opts.quick,
    queriesFile: join(here, "queries.json"),
    questionsFile: join(here, "questions.json"),
    interactions: opts.quick ? 100 : 500,
  };
  const scenarios: ScenarioName[] = ["floor", "cold", "warm", "baselines", "e2e"];
  for (const scenario of scenarios) {
    if (opts.skip.has(scenario)) continue;
    if (scenario === "e2e" && kind !== "month") continue;
    console.error(`${kind}: ${scenario} (log ${join(work, `${scenario}.log`)})`);
    const started = performance.now();
    try {
      const { result, others } = await runChild({ ...base, scenario }, work);
      Object.assign(report, { [scenario]: result });
      report.others[scenario] = others;
    } catch (error) {
      report.errors[scenario] = (error as Error).message;
      console.error(`${kind}: ${scenario} FAILED: ${(error as Error).message}`);
    }
    console.error(
      `${kind}: ${scenario} done in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  if (!opts.skip.has("shards")) {
    console.error(`${kind}: shards (npm run start:sharded with 1, then 2 shard processes)`);
    const started = performance.now();
    try {
      execFileSync(process.execPath, [join(projectRoot, "scripts/build.mjs")], {
        cwd: projectRoot,
        stdio: ["ignore", "ignore", "inherit"],
      });
      report.shards = await measureShards({
        root,
        cacheDir: base.cacheDir,
        counts: [1, 2],
        dist: true,
        note: (line) => console.error(`  [shards] ${line}`),
      });
    } catch (error) {
      report.errors.shards = (error as Error).message;
      console.error(`${kind}: shards FAILED: ${(error as Error).message}`);
    }
    console.error(`${kind}: shards done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  if (opts.profile) {
    // Separate cold and warm starts under the profiler, so its overhead stays out of the figures.
    const cacheDir = join(work, "profile-cache");
    for (const scenario of ["cold", "warm"] as const) {
      const dir = join(profileDir, scenario);
      console.error(`${kind}: ${scenario} start under --cpu-prof (profiles in ${dir})`);
      try {
        await runChild(
          { ...base, scenario, cacheDir, loadOnly: true },
          work,
          dir,
          `${scenario}-profile`,
        );
        report.profiles.push(
          ...summarizeProfiles(dir, projectRoot).map((profile) => ({ ...profile, scenario })),
        );
      } catch (error) {
        console.error(`${kind}: profiling FAILED: ${(error as Error).message}`);
      }
    }
  }
  report.loadEnd = loadavg();
  return report;
}

const SECTION = (kind: CorpusKind) => [`<!-- bench:${kind} -->`, `<!-- /bench:${kind} -->`];

/** The section of an earlier RESULTS.md, kept when this run leaves that corpus out. */
function previousSection(kind: CorpusKind): string | undefined {
  if (!existsSync(RESULTS)) return undefined;
  const text = readFileSync(RESULTS, "utf8");
  const [open, close] = SECTION(kind) as [string, string];
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  return start >= 0 && end > start ? text.slice(start, end + close.length) : undefined;
}

function writeResults(reports: CorpusReport[]): void {
  const sections = (["month", "archive"] as CorpusKind[]).flatMap((kind) => {
    const report = reports.find((entry) => entry.kind === kind);
    if (!report) {
      const previous = previousSection(kind);
      return previous ? [previous] : [];
    }
    const [open, close] = SECTION(kind) as [string, string];
    return [`${open}\n${markdownSection(report)}\n${close}`];
  });
  const header = [
    "# Benchmark results (`npm run bench`)",
    "",
    "Written by bench/run.ts (issues 6 and 13); each corpus section says when, how and on what it was measured " +
      "(a section from an earlier run is kept when a run leaves its corpus out).",
    "",
    "How: each scenario runs in a fresh child process (`node --expose-gc --max-semi-space-size=2 --heap-growing-percent=50 --import tsx bench/scenarios.ts`: the V8 flags `npm start` uses, src/node-flags.ts), " +
      "so peak RSS (`process.resourceUsage().maxRSS`, worker threads included) is per scenario; heap is " +
      "`process.memoryUsage()` after `global.gc()`. *Cold*: `Archive.load({ root })` with no index cache " +
      "(parse throughput is start → last `onProgress` call; ready is when `load` resolves), then " +
      "`archive.saveCache(dir)`. *Warm*: a second child, `Archive.load({ root, cacheDir })` on that cache; " +
      "then, in the same process, `runSearch` over the queries of bench/queries.json, `runQuotes` over the 100 " +
      "most quoted people (`runPeople`), `runSummary` over every Nth article (≥ 300) and `runAsk` over " +
      "bench/questions.json — each input timed once, after a warm-up on other inputs (title fragments, other " +
      "articles, other people), then (without --quick) once more. MB = 2^20 bytes. ✓/✗ compare with the " +
      "targets of issue 13 (search/quotes/summary targets are set for the full archive; shown at the month too). Timings are also given as a multiple of the floor of the same run (reading every article file and stripping its tags, one thread), since machines differ. " +
      "*Shards* (bench/shards.ts): `npm run start:sharded` from dist/ on the index *cold* saved, against the fake Discord of the tests recommending 1, then 2 shards; each shard answers the same 90 interactions, then the RSS of the manager and of every process under it is read from /proc (VmRSS; peaks are VmHWM).",
    "",
  ].join("\n");
  writeFileSync(RESULTS, `${header}\n${sections.join("\n\n")}\n`);
}

async function main(): Promise<void> {
  const opts = options();
  const command = commandLine();
  const found = corpora(opts);
  if (found.length === 0) {
    console.error(
      loadConfig().BENCH_CORPUS
        ? "No corpus to benchmark: the BENCH_CORPUS folder is absent. Nothing measured."
        : "No corpus to benchmark: the tarballs are absent (../shared/corpus or CORPUS_DIR) and " +
            "BENCH_CORPUS is not set. Nothing measured.",
    );
    console.error(
      "To get one: put epoch-news-2022-01.tar.zst (the month) and epoch-news-2020-2022.tar.zst " +
        "(the archive) in ../shared/corpus or in a folder named by CORPUS_DIR, or set " +
        "BENCH_CORPUS to an unpacked folder of article files.",
    );
    process.exitCode = 1;
    return;
  }
  const reports: CorpusReport[] = [];
  for (const { kind, root } of found) {
    const report = await benchCorpus(kind, root, opts, command);
    reports.push(report);
    console.log(`\n${terminalReport(report)}\n`);
    writeResults(reports);
  }
  console.log(`Wrote ${RESULTS}`);
}

await main();
