import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Archive } from "../../src/articles/archive.js";
import { parseArticle } from "../../src/articles/parse.js";
import {
  type Answerer,
  localAnswerer,
  remoteAnswerer,
  serveAnswers,
} from "../../src/discord/answerer.js";
import { isUserError, type UserError } from "../../src/errors.js";
import { createMemoryLogger } from "../../src/logger.js";

/**
 * A shard's answerer asks the manager over an IPC channel; here the channel is a pair of event
 * emitters passing each message through JSON, as node's IPC does. Every answer must be the
 * manager's own, member errors must come back as UserErrors, and bugs as plain errors.
 */

const SEED_FILE = "000_d87d864bdde93e5b.txt";
const SEED_ID = "n13495457";
const seed = parseArticle(readFileSync(`seeds/${SEED_FILE}`, "utf8"), SEED_FILE);
const archive = Archive.fromArticles([seed]);
const local = localAnswerer(() => archive);

/** A shard process's `process` and the manager's `Shard`, joined by a JSON channel. */
function channelPair(): {
  shardSide: NodeJS.Process;
  managerSide: EventEmitter & { send(message: unknown): Promise<unknown> };
} {
  const shardSide = new EventEmitter() as unknown as NodeJS.Process;
  const managerSide = new EventEmitter() as EventEmitter & {
    send(message: unknown): Promise<unknown>;
  };
  const copy = (message: unknown) => JSON.parse(JSON.stringify(message)) as unknown;
  shardSide.send = ((
    message: unknown,
    _handle: unknown,
    _options: unknown,
    done?: (error: Error | null) => void,
  ) => {
    setImmediate(() => managerSide.emit("message", copy(message)));
    done?.(null);
    return true;
  }) as NodeJS.Process["send"];
  managerSide.send = async (message: unknown) => {
    setImmediate(() => (shardSide as unknown as EventEmitter).emit("message", copy(message)));
    return managerSide;
  };
  return { shardSide, managerSide };
}

function remoteOf(manager: Answerer): { remote: Answerer; shardSide: NodeJS.Process } {
  const { shardSide, managerSide } = channelPair();
  serveAnswers(managerSide, manager, createMemoryLogger());
  return { remote: remoteAnswerer(shardSide), shardSide };
}

describe("remoteAnswerer", () => {
  const { remote } = remoteOf(local);

  it.each([
    ["source", { article: SEED_ID }, undefined],
    ["summary", { article: SEED_ID }, undefined],
    ["search", { query: "日内瓦" }, undefined],
    ["articles", {}, 1],
    ["quotes", { person: "谢尔曼" }, undefined],
    ["help", {}, undefined],
  ] as const)("/%s answers as the manager does", async (command, args, page) => {
    const here = await local.reply(command, "zh-CN", { ...args }, page);
    expect(await remote.reply(command, "zh-CN", { ...args }, page)).toEqual(
      JSON.parse(JSON.stringify(here)),
    );
  });

  it("gives autocomplete choices and article titles as the manager does", async () => {
    expect(await remote.autocomplete("source", "article", "美俄")).toEqual(
      await local.autocomplete("source", "article", "美俄"),
    );
    expect(await remote.article(SEED_ID)).toEqual({ id: SEED_ID, title: seed.title });
  });

  const thrown = (run: () => unknown) =>
    Promise.resolve()
      .then(run)
      .then(
        () => undefined,
        (error: unknown) => error,
      );

  it.each([
    ["an unknown article", (on: Answerer) => on.article("n1")],
    ["an empty search", (on: Answerer) => on.reply("search", "en-US", { query: " " })],
  ])("rebuilds a member's error (%s) as a UserError with its code and hints", async (_, run) => {
    const expected = (await thrown(() => run(local))) as UserError;
    expect(isUserError(expected)).toBe(true);
    const error = await thrown(() => run(remote));
    expect(isUserError(error)).toBe(true);
    expect((error as UserError).code).toBe(expected.code);
    expect((error as UserError).params).toEqual(expected.params);
    expect((error as UserError).hints).toEqual(expected.hints);
  });

  it("turns a bug in the manager into a plain error, not a member's error", async () => {
    const broken: Answerer = {
      ...local,
      reply: () => {
        throw new Error("the archive broke (test)");
      },
    };
    const error = await thrown(() =>
      remoteOf(broken).remote.reply("source", "zh-CN", { article: SEED_ID }),
    );
    expect(isUserError(error)).toBe(false);
    expect((error as Error).message).toMatch(/the archive broke/);
  });

  it("fails the calls still waiting when the manager goes away", async () => {
    const { shardSide } = channelPair();
    const remote = remoteAnswerer(shardSide);
    const call = remote.article(SEED_ID);
    const waiting = thrown(() => call);
    (shardSide as unknown as EventEmitter).emit("disconnect");
    expect(((await waiting) as Error).message).toMatch(/ShardingManager is gone/);
  });
});
