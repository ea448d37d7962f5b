import type { Latency } from "./measure.js";
import { MB } from "./measure.js";
import type { ProfileSummary } from "./profile.js";
import type {
  BaselinesResult,
  ColdResult,
  E2eResult,
  FloorResult,
  ScenarioName,
  ShardsResult,
  WarmResult,
} from "./protocol.js";

/** Turns the scenario results of one corpus into the tables of bench/RESULTS.md and stdout. */

export type CorpusKind = "month" | "archive";

export interface Targets {
  coldMs?: number;
  /** Cold start to ready at most this many times the read floor of the same run. */
  coldFloorRatio?: number;
  /** The persisted index on disk. */
  diskBytes?: number;
  warmMs: number;
  searchP99: number;
  quotesP99: number;
  summaryP99: number;
  peakRss: number;
  e2eP50?: number;
  e2eP99?: number;
}

/** The targets of issue 13 (MB = 2^20 bytes). */
export const TARGETS: Record<CorpusKind, Targets> = {
  archive: {
    coldFloorRatio: 8,
    warmMs: 1_500,
    searchP99: 10,
    quotesP99: 10,
    summaryP99: 10,
    peakRss: 1024 * MB,
    diskBytes: 250 * MB,
  },
  month: {
    coldMs: 6_000,
    warmMs: 500,
    searchP99: 10,
    quotesP99: 10,
    summaryP99: 10,
    peakRss: 300 * MB,
    e2eP50: 10,
    e2eP99: 50,
  },
};

export interface CorpusReport {
  kind: CorpusKind;
  label: string;
  root: string;
  date: string;
  command: string;
  machine: string;
  commit: string;
  loadStart: number[];
  loadEnd: number[];
  /** Share of the machine's CPU other processes used while each scenario ran. */
  others: Partial<Record<ScenarioName, number>>;
  floor?: FloorResult;
  cold?: ColdResult;
  warm?: WarmResult;
  baselines?: BaselinesResult;
  e2e?: E2eResult;
  shards?: ShardsResult;
  errors: Partial<Record<ScenarioName, string>>;
  profiles: ProfileSummary[];
  quick: boolean;
  cores: number;
}

type Row = [measure: string, result: string, target: string, mark: string];

