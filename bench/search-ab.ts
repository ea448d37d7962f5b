/**
 * Search latency of two builds compared in one process, so that both see the same machine load:
 * the archive is loaded once with this checkout's code and once with another checkout's (`--base`,
 * for example `git archive <commit> | tar -x -C <dir>` with node_modules linked), and each query of
 * bench/queries.json runs on both in turn (which goes first alternates), after the same warm-up as
 * `npm run bench`, for `--rounds` rounds; each query's least CPU time is kept. Memory: two archives.
 *
 *   node --expose-gc --max-semi-space-size=2 --heap-growing-percent=50 --import tsx \
 *     bench/search-ab.ts --base <dir> --root <pages> --cache <dir> [--rounds 5] [--only "中|美"]
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Archive } from "../src/articles/archive.js";
import { readQueries, warmupQueries, warnLogger } from "./common.js";
import { latency } from "./measure.js";

const { values } = parseArgs({
  options: {
    base: { type: "string" },
    root: { type: "string" },
    cache: { type: "string" },
    rounds: { type: "string", default: "5" },
    only: { type: "string" },
    slowest: { type: "string", default: "20" },
  },
});
if (!values.base || !values.root || !values.cache) {
  console.error("usage: bench/search-ab.ts --base <checkout> --root <pages> --cache <dir>");
  process.exit(2);
}

interface Side {
  name: string;
  archive: Archive;
  run: (archive: Archive, options: { query: string; limit: number }) => unknown;
}

async function side(name: string, tree: string): Promise<Side> {
  const service = await import(resolve(tree, "src/app/service.ts"));
  const { Archive } = await import(resolve(tree, "src/articles/archive.ts"));
  const archive = (await Archive.load({
    root: values.root,
    cacheDir: values.cache,
    logger: warnLogger(),
  })) as Archive;
  return { name, archive, run: service.runSearch };
}

const here = new URL("..", import.meta.url).pathname;
const sides = [await side("base", values.base), await side("this", here)];
const only = values.only?.split("|");
const queries = readQueries(new URL("queries.json", import.meta.url).pathname).filter(
  (entry) => !only || only.includes(entry.query),
);
for (const { archive, run } of sides) {
  for (const query of warmupQueries(archive)) {
    try {
      run(archive, { query, limit: 10 });
    } catch {}
  }
}
// Each build forgets the results its index remembers before every query.
const forget = (archive: Archive) =>
  (archive.search as unknown as { terms: { clear(): void } }).terms.clear();
const least = sides.map(() => queries.map(() => Number.POSITIVE_INFINITY));
for (let round = 0; round < Number(values.rounds); round++) {
  queries.forEach(({ query }, i) => {
    for (const s of (round + i) % 2 === 0 ? [0, 1] : [1, 0]) {
      const { archive, run } = sides[s] as Side;
      forget(archive);
      const cpu = process.cpuUsage();
      run(archive, { query, limit: 10 });
      const used = process.cpuUsage(cpu);
      const times = least[s] as number[];
      times[i] = Math.min(times[i] as number, (used.user + used.system) / 1000);
    }
  });
}
const fmt = (ms: number | undefined) => (ms ?? 0).toFixed(2).padStart(6);
const categories = ["all", ...new Set(queries.map((entry) => entry.category))];
console.log(`least CPU time of ${values.rounds} rounds (ms), base | this`);
for (const category of categories) {
  const stats = sides.map((_, s) => {
    const list = queries.flatMap((entry, i) =>
      category === "all" || entry.category === category
        ? [(least[s] as number[])[i] as number]
        : [],
    );
    const l = latency(list);
    return `p50 ${fmt(l.p50)} p99 ${fmt(l.p99)} max ${fmt(l.max)}`;
  });
  console.log(`  ${category.padEnd(13)} ${stats.join("  |  ")}`);
}
const [base, mine] = least as [number[], number[]];
const sum = (list: number[]) => list.reduce((total, ms) => total + ms, 0);
console.log(`sum ${fmt(sum(base))} → ${fmt(sum(mine))}; slowest (base → this):`);
for (const i of queries
  .map((_, i) => i)
  .sort((a, b) => Math.max(base[b] ?? 0, mine[b] ?? 0) - Math.max(base[a] ?? 0, mine[a] ?? 0))
  .slice(0, Number(values.slowest))) {
  console.log(`  ${fmt(base[i])} → ${fmt(mine[i])}  ${queries[i]?.query}`);
}
process.exit(0);
