import { EventEmitter } from "node:events";
import { type FSWatcher, readdirSync, statSync, unwatchFile, watch, watchFile } from "node:fs";
import { join, resolve } from "node:path";
import { loadEnglishDictionary } from "./answers/english.js";
import { Archive } from "./articles/archive.js";
import { cachePath } from "./articles/cache.js";
import { startConsole } from "./cli/console.js";
import { type Config, loadConfig } from "./config.js";
import { localAnswerer, remoteAnswerer } from "./discord/answerer.js";
import { createBot } from "./discord/bot.js";
import { runAsEntryPoint } from "./entry.js";
import { createLogger, handleProcessFaults, type Logger } from "./logger.js";

/**
 * `npm start`: loads and indexes the articles (progress in the log), then runs the Discord bot
 * when DISCORD_TOKEN is set, else the local console. Watches SEEDS_DIR and re-indexes only the
 * files that changed. SIGINT/SIGTERM shut down cleanly. Under discord.js's ShardingManager this
 * same file is each shard's process: discord.js reads the shard ids from the environment.
 */

/** Loads the archive, logging progress at most every 10 % or 5 s. */
export async function loadArchive(
  config: Config,
  logger: Logger,
  options: { readOnly?: boolean } = {},
): Promise<Archive> {
  let lastLogged = 0;
  let lastPercent = -10;
  logger.info(
    `Loading articles from ${resolve(config.SEEDS_DIR)}${config.INDEX_CACHE ? ` (index cache ${config.INDEX_CACHE})` : ""}`,
  );
  const archive = await Archive.load({
    root: config.SEEDS_DIR,
    cacheDir: config.INDEX_CACHE,
    logger,
    readOnly: options.readOnly ?? false,
    onProgress: (done, total) => {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      const now = Date.now();
      if (done === total || percent >= lastPercent + 10 || now - lastLogged >= 5_000) {
        lastPercent = percent;
        lastLogged = now;
        logger.info(`Parsed ${done}/${total} files (${percent}%)`);
      }
    },
  });
  // Ready now; what a warm start left for first use, and the English dictionary, are read while
  // the bot logs in.
  setImmediate(() => warmUpArchive(archive, logger));
  return archive;
}

/**
 * Decodes what a warm start leaves for first use (`Archive.warmUp`) and reads the English
 * dictionary, so that no member's command pays for them. It runs outside every handler (a timer,
 * a reload): a failure is logged rather than thrown as an uncaught exception, which shuts the bot
 * down; the command that first needs what failed meets the error again and answers with it.
 */
export function warmUpArchive(archive: Archive, logger: Logger): void {
  const started = performance.now();
  try {
    archive.warmUp();
    loadEnglishDictionary();
  } catch (error) {
    logger.error("Warming up the archive failed (its first use will try again)", error);
    return;
  }
  logger.debug(`Warmed up in ${Math.round(performance.now() - started)} ms`);
}

export interface ArchiveWatcher {
  close(): void;
  /** Resolves when no re-index is running or pending (for tests and shutdown). */
  idle(): Promise<void>;
}

/**
 * Watches the article folder (recursively where the platform supports it) and, after a quiet
 * moment, re-indexes only what changed. Runs never overlap; changes during a run trigger another.
 */
