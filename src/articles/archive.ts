import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { collectGarbage } from "../collect.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import { silentLogger } from "../logger.js";
import { PeopleDirectory } from "../quotes/people.js";
import { type ArticleQuotes, extractQuotes } from "../quotes/quotes.js";
import { indexedArticleOf } from "../search/indexed-article.js";
import { peopleNamesOf, SearchIndex } from "../search/search.js";
import { type Article, compareNewestFirst } from "./article.js";
import {
  CacheRejected,
  readCacheFrames,
  readCacheMeta,
  readCacheSave,
  readCacheSection,
  writeCache,
} from "./cache.js";
import { type ArticleFileInfo, listArticleFiles, loadArticleFile, loadArticles } from "./loader.js";
import { articleSectionPieces, StoredArticles, storeArticles } from "./stored.js";

/** Milliseconds between named points of a load, for a debug line. */
class PhaseClock {
  private last = performance.now();
  private lastCpu = process.cpuUsage();
  private lastMain = mainThreadCpuMs();
  private readonly phases: string[] = [];

  /**
   * Wall time, the process's CPU time (every thread: inflating runs in the pool) and the main
   * thread's (Linux only, in 10 ms ticks).
   */
  mark(name: string): void {
    const now = performance.now();
    const cpu = process.cpuUsage(this.lastCpu);
    const main = mainThreadCpuMs();
    const mainPart = Number.isNaN(main) ? "" : `, main ${main - this.lastMain}`;
    this.phases.push(
      `${name} ${Math.round(now - this.last)} ms (CPU ${Math.round((cpu.user + cpu.system) / 1000)}${mainPart})`,
    );
    this.last = now;
    this.lastCpu = process.cpuUsage();
    this.lastMain = main;
  }

  summary(): string {
    return this.phases.join(", ");
  }
}

/** The main thread's own CPU time in ms, from /proc (10 ms ticks); NaN where there is none. */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * Below this many files, one thread loads: each worker thread holds its own copy of the
 * segmenter's and the converter's dictionaries (about 100 MB), which matters more to a small
 * archive's memory than the seconds it saves.
 */
const PARALLEL_FROM_FILES = 8_000;

/**
 * At most one save of the index per this many milliseconds under a stream of changes: a save
 * costs 10-20 s of CPU at the archive's size. The first change after a quiet spell is saved at
 * once; changes during the wait or during a save are all in the save that follows.
 */
export const SAVE_INTERVAL_MS = 30_000;

export interface ArchiveLoadOptions {
  root: string;
  cacheDir?: string | undefined;
  logger?: Logger;
  onProgress?: (done: number, total: number) => void;
  /**
   * Load the index another process persists to `cacheDir` (one process builds, watches and
   * saves; shard processes read): never list the folder, re-index or save. Without a usable
   * index the articles are loaded into memory, still without saving.
   */
  readOnly?: boolean;
  /** The least time between two saves after live changes (default `SAVE_INTERVAL_MS`). */
  saveIntervalMs?: number;
}

/**
 * Everything the commands answer from: the articles, the search index, the people and their
 * quotes. Knows nothing of Discord.
 */
export class Archive {
  private readonly byId = new Map<string, Article>();
  private sorted: Article[] | undefined;
  /** Which article each loaded file produced, to re-index only what changed. */
  private fileArticle = new Map<string, string | null>();
  private files: ArticleFileInfo[] = [];
  /** Where the index is persisted, when it is: saved again after changes of the files. */
  private cacheDir: string | undefined;
  /** Articles added or removed since the index was built or loaded. */
  private edits = 0;
  private readOnly = false;
  private saveIntervalMs = SAVE_INTERVAL_MS;
  /** When the last save ended (performance.now()), to space saves out. */
  private lastSaveEnded = Number.NEGATIVE_INFINITY;
  /** Changes not yet in a save, and the timer or running save that will take them. */
  private unsaved = false;
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> | undefined;
  /** Re-indexing and saving never overlap: a save reads the state one re-index leaves. */
  private exclusive: Promise<unknown> = Promise.resolve();
  /** The id of the persisted save this archive was loaded from or last saved as. */
  save: string | undefined;

  /** The people directory, once built or decoded (see `people`). */
  private peopleDirectory: PeopleDirectory | undefined;
  /** The persisted people section, deflated, until the directory is first asked for. */
  private peopleSection: Buffer | undefined;

