/**
 * Memory of `npm run start:sharded` with one shard process and with two (issue 13: two shards
 * use no more memory than one plus 150 MB). For each shard count, the fake Discord of the tests
 * (test/fake-discord.ts) recommends that many shards; the manager (src/discord/sharded.ts) loads
 * the persisted index from `--cache` (built there first if there is none), spawns the shards,
 * and once all are ready every shard answers the same interactions (searches, summaries,
 * sources, quotes, questions, autocompletes). RSS (VmRSS) and peak RSS (VmHWM) of the manager
 * and of every process under it are read from /proc at ready and after the interactions.
 *
 *   npx tsx bench/shards.ts --root <pages> --cache <dir> [--shards 1,2] [--dist] [--out answers.jsonl]
 *
 * `--dist` runs the compiled dist/ (as `npm run start:sharded` does; build it first), otherwise
 * the sources through tsx (each process then also holds tsx's loader, about 35 MB). `--out`
 * writes each answer (paging buttons' custom ids removed: they carry a per-process key) as a
 * JSON line, to compare two builds byte for byte.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { MEMORY_FLAGS } from "../src/node-flags.js";
import { FakeDiscord, type InteractionRecord } from "../test/fake-discord.js";
import type { ProcessMemory, ShardsResult, ShardsRun } from "./protocol.js";

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, "..");
const MB = 1024 * 1024;

export interface ShardsOptions {
  root: string;
  cacheDir: string;
  counts: number[];
  dist: boolean;
  /** Receives each answer of the first run (guild 0) as a JSON line. */
  answers?: string[];
  /** Progress lines. */
  note?: (line: string) => void;
}

function status(pid: number): { rss: number; peak: number; ppid: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(text)?.[1]);
    return { rss: field("VmRSS") * 1024, peak: field("VmHWM") * 1024, ppid: field("PPid") };
  } catch {
    return undefined;
  }
}

/** The manager and every process under it. */
function tree(managerPid: number): ProcessMemory[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const info = status(pid);
    if (info) parents.set(pid, info.ppid);
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = parents.get(at))
      if (at === managerPid) return true;
    return false;
  };
  const out: ProcessMemory[] = [];
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    const info = status(pid);
    if (!info) continue;
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    const role =
      pid === managerPid
        ? "manager"
        : command.some((arg) => /main\.(ts|js)$/.test(arg))
          ? "shard"
          : (command[0]?.split("/").pop() ?? "other");
    out.push({ pid, role, rss: info.rss, peak: info.peak });
  }
  const rank = (role: string) => (role === "manager" ? 0 : role === "shard" ? 1 : 2);
  return out.sort((a, b) => rank(a.role) - rank(b.role) || a.pid - b.pid);
}

/** Total RSS and summed peaks (MB), and each process, for a line. */
export const describeTree = (processes: ProcessMemory[]) => {
  const total = (key: "rss" | "peak") => processes.reduce((sum, p) => sum + p[key], 0) / MB;
  return {
    processes: processes.map(
      (p) => `${p.role} ${(p.rss / MB).toFixed(0)} (peak ${(p.peak / MB).toFixed(0)})`,
    ),
    rss: Math.round(total("rss")),
    peaks: Math.round(total("peak")),
  };
};

/** Article ids from the persisted index's file list, spread over it. */
function articleIds(cacheDir: string, count: number): string[] {
  const meta = JSON.parse(readFileSync(join(cacheDir, "dubao-index.meta"), "utf8")) as {
    files: Array<[string, number, number, (string | null)?]>;
  };
  const ids = [...new Set(meta.files.map((row) => row[3]).filter((id) => typeof id === "string"))];
  ids.sort();
  const step = Math.max(1, Math.floor(ids.length / count));
  return ids.filter((_, i) => i % step === 0).slice(0, count) as string[];
}

const queries = Object.values(
  (
    JSON.parse(readFileSync(join(here, "queries.json"), "utf8")) as {
      queries: Record<string, string[]>;
    }
  ).queries,
)
  .flat()
  .filter((_, i) => i % 8 === 0);
const questions = (
  JSON.parse(readFileSync(join(here, "questions.json"), "utf8")) as { questions: string[] }
).questions.filter((_, i) => i % 6 === 0);
const PEOPLE = ["拜登", "习近平", "蔡英文", "普京", "布林肯", "佩洛西", "秦鹏", "约翰逊"];

type Send = (fake: FakeDiscord, guild: number) => { line: string; record: InteractionRecord };

function interactions(ids: string[]): Send[] {
  const sends: Send[] = [];
  const command =
    (name: string, option: string, value: string, line: string): Send =>
    (fake, guild) => ({
      line,
      record: fake.command(name, [{ name: option, type: 3, value }], { guild }),
    });
  for (const query of queries) sends.push(command("search", "query", query, `search ${query}`));
  for (const id of ids.slice(0, 12)) sends.push(command("summary", "article", id, `summary ${id}`));
  for (const id of ids.slice(12, 20)) sends.push(command("source", "article", id, `source ${id}`));
  for (const who of PEOPLE) sends.push(command("quotes", "person", who, `quotes ${who}`));
  for (const question of questions)
    sends.push(command("ask", "question", question, `ask ${question}`));
  for (const typed of ["拜", "习", "美国"])
    sends.push((fake, guild) => ({
      line: `autocomplete quotes ${typed}`,
      record: fake.autocomplete(
        "quotes",
        [{ name: "person", type: 3, value: typed, focused: true }],
        {
          guild,
        },
      ),
    }));
  return sends;
}

