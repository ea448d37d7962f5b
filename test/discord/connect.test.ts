import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server, connect as tcpConnect } from "node:net";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Archive } from "../../src/articles/archive.js";
import { parseArticle } from "../../src/articles/parse.js";
import { parseConfig } from "../../src/config.js";
import { localAnswerer } from "../../src/discord/answerer.js";
import { type Bot, createBot } from "../../src/discord/bot.js";
import { backoffDelay, unreachableReason } from "../../src/discord/connect.js";
import { createMemoryLogger } from "../../src/logger.js";
import { FakeDiscord, NO_IDENTIFY_THROTTLE } from "../fake-discord.js";
import { spawnMain } from "../helpers.js";

/**
 * Issue 10 item 13: with a valid-looking token and Discord out of reach, the bot says so and
 * keeps trying with capped, jittered backoff, and logs in by itself once Discord answers.
 * "Out of reach" is a closed port on 127.0.0.1 given as DISCORD_API_BASE.
 */

const SEED_FILE = "000_d87d864bdde93e5b.txt";
const TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAw.Gabcde.fake-token-for-the-unreachable-test";
const UNREACHABLE = /Discord cannot be reached at 127\.0\.0\.1:\d+ \(connect ECONNREFUSED/;

/** A port on 127.0.0.1 that nothing listens on (bound, read, released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("backoffDelay", () => {
  it.each([
    // attempt, random, expected ms (base 1 s, cap 60 s)
    [0, 0, 500],
    [0, 1, 1_000],
    [1, 0, 1_000],
    [2, 0.5, 3_000],
    [5, 1, 32_000],
    [6, 0, 30_000],
    [6, 1, 60_000],
    [40, 1, 60_000],
    [40, 0, 30_000],
  ])("attempt %i with random %f waits %i ms", (attempt, random, expected) => {
    expect(backoffDelay(attempt, { random: () => random })).toBe(expected);
  });

  it("spreads the waits of bots cut off together", () => {
    const waits = new Set(Array.from({ length: 20 }, () => backoffDelay(3)));
    expect(waits.size).toBeGreaterThan(10);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(4_000);
  });
});

describe("unreachableReason", () => {
  const systemError = (code: string, message: string) =>
    Object.assign(new Error(message), { code });
  it.each([
    [
      "no DNS",
      systemError("ENOTFOUND", "getaddrinfo ENOTFOUND discord.com"),
      "getaddrinfo ENOTFOUND discord.com",
    ],
    [
      "refused",
      systemError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:9"),
      "connect ECONNREFUSED 127.0.0.1:9",
    ],
    [
      "undici's fetch failed, the reason in its cause",
      new TypeError("fetch failed", { cause: systemError("EAI_AGAIN", "getaddrinfo EAI_AGAIN x") }),
      "getaddrinfo EAI_AGAIN x",
    ],
    ["a Discord outage", Object.assign(new Error("Service Unavailable"), { status: 503 }), "503"],
    ["a timeout", Object.assign(new Error("aborted"), { name: "AbortError" }), "timed out"],
  ])("%s is a reason to retry", (_, error, expected) => {
    expect(unreachableReason(error)).toContain(expected);
  });

  it.each([
    ["a rejected token", Object.assign(new Error("401: Unauthorized"), { status: 401 })],
    [
      "a token discord.js refuses",
      Object.assign(new Error("An invalid token"), { code: "TokenInvalid" }),
    ],
    ["a plain bug", new RangeError("Invalid array length")],
    ["a string", "ECONNREFUSED"],
  ])("%s is not", (_, error) => {
    expect(unreachableReason(error)).toBeUndefined();
  });
});

describe("logging in while Discord is out of reach", () => {
  const seed = parseArticle(readFileSync(`seeds/${SEED_FILE}`, "utf8"), SEED_FILE);
  const archive = Archive.fromArticles([seed]);
  let bot: Bot | undefined;
  let fake: FakeDiscord | undefined;
  let proxy: Server | undefined;

  afterEach(async () => {
    await bot?.stop();
    await fake?.close();
    proxy?.close();
    bot = fake = proxy = undefined;
  });

  it("says Discord cannot be reached, retries, and stops when asked", async () => {
    const logger = createMemoryLogger();
    const port = await closedPort();
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: `http://127.0.0.1:${port}/api`,
    });
    bot = createBot(
      localAnswerer(() => archive),
      config,
      logger,
      {
        reconnect: { baseMs: 20, capMs: 50 },
      },
    );
    const started = bot.start();
    await expect
      .poll(() => logger.lines.filter((line) => UNREACHABLE.test(line)).length, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(3);
    expect(logger.lines.find((line) => UNREACHABLE.test(line))).toMatch(
      /check the network connection\. Trying to log in again in \d+\.\d s \(attempt 2\)/,
    );
    await bot.stop();
    await started;
    const after = logger.lines.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(logger.lines.length).toBe(after);
  });

  it("logs in by itself once Discord answers", async () => {
    const logger = createMemoryLogger();
    const port = await closedPort();
    fake = await FakeDiscord.start();
    const config = parseConfig({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_BASE: `http://127.0.0.1:${port}/api`,
    });
    bot = createBot(
      localAnswerer(() => archive),
      config,
      logger,
      {
        ws: { buildIdentifyThrottler: () => NO_IDENTIFY_THROTTLE },
        reconnect: { baseMs: 20, capMs: 200 },
      },
    );
    const started = bot.start();
    await expect
      .poll(() => logger.lines.filter((line) => UNREACHABLE.test(line)).length, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(2);
    // The network comes back: the closed port now forwards to the fake Discord.
    const target = fake;
    proxy = createServer((socket) => {
      const upstream = tcpConnect(Number(new URL(target.apiBase).port), "127.0.0.1");
      socket.pipe(upstream).pipe(socket);
      socket.on("error", () => upstream.destroy());
      upstream.on("error", () => socket.destroy());
    });
    await new Promise<void>((resolve) => proxy?.listen(port, "127.0.0.1", resolve));
    await started;
    expect(fake.identifies).toHaveLength(1);
    expect(logger.lines.some((line) => line.includes("Discord reached again: log in"))).toBe(true);
    expect(logger.lines.some((line) => line.includes("Logged in as"))).toBe(true);
  }, 20_000);
});

describe("npm start without Discord", () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
  });

  it("keeps retrying with a clear message, not a bare ECONNREFUSED, until stopped", async () => {
    const port = await closedPort();
    const main = spawnMain({
      PATH: process.env.PATH,
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: `http://127.0.0.1:${port}/api`,
      LOG_LEVEL: "info",
    });
    child = main.child;
    const { log, exited } = main;
    // Not a terminal: one pino JSON event a line.
    const warnings = () =>
      log()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as { level: number; msg: string })
        .filter((event) => event.level === 40 && UNREACHABLE.test(event.msg));
    await expect
      .poll(() => warnings().length, { timeout: 30_000, interval: 100 })
      .toBeGreaterThanOrEqual(2);
    expect(child.exitCode).toBeNull();
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(log()).not.toMatch(/^Error: connect ECONNREFUSED/m);
    expect(log()).toMatch(/SIGTERM: shutting down/);
  }, 60_000);
});