  private constructor(
    private searchIndex: SearchIndex,
    people: PeopleDirectory | Buffer,
    private readonly logger: Logger,
    readonly root: string | undefined,
  ) {
    if (people instanceof PeopleDirectory) this.peopleDirectory = people;
    else this.peopleSection = people;
  }

  /**
   * Everyone quoted and their quotes. A warm start keeps the persisted directory deflated and
   * decodes it on first use (a person's quotes, the people list, a question): at the archive's
   * size decoding it is a second of a warm start's CPU.
   */
  get people(): PeopleDirectory {
    if (!this.peopleDirectory) {
      const data = inflateRawSync(this.peopleSection as Buffer).toString(PEOPLE_ENCODING);
      this.peopleSection = undefined;
      this.peopleDirectory = PeopleDirectory.deserialize(data);
    }
    return this.peopleDirectory;
  }

  /**
   * Decodes now what a warm start leaves for first use (the people directory, the English-name
   * map, the suggestions' names): the bot calls it once it is ready, while it logs in.
   */
  warmUp(): void {
    this.people;
    this.searchIndex.warmUp();
  }

  /** An archive over articles already in memory (tests, tools). */
  static fromArticles(articles: Iterable<Article>, logger: Logger = silentLogger): Archive {
    return Archive.build([...articles], logger);
  }

  private static build(
    list: Article[],
    logger: Logger,
    extracted?: Map<string, ArticleQuotes>,
    root?: string,
  ): Archive {
    const quotes = list.map((article) => extracted?.get(article.id) ?? extractQuotes(article));
    const archive = new Archive(
      SearchIndex.build(list),
      PeopleDirectory.build(quotes),
      logger,
      root,
    );
    for (const article of list) archive.byId.set(article.id, article);
    return archive;
  }

  /**
   * `build` for a cold start: the parsed articles become stored ones (see `storeArticles`; each
   * replaced in `list` as it goes), as a warm start loads them, before the index is built.
   */
  private static buildStored(
    list: Article[],
    logger: Logger,
    extracted: Map<string, ArticleQuotes> | undefined,
    root: string,
  ): Archive {
    const peopleFound: string[][] = [];
    const quotes: ArticleQuotes[] = [];
    const entries = storeArticles(list, (article) => {
      peopleFound.push(peopleNamesOf(article));
      quotes.push(extracted?.get(article.id) ?? extractQuotes(article));
    });
    extracted?.clear();
    // The last parsed articles are garbage, collected before the directory is built beside them.
    collectGarbage();
    // The directory is kept as a warm start keeps it, deflated until first asked for (`people`):
    // built as objects, every article's quotes were 100+ MB of the heap the index is built beside.
    const people = deflateRawSync(encodedPieces(PeopleDirectory.build(quotes).serializePieces()), {
      level: 1,
    });
    quotes.length = 0;
    // The parsed articles and their quotes are garbage now; collected before the index's arrays
    // are allocated.
    collectGarbage();
    const search = SearchIndex.buildEntries(
      entries.map((entry) => indexedArticleOf(entry.article, entry.folded, entry.bodyLength)),
      peopleFound,
    );
    const archive = new Archive(search, people, logger, root);
    for (const article of list) archive.byId.set(article.id, article);
    return archive;
  }

