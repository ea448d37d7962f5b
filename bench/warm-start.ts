/**
 * The warm start alone: loads an archive from its persisted index and says how long it took
 * (wall and CPU time), where the time went (the debug line of Archive.load), the peak RSS, and
 * how long the first command of each kind takes afterwards, wall and CPU time (structures built
 * on first use show there), then a second command of each kind for comparison.
 *
 *   npx tsx bench/warm-start.ts --root <pages> --cache <dir> [--json] [--profile load.cpuprofile]
 *
 * The cache must exist and match the folder (build it once with Archive.load or the CLI): a
 * rebuild is reported as an error, not timed. Run it a few times and take the least figures.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { Archive } from "../src/articles/archive.js";
import { answerLine } from "../src/cli/command-line.js";
import type { Logger } from "../src/logger.js";

const { values } = parseArgs({
  options: {
    root: { type: "string" },
    cache: { type: "string" },
    json: { type: "boolean", default: false },
    /** A CPU profile of the load alone (summarize it with bench/profile.ts). */
    profile: { type: "string" },
  },
});
if (!values.root || !values.cache) {
  console.error("usage: bench/warm-start.ts --root <pages> --cache <dir> [--json]");
  process.exit(2);
}

const lines: string[] = [];
let rebuilt = false;
const logger: Logger = {
  debug: (message) => lines.push(message),
  info: (message) => {
    lines.push(message);
    if (/building|rebuilding/.test(message)) rebuilt = true;
  },
  warn: (message) => {
    lines.push(`WARN ${message}`);
    rebuilt = true;
  },
  error: (message) => lines.push(`ERROR ${message}`),
};

const session = values.profile ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
}
/** The main thread's own CPU time in ms (Linux: /proc), beside the process's (every thread). */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
const mainBefore = mainThreadCpuMs();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const archive = await Archive.load({ root: values.root, cacheDir: values.cache, logger });
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
const mainCpuMs = mainThreadCpuMs() - mainBefore;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
if (session && values.profile) {
  const { profile } = await session.post("Profiler.stop");
  writeFileSync(values.profile, JSON.stringify(profile));
}
if (rebuilt) {
  console.error(`not a warm start:\n${lines.join("\n")}`);
  process.exit(1);
}

const newest = archive.articles[0];
const commands: Array<[string, string[]]> = [
  ["search", ["search", "习近平"]],
  ["search", ["search", "拜登 普京"]],
  ["quotes", ["quotes", "拜登"]],
  ["quotes", ["quotes", "布林肯"]],
  ["summary", ["summary", newest?.id ?? ""]],
  ["summary", ["summary", archive.articles[1]?.id ?? ""]],
  ["articles", ["articles", "1"]],
  ["articles", ["articles", "2"]],
  ["ask", ["ask", "谁是美国总统？"]],
  ["ask", ["ask", "拜登说了什么？"]],
  ["people", ["people"]],
  ["people", ["people", "习"]],
  // What a warm start leaves to first use, each the first of its kind: the English-name map
  // (an English search term) and the suggestions' names (a Han query that finds nothing).
  ["english search", ["search", "Blinken"]],
  ["english search", ["search", "Putin"]],
  ["no-hit search", ["search", "独角兽牧场"]],
  ["no-hit search", ["search", "长颈鹿选美"]],
];
const seen = new Set<string>();
const first: Array<{
  kind: string;
  command: string;
  ms: number;
  cpuMs: number;
  ok: boolean;
  nth: number;
}> = [];
for (const [kind, argv] of commands) {
  const nth = seen.has(kind) ? 2 : 1;
  seen.add(kind);
  const t = performance.now();
  const cpuAt = process.cpuUsage();
  const { ok } = answerLine(archive, [...argv, "--json"], true, logger);
  const used = process.cpuUsage(cpuAt);
  first.push({
    kind,
    command: argv.join(" "),
    ms: performance.now() - t,
    cpuMs: (used.user + used.system) / 1000,
    ok,
    nth,
  });
}

const result = {
  articles: archive.size,
  wallMs: Math.round(wallMs),
  cpuMs: Math.round(cpuMs),
  mainCpuMs,
  peakRssMb: Math.round(peakRssMb),
  /** Peak RSS once the commands below have run too. */
  peakRssAfterCommandsMb: Math.round(process.resourceUsage().maxRSS / 1024),
  phases: lines.find((line) => line.startsWith("Warm start phases:")) ?? "",
  commands: first.map((c) => ({
    ...c,
    ms: Math.round(c.ms * 10) / 10,
    cpuMs: Math.round(c.cpuMs * 10) / 10,
  })),
};
if (values.json) console.log(JSON.stringify(result));
else {
  console.log(
    `${result.articles} articles: warm start ${result.wallMs} ms wall, ${result.cpuMs} ms CPU (main thread ${result.mainCpuMs} ms), peak RSS ${result.peakRssMb} MB (${result.peakRssAfterCommandsMb} MB after the commands)`,
  );
  console.log(result.phases);
  for (const c of result.commands)
    console.log(
      `  ${c.nth === 1 ? "first " : "second"} ${c.command}: ${c.ms} ms (CPU ${c.cpuMs} ms)${c.ok ? "" : " (failed)"}`,
    );
}
