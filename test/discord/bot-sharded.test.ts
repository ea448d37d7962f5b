import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "../fake-discord.js";

/**
 * `npm run start:sharded` as a real process tree: the ShardingManager builds the index once and
 * spawns one process per shard; the fake Discord recommends 2 shards. Both shards identify with
 * their own shard pair, load the persisted index instead of parsing, and each answers the
 * interactions of the guild it owns.
 */

const SEED_ID = "n13495457";
let fake: FakeDiscord;
let cache: string;
let manager: ChildProcess | undefined;
let log = "";

beforeAll(async () => {
  fake = await FakeDiscord.start({ shards: 2, maxConcurrency: 2 });
  cache = mkdtempSync(join(tmpdir(), "dubao-index-"));
});

afterAll(async () => {
  // Shards also stop when the manager's IPC channel closes, so no shard outlives the test.
  if (manager && manager.exitCode === null && manager.signalCode === null) manager.kill("SIGKILL");
  await fake?.close();
  rmSync(cache, { recursive: true, force: true });
});

describe("npm run start:sharded", () => {
  it("spawns two shards that identify as [0,2] and [1,2] and each answer their guild", async () => {
    manager = spawn(process.execPath, ["--import", "tsx", "src/discord/sharded.ts"], {
      env: {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_BASE: fake.apiBase,
        SEEDS_DIR: "seeds",
        INDEX_CACHE: cache,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    manager.stderr?.on("data", (chunk) => {
      log += chunk;
    });
    manager.stdout?.on("data", (chunk) => {
      log += chunk;
    });
    await expect
      .poll(() => fake.identifies.map((identify) => identify.shard).sort(), {
        timeout: 90_000,
        interval: 200,
      })
      .toEqual([
        [0, 2],
        [1, 2],
      ]);
    await fake.waitForShard(0, 30_000);
    await fake.waitForShard(1, 30_000);
    await expect.poll(() => log, { timeout: 30_000, interval: 100 }).toMatch(/All 2 shards ready/);

    // The manager built the index once; each shard loaded it rather than parsing.
    expect(log.match(/Saved the index/g)).toHaveLength(1);
    expect(log.match(/Loaded the index of 1 articles/g)).toHaveLength(2);

    for (const guild of [0, 1]) {
      const record = fake.command("source", [{ name: "article", type: 3, value: SEED_ID }], {
        guild,
      });
      expect(record.shard).toBe(guild);
      const { body } = await fake.answer(record, 20_000);
      expect(body.embeds[0].url).toContain(SEED_ID);
      expect(record.deliveredOn).toEqual([guild, 2]);
    }
  }, 150_000);

  it("stops both shards on SIGTERM", async () => {
    const exited = new Promise((resolve) => manager?.once("exit", resolve));
    manager?.kill("SIGTERM");
    await exited;
    await expect.poll(() => fake.connectedShards(), { timeout: 20_000, interval: 100 }).toEqual([]);
  }, 30_000);
});