  /** Loads a folder of article files, from the persisted index when it is still valid. */
  static async load(options: ArchiveLoadOptions): Promise<Archive> {
    const logger = options.logger ?? silentLogger;
    const started = performance.now();
    // Listing (a stat per file) runs in the I/O threads while the cache is read and decoded.
    const listing = options.readOnly
      ? Promise.resolve([] as ArticleFileInfo[])
      : listArticleFiles(options.root);
    listing.catch(() => {});
    if (options.cacheDir) {
      const cached = options.readOnly
        ? await Archive.loadPersisted(options)
        : await Archive.fromCache(options, listing, logger);
      if (cached) {
        logger.info(
          `Loaded the index of ${cached.size} articles from ${options.cacheDir} in ${Math.round(performance.now() - started)} ms`,
        );
        return cached;
      }
    }
    const files = options.readOnly ? await listArticleFiles(options.root) : await listing;
    const report = await loadArticles(options.root, {
      logger,
      files,
      workers: files.length >= PARALLEL_FROM_FILES ? availableParallelism() : 1,
      quotes: true,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    const indexStarted = performance.now();
    const archive = Archive.buildStored(report.articles, logger, report.quotes, options.root);
    report.quotes = undefined;
    archive.files = files;
    archive.fileArticle = new Map(files.map((file) => [file.path, null]));
    for (const article of report.articles) archive.fileArticle.set(article.file, article.id);
    for (const duplicate of report.duplicates)
      archive.fileArticle.set(duplicate.dropped, duplicate.id);
    logger.info(
      `Indexed ${archive.size} articles in ${Math.round(performance.now() - indexStarted)} ms (ready ${Math.round(performance.now() - started)} ms after start)`,
    );
    archive.readOnly = options.readOnly ?? false;
    archive.saveIntervalMs = options.saveIntervalMs ?? SAVE_INTERVAL_MS;
    if (options.cacheDir && !options.readOnly) {
      archive.cacheDir = options.cacheDir;
      await archive.trySaveCache(options.cacheDir);
    }
    return archive;
  }

  /**
   * The index persisted in `options.cacheDir`, read-only (see `readOnly`), or undefined when there
   * is none usable: a shard reloading after the builder saved keeps its archive rather than parse.
   */
  static async loadPersisted(options: ArchiveLoadOptions): Promise<Archive | undefined> {
    const logger = options.logger ?? silentLogger;
    const dir = options.cacheDir;
    if (!dir) return undefined;
    const readOnly = { ...options, readOnly: true };
    const none = Promise.resolve([] as ArticleFileInfo[]);
    for (let attempt = 0; ; attempt++) {
      const before = await Archive.persistedSave(dir);
      const archive = await Archive.fromCache(readOnly, none, logger);
      if (archive || attempt >= 2) return archive;
      // A save renamed into place while its sections were read: read the new one.
      const after = await Archive.persistedSave(dir);
      if (after === undefined || after === before) return undefined;
    }
  }

  /** Saves the cache, logging rather than failing: the archive in memory is good either way. */
  async trySaveCache(cacheDir: string): Promise<void> {
    try {
      await this.saveCache(cacheDir);
    } catch (error) {
      this.logger.warn(`Could not save the index to ${cacheDir}: ${(error as Error).message}`);
    } finally {
      this.lastSaveEnded = performance.now();
    }
  }

  /** Runs `work` once every re-index or save started before it has ended. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.exclusive.then(work);
    this.exclusive = turn.catch(() => {});
    return turn;
  }

  /** Saves the changes, now or once `saveIntervalMs` has passed since the last save. */
  private scheduleSave(): void {
    this.unsaved = true;
    if (this.saveTimer || this.saving || !this.cacheDir) return;
    const wait = Math.max(0, this.lastSaveEnded + this.saveIntervalMs - performance.now());
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.saveNow();
    }, wait);
    this.saveTimer.unref?.();
  }

  private saveNow(): Promise<void> {
    const dir = this.cacheDir;
    if (!dir || this.saving) return this.saving ?? Promise.resolve();
    this.unsaved = false;
    this.saving = this.inTurn(() => this.trySaveCache(dir)).finally(() => {
      this.saving = undefined;
      if (this.unsaved) this.scheduleSave();
    });
    return this.saving;
  }

  /** Saves the changes not yet saved at once (at shutdown): the last change is never lost. */
  async flushSave(): Promise<void> {
    if (!this.cacheDir) return;
    for (;;) {
      if (this.saveTimer) {
        clearTimeout(this.saveTimer);
        this.saveTimer = undefined;
      }
      if (this.saving) {
        await this.saving;
        continue;
      }
      if (!this.unsaved) return;
      await this.saveNow();
    }
  }

  /** Resolves once no save is waiting or running (without hurrying one). */
  async savesSettled(): Promise<void> {
    while (this.saveTimer || this.saving) {
      await (this.saving ?? new Promise((done) => setTimeout(done, 10)));
    }
  }

