import { readFile as readFileCallback, type Stats, stat as statCallback, statSync } from "node:fs";
import { readdir, realpath } from "node:fs/promises";
import { basename, extname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import { type ArticleQuotes, extractQuotes } from "../quotes/quotes.js";
import type { Article } from "./article.js";
import { ArticleParseError, decodeArticleBytes, idFromUrl, parseArticle } from "./parse.js";

/**
 * Loads a folder of saved articles: finds the files, reads them with bounded concurrency,
 * parses each on its own (one bad file never stops the rest), and keeps one article per id.
 */

export interface ArticleFileInfo {
  /** Path relative to the loaded root, with "/" separators. */
  path: string;
  size: number;
  mtimeMs: number;
}

export interface LoadReport {
  /** Files considered. */
  files: number;
  /** One article per id, in path order. */
  articles: Article[];
  skipped: { file: string; reason: string }[];
  duplicates: { id: string; kept: string; dropped: string }[];
  /** Files that loaded but are damaged (truncated HTML); each was logged. */
  notes: { file: string; note: string }[];
  ms: number;
  /** With `quotes: true`, the quotations of each loaded article, by article id. */
  quotes?: Map<string, ArticleQuotes>;
}

export interface LoadOptions {
  logger: Logger;
  onProgress?: (done: number, total: number) => void;
  /** The files to load, as `listArticleFiles` gives them (listed when absent). */
  files?: ArticleFileInfo[];
  /** Larger files are skipped unread (default `MAX_ARTICLE_BYTES`). */
  maxBytes?: number;
  /**
   * Threads that read and parse (default 1: the main thread only). With 2 or more, worker
   * threads share the files; `os.availableParallelism()` is a good value for large folders.
   */
  workers?: number;
  /** Also extract each article's quotations, in the same threads as the parsing. */
  quotes?: boolean;
}

const ARTICLE_FILE = /\.(?:md|txt|html)$/i;

/**
 * Files above this size are skipped without being read. The largest real article in the
 * 2020-2022 archive is 79 KB (median 5.5 KB), so 8 MB leaves a hundredfold margin; anything
 * bigger is a dump, a log or a binary saved with the wrong name, and reading and parsing it
 * would hold tens of megabytes of text and DOM in memory for nothing.
 */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/** Reads in flight at once: enough to hide disk latency, far below any open-file limit. */
const READ_CONCURRENCY = 32;

// The callback forms of readFile and stat cost about half as much per call as fs/promises,
// which matters over tens of thousands of small files.
function readFile(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    readFileCallback(path, (error, data) => (error ? reject(error) : resolve(data))),
  );
}

function stat(path: string): Promise<Stats> {
  return new Promise((resolve, reject) =>
    statCallback(path, (error, stats) => (error ? reject(error) : resolve(stats))),
  );
}

async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function byPath(a: ArticleFileInfo, b: ArticleFileInfo): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * The article files under `root` (.md, .txt, .html, any case), recursively, sorted by path.
 * Hidden folders and `node_modules` are not entered; symbolic links are followed once.
 * A root that is a single file lists that file.
 */
export async function listArticleFiles(root: string): Promise<ArticleFileInfo[]> {
  let rootStats: Stats;
  try {
    rootStats = await stat(root);
  } catch {
    throw new UserError("folder.missing", { folder: root });
  }
  if (rootStats.isFile()) {
    return [{ path: basename(root), size: rootStats.size, mtimeMs: rootStats.mtimeMs }];
  }
  /** Full path and path relative to the root, `/`-separated. */
  const found: Array<[string, string]> = [];
  const seen = new Set<string>([await realpath(root)]);
  // Folders are entered once each, by real path, in name order: a folder reached through a
  // link and directly is listed once, and a link back up the tree ends there.
  const walk = async (dir: string, relativeDir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      // Joined as it is, not with path.join: normalizing every path (character by character)
      // was a fifth of a warm start's listing; the path only reaches the file system.
      const full = `${dir}${dir.endsWith(sep) ? "" : sep}${entry.name}`;
      const relativePath = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // A dangling link.
        }
      }
      if (isDir) {
        const real = await realpath(full);
        if (seen.has(real)) continue;
        seen.add(real);
        await walk(full, relativePath);
      } else if (isFile && ARTICLE_FILE.test(entry.name)) found.push([full, relativePath]);
    }
  };
  await walk(root, "");
  // Synchronous: a stat through the thread pool costs several times the system call itself in
  // hand-offs and callbacks (1.5 against 0.4 s of CPU for the archive's 65,525 files, on a busy machine).
  const infos = found.map(([full, path]) => {
    const stats = statSync(full);
    return { path, size: stats.size, mtimeMs: stats.mtimeMs };
  });
  return infos.sort(byPath);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readArticleBytes(full: string, size: number, maxBytes: number): Promise<Buffer> {
  if (size === 0) throw new ArticleParseError("empty file");
  if (size > maxBytes) {
    throw new ArticleParseError(
      `file too large (${megabytes(size)} MB; articles over ${megabytes(maxBytes)} MB are skipped)`,
    );
  }
  try {
    return await readFile(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "read error";
    throw new ArticleParseError(`cannot read file (${code})`);
  }
}

async function readArticle(
  full: string,
  path: string,
  size: number,
  maxBytes: number,
  notes?: string[],
): Promise<Article> {
  return parseArticle(
    decodeArticleBytes(await readArticleBytes(full, size, maxBytes)),
    path,
    notes,
  );
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "");
}

