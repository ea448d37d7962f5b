import { describe, expect, expectTypeOf, it } from "vitest";
import type { ask } from "../../commands/ask.js";
import { closestCommand, commandsOn, findCommand } from "../../commands/index.js";
import { search } from "../../commands/search.js";
import { type ArgumentsOf, readArguments } from "../../commands/spec.js";
import { summary } from "../../commands/summary.js";
import { displayWidth, usage, usageLines } from "../../commands/usage.js";
import { pickLocale } from "../../src/app/i18n.js";
import { isUserError, type UserError } from "../../src/errors.js";

const names = (surface: "discord" | "cli" | "console") =>
  commandsOn(surface).map((command) => command.name);

describe("one registry for every surface", () => {
  it.each([
    ["discord", ["search", "summary", "quotes", "ask", "source", "articles", "help"]],
    ["cli", ["search", "summary", "quotes", "ask", "source", "articles", "people", "help"]],
    ["console", ["search", "summary", "quotes", "ask", "source", "articles", "people", "help"]],
  ] as const)("%s offers %j", (surface, expected) => {
    expect(names(surface)).toEqual(expected);
  });

  it.each([
    ["search", "search"],
    ["SEARCH", "search"],
    ["搜索", "search"],
    ["搜尋", "search"],
    ["引语", "quotes"],
    ["people", "people"],
  ])("finds %s as /%s", (typed, expected) => {
    expect(findCommand(typed, "console")?.name).toBe(expected);
  });

  it("does not offer the people list on Discord", () => {
    expect(findCommand("people", "discord")).toBeUndefined();
  });

  it.each([
    ["serch", "search"],
    ["qoutes", "quotes"],
    ["sumary", "summary"],
    ["artcles", "articles"],
  ])("suggests %s → %s", (typed, expected) => {
    expect(closestCommand(typed, "console")?.name).toBe(expected);
  });

  it.each([["frobnicate"], ["xyz"]])("suggests nothing for %s", (typed) => {
    expect(closestCommand(typed, "console")).toBeUndefined();
  });
});

describe("typed arguments from the declaration", () => {
  it("infers the handler's argument types from the options", () => {
    expectTypeOf<ArgumentsOf<typeof search>>().toEqualTypeOf<{
      query: string;
      limit: number;
      page: number;
    }>();
    expectTypeOf<ArgumentsOf<typeof summary>>().toEqualTypeOf<{
      article: string | undefined;
      sentences: number;
    }>();
    expectTypeOf<ArgumentsOf<typeof ask>>().toEqualTypeOf<{
      question: string;
      article: string | undefined;
    }>();
  });

  it.each([
    [{ query: "北约" }, { query: "北约", limit: 10, page: 1 }],
    [
      { query: "北约", limit: "5" },
      { query: "北约", limit: 5, page: 1 },
    ],
    [
      { query: "北约", limit: 7 },
      { query: "北约", limit: 7, page: 1 },
    ],
    [
      { query: "北约", limit: "１５" },
      { query: "北约", limit: 15, page: 1 },
    ],
    [
      { query: "北约", page: " 2 " },
      { query: "北约", limit: 10, page: 2 },
    ],
  ])("reads %j as %j", (raw, expected) => {
    expect(readArguments(search, raw)).toEqual(expected);
  });

  it.each([
    [{ query: "北约", limit: "abc" }, "option.notInteger", /limit 必须是整数，而不是“abc”/],
    [{ query: "北约", limit: "0" }, "option.range", /limit 必须是 1 到 200 之间的整数/],
    [{ query: "北约", limit: "-1" }, "option.range", /limit 必须是 1 到 200/],
    [{ query: "北约", limit: "2.5" }, "option.notInteger", /2\.5/],
    [{ query: "北约", limit: 201 }, "option.range", /200/],
  ])("rejects %j with %s", (raw, code, message) => {
    let error: unknown;
    try {
      readArguments(search, raw);
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error)).toBe(true);
    expect((error as UserError).code).toBe(code);
    expect((error as UserError).message).toMatch(message);
  });
});

describe("usage generated from the specs", () => {
  it.each([
    ["cli", "en-US", "search <query> [--limit N] [--page N]"],
    ["console", "zh-CN", "/search 关键词 [limit:数量] [page:页]"],
    ["discord", "zh-CN", "/搜索 关键词 [数量]"],
    ["discord", "zh-TW", "/搜尋 關鍵字 [數量]"],
    ["discord", "en-US", "/search query [limit]"],
  ] as const)("%s in %s: %s", (surface, locale, expected) => {
    expect(usage(search, surface, locale)).toBe(expected);
  });

  it("lists the positional option first: summary's article", () => {
    expect(usage(summary, "cli", "en-US")).toBe("summary [<article>] [--sentences N]");
  });

  it("lines up the console's descriptions, counting a Chinese character as two columns", () => {
    const lines = usageLines(commandsOn("console"), "console", "zh-CN");
    const columns = lines.map((line) => {
      const description = commandsOn("console")[lines.indexOf(line)]?.descriptions["zh-CN"] ?? "";
      return displayWidth(line.slice(0, line.lastIndexOf(description)));
    });
    expect(new Set(columns).size).toBe(1);
  });

  it.each([
    ["zh-CN", "`/搜索 关键词 [数量]`"],
    ["zh-TW", "`/搜尋 關鍵字 [數量]`"],
    ["en-US", "`/search query [limit]`"],
  ] as const)("Discord help lists commands with their options in %s", (locale, line) => {
    const lines = usageLines(commandsOn("discord"), "discord", locale);
    expect(lines).toHaveLength(commandsOn("discord").length);
    expect(lines.some((text) => text.startsWith(line))).toBe(true);
  });
});

describe("locale", () => {
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-TW"],
    ["en-US", "en-US"],
    ["en-GB", "en-US"],
    ["fr", "zh-CN"],
    [undefined, "zh-CN"],
  ])("%s → %s", (discord, ours) => {
    expect(pickLocale(discord)).toBe(ours);
  });
});