  private static async fromCache(
    options: ArchiveLoadOptions,
    listing: Promise<ArticleFileInfo[]>,
    logger: Logger,
  ): Promise<Archive | undefined> {
    const dir = options.cacheDir as string;
    let archive: Archive;
    const phases = new PhaseClock();
    try {
      const meta = await readCacheMeta(dir);
      phases.mark("meta");
      if (!meta) {
        logger.info(`No persisted index in ${dir}; building one`);
        return undefined;
      }
      if (meta.root !== resolve(options.root)) {
        logger.info(`The persisted index in ${dir} was built for ${meta.root}; rebuilding it`);
        return undefined;
      }
      // The people section stays deflated until the directory is first asked for (its checksum
      // is checked now); the articles section inflates in the thread pool meanwhile. Each section
      // is let go once read (the search section's postings stay in it).
      const articleFrames = readCacheFrames(dir, meta, "articles");
      articleFrames.catch(() => {});
      const people = await readCacheSection(dir, meta, "people", { inflate: false });
      phases.mark("people read");
      // Its frames inflate two at a time; the articles are decoded from the first while the
      // folded texts that follow inflate.
      const stored = await StoredArticles.fromFrames(await articleFrames);
      phases.mark("articles read and decoded");
      // Not read while the articles inflate: holding both sections at once left the process
      // 180 MB more resident after the first commands (1,120 against 940 MB at the archive).
      const searchSection = await readCacheSection(dir, meta, "search");
      phases.mark("search read");
      const search = SearchIndex.deserializeEntries(
        searchSection,
        stored.entries.map((entry) =>
          indexedArticleOf(entry.article, entry.folded, entry.bodyLength),
        ),
      );
      phases.mark("search decoded");
      const articles = stored.entries.map((entry) => entry.article);
      archive = new Archive(search, people, logger, options.root);
      for (const article of articles) archive.byId.set(article.id, article);
      archive.files = meta.files;
      archive.fileArticle = meta.fileArticle;
      archive.save = meta.save;
      phases.mark("archive");
    } catch (error) {
      const why = error instanceof CacheRejected ? "" : "unreadable: ";
      logger.warn(
        `The persisted index in ${dir} is ${why}${(error as Error).message}; rebuilding it`,
      );
      return undefined;
    }
    if (options.readOnly) {
      archive.readOnly = true;
      logger.debug(`Warm start phases: ${phases.summary()}`);
      return archive;
    }
    archive.cacheDir = dir;
    archive.saveIntervalMs = options.saveIntervalMs ?? SAVE_INTERVAL_MS;
    const files = await listing;
    phases.mark("listing");
    if ((await archive.applyFileChanges(files)) > 0) await archive.flushSave();
    phases.mark("file changes");
    logger.debug(`Warm start phases: ${phases.summary()}`);
    return archive;
  }

  /** Persists everything to `cacheDir` (see cache.ts and stored.ts). */
  async saveCache(cacheDir: string): Promise<void> {
    const started = performance.now();
    const searchPieces = this.searchIndex.serializePieces();
    const entries = [...this.byId.values()].map((article) => {
      const entry = this.searchIndex.indexedArticle(article.id);
      if (!entry) throw new Error(`article ${article.id} is not in the search index`);
      return entry;
    });
    this.save = await writeCache(
      cacheDir,
      {
        articles: () => articleSectionPieces(entries),
        search: () => searchPieces,
        // A directory never asked for is saved as it was read, without decoding it.
        people: () => [
          this.peopleSection
            ? inflateRawSync(this.peopleSection)
            : Buffer.from(this.people.serialize(), PEOPLE_ENCODING),
        ],
      },
      {
        root: resolve(this.root ?? ""),
        files: this.files,
        fileArticle: new Map(this.fileArticle),
      },
    );
    this.logger.info(
      `Saved the index to ${cacheDir} in ${Math.round(performance.now() - started)} ms`,
    );
    if (this.edits > 0) {
      // Live updates leave decoded postings and the short ids of removed articles behind; the
      // index just saved has neither, so it replaces the one in memory.
      this.searchIndex = SearchIndex.deserializeEntries(Buffer.concat(searchPieces), entries);
      this.logger.info(`Compacted the search index after ${this.edits} live updates`);
      this.edits = 0;
    }
  }

  /**
   * The id of the save persisted in `cacheDir` now (undefined without a usable one): a read-only
   * archive whose `save` differs is out of date and can be loaded again.
   */
  static async persistedSave(cacheDir: string): Promise<string | undefined> {
    try {
      return await readCacheSave(cacheDir);
    } catch {
      return undefined;
    }
  }

  get search(): SearchIndex {
    return this.searchIndex;
  }

  get size(): number {
    return this.byId.size;
  }

  /** All articles, newest first. */
  get articles(): readonly Article[] {
    this.sorted ??= [...this.byId.values()].sort(compareNewestFirst);
    return this.sorted;
  }

  get(id: string): Article | undefined {
    return this.byId.get(normalizeArticleId(id));
  }