/** Loads one file of the folder; throws `ArticleParseError` saying why it is not an article. */
export async function loadArticleFile(root: string, path: string): Promise<Article> {
  const full = (await isFile(root)) && basename(root) === path ? root : join(root, path);
  let stats: Stats;
  try {
    stats = await stat(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "stat error";
    throw new ArticleParseError(`cannot read file (${code})`);
  }
  if (!stats.isFile()) throw new ArticleParseError("not a file");
  return readArticle(full, path, stats.size, MAX_ARTICLE_BYTES);
}

/** One file to load, as sent to a worker. */
export interface FileJob {
  full: string;
  path: string;
  size: number;
}

/** What became of one file; plain data, so it crosses to and from worker threads. */
export interface FileOutcome {
  article?: Article;
  /**
   * An identical copy of the file at this position of the same chunk: its article (under this
   * file's path) is made where the chunk is received, not sent across threads twice.
   */
  copyOf?: number;
  quotes?: ArticleQuotes;
  /** Why the file was skipped. */
  reason?: string;
  /** Set when the reason is a bug rather than a bad file. */
  unexpected?: boolean;
  notes: string[];
}

export interface ChunkOptions {
  maxBytes: number;
  quotes: boolean;
}

/**
 * Files already parsed in this chunk, by name and size: an article filed under several
 * channels is saved as identical copies with the same file name, parsed once.
 */
type Twins = Map<string, { bytes: Buffer; outcome: FileOutcome; index: number }>;

/** Reads and parses one file; never throws. */
export async function loadFileOutcome(
  job: FileJob,
  options: ChunkOptions,
  twins?: Twins,
  index = 0,
): Promise<FileOutcome> {
  const notes: string[] = [];
  try {
    const bytes = await readArticleBytes(job.full, job.size, options.maxBytes);
    const key = `${basename(job.path)}\u0000${bytes.length}`;
    const twin = twins?.get(key);
    if (twin?.outcome.article && twin.bytes.equals(bytes)) {
      return { copyOf: twin.index, notes: [...twin.outcome.notes] };
    }
    const article = parseArticle(decodeArticleBytes(bytes), job.path, notes);
    const outcome: FileOutcome = { article, notes };
    if (options.quotes) outcome.quotes = extractQuotes(article);
    twins?.set(key, { bytes, outcome, index });
    return outcome;
  } catch (error) {
    if (error instanceof ArticleParseError) return { reason: error.message, notes };
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { reason: `unexpected error: ${message.split("\n")[0]}`, unexpected: true, notes };
  }
}

/**
 * Loads a list of files, a few reads at a time; the outcomes are in the order of the list, an
 * identical copy of an earlier file as `copyOf` (see `withCopies`).
 */
export function loadChunk(jobs: FileJob[], options: ChunkOptions): Promise<FileOutcome[]> {
  const twins: Twins = new Map();
  return mapLimit(jobs, READ_CONCURRENCY, (job, index) =>
    loadFileOutcome(job, options, twins, index),
  );
}

/**
 * The outcomes of a chunk with each copy's article made from the one it copies, under its own
 * path. The copy's quotations are left out: the kept copy of identical ones is the first, and
 * any other is extracted again by `loadArticles`.
 */
function withCopies(outcomes: FileOutcome[], jobs: FileJob[], start: number): FileOutcome[] {
  return outcomes.map((outcome, i) => {
    if (outcome.copyOf === undefined) return outcome;
    const article = outcomes[outcome.copyOf]?.article;
    const path = jobs[start + i]?.path;
    if (!article || path === undefined) return { reason: "lost copy", unexpected: true, notes: [] };
    return { article: { ...article, file: path }, notes: outcome.notes };
  });
}

/** Files handed out at a time to each lane (the main thread or a worker). */
const CHUNK = 256;

/**
 * Loads every article file under `root`. Each file that is not an article is skipped with one
 * warning naming it and the reason; a damaged file that still holds an article is loaded with
 * one warning; copies of an article (same id) are merged, keeping one. One info line sums up.
 *
 * With `workers` > 1, that many threads read and parse (the main thread and `workers - 1`
 * worker threads), pulling chunks of files from one queue; a worker that cannot start leaves
 * its share to the others. The result is the same, in the same order.
 */
export async function loadArticles(root: string, options: LoadOptions): Promise<LoadReport> {
  const started = performance.now();
  const { logger, onProgress } = options;
  const maxBytes = options.maxBytes ?? MAX_ARTICLE_BYTES;
  const files = options.files ?? (await listArticleFiles(root));
  const single = await isFile(root);
  const chunkOptions: ChunkOptions = { maxBytes, quotes: options.quotes ?? false };
  // Files with the same name go to the same chunk, so that identical copies are parsed once.
  const byPathOrder = files.map((info) => ({
    full: single ? root : join(root, info.path),
    path: info.path,
    size: info.size,
  }));
  const order = byPathOrder
    .map((job, index) => ({ name: basename(job.path), index }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index))
    .map((entry) => entry.index);
  const jobs = order.map((index) => byPathOrder[index] as FileJob);
  const outcomes = new Array<FileOutcome | undefined>(jobs.length);
  let done = 0;
  const record = (index: number, outcome: FileOutcome) => {
    const original = order[index] as number;
    outcomes[original] = outcome;
    const path = byPathOrder[original]?.path ?? "";
    if (outcome.reason) {
      if (outcome.unexpected) logger.error(`skipped ${path}: ${outcome.reason}`);
      else logger.warn(`skipped ${path}: ${outcome.reason}`);
    }
    for (const note of outcome.notes) logger.warn(`loaded ${path} with a problem: ${note}`);
    onProgress?.(++done, jobs.length);
  };

  let nextChunk = 0;
  const takeChunk = (): number | undefined => {
    if (nextChunk >= jobs.length) return undefined;
    const start = nextChunk;
    nextChunk += CHUNK;
    return start;
  };
  const mainLane = async () => {
    for (let start = takeChunk(); start !== undefined; start = takeChunk()) {
      const chunk = await loadChunk(jobs.slice(start, start + CHUNK), chunkOptions);
      for (const [i, outcome] of withCopies(chunk, jobs, start).entries())
        record(start + i, outcome);
    }
  };
  const workerCount = Math.max(
    0,
    Math.min((options.workers ?? 1) - 1, Math.ceil(jobs.length / CHUNK) - 1),
  );
  const lanes = [mainLane()];
  for (let i = 0; i < workerCount; i++)
    lanes.push(workerLane(takeChunk, jobs, chunkOptions, record, logger));
  await Promise.all(lanes);

  const skipped: LoadReport["skipped"] = [];
  const notes: LoadReport["notes"] = [];
  const parsed: Article[] = [];
  const quotesByFile = new Map<string, ArticleQuotes>();
  outcomes.forEach((outcome, index) => {
    const file = byPathOrder[index]?.path ?? "";
    if (outcome?.article) parsed.push(outcome.article);
    if (outcome?.quotes) quotesByFile.set(file, outcome.quotes);
    if (outcome?.reason) skipped.push({ file, reason: outcome.reason });
    for (const note of outcome?.notes ?? []) notes.push({ file, note });
  });
  const { articles, duplicates } = mergeDuplicates(parsed, logger);
  const ms = Math.round(performance.now() - started);
  logger.info(
    `loaded ${articles.length} articles from ${files.length} files in ${ms} ms: ` +
      `${skipped.length} skipped, ${duplicates.length} duplicates dropped` +
      (notes.length > 0 ? `, ${notes.length} loaded with problems` : ""),
  );
  const report: LoadReport = { files: files.length, articles, skipped, duplicates, notes, ms };
  if (options.quotes) {
    // A copy renamed by mergeDuplicates (same file name, different article) is extracted anew.
    report.quotes = new Map(
      articles.map((article) => {
        const quotes = quotesByFile.get(article.file);
        return [
          article.id,
          quotes && quotes.articleId === article.id ? quotes : extractQuotes(article),
        ];
      }),
    );
  }
  return report;
}

/**
 * A worker thread running `load-worker`: the compiled `load-worker.js` beside this module when
 * running from dist/ (`npm start`); under tsx (tests, `npm run dev`) the TypeScript module, after
 * registering tsx's loader in the thread, since loader hooks do not pass to workers on their own.
 */
function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  const script = new URL(`./load-worker${extname(here)}`, import.meta.url);
  if (extname(here) !== ".ts") return new Worker(script);
  // tsx's ESM entry (its require entry cannot be imported); throws where it cannot be found.
  const tsx = import.meta.resolve("tsx/esm/api");
  const code =
    `import(${JSON.stringify(tsx)}).then((api) => { api.register(); ` +
    `return import(${JSON.stringify(script.href)}); });`;
  return new Worker(code, { eval: true });
}