export function watchArchive(
  archive: Archive,
  root: string,
  logger: Logger,
  debounceMs = 500,
): ArchiveWatcher {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const run = () => {
    timer = undefined;
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    const started = performance.now();
    running = archive
      .applyFileChanges()
      .then((changed) => {
        if (changed > 0) {
          logger.info(
            `Re-indexed ${changed} changed file${changed === 1 ? "" : "s"} in ${Math.round(performance.now() - started)} ms; ${archive.size} articles`,
          );
        }
      })
      .catch((error: unknown) => logger.error("Re-indexing after a change failed", error))
      .finally(() => {
        running = undefined;
        if (again && !closed) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };
  let watcher: FolderWatcher | undefined;
  try {
    watcher =
      process.platform === "linux"
        ? watchFolders(root, schedule)
        : watch(root, { recursive: true, persistent: false }, schedule);
  } catch (error) {
    try {
      watcher = watch(root, { persistent: false }, schedule);
      logger.warn(`Watching ${root} without subfolders: ${(error as Error).message}`);
    } catch (inner) {
      logger.warn(`Cannot watch ${root} for new articles: ${(inner as Error).message}`);
    }
  }
  watcher?.on("error", (error) => logger.warn(`Watching ${root} failed: ${error.message}`));
  if (watcher) logger.info(`Watching ${resolve(root)} for new or changed articles`);
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
    async idle() {
      while (timer || running) {
        await (running ?? new Promise((done) => setTimeout(done, 20)));
      }
    },
  };
}

/** What `watchArchive` needs of a watcher. */
interface FolderWatcher {
  close(): void;
  on(event: "error", listener: (error: Error) => void): unknown;
}

/**
 * Watches `root` and every folder under it with one plain (not recursive) watcher a folder, and
 * the folders made later. On Linux, Node 20's recursive `fs.watch` is JavaScript that watches
 * and keeps a record of every file: at the archive (65,525 files in 13 folders) 170 MB more RSS
 * and 11 s to set up, where a folder's inotify watch already reports its files' changes.
 * `onChange` is called on every event; what changed is found by listing (`applyFileChanges`).
 */
export function watchFolders(root: string, onChange: () => void): FolderWatcher {
  const events = new EventEmitter();
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  const forget = (dir: string) => {
    watchers.get(dir)?.close();
    watchers.delete(dir);
  };
  const add = (dir: string) => {
    if (closed || watchers.has(dir)) return;
    const watcher = watch(dir, { persistent: false }, (_event, name) => {
      onChange();
      if (name) follow(join(dir, String(name)));
    });
    watcher.on("error", (error) => {
      forget(dir);
      if (dir === root) events.emit("error", error);
    });
    watchers.set(dir, watcher);
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory()) follow(join(dir, entry.name));
  };
  /** A path an event named: a new folder is watched, a folder gone is forgotten. */
  const follow = (path: string) => {
    try {
      if (statSync(path).isDirectory()) add(path);
    } catch {
      if (watchers.has(path)) forget(path);
    }
  };
  add(root);
  return Object.assign(events, {
    close() {
      closed = true;
      for (const dir of [...watchers.keys()]) forget(dir);
    },
  });
}

/** How often a read-only process looks for a newer save of the index (a stat of its meta file). */
export const PERSISTED_POLL_MS = 1_000;

/**
 * For a read-only process (`--read-only`): when the process that builds the index saves a newer one to
 * `cacheDir`, loads it, warms it up (`warmUpArchive`) and hands it to `swap`. Loads never overlap; a save it cannot read yet
 * (being renamed into place, damaged) keeps the archive in use until the next save.
 */
export function followPersistedIndex(
  current: () => Archive,
  swap: (archive: Archive) => void,
  options: { root: string; cacheDir: string; logger: Logger; pollMs?: number },
): ArchiveWatcher {
  const { root, cacheDir, logger } = options;
  const meta = cachePath(cacheDir, "meta");
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const reload = () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      const save = await Archive.persistedSave(cacheDir);
      if (!save || save === current().save) return;
      const started = performance.now();
      const archive = await Archive.loadPersisted({ root, cacheDir, logger });
      if (!archive || closed) return;
      // Warmed up before it answers: the archive in use answers meanwhile.
      warmUpArchive(archive, logger);
      swap(archive);
      logger.info(
        `Reloaded the index (save ${archive.save}, ${archive.size} articles) in ${Math.round(performance.now() - started)} ms`,
      );
    })()
      .catch((error: unknown) => logger.error("Reloading the persisted index failed", error))
      .finally(() => {
        running = undefined;
        if (again && !closed) {
          again = false;
          reload();
        }
      });
  };
  // Polling a stat survives the meta file being replaced by a rename, which fs.watch may not.
  watchFile(meta, { interval: options.pollMs ?? PERSISTED_POLL_MS, persistent: false }, reload);
  logger.info(`Following the index persisted in ${resolve(cacheDir)} (read-only)`);
  return {
    close() {
      closed = true;
      unwatchFile(meta, reload);
    },
    async idle() {
      while (running) await running;
    },
  };
}