// biome-ignore lint/suspicious/noExplicitAny: a message body
function withoutCustomIds(body: any): unknown {
  return JSON.parse(JSON.stringify(body), (key, value) =>
    key === "custom_id" ? undefined : value,
  );
}

async function run(shards: number, options: ShardsOptions): Promise<ShardsRun> {
  // Memory is measured, not latency: a slow first answer (CC-CEDICT loading) is not refused.
  const fake = await FakeDiscord.start({
    shards,
    maxConcurrency: shards,
    responseWindowMs: 600_000,
  });
  // A slow answer on a loaded machine must not meet a keep-alive socket the fake just closed.
  (fake as unknown as { server: { keepAliveTimeout: number } }).server.keepAliveTimeout = 600_000;
  const entry = options.dist
    ? [join(projectRoot, "dist/src/discord/sharded.js")]
    : ["--import", "tsx", join(projectRoot, "src/discord/sharded.ts")];
  let log = "";
  const started = performance.now();
  const manager: ChildProcess = spawn(process.execPath, [...MEMORY_FLAGS, ...entry], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      SEEDS_DIR: resolve(options.root),
      INDEX_CACHE: resolve(options.cacheDir),
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  manager.stdout?.on("data", (chunk) => {
    log += chunk;
  });
  manager.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  const exited = new Promise((done) => manager.once("exit", done));
  try {
    const deadline = Date.now() + 30 * 60_000;
    while (!log.includes(`All ${shards} shard`)) {
      if (Date.now() > deadline || manager.exitCode !== null)
        throw new Error(`the shards did not get ready:\n${log.slice(-3000)}`);
      await new Promise((done) => setTimeout(done, 200));
    }
    const readyMs = performance.now() - started;
    for (let shard = 0; shard < shards; shard++) await fake.waitForShard(shard, 60_000);
    const atReady = tree(manager.pid as number);
    const sends = interactions(articleIds(options.cacheDir, 20));
    const answerStarted = performance.now();
    for (let guild = 0; guild < shards; guild++) {
      for (const send of sends) {
        const { line, record } = send(fake, guild);
        const { body } = await fake.answer(record, 60_000).catch((error: Error) => {
          throw new Error(`${line}: ${error.message}\n${log.slice(-4000)}`);
        });
        if (guild === 0 && shards === options.counts[0])
          options.answers?.push(JSON.stringify({ line, body: withoutCustomIds(body) }));
      }
    }
    const answerMs = performance.now() - answerStarted;
    const served = tree(manager.pid as number);
    const [ready, after] = [describeTree(atReady), describeTree(served)];
    options.note?.(
      `${shards} shard${shards === 1 ? "" : "s"}: ready in ${(readyMs / 1000).toFixed(1)} s; at ready RSS ${ready.rss} MB [${ready.processes.join(", ")}]; ` +
        `after ${sends.length} interactions per shard (${(answerMs / 1000).toFixed(1)} s) RSS ${after.rss} MB, peaks summed ${after.peaks} MB [${after.processes.join(", ")}]`,
    );
    return { shards, readyMs, atReady, served, interactions: sends.length };
  } finally {
    manager.kill("SIGTERM");
    await Promise.race([exited, new Promise((done) => setTimeout(done, 30_000))]);
    if (manager.exitCode === null && manager.signalCode === null) manager.kill("SIGKILL");
    await fake.close();
  }
}

/** Runs `npm run start:sharded` with each shard count in turn (see the header). */
export async function measureShards(options: ShardsOptions): Promise<ShardsResult> {
  if (!existsSync(join(options.cacheDir, "dubao-index.meta")))
    options.note?.(`No index in ${options.cacheDir}: the first manager builds it (cold start)`);
  const runs: ShardsRun[] = [];
  for (const count of options.counts) runs.push(await run(count, options));
  return { scenario: "shards", dist: options.dist, runs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      root: { type: "string" },
      cache: { type: "string" },
      shards: { type: "string", default: "1,2" },
      dist: { type: "boolean", default: false },
      out: { type: "string" },
    },
  });
  if (!values.root || !values.cache) {
    console.error("usage: bench/shards.ts --root <pages> --cache <dir> [--shards 1,2] [--dist]");
    process.exit(2);
  }
  const answers: string[] = [];
  await measureShards({
    root: values.root,
    cacheDir: values.cache,
    counts: (values.shards ?? "1,2").split(",").map(Number),
    dist: values.dist ?? false,
    answers,
    note: (line) => console.log(line),
  });
  if (values.out) writeFileSync(values.out, `${answers.join("\n")}\n`);
}