async function workerLane(
  takeChunk: () => number | undefined,
  jobs: FileJob[],
  options: ChunkOptions,
  record: (index: number, outcome: FileOutcome) => void,
  logger: Logger,
): Promise<void> {
  let worker: Worker;
  try {
    worker = startWorker();
  } catch (error) {
    logger.debug("loader: no worker thread, loading on the main thread", error);
    return;
  }
  let current: number | undefined;
  let settle: ((ok: boolean) => void) | undefined;
  worker.on("message", (message: { start: number; outcomes: FileOutcome[] }) => {
    const outcomes = withCopies(message.outcomes, jobs, message.start);
    for (const [i, outcome] of outcomes.entries()) record(message.start + i, outcome);
    current = undefined;
    settle?.(true);
  });
  worker.on("error", (error) => {
    logger.debug("loader: a worker thread failed; the main thread takes over its files", error);
    settle?.(false);
  });
  // A worker that ends without a word (killed, out of memory) must not leave the load hanging.
  worker.on("exit", () => settle?.(false));
  try {
    for (let start = takeChunk(); start !== undefined; start = takeChunk()) {
      current = start;
      const ok = await new Promise<boolean>((resolve) => {
        settle = resolve;
        worker.postMessage({ start, jobs: jobs.slice(start, start + CHUNK), options });
      });
      if (!ok) break;
    }
  } finally {
    await worker.terminate();
  }
  // A failed worker's chunk is loaded here, on the main thread.
  if (current !== undefined) {
    const start = current;
    const chunk = await loadChunk(jobs.slice(start, start + CHUNK), options);
    for (const [i, outcome] of withCopies(chunk, jobs, start).entries()) record(start + i, outcome);
  }
}