const sec = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
export const msf = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : ms < 10 ? 2 : ms < 100 ? 1 : 0)} ms`;
const mbf = (bytes: number) => `${Math.round(bytes / MB).toLocaleString("en-US")} MB`;
const int = (n: number) => Math.round(n).toLocaleString("en-US");
const mark = (ok: boolean) => (ok ? "✓" : "✗");
const lat = (l: Latency) =>
  `p50 ${msf(l.p50)} · p95 ${msf(l.p95)} · p99 ${msf(l.p99)} · max ${msf(l.max)} (n=${l.n})`;
/** A time beside the read floor of the same run: "12.3 s (2.4× the floor)". */
const withFloor = (ms: number, floor: FloorResult | undefined) =>
  floor?.readMs ? `${sec(ms)} (${(ms / floor.readMs).toFixed(1)}× the floor)` : sec(ms);
const load = (avg: number[]) => avg.map((value) => value.toFixed(2)).join(" / ");

/** "by how much" for a missed target: 3.2× or +12 %. */
function over(value: number, target: number): string {
  const ratio = value / target;
  return ratio >= 2
    ? ` (${ratio.toFixed(1)}× the target)`
    : ` (+${Math.round((ratio - 1) * 100)} %)`;
}

function check(
  value: number,
  target: number | undefined,
  show: (v: number) => string,
): [string, string] {
  if (target === undefined) return ["—", ""];
  const ok = value <= target;
  return [`≤ ${show(target)}`, ok ? mark(true) : `${mark(false)}${over(value, target)}`];
}

export function mainRows(report: CorpusReport): Row[] {
  const targets = TARGETS[report.kind];
  const rows: Row[] = [];
  const { floor, cold, warm, e2e } = report;
  if (floor) {
    rows.push([
      "Process floor (node + tsx, modules, jieba dictionary, t→s table; no article)",
      `RSS ${mbf(floor.memory.rss)}, heap ${mbf(floor.memory.heapUsed)}`,
      "",
      "",
    ]);
    if (floor.readMs) {
      rows.push([
        "Floor: read every file and strip its tags, one thread",
        `${sec(floor.readMs)} (${int(floor.files)} files, ${mbf(floor.bytes)})`,
        "",
        "",
      ]);
    }
  }
  if (cold) {
    const parseS = cold.parseMs / 1000;
    rows.push([
      "Files → articles",
      `${int(cold.files)} files → ${int(cold.articles)} articles`,
      "",
      "",
    ]);
    rows.push([
      "Parse throughput (list + read + parse)",
      `${int(cold.articles / parseS)} articles/s, ${int(cold.files / parseS)} files/s (${withFloor(cold.parseMs, floor)})`,
      "",
      "",
    ]);
    rows.push([
      "Cold start to ready (read + parse + index)",
      `${withFloor(cold.readyMs, floor)}; index after parse: ${withFloor(cold.readyMs - cold.parseMs, floor)}; ${sec(cold.sinceProcessStartMs)} from process start`,
      ...(targets.coldFloorRatio && floor?.readMs
        ? check(
            cold.readyMs / floor.readMs,
            targets.coldFloorRatio,
            (r) => `${r.toFixed(1)}× the floor`,
          )
        : check(cold.readyMs, targets.coldMs, sec)),
    ] as Row);
    rows.push(["Persisting the index (`saveCache`)", withFloor(cold.saveMs, floor), "", ""]);
    rows.push([
      "The persisted index on disk",
      mbf(cold.cacheBytes),
      ...check(cold.cacheBytes, targets.diskBytes, mbf),
    ] as Row);
    rows.push([
      "Peak RSS: cold (start to ready)",
      mbf(cold.memoryAtReady.maxRss),
      ...check(cold.memoryAtReady.maxRss, targets.peakRss, mbf),
    ] as Row);
    rows.push([
      "Peak RSS: saving (cold start + persisting)",
      mbf(cold.maxRssAfterSave),
      ...check(cold.maxRssAfterSave, targets.peakRss, mbf),
    ] as Row);
    rows.push([
      "Heap after indexing (after GC)",
      `${mbf(cold.memoryAtReady.heapUsed)} heap, ${mbf(cold.memoryAtReady.external)} external, RSS ${mbf(cold.memoryAtReady.rss)}`,
      "",
      "",
    ]);
  }
  if (warm) {
    rows.push([
      "Warm start from the persisted index",
      `${withFloor(warm.warmMs, floor)}${warm.progressCalls > 0 ? ` (re-parsed: ${warm.progressCalls} progress calls)` : ""}`,
      ...check(warm.warmMs, targets.warmMs, sec),
    ] as Row);
    if (warm.warmUp)
      rows.push([
        "Warm-up after ready (people directory, English names, CC-CEDICT; the bot runs it while it logs in, before the latencies below)",
        `${sec(warm.warmUp.ms)} (CPU ${sec(warm.warmUp.cpuMs)})`,
        "",
        "",
      ] as Row);
    rows.push([
      "Peak RSS: warm start",
      mbf(warm.memoryAtReady.maxRss),
      ...check(warm.memoryAtReady.maxRss, targets.peakRss, mbf),
    ] as Row);
    rows.push([
      "Peak RSS: serving (warm start, then every search, quotes, summary and ask below)",
      mbf(warm.maxRssEnd),
      ...check(warm.maxRssEnd, targets.peakRss, mbf),
    ] as Row);
    rows.push([
      "Heap after warm start (after GC)",
      `${mbf(warm.memoryAtReady.heapUsed)} heap, RSS ${mbf(warm.memoryAtReady.rss)}`,
      "",
      "",
    ]);
    rows.push([
      `search, ${warm.search.queries} queries once each`,
      lat(warm.search.first),
      ...check(warm.search.first.p99, targets.searchP99, msf).map((cell, i) =>
        i === 0 ? `p99 ${cell}` : cell,
      ),
    ] as Row);
    if (warm.search.repeat)
      rows.push(["search, the same queries again", lat(warm.search.repeat), "", ""]);
    rows.push([
      "search, queries answered (≥ 1 result)",
      `${warm.search.answered} / ${warm.search.queries}`,
      "",
      "",
    ]);
    rows.push([
      "quotes, 100 most quoted people",
      `${lat(warm.quotes.first)}; ${warm.quotes.answered} with quotes`,
      ...check(warm.quotes.first.p99, targets.quotesP99, msf).map((cell, i) =>
        i === 0 ? `p99 ${cell}` : cell,
      ),
    ] as Row);
    rows.push([
      `summary, ${warm.summary.first.n} articles (every Nth)`,
      lat(warm.summary.first),
      ...check(warm.summary.first.p99, targets.summaryP99, msf).map((cell, i) =>
        i === 0 ? `p99 ${cell}` : cell,
      ),
    ] as Row);
    rows.push([
      `ask, ${warm.ask.first.n} questions`,
      `${lat(warm.ask.first)}; ${warm.ask.answered} answered`,
      "—",
      "",
    ]);
  }
  if (e2e) {
    for (const run of e2e.runs) {
      const label = run.concurrency === 1 ? "sequential" : `${run.concurrency} at a time`;
      const extra = `${run.deferred} deferred, ${run.failed} failed, ${run.ephemeral} ephemeral`;
      rows.push([
        `End-to-end reply (callback), ${run.n} interactions, ${label}`,
        `${lat(run.callback)}; ${extra}`,
        ...(run.concurrency === 1
          ? [
              `p50 ≤ ${msf(targets.e2eP50 ?? 0)}, p99 ≤ ${msf(targets.e2eP99 ?? 0)}`,
              `${mark(run.callback.p50 <= (targets.e2eP50 ?? 0))} ${mark(run.callback.p99 <= (targets.e2eP99 ?? 0))}`,
            ]
          : ["—", ""]),
      ] as Row);
    }
  }
  if (report.shards) rows.push(...shardRows(report.shards));
  for (const [scenario, error] of Object.entries(report.errors)) {
    rows.push([`${scenario}: FAILED`, error.split("\n")[0] ?? "", "", mark(false)]);
  }
  return rows;
}

/** Issue 13: two shard processes cost no more than one plus this. */
export const SECOND_SHARD_BYTES = 150 * MB;

function shardRows(result: ShardsResult): Row[] {
  const rows: Row[] = [];
  const total = (processes: ShardsResult["runs"][number]["served"], key: "rss" | "peak") =>
    processes.reduce((sum, p) => sum + p[key], 0);
  const each = (processes: ShardsResult["runs"][number]["served"]) =>
    processes.map((p) => `${p.role} ${mbf(p.rss)}`).join(" + ");
  const how = result.dist ? "dist/" : "tsx";
  for (const run of result.runs) {
    rows.push([
      `\`npm run start:sharded\` (${how}), ${run.shards} shard process${run.shards === 1 ? "" : "es"}: RSS of every process after ${run.interactions} interactions a shard`,
      `${mbf(total(run.served, "rss"))} (${each(run.served)}); at ready ${mbf(total(run.atReady, "rss"))}; peaks summed ${mbf(total(run.served, "peak"))}`,
      "",
      "",
    ]);
  }
  const one = result.runs.find((run) => run.shards === 1);
  const two = result.runs.find((run) => run.shards === 2);
  if (one && two) {
    const extra = total(two.served, "rss") - total(one.served, "rss");
    rows.push([
      "Two shard processes beyond one (RSS after the interactions)",
      `${extra >= 0 ? "+" : ""}${mbf(extra)}`,
      `≤ +${mbf(SECOND_SHARD_BYTES)}`,
      extra <= SECOND_SHARD_BYTES ? mark(true) : `${mark(false)}${over(extra, SECOND_SHARD_BYTES)}`,
    ]);
  }
  return rows;
}

