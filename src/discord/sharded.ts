import { fileURLToPath } from "node:url";
import { REST, Routes, type Shard, ShardingManager } from "discord.js";
import { type Config, loadConfig } from "../config.js";
import { runAsEntryPoint } from "../entry.js";
import { createLogger, handleProcessFaults, type Logger } from "../logger.js";
import { type ArchiveWatcher, loadArchive, watchArchive } from "../main.js";
import { MEMORY_FLAGS } from "../node-flags.js";
import { localAnswerer, serveAnswers } from "./answerer.js";
import { discordHost, untilReachable } from "./connect.js";

/**
 * `npm run start:sharded`: for a bot run as several processes (`npm start` alone serves many
 * servers: one process, discord.js's internal sharding). This process builds (or refreshes) the
 * persisted index once, watches the article folder and saves the index after changes (at most
 * once per `SAVE_INTERVAL_MS`); discord.js's ShardingManager spawns one process per shard
 * (SHARD_COUNT, or Discord's recommendation from GET /gateway/bot), each running src/main.ts
 * `--remote`: a Discord client that holds no index and asks this process for every answer over
 * the IPC channel the ShardingManager opens to it (src/discord/answerer.ts), so a second shard
 * costs a client, not a second copy of the index (at the archive about 1 GB a copy), and an
 * article this process re-indexes is answered by every shard at once. Shards identify as fast as
 * Discord's `max_concurrency` allows. (`src/main.ts --index-cache DIR --read-only` still loads
 * a persisted index on its own, for a process with no manager to ask.)
 */

/** Where the manager persists the index when INDEX_CACHE is not set. */
export const DEFAULT_SHARED_CACHE = ".cache/index";
/** Discord's wait between identify buckets. */
const IDENTIFY_INTERVAL_MS = 5_500;

interface GatewayBot {
  shards: number;
  session_start_limit: { max_concurrency: number };
}

export interface ShardedBot {
  manager: ShardingManager;
  /** Watches the article folder; stop it (and save what is pending) at shutdown. */
  builder: ArchiveWatcher;
}

export async function startSharded(
  config: Config,
  logger: Logger,
  signal?: AbortSignal,
  onBuilder?: (builder: ArchiveWatcher) => void,
): Promise<ShardedBot> {
  if (!config.DISCORD_TOKEN) throw new Error("DISCORD_TOKEN is not set: cannot start shards");
  const cacheDir = config.INDEX_CACHE ?? DEFAULT_SHARED_CACHE;

  // One index build for all shards; this process keeps it current and saves it for them.
  const started = performance.now();
  const archive = await loadArchive({ ...config, INDEX_CACHE: cacheDir }, logger);
  logger.info(
    `Index of ${archive.size} articles ready for the shards in ${Math.round(performance.now() - started)} ms`,
  );
  const watcher = watchArchive(archive, config.SEEDS_DIR, logger);
  const builder: ArchiveWatcher = {
    close: () => watcher.close(),
    async idle() {
      await watcher.idle();
      await archive.flushSave();
    },
  };
  onBuilder?.(builder);

  const rest = new REST(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}).setToken(
    config.DISCORD_TOKEN,
  );
  const gateway = (await untilReachable(
    "ask for the shard count",
    () => rest.get(Routes.gatewayBot()),
    { logger, host: discordHost(config.DISCORD_API_BASE), ...(signal ? { signal } : {}) },
  )) as GatewayBot;
  const totalShards =
    typeof config.SHARD_COUNT === "number" ? config.SHARD_COUNT : Math.max(1, gateway.shards);
  const concurrency = Math.max(1, gateway.session_start_limit.max_concurrency);
  const shardFile = fileURLToPath(
    new URL(`../main${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url),
  );
  const manager = new ShardingManager(shardFile, {
    token: config.DISCORD_TOKEN,
    totalShards,
    mode: "process",
    respawn: true,
    shardArgs: ["--remote"],
    execArgv: [...MEMORY_FLAGS, ...(shardFile.endsWith(".ts") ? ["--import", "tsx"] : [])],
  });
  // The shards hold no index: they ask this process, which answers from the archive it keeps
  // current (a re-index is seen by every shard at once).
  const answerer = localAnswerer(() => archive);
  manager.on("shardCreate", (shard: Shard) => {
    serveAnswers(shard, answerer, logger);
    logger.info(`Spawned shard ${shard.id}/${totalShards}`);
    shard.on("death", () => logger.warn(`Shard ${shard.id} exited`));
    shard.on("ready", () => logger.info(`Shard ${shard.id} ready`));
  });
  logger.info(
    `Starting ${totalShards} shard${totalShards === 1 ? "" : "s"} (identify concurrency ${concurrency})`,
  );
  await manager.spawn({
    amount: totalShards,
    // Shards within one identify bucket may start together; otherwise Discord's 5 s apart.
    delay: totalShards <= concurrency ? 0 : IDENTIFY_INTERVAL_MS,
    timeout: 180_000,
  });
  logger.info(`All ${totalShards} shards ready`);
  return { manager, builder };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  let manager: ShardingManager | undefined;
  let builder: ArchiveWatcher | undefined;
  const stopping = new AbortController();
  const shutdown = (signal: string, code = 0) => {
    logger.info(`${signal}: stopping the shards`);
    stopping.abort();
    for (const shard of manager?.shards.values() ?? []) shard.kill();
    process.exitCode = code;
    builder?.close();
    // The changes not yet saved are saved first, so the next start needs no re-indexing.
    void (builder?.idle() ?? Promise.resolve())
      .catch((error: unknown) => logger.error("Saving the index failed", error))
      .finally(() => setTimeout(() => process.exit(code), 200).unref());
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  handleProcessFaults(logger, { onUncaughtException: () => shutdown("uncaught exception", 1) });
  try {
    manager = (
      await startSharded(config, logger, stopping.signal, (watcher) => {
        builder = watcher;
      })
    ).manager;
  } catch (error) {
    if (!stopping.signal.aborted) throw error;
  }
}

runAsEntryPoint(import.meta.url, main);