function bodyLength(article: Article): number {
  let length = 0;
  for (const paragraph of article.paragraphs) length += paragraph.length;
  return length;
}

function sameContent(a: Article, b: Article): boolean {
  return (
    a.title === b.title &&
    a.paragraphs.length === b.paragraphs.length &&
    a.paragraphs.every((paragraph, i) => paragraph === b.paragraphs[i])
  );
}

/**
 * Keeps one article per id. Copies of one article (the same story filed under several channels)
 * keep the copy with the longest body, the first by path on a tie; each dropped copy gets one
 * log line naming both files and the one kept (debug when the copies are identical, the usual
 * case, info when they differ). Two different pages that merely share a file name (no source
 * link, different titles) are not copies: the later one gets the id `<name>-2` and a warning.
 */
export function mergeDuplicates(
  articles: readonly Article[],
  logger: Logger,
): { articles: Article[]; duplicates: LoadReport["duplicates"] } {
  const byId = new Map<string, number>();
  const kept: Article[] = [];
  const duplicates: LoadReport["duplicates"] = [];
  for (let article of articles) {
    let index = byId.get(article.id);
    const existing = index === undefined ? undefined : kept[index];
    if (existing && index !== undefined) {
      const fromLink = idFromUrl(article.url) === article.id;
      if (!fromLink && existing.title !== article.title) {
        let n = 2;
        while (byId.has(`${article.id}-${n}`)) n++;
        const id = `${article.id}-${n}`;
        logger.warn(
          `${article.file} and ${existing.file} share the id ${article.id} but are different articles; ` +
            `${article.file} is loaded as ${id}`,
        );
        article = { ...article, id };
        index = undefined;
      } else {
        const identical = sameContent(existing, article);
        const replace = bodyLength(article) > bodyLength(existing);
        const keep = replace ? article : existing;
        const drop = replace ? existing : article;
        duplicates.push({ id: article.id, kept: keep.file, dropped: drop.file });
        const line = `duplicate ${article.id}: kept ${keep.file}, dropped ${drop.file}`;
        if (identical) logger.debug(`${line} (identical copies)`);
        else logger.info(`${line} (copies differ; kept the longer body)`);
        if (replace) kept[index] = article;
        continue;
      }
    }
    byId.set(article.id, kept.length);
    kept.push(article);
  }
  return { articles: kept, duplicates };
}
