import { type FSWatcher, watch } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Archive } from "./articles/archive.js";
import { startConsole } from "./cli/console.js";
import { type Config, exitOnConfigError, loadConfig } from "./config.js";
import { createBot } from "./discord/bot.js";
import { createLogger, handleProcessFaults, type Logger } from "./logger.js";

/**
 * `npm start`: loads and indexes the articles (progress in the log), then runs the Discord bot
 * when DISCORD_TOKEN is set, else the local console. Watches SEEDS_DIR and re-indexes only the
 * files that changed. SIGINT/SIGTERM shut down cleanly. Under discord.js's ShardingManager this
 * same file is each shard's process: discord.js reads the shard ids from the environment.
 */

/** Loads the archive, logging progress at most every 10 % or 5 s. */
export async function loadArchive(config: Config, logger: Logger): Promise<Archive> {
  let lastLogged = 0;
  let lastPercent = -10;
  logger.info(
    `Loading articles from ${resolve(config.SEEDS_DIR)}${config.INDEX_CACHE ? ` (index cache ${config.INDEX_CACHE})` : ""}`,
  );
  return Archive.load({
    root: config.SEEDS_DIR,
    cacheDir: config.INDEX_CACHE,
    logger,
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
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(root, { recursive: true, persistent: false }, schedule);
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

/** `--index-cache DIR` (given to each shard by src/discord/sharded.ts) overrides INDEX_CACHE. */
export function withArgs(config: Config, argv: string[]): Config {
  const at = argv.indexOf("--index-cache");
  const dir = at >= 0 ? argv[at + 1] : undefined;
  return dir ? { ...config, INDEX_CACHE: dir } : config;
}

export async function main(
  config: Config = withArgs(loadConfig(), process.argv.slice(2)),
): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  const archive = await loadArchive(config, logger);
  const watcher = watchArchive(archive, config.SEEDS_DIR, logger);
  if (config.DISCORD_TOKEN) {
    const bot = createBot(archive, config, logger);
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      void (async () => {
        logger.info(`${signal}: shutting down`);
        watcher.close();
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
    // A shard whose ShardingManager died stops too, rather than answering as an orphan.
    if (bot.client.shard) process.once("disconnect", () => shutdown("manager gone"));
    await bot.start();
    return;
  }

  logger.info("DISCORD_TOKEN is not set: starting the local console");
  const session = startConsole(() => archive, logger);
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
  watcher.close();
}

/** After an uncaught exception: a shutdown that hangs must not keep a broken process alive. */
function exitSoon(ms = 5_000): void {
  setTimeout(() => process.exit(1), ms).unref();
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(resolve(entry)).href) {
  main().catch((error: unknown) => {
    exitOnConfigError(error);
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