export function baselineRows(report: CorpusReport): string[][] {
  const { cold, warm, baselines } = report;
  const rows: string[][] = [];
  if (warm && cold) {
    rows.push([
      "dubao",
      `${sec(cold.readyMs - cold.parseMs)} (index after parse)`,
      `${mbf(cold.memoryAtReady.heapUsed)} (whole archive)`,
      `${warm.search.answered} / ${warm.search.queries}`,
      msf(warm.search.first.p50),
      msf(warm.search.first.p99),
      msf(warm.search.first.max),
    ]);
  }
  if (baselines) {
    const queries = warm?.search.queries ?? 0;
    for (const [name, engine] of [
      ["MiniSearch, default options (title + body)", baselines.minisearch],
      ["Linear scan (`includes` on folded text, all terms)", baselines.linear],
    ] as const) {
      rows.push([
        name,
        sec(engine.buildMs),
        `+${mbf(engine.heapBytes)}`,
        `${engine.answered} / ${queries || "?"}`,
        msf(engine.latency.p50),
        msf(engine.latency.p99),
        msf(engine.latency.max),
      ]);
    }
  }
  return rows;
}

function markdownTable(header: string[], rows: string[][]): string {
  const escapeCell = (cell: string) => cell.replace(/\|/g, "\\|");
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.map(escapeCell).join(" | ")} |`),
  ].join("\n");
}

/** A plain-text table for the terminal. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) =>
    Math.max(width(cell), ...rows.map((row) => width(row[i] ?? ""))),
  );
  const line = (row: string[]) =>
    row.map((cell, i) => cell + " ".repeat((widths[i] ?? 0) - width(cell))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Display width: CJK characters take two columns. */
function width(text: string): number {
  let total = 0;
  for (const char of text)
    total +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      )
        ? 2
        : 1;
  return total;
}

const MAIN_HEADER = ["Measure", "Result", "Target (issue 13)", "Met"];
const BASELINE_HEADER = ["Engine", "Build", "Memory", "Queries answered", "p50", "p99", "max"];

function categoryRows(report: CorpusReport): string[][] {
  const warm = report.warm;
  if (!warm) return [];
  return Object.entries(warm.search.byCategory).map(([category, stats]) => [
    category,
    String(stats.n),
    String(stats.answered),
    String(report.baselines?.minisearch.answeredByCategory[category] ?? "—"),
    String(report.baselines?.linear.answeredByCategory[category] ?? "—"),
    msf(stats.latency.p50),
    msf(stats.latency.p99),
    msf(stats.latency.max),
  ]);
}

export function terminalReport(report: CorpusReport): string {
  const parts = [
    `== ${report.label} (${report.root}) ==`,
    textTable(MAIN_HEADER, mainRows(report)),
  ];
  const baselines = baselineRows(report);
  if (baselines.length > 0) parts.push("", textTable(BASELINE_HEADER, baselines));
  return parts.join("\n");
}

export function markdownSection(report: CorpusReport): string {
  const lines: string[] = [];
  lines.push(`## ${report.label}`);
  lines.push("");
  lines.push(
    `Measured ${report.date} with \`${report.command}\`${report.quick ? " (quick: fewer repetitions)" : ""} ` +
      `on ${report.machine}; commit ${report.commit}; ` +
      `folder \`${report.root}\`; load average (1/5/15 min) ${load(report.loadStart)} at the start, ` +
      `${load(report.loadEnd)} at the end (this benchmark's own work included). ${contention(report)}`,
  );
  lines.push("");
  lines.push(markdownTable(MAIN_HEADER, mainRows(report)));
  lines.push("");
  const baselines = baselineRows(report);
  if (baselines.length > 0) {
    lines.push("### Baselines, same articles, same queries");
    lines.push("");
    lines.push(markdownTable(BASELINE_HEADER, baselines));
    lines.push("");
    lines.push(
      "MiniSearch memory is the heap growth over its build (documents not stored); dubao's is the " +
        "heap of the whole archive (articles, search index, people and quotes). MiniSearch's default " +
        "tokenizer splits on spaces and punctuation, so a Chinese term matches only a whole clause, and " +
        "it joins query terms with OR; the linear scan needs every term (AND) in the folded text. " +
        "Each baseline runs in its own child process; query latency is each query once after a warm-up.",
    );
    lines.push("");
  }
  const categories = categoryRows(report);
  if (categories.length > 0) {
    lines.push("### Search by query category");
    lines.push("");
    lines.push(
      markdownTable(
        [
          "Category",
          "Queries",
          "dubao answers",
          "MiniSearch answers",
          "Linear scan answers",
          "dubao p50",
          "dubao p99",
          "dubao max",
        ],
        categories,
      ),
    );
    lines.push("");
  }
  lines.push(...slowestLines(report));
  const e2e = report.e2e;
  if (e2e) {
    lines.push("### End-to-end by interaction kind (final answer)");
    lines.push("");
    const kinds = [...new Set(e2e.runs.flatMap((run) => Object.keys(run.byKind)))];
    lines.push(
      markdownTable(
        ["Kind", ...e2e.runs.map((run) => `${run.concurrency} at a time: p50 / p99`)],
        kinds.map((kind) => [
          kind,
          ...e2e.runs.map((run) => {
            const l = run.byKind[kind as keyof typeof run.byKind];
            return l ? `${msf(l.p50)} / ${msf(l.p99)} (n=${l.n})` : "—";
          }),
        ]),
      ),
    );
    lines.push("");
    lines.push(
      `The real discord.js client (\`createBot\`) and the fake Discord (test/fake-discord.ts) run in one ` +
        `process over 127.0.0.1, after ${e2e.runs.length > 0 ? e2e.warmup : 0} warm-up interactions; time from ` +
        "the INTERACTION_CREATE dispatch written to the gateway socket to the callback POST received by the fake. " +
        `Wall time: ${e2e.runs.map((run) => `${sec(run.wallMs)} (${run.concurrency} at a time)`).join(", ")}.`,
    );
    lines.push("");
  }
  // Per-file lines (duplicates, skipped files) are in the scenario logs, not here.
  const perFile = /^\+\d+ ms {2}(duplicate |skipped |loaded \S+ with a problem)/;
  const log = [
    ...(report.cold?.log ?? []).map((line) => `cold  ${line}`),
    ...(report.warm?.log ?? []).map((line) => `warm  ${line}`),
  ].filter((line) => !perFile.test(line.slice(6)));
  if (log.length > 0) {
    lines.push("<details><summary>Loader and archive log lines (info)</summary>");
    lines.push("");
    lines.push("```");
    lines.push(...log.slice(0, 40));
    lines.push("```");
    lines.push("</details>");
    lines.push("");
  }
  if (report.profiles.length > 0) lines.push(...profileLines(report.profiles));
  return lines.join("\n");
}

