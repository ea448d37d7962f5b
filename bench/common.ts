import { type Dirent, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Archive } from "../src/articles/archive.js";
import { createLogger, type Logger } from "../src/logger.js";
import type { QueryFile } from "./protocol.js";

/** Helpers shared by the benchmark's child scenarios. */

/** A progress line for the parent to show (it forwards lines starting with "[bench]"). */
export function note(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** A logger writing to stderr that also keeps its info lines, stamped with ms since `since`. */
export function recordingLogger(since: number): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger("info", (line) => {
    process.stderr.write(`${line}\n`);
    const [, level, message] = /^\S+ (\w+)\s+(.*)$/.exec(line) ?? [];
    if (level === "INFO" && message)
      lines.push(`+${Math.round(performance.now() - since)} ms  ${message}`);
  });
  return Object.assign(logger, { lines });
}

/** Bytes of the files under a folder (0 when it is absent). */
export function folderBytes(dir: string): number {
  let total = 0;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

/** The committed queries (bench/queries.json), in file order, with their category. */
export function readQueries(file: string): Array<{ category: string; query: string }> {
  const data = JSON.parse(readFileSync(file, "utf8")) as QueryFile;
  return Object.entries(data.queries).flatMap(([category, list]) =>
    list.map((query) => ({ category, query })),
  );
}

/**
 * 1–4 character pieces of titles spread over the archive: warm-up queries that are not in the
 * measured list (so a memoised term is not warmed on purpose).
 */
export function warmupQueries(archive: Archive, count = 120): string[] {
  const articles = archive.articles;
  const step = Math.max(1, Math.floor(articles.length / count));
  const out: string[] = [];
  for (let i = 0; i < count && articles.length > 0; i++) {
    const title = (articles[(i * step + 7) % articles.length]?.title ?? "").replace(/\s+/g, "");
    out.push(title.slice(2, 3 + (i % 4)) || "新闻");
  }
  return out;
}

/** Every Nth article id, newest first, so that at least `count` are picked (all when fewer). */
export function spreadIds(archive: Archive, count = 300, offset = 0): string[] {
  const articles = archive.articles;
  const every = Math.max(1, Math.floor(articles.length / count));
  return articles.filter((_, i) => i % every === offset % every).map((article) => article.id);
}

export const warnLogger = (): Logger => createLogger("warn");

/** Loads an archive from its persisted index (a warm start) and says how long it took. */
export async function loadWarm(root: string, cacheDir: string): Promise<Archive> {
  const started = performance.now();
  const archive = await Archive.load({ root, cacheDir, logger: warnLogger() });
  console.log(
    `${archive.size} articles, warm in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return archive;
}