export interface MainOptions {
  /**
   * Load the index another process builds and saves to INDEX_CACHE, and follow its saves, rather
   * than watch the folder (`--read-only`: a process beside the one that builds, with no manager
   * to ask; shards of src/discord/sharded.ts ask theirs, `--remote`).
   */
  readOnly?: boolean;
  /**
   * Hold no index: ask the ShardingManager that spawned this process, which holds the one index
   * (`--remote`: each shard under src/discord/sharded.ts).
   */
  remote?: boolean;
}

/**
 * `--index-cache DIR` overrides INDEX_CACHE; `--read-only` makes the process a reader of that
 * index.
 */
export function withArgs(config: Config, argv: string[]): Config {
  const at = argv.indexOf("--index-cache");
  const dir = at >= 0 ? argv[at + 1] : undefined;
  return dir ? { ...config, INDEX_CACHE: dir } : config;
}

export async function main(
  config: Config = withArgs(loadConfig(), process.argv.slice(2)),
  options: MainOptions = {
    readOnly: process.argv.slice(2).includes("--read-only"),
    remote: process.argv.slice(2).includes("--remote"),
  },
): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  if (options.remote) {
    await startRemoteShard(config, logger);
    return;
  }
  const readOnly = Boolean(options.readOnly && config.INDEX_CACHE);
  let archive = await loadArchive(config, logger, { readOnly });
  const current = () => archive;
  const watcher = readOnly
    ? followPersistedIndex(
        current,
        (next) => {
          archive = next;
        },
        { root: config.SEEDS_DIR, cacheDir: config.INDEX_CACHE as string, logger },
      )
    : watchArchive(archive, config.SEEDS_DIR, logger);
  const closeWatcher = async () => {
    watcher.close();
    await watcher.idle();
    await archive.flushSave();
  };
  if (config.DISCORD_TOKEN) {
    const bot = createBot(localAnswerer(current), config, logger);
    // A shard whose ShardingManager died stops too, rather than answering as an orphan.
    runUntilStopped(bot, logger, closeWatcher, Boolean(bot.client.shard));
    await bot.start();
    return;
  }

  logger.info("DISCORD_TOKEN is not set: starting the local console");
  const session = startConsole(current, logger);
  const stop = () => session.close();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const unhandle = handleProcessFaults(logger, {
    onUncaughtException: () => {
      process.exitCode = 1;
      exitSoon();
      stop();
    },
  });
  await session.closed;
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  unhandle();
  await closeWatcher();
}

/**
 * A shard process of `npm run start:sharded`: the Discord client alone, every answer asked of the
 * manager over the IPC channel (src/discord/answerer.ts); no index, no watcher.
 */
async function startRemoteShard(config: Config, logger: Logger): Promise<void> {
  if (!config.DISCORD_TOKEN) throw new Error("DISCORD_TOKEN is not set: a shard needs it");
  const bot = createBot(remoteAnswerer(), config, logger);
  // Without its manager a shard has nothing to answer from.
  runUntilStopped(bot, logger, async () => {}, true);
  await bot.start();
}

/**
 * Stops the bot on SIGINT, SIGTERM or an uncaught exception (and, for a shard, when its
 * ShardingManager goes away): `beforeStop` first (the watcher, the last save), then the client.
 */
function runUntilStopped(
  bot: ReturnType<typeof createBot>,
  logger: Logger,
  beforeStop: () => Promise<void>,
  stopWithManager: boolean,
): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      logger.info(`${signal}: shutting down`);
      await beforeStop().catch((error: unknown) => logger.error("Saving failed", error));
      await bot.stop().catch((error: unknown) => logger.error("Shutdown failed", error));
      logger.info("Stopped");
      // A shard's IPC channel to the ShardingManager would keep the process alive.
      if (process.connected) process.disconnect();
    })();
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  handleProcessFaults(logger, {
    onUncaughtException: () => {
      process.exitCode = 1;
      exitSoon();
      shutdown("uncaught exception");
    },
  });
  if (stopWithManager) process.once("disconnect", () => shutdown("manager gone"));
}

/** After an uncaught exception: a shutdown that hangs must not keep a broken process alive. */
function exitSoon(ms = 5_000): void {
  setTimeout(() => process.exit(1), ms).unref();
}

runAsEntryPoint(import.meta.url, main);