function slowestLines(report: CorpusReport): string[] {
  const warm = report.warm;
  if (!warm) return [];
  const list = (items: Array<{ input?: string; query?: string; ms: number }>) =>
    items.map((item) => `${item.input ?? item.query} ${msf(item.ms)}`).join(", ");
  return [
    "Slowest calls: " +
      `search ${list(warm.search.slowest)}; ` +
      `quotes ${list(warm.quotes.slowest)}; ` +
      `summary ${list(warm.summary.slowest)}; ` +
      `ask ${list(warm.ask.slowest)}.`,
    "",
  ];
}

function profileLines(profiles: ProfileSummary[]): string[] {
  const lines = [
    "### Where the time goes: cold and warm start profiles (`--cpu-prof`, self time)",
    "",
    "From separate cold and warm starts run under the profiler after the measured ones (slower " +
      "than those in the table). Threads that never ran the project's code (tsx's module loader " +
      "hooks) are left out.",
    "",
  ];
  for (const profile of profiles) {
    lines.push(
      `**${profile.scenario ?? "cold"} start, ${profile.thread} thread** — ${sec(profile.totalMs)} sampled, ` +
        `${sec(profile.busyMs)} busy (not idle)`,
    );
    lines.push("");
    lines.push(
      markdownTable(
        ["Module", "Self time", "Share"],
        profile.modules.map((entry) => [
          entry.name,
          sec(entry.ms),
          `${Math.round((entry.ms / profile.totalMs) * 100)} %`,
        ]),
      ),
    );
    lines.push("");
    lines.push(
      markdownTable(
        ["Function", "Self time"],
        profile.functions.map((entry) => [`\`${entry.name}\``, sec(entry.ms)]),
      ),
    );
    lines.push("");
  }
  return lines;
}

/** Whether other processes took a noticeable share of the machine during a scenario. */
export function busy(report: CorpusReport): boolean {
  return Object.values(report.others).some((share) => (share ?? 0) > 0.15);
}

function contention(report: CorpusReport): string {
  const entries = Object.entries(report.others);
  if (entries.length === 0) return "";
  const shares = entries
    .map(([scenario, share]) => `${scenario} ${Math.round((share ?? 0) * 100)} %`)
    .join(", ");
  return (
    `Other processes used ${shares} of the machine's ${report.cores} cores while each scenario ran` +
    (busy(report)
      ? " — **the machine was shared: figures are noisy, likely pessimistic**."
      : " (a quiet machine).")
  );
}
