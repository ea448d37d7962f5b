import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Archive } from "../../src/articles/archive.js";
import { consoleAnswer, consoleComplete, startConsole } from "../../src/cli/console.js";
import { parseConfig } from "../../src/config.js";
import { type CommandDefinition, discordDefinitions } from "../../src/discord/definitions.js";
import { deployCommands } from "../../src/discord/deploy.js";
import { silentLogger } from "../../src/logger.js";
import { FakeDiscord } from "../fake-discord.js";
import { spawnMain } from "../helpers.js";

/**
 * The runtime around the bot: `npm run deploy` against the fake Discord, the local console, and
 * `npm start` as a real process (log in, answer, pick up a new article file, shut down on SIGTERM).
 */

const SEED_FILE = "000_d87d864bdde93e5b.txt";
const SEED_ID = "n13495457";
let fake: FakeDiscord;
let archive: Archive;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  archive = await Archive.load({ root: "seeds" });
});

afterAll(async () => {
  await fake?.close();
});

describe("npm run deploy", () => {
  const config = (extra: Record<string, string> = {}) =>
    parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase, ...extra });

  it("registers every command module to the guild when DISCORD_GUILD_ID is set", async () => {
    const guild = fake.guilds[0]?.id as string;
    const result = await deployCommands(
      config({ DISCORD_GUILD_ID: guild, DISCORD_CLIENT_ID: fake.applicationId }),
      silentLogger,
    );
    expect(result.scope).toBe("guild");
    const registered = fake.registered.get(guild) as CommandDefinition[];
    expect(registered.map((command) => command.name)).toEqual(
      discordDefinitions().map((definition) => definition.name),
    );
    const search = registered.find((command) => command.name === "search");
    expect(search?.options?.map((option) => option.name)).toEqual(["query", "limit"]);
    expect(search?.name_localizations?.["zh-CN"]).toBe("搜索");
  });

  it("registers globally without a guild, finding the application id itself", async () => {
    const result = await deployCommands(config(), silentLogger);
    expect(result).toMatchObject({ scope: "global", applicationId: fake.applicationId });
    expect(fake.registered.get("global")).toHaveLength(discordDefinitions().length);
    expect(fake.requests.some((request) => request.path === "/applications/@me")).toBe(true);
  });

  it("fails loudly on a malformed command module, before calling Discord", async () => {
    const before = fake.requests.length;
    const bad = { ...discordDefinitions()[0], name: "Bad Name" } as CommandDefinition;
    await expect(deployCommands(config(), silentLogger, [bad])).rejects.toThrow(
      /Malformed command module[\s\S]*Bad Name/,
    );
    expect(fake.requests.length).toBe(before);
  });
});

describe("local console", () => {
  it.each([
    ["/search 北约", /“北约”共找到 1 篇/],
    ["/quotes 谢尔曼", /共 5 条引语/],
    ["/summary", /摘要：\n1\. .+\n2\. .+\n3\. .+\n/],
    [`/source article:${SEED_ID}`, /https:\/\/www\.epochtimes\.com\/gb\/22\/1\/10\/n13495457\.htm/],
    ["/summary --article n999", /错误：找不到文章 n999/],
    ["/help", /article:n13495457[\s\S]*\/quotes 人物 \[article:文章\]/],
  ])("%s", (line, expected) => {
    expect(consoleAnswer(archive, line, silentLogger)).toMatch(expected);
  });

  it("ends on /exit", () => {
    expect(consoleAnswer(archive, "/exit", silentLogger)).toBeUndefined();
  });

  it.each([
    ["/qu", ["/quotes "], "/qu"],
    ["/s", ["/search ", "/summary ", "/source "], "/s"],
    ["/summary 日内", [SEED_ID], "日内"],
    ["/quotes 谢尔曼 article:2022", [`article:${SEED_ID}`], "article:2022"],
    ["/quotes 谢尔曼 --article 日内", [SEED_ID], "日内"],
    ["/search 北约 article:2022", [], "article:2022"],
  ])("completes %s", (line, completions, replaced) => {
    expect(consoleComplete(archive, line)).toEqual([completions, replaced]);
  });

  it.each([["谢"], ["Sherman"]])("completes a person from %s", (typed) => {
    const [names, replaced] = consoleComplete(archive, `/quotes ${typed}`);
    expect(names).toContain("谢尔曼");
    expect(replaced).toBe(typed);
  });

  it("runs over streams: a prompt, answers, and /exit", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk) => {
      text += chunk;
    });
    const session = startConsole(() => archive, silentLogger, { input, output, terminal: false });
    input.write("/quotes 谢尔曼\n");
    input.write("/exit\n");
    await session.closed;
    expect(text).toContain("已载入 1 篇文章");
    expect(text).toContain("共 5 条引语");
  });
});

describe("npm start", () => {
  let child: ChildProcess | undefined;
  let seeds: string;

  afterAll(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    rmSync(seeds, { recursive: true, force: true });
  });

  it("logs in, answers, picks up a new article, and stops on SIGTERM", async () => {
    seeds = mkdtempSync(join(tmpdir(), "dubao-seeds-"));
    const seedText = readFileSync(join("seeds", SEED_FILE), "utf8");
    writeFileSync(join(seeds, SEED_FILE), seedText);
    const ready = fake.next("ready", 60_000);
    const main = spawnMain({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_BASE: fake.apiBase,
      SEEDS_DIR: seeds,
      LOG_LEVEL: "info",
    });
    child = main.child;
    const { log, exited } = main;
    await ready;
    await fake.waitForShard(0);
    const first = await fake.answer(
      fake.command("source", [{ name: "article", type: 3, value: SEED_ID }]),
    );
    expect(first.body.embeds[0].url).toContain(SEED_ID);
    expect(log()).toMatch(/Parsed 1\/1 files \(100%\)/);

    // A new article appears in the folder while the bot runs.
    const newId = "n13495999";
    writeFileSync(
      join(seeds, "001_new.txt"),
      seedText.replaceAll("n13495457", newId).replaceAll("美俄日内瓦会谈", "新到文章：美俄会谈"),
    );
    await expect
      .poll(log, { timeout: 20_000, interval: 100 })
      .toMatch(new RegExp(`Indexed new article ${newId}`));
    const second = await fake.answer(
      fake.command("source", [{ name: "article", type: 3, value: newId }]),
    );
    expect(second.body.embeds[0].title).toContain("新到文章");

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(log()).toMatch(/SIGTERM: shutting down/);
    expect(log()).toMatch(/Stopped/);
  }, 90_000);
});
