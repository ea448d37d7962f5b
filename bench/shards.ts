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
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { MEMORY_FLAGS } from "../src/node-flags.js";
import { FakeDiscord, type InteractionRecord } from "../test/fake-discord.js";

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
const root = resolve(values.root);
const cacheDir = resolve(values.cache);
const MB = 1024 * 1024;

interface ProcessMemory {
  pid: number;
  role: string;
  rss: number;
  peak: number;
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

const describe = (processes: ProcessMemory[]) => {
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
function articleIds(count: number): string[] {
  const meta = JSON.parse(readFileSync(join(cacheDir, "dubao-index.meta"), "utf8")) as {
    files: Array<[string, number, number, (string | null)?]>;
  };
  const ids = [...new Set(meta.files.map((row) => row[3]).filter((id) => typeof id === "string"))];
  ids.sort();
  const step = Math.max(1, Math.floor(ids.length / count));
  return ids.filter((_, i) => i % step === 0).slice(0, count) as string[];
}

const queries = Object.values(
  (JSON.parse(readFileSync("bench/queries.json", "utf8")) as { queries: Record<string, string[]> })
    .queries,
)
  .flat()
  .filter((_, i) => i % 8 === 0);
const questions = (
  JSON.parse(readFileSync("bench/questions.json", "utf8")) as { questions: string[] }
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

async function run(shards: number, lines: string[]): Promise<void> {
  // Memory is measured, not latency: a slow first answer (CC-CEDICT loading) is not refused.
  const fake = await FakeDiscord.start({
    shards,
    maxConcurrency: shards,
    responseWindowMs: 600_000,
  });
  const entry = values.dist
    ? ["dist/src/discord/sharded.js"]
    : ["--import", "tsx", "src/discord/sharded.ts"];
  let log = "";
  const started = performance.now();
  const manager: ChildProcess = spawn(process.execPath, [...MEMORY_FLAGS, ...entry], {
    env: {
      ...process.env,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      SEEDS_DIR: root,
      INDEX_CACHE: cacheDir,
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
    const atReady = describe(tree(manager.pid as number));
    const ids = articleIds(20);
    const sends = interactions(ids);
    const answerStarted = performance.now();
    for (let guild = 0; guild < shards; guild++) {
      for (const send of sends) {
        const { line, record } = send(fake, guild);
        const { body } = await fake.answer(record, 60_000).catch((error: Error) => {
          throw new Error(`${line}: ${error.message}\n${log.slice(-4000)}`);
        });
        if (guild === 0 && shards === 1)
          lines.push(JSON.stringify({ line, body: withoutCustomIds(body) }));
      }
    }
    const answerMs = performance.now() - answerStarted;
    const served = describe(tree(manager.pid as number));
    console.log(
      `${shards} shard${shards === 1 ? "" : "s"}: ready in ${(readyMs / 1000).toFixed(1)} s; at ready RSS ${atReady.rss} MB [${atReady.processes.join(", ")}]; ` +
        `after ${sends.length} interactions per shard (${(answerMs / 1000).toFixed(1)} s) RSS ${served.rss} MB, peaks summed ${served.peaks} MB [${served.processes.join(", ")}]`,
    );
  } finally {
    manager.kill("SIGTERM");
    await Promise.race([exited, new Promise((done) => setTimeout(done, 30_000))]);
    if (manager.exitCode === null && manager.signalCode === null) manager.kill("SIGKILL");
    await fake.close();
  }
}

const lines: string[] = [];
if (!existsSync(join(cacheDir, "dubao-index.meta")))
  console.log(`No index in ${cacheDir}: the first manager builds it (cold start)`);
for (const count of values.shards.split(",").map(Number)) await run(count, lines);
if (values.out) writeFileSync(values.out, `${lines.join("\n")}\n`);
