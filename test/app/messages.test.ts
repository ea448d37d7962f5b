import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandsOn } from "../../commands/index.js";
import { CATALOGS, format, isMessageCode, LOCALES } from "../../src/app/messages/index.js";
import {
  LIMITS,
  runArticles,
  runAsk,
  runQuotes,
  runSearch,
  runSource,
  runSummary,
} from "../../src/app/service.js";
import { Archive } from "../../src/articles/archive.js";
import { parseArticle } from "../../src/articles/parse.js";
import { describeError, isUserError, type UserError } from "../../src/errors.js";

const HAN = /[\u3400-\u9fff]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every code a module throws or hints with: `new UserError("code"` and `{ code: "code"`. */
function codesInSource(): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const file of [...sourceFiles("src"), ...sourceFiles("commands")]) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/new UserError\(\s*"([^"]+)"|\{ code: "([^"]+)"/g)) {
      found.push([file, (match[1] ?? match[2]) as string]);
    }
  }
  return found;
}

const placeholders = (template: string) =>
  [...new Set([...template.matchAll(/\{(\w+)/g)].map((match) => match[1]))].sort();

describe("message catalogs", () => {
  it("finds the codes the modules use", () => {
    expect(codesInSource().length).toBeGreaterThan(20);
  });

  it.each(codesInSource())("%s uses a known code: %s", (_file, code) => {
    expect(isMessageCode(code)).toBe(true);
  });

  it.each(Object.keys(CATALOGS["zh-CN"]))("%s has the same parameters in every locale", (code) => {
    const reference = placeholders(CATALOGS["zh-CN"][code as keyof (typeof CATALOGS)["zh-CN"]]);
    for (const locale of LOCALES) {
      expect(placeholders(CATALOGS[locale][code as keyof (typeof CATALOGS)["zh-CN"]])).toEqual(
        reference,
      );
    }
  });

  it.each(Object.entries(CATALOGS["en-US"]))("en-US %s is English", (_code, text) => {
    // Examples of what to type stay Chinese on purpose (and the bot's name).
    expect(text.replace(/e\.g\. .*$/gm, "").replace("读报", "")).not.toMatch(HAN);
  });

  it.each([
    ["en-US", "search.title", { query: "北约", total: 1 }, "Search “北约”: 1 article"],
    ["en-US", "search.title", { query: "北约", total: 3 }, "Search “北约”: 3 articles"],
    ["zh-CN", "search.tooManyTerms", { max: 12 }, "搜索词太多，最多 12 个。"],
    ["zh-TW", "search.tooManyTerms", { max: 12 }, "搜尋詞太多，最多 12 個。"],
    ["en-US", "quotes.didYouMean", { names: ["谢尔曼", "普京"] }, "Did you mean: 谢尔曼, 普京"],
    ["zh-CN", "quotes.didYouMean", { names: ["谢尔曼", "普京"] }, "你是不是要找：谢尔曼、普京"],
    ["en-US", "page.beyondEnd", { page: 2, pages: 1 }, "There is only 1 page, no page 2."],
    ["zh-CN", "not a code", {}, "not a code"],
  ] as const)("%s %s %j → %s", (locale, code, params, expected) => {
    expect(format(locale, code, params)).toBe(expected);
  });
});

describe("the core's errors in every locale", () => {
  const seedFile = "000_d87d864bdde93e5b.txt";
  const archive = Archive.fromArticles([
    parseArticle(readFileSync(`seeds/${seedFile}`, "utf8"), seedFile),
  ]);

  it.each([
    ["an empty query", () => runSearch(archive, { query: " " })],
    ["a long query", () => runSearch(archive, { query: "x".repeat(LIMITS.query + 1) })],
    ["a query of punctuation", () => runSearch(archive, { query: "，。" })],
    ["a bad limit", () => runSearch(archive, { query: "北约", limit: 0 })],
    ["a page past the end", () => runSearch(archive, { query: "北约", page: 2 })],
    ["an empty name", () => runQuotes(archive, { person: "" })],
    ["a long name", () => runQuotes(archive, { person: "x".repeat(LIMITS.person + 1) })],
    ["an unknown person", () => runQuotes(archive, { person: "zzz" })],
    ["an empty question", () => runAsk(archive, { question: "" })],
    ["a question of punctuation", () => runAsk(archive, { question: "？" })],
    ["a long question", () => runAsk(archive, { question: "x".repeat(LIMITS.question + 1) })],
    ["an unknown article", () => runSummary(archive, { article: "n1" })],
    ["too many sentences", () => runSummary(archive, { sentences: LIMITS.summarySentences + 1 })],
    ["a bad page", () => runArticles(archive, { page: 0 })],
    ["an articles page past the end", () => runArticles(archive, { page: 2 })],
    ["an empty archive", () => runSource(Archive.fromArticles([]), {})],
  ])("%s: a code with its words in zh-CN, zh-TW and en-US", (_case, run) => {
    let error: unknown;
    try {
      run();
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error)).toBe(true);
    const userError = error as UserError;
    expect(isMessageCode(userError.code)).toBe(true);
    const [zh, tw, en] = LOCALES.map((locale) => describeError(userError, locale).join("\n"));
    expect(zh).toMatch(HAN);
    expect(tw).toMatch(HAN);
    expect(en?.replace(/e\.g\. .*$/gm, "")).not.toMatch(HAN);
    expect(zh).not.toMatch(/\{\w+\}/);
  });

  it("says there is only one page, in the member's words", () => {
    let error: unknown;
    try {
      runSearch(archive, { query: "北约", page: 2 });
    } catch (caught) {
      error = caught;
    }
    expect(describeError(error as UserError, "zh-CN")).toEqual(["只有 1 页，没有第 2 页。"]);
  });

  it("answers /ask ？ with its own message, not the search's", () => {
    let error: unknown;
    try {
      runAsk(archive, { question: "？" });
    } catch (caught) {
      error = caught;
    }
    expect((error as UserError).code).toBe("ask.noKeywords");
    expect((error as UserError).message).not.toContain("搜索词");
  });
});

describe("a command named in a message is the name the member's client shows", () => {
  // The console's own words name the console's commands, which take the English names too.
  const consoleOnly = (code: string) => code.startsWith("console.") || code === "help.console";
  it.each(LOCALES)("%s", (locale) => {
    const shown = new Set(commandsOn("discord").map((command) => `/${command.names[locale]}`));
    const wrong = Object.entries(CATALOGS[locale])
      .filter(([code]) => !consoleOnly(code))
      .flatMap(([code, text]) =>
        [...text.matchAll(/\/[a-z\p{Script=Han}]+/gu)]
          .map((match) => match[0])
          .filter((name) => !shown.has(name))
          .map((name) => `${code}: ${name}`),
      );
    expect(wrong).toEqual([]);
  });
});