  /** The article a member named, by id, number or link; the newest when none is named. */
  resolve(id?: string | null): Article {
    if (this.size === 0) throw new UserError("articles.none");
    if (id === undefined || id === null || id.trim() === "") return this.articles[0] as Article;
    const article = this.get(id);
    if (article) return article;
    throw new UserError("article.notFound", { id: id.trim().slice(0, 60) }, [
      { code: "article.listHint" },
    ]);
  }

  /** Adds or replaces one article everywhere. */
  upsert(article: Article): void {
    if (this.byId.has(article.id)) this.remove(article.id);
    const quotes = extractQuotes(article);
    this.byId.set(article.id, article);
    this.searchIndex.add(article);
    this.edits++;
    this.people.add(quotes);
    this.sorted = undefined;
  }

  remove(id: string): boolean {
    if (!this.byId.delete(id)) return false;
    this.searchIndex.remove(id);
    this.edits++;
    this.people.remove(id);
    this.sorted = undefined;
    return true;
  }

  /**
   * Re-reads only the files that are new, changed or gone since the last look, and updates the
   * indexes, then saves the index (at most once per `saveIntervalMs`; see `flushSave`). Returns
   * how many files changed.
   */
  async applyFileChanges(current?: ArticleFileInfo[]): Promise<number> {
    if (!this.root || this.readOnly) return 0;
    const changed = await this.inTurn(() => this.reindexChangedFiles(current));
    if (changed > 0) this.scheduleSave();
    return changed;
  }

  private async reindexChangedFiles(current?: ArticleFileInfo[]): Promise<number> {
    if (!this.root) return 0;
    const files = current ?? (await listArticleFiles(this.root));
    if (sameFiles(this.files, files)) {
      this.files = files;
      return 0;
    }
    const before = new Map(this.files.map((file) => [file.path, file]));
    const now = new Map(files.map((file) => [file.path, file]));
    let changed = 0;
    for (const [path] of before) {
      if (now.has(path)) continue;
      changed++;
      const id = this.fileArticle.get(path);
      this.fileArticle.delete(path);
      if (id && ![...this.fileArticle.values()].includes(id)) {
        this.remove(id);
        this.logger.info(`Removed article ${id}: ${path} is gone`);
      }
    }
    for (const [path, file] of now) {
      const old = before.get(path);
      if (old && old.size === file.size && old.mtimeMs === file.mtimeMs) continue;
      changed++;
      try {
        const article = await loadArticleFile(this.root, path);
        const previousId = this.fileArticle.get(path);
        if (previousId && previousId !== article.id) this.remove(previousId);
        this.upsert(article);
        this.fileArticle.set(path, article.id);
        this.logger.info(
          `${old ? "Re-indexed" : "Indexed new"} article ${article.id} from ${path}`,
        );
      } catch (error) {
        this.fileArticle.set(path, null);
        this.logger.warn(`Skipped ${path}: ${(error as Error).message}`);
      }
    }
    this.files = files;
    return changed;
  }
}

/** Whether two listings name the same files, in the same order, with the same sizes and times. */
function sameFiles(a: readonly ArticleFileInfo[], b: readonly ArticleFileInfo[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as ArticleFileInfo;
    const y = b[i] as ArticleFileInfo;
    if (x.path !== y.path || x.size !== y.size || x.mtimeMs !== y.mtimeMs) return false;
  }
  return true;
}

/**
 * The people section's text encoding: mostly Chinese, which UTF-16 writes in 2 bytes a character
 * rather than 3, and decodes by copying.
 */
const PEOPLE_ENCODING = "utf16le";

/**
 * Pieces of text in `PEOPLE_ENCODING`, written one after the other into one buffer: no string of
 * them all joined (at the archive's size the directory is 36 MB of text, joined and then copied
 * when encoded).
 */
function encodedPieces(pieces: readonly string[]): Buffer {
  let units = 0;
  for (const piece of pieces) units += piece.length;
  const bytes = Buffer.allocUnsafe(units * 2);
  let at = 0;
  for (const piece of pieces) at += bytes.write(piece, at, PEOPLE_ENCODING);
  if (at !== bytes.length) throw new Error("people: the directory's text did not encode whole");
  return bytes;
}

/** Accepts `n13495457`, `13495457`, or a link ending in `/n13495457.htm`. */
export function normalizeArticleId(input: string): string {
  const trimmed = input.trim();
  const fromLink = /\/(n?\d{5,})\.html?(?:[?#].*)?$/.exec(trimmed);
  const id = fromLink?.[1] ?? trimmed;
  return /^\d{5,}$/.test(id) ? `n${id}` : id;
}
