import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeDiscord } from "../fake-discord.js";

/**
 * `npm run start:sharded` as a real process tree: the ShardingManager builds the index once and
 * spawns one process per shard; the fake Discord recommends 2 shards. Both shards identify with
 * their own shard pair, hold no index (they ask the manager over the IPC channel) and each
 * answers the interactions of the guild it owns; an article added while they run reaches both
 * once the manager has re-indexed it. And `npm start` alone: one process, discord.js's internal
 * sharding.
 */

const SEED_FILE = "000_d87d864bdde93e5b.txt";
const SEED_ID = "n13495457";
const seedText = readFileSync(join("seeds", SEED_FILE), "utf8");
let fake: FakeDiscord;
let cache: string;
let seeds: string;
let manager: ChildProcess | undefined;
let log = "";

beforeAll(async () => {
  fake = await FakeDiscord.start({ shards: 2, maxConcurrency: 2 });
  cache = mkdtempSync(join(tmpdir(), "dubao-index-"));
  seeds = mkdtempSync(join(tmpdir(), "dubao-seeds-"));
  writeFileSync(join(seeds, SEED_FILE), seedText);
});

afterAll(async () => {
  // Shards also stop when the manager's IPC channel closes, so no shard outlives the test.
  if (manager && manager.exitCode === null && manager.signalCode === null) manager.kill("SIGKILL");
  await fake?.close();
  rmSync(cache, { recursive: true, force: true });
  rmSync(seeds, { recursive: true, force: true });
});

const sourceOf = async (id: string, guild: number) => {
  const record = fake.command("source", [{ name: "article", type: 3, value: id }], { guild });
  expect(record.shard).toBe(guild);
  const { body } = await fake.answer(record, 20_000);
  expect(record.deliveredOn).toEqual([guild, 2]);
  return body;
};

describe("npm run start:sharded", () => {
  it("spawns two shards that identify as [0,2] and [1,2] and each answer their guild", async () => {
    manager = spawn(process.execPath, ["--import", "tsx", "src/discord/sharded.ts"], {
      env: {
        DISCORD_TOKEN: fake.token,
        DISCORD_API_BASE: fake.apiBase,
        SEEDS_DIR: seeds,
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

    // The manager built the index once and saved it; the shards neither parse nor load it.
    expect(log.match(/Saved the index/g)).toHaveLength(1);
    expect(log).not.toMatch(/Loaded the index/);
    expect(log.match(/answering from the manager's index/g)).toHaveLength(2);

    for (const guild of [0, 1]) {
      expect((await sourceOf(SEED_ID, guild)).embeds[0].url).toContain(SEED_ID);
    }
    // Only the manager watches the folder and saves.
    expect(log.match(/Watching .* for new or changed articles/g)).toHaveLength(1);
    expect(log).not.toMatch(/Following the index persisted in/);
  }, 150_000);

  it("answers an article added while the shards run, on both shards, once the manager re-indexed it", async () => {
    const newId = "n13495999";
    writeFileSync(
      join(seeds, "001_new.txt"),
      seedText.replaceAll("n13495457", newId).replaceAll("美俄日内瓦会谈", "新到文章：美俄会谈"),
    );
    await expect
      .poll(() => log.match(new RegExp(`Indexed new article ${newId}`, "g"))?.length ?? 0, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe(1);
    for (const guild of [0, 1]) {
      expect((await sourceOf(newId, guild)).embeds[0].title).toContain("新到文章");
    }
    // The manager still saves for its next start: one save right after the build, the next
    // after SAVE_INTERVAL_MS (30 s) at most.
    await expect
      .poll(() => log.match(/Saved the index/g)?.length ?? 0, { timeout: 80_000, interval: 200 })
      .toBe(2);
  }, 120_000);

  it("stops both shards on SIGTERM", async () => {
    const exited = new Promise((resolve) => manager?.once("exit", resolve));
    manager?.kill("SIGTERM");
    await exited;
    await expect.poll(() => fake.connectedShards(), { timeout: 20_000, interval: 100 }).toEqual([]);
  }, 30_000);
});

describe("npm start with many guilds", () => {
  it("runs every shard Discord recommends in one process (internal sharding)", async () => {
    const single = await FakeDiscord.start({ shards: 2, maxConcurrency: 2 });
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        DISCORD_TOKEN: single.token,
        DISCORD_API_BASE: single.apiBase,
        SEEDS_DIR: seeds,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      await single.waitForShard(0, 90_000);
      await single.waitForShard(1, 30_000);
      expect(single.identifies.map((identify) => identify.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      for (const guild of [0, 1]) {
        const record = single.command("source", [{ name: "article", type: 3, value: SEED_ID }], {
          guild,
        });
        const { body } = await single.answer(record, 20_000);
        expect(body.embeds[0].url).toContain(SEED_ID);
        expect(record.deliveredOn).toEqual([guild, 2]);
      }
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await single.close();
    }
  }, 150_000);
});
