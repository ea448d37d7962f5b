import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { format } from "../../src/app/i18n.js";
import { Archive } from "../../src/articles/archive.js";
import { answerLine, joinSentences, parseCommand, splitLine } from "../../src/cli/command-line.js";
import type { UserError } from "../../src/errors.js";
import { silentLogger } from "../../src/logger.js";
import { makeArticle, seedArticle } from "../helpers.js";

const run = promisify(execFile);
const SEED_URL = "https://www.epochtimes.com/gb/22/1/10/n13495457.htm";

const Ref = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  url: z.string().nullable(),
});
const Contracts = {
  articles: z.object({ command: z.literal("articles"), total: z.number(), articles: z.array(Ref) }),
  source: z.object({ command: z.literal("source"), article: Ref }),
  search: z.object({
    command: z.literal("search"),
    query: z.string(),
    total: z.number(),
    results: z.array(Ref.extend({ score: z.number(), snippets: z.array(z.string()) })),
  }),
  summary: z.object({
    command: z.literal("summary"),
    article: Ref,
    sentences: z.array(z.string()),
  }),
  quotes: z.object({
    command: z.literal("quotes"),
    person: z.string(),
    matched: z.array(z.object({ name: z.string(), aliases: z.array(z.string()) })),
    quotes: z.array(
      z.object({
        speaker: z.string(),
        text: z.string(),
        kind: z.enum(["direct", "partial", "reported"]),
        articleId: z.string(),
        paragraph: z.number().int().min(1),
        url: z.string().nullable(),
      }),
    ),
  }),
  people: z.object({
    command: z.literal("people"),
    people: z.array(
      z.object({
        name: z.string(),
        aliases: z.array(z.string()),
        quoteCount: z.number(),
        articleCount: z.number().int().min(1),
      }),
    ),
  }),
  ask: z.object({
    command: z.literal("ask"),
    question: z.string(),
    article: Ref.optional(),
    answers: z.array(
      z.object({
        text: z.string(),
        articleId: z.string(),
        title: z.string(),
        url: z.string().nullable(),
      }),
    ),
  }),
} as const;

let archive: Archive;
beforeAll(async () => {
  archive = await Archive.load({ root: "seeds" });
});

function json(line: string): { output: unknown; ok: boolean } {
  const { output, ok } = answerLine(archive, [...splitLine(line), "--json"], true, silentLogger);
  return { output: JSON.parse(output), ok };
}

describe("CLI contracts on the seed", () => {
  it.each([
    ["articles", "articles"],
    ["source", "source"],
    ["search 北约", "search"],
    ["search 北約 --limit 5 --page 1", "search"],
    ["summary --sentences 2", "summary"],
    ["summary --article n13495457", "summary"],
    ["quotes 谢尔曼", "quotes"],
    ["quotes sherman --article n13495457", "quotes"],
    ["people", "people"],
    ["people 谢", "people"],
    ["ask 谁领导了美国代表团？", "ask"],
    ["ask 会谈持续了多久？ --article n13495457", "ask"],
  ] as const)("%s answers the %s contract", (line, command) => {
    const { output, ok } = json(line);
    expect(ok).toBe(true);
    expect(Contracts[command].safeParse(output).error).toBeUndefined();
  });

  it("search 北约 finds the seed with a marked snippet", () => {
    const answer = Contracts.search.parse(json("search 北约").output);
    expect(answer.total).toBe(1);
    expect(answer.results[0]?.url).toBe(SEED_URL);
    expect(answer.results[0]?.snippets.some((snippet) => snippet.includes("**北约**"))).toBe(true);
  });

  it("summary --sentences 2 gives two sentences of the newest article", () => {
    const answer = Contracts.summary.parse(json("summary --sentences 2").output);
    expect(answer.article.id).toBe("n13495457");
    expect(answer.sentences).toHaveLength(2);
  });

  it("quotes by an English name in lower case finds the person", () => {
    const answer = Contracts.quotes.parse(json("quotes sherman").output);
    expect(answer.matched.map((person) => person.name)).toEqual(["谢尔曼"]);
    expect(answer.quotes).toHaveLength(5);
  });

  it("source accepts an article's link in place of its id", () => {
    const answer = Contracts.source.parse(json(`source --article ${SEED_URL}`).output);
    expect(answer.article.id).toBe("n13495457");
  });

  it.each([
    ["bogus", "bogus", /不认识命令 bogus/],
    ["search", "search", /搜索的词/],
    ["search 北约 --limit abc", "search", /^--limit 必须是整数，而不是“abc”。$/],
    ["search 北约 limit:abc", "search", /^limit 必须是整数，而不是“abc”。$/],
    ["search 北约 --limit 0", "search", /^--limit 必须是 1 到 200 之间的整数。$/],
    ["search 北约 --limit -1", "search", /^--limit 必须是 1 到 200 之间的整数。$/],
    ["search 北约 数量:0", "search", /^数量 必须是 1 到 200 之间的整数。$/],
    ["search 北约 數量：201", "search", /^數量 必须是 1 到 200 之间的整数。$/],
    ["summary 句数:11", "summary", /^句数 必须是 1 到 10 之间的整数。$/],
    ["articles 0", "articles", /^page 必须是 1 到 10000 之间的整数。$/],
    ["people --limit 1001", "people", /^--limit 必须是 1 到 1000 之间的整数。$/],
    ["search 北约 --limit", "search", /^选项 --limit 后面要跟一个值。$/],
    ["summary --sentences 11", "summary", /sentences/],
    ["summary --article n1", "summary", /找不到文章/],
    ["quotes 不存在的人", "quotes", /没有找到/],
    [
      "search 北约 --nope",
      "search",
      /^不认识选项 --nope。search 可用的选项：--query、--limit、--page$/,
    ],
    ["articles --bogus", "articles", /^不认识选项 --bogus。/],
    [
      "quotes 谢尔曼 limit:3",
      "quotes",
      /^不认识选项 limit:。quotes 可用的选项：--person、--article$/,
    ],
    ["serch 北约", "serch", /^不认识命令 serch。你是不是要找 search？可用的命令：search、.*help$/],
    ["search 北约 --page 2", "search", /^只有 1 页，没有第 2 页。$/],
    ["articles --page 2", "articles", /^只有 1 页，没有第 2 页。$/],
    ["ask ？", "ask", /^这个问题里没有可以查找的关键词/],
    ["ask 会谈持续了多久？ --article n1", "ask", /^找不到文章 n1。/],
  ])("%s gives a one-line error", (line, command, message) => {
    const { output, ok } = json(line);
    expect(ok).toBe(false);
    expect(output).toMatchObject({ command });
    expect((output as { error: string }).error).toMatch(message);
    expect((output as { error: string }).error).not.toContain("\n");
    expect((output as { error: string }).error).not.toMatch(/To specify|ambiguous|Unknown option/);
  });

  it.each([
    ["search 北约 --limit=5", { command: "search", limit: 5 }],
    ["search --limit=5 北约", { command: "search", limit: 5, total: 1 }],
    ["search 北约 limit:５", { command: "search", limit: 5 }],
    ["search 北约 --page=1", { command: "search", page: 1 }],
    ["/search 北约", { command: "search", total: 1 }],
    ["／search 北约", { command: "search", total: 1 }],
    ["articles 1", { command: "articles", page: 1 }],
    ["source n13495457", { command: "source", article: { id: "n13495457" } }],
    ["ask 会谈持续了多久？ article:n13495457", { command: "ask", article: { id: "n13495457" } }],
    ["people --limit=1", { command: "people" }],
  ])("%s is read as written", (line, expected) => {
    const { output, ok } = json(line);
    expect(ok).toBe(true);
    expect(output).toMatchObject(expected);
  });
});

describe("ask --article", () => {
  const QUESTION = "会谈持续了多久？";
  /** The seed and an article that answers the same question with another figure. */
  let two: Archive;
  beforeAll(() => {
    const other = makeArticle({
      id: "n90000003",
      title: "测试稿：北约与欧洲安全",
      date: "2021-12-04",
      paragraphs: ["北约官员在布鲁塞尔开会，讨论欧洲安全。", "会议持续了4小时。"],
    });
    two = Archive.fromArticles([seedArticle(), other]);
  });
  const askJson = (line: string) =>
    Contracts.ask.parse(
      JSON.parse(answerLine(two, [...splitLine(line), "--json"], true, silentLogger).output),
    );

  it("answers from the one article named, and says which", () => {
    const everywhere = askJson(`ask ${QUESTION}`);
    expect(everywhere.article).toBeUndefined();
    expect(new Set(everywhere.answers.map((answer) => answer.articleId))).toEqual(
      new Set(["n13495457", "n90000003"]),
    );
    const onSeed = askJson(`ask ${QUESTION} --article n13495457`);
    expect(onSeed.article?.id).toBe("n13495457");
    expect(onSeed.answers.length).toBeGreaterThan(0);
    expect(onSeed.answers.every((answer) => answer.articleId === "n13495457")).toBe(true);
    expect(onSeed.answers[0]?.text).toMatch(/7小时/);
    const onOther = askJson(`ask ${QUESTION} article:n90000003`);
    expect(onOther.answers.map((answer) => answer.text)).toEqual(["会议持续了4小时。"]);
  });

  it("takes the article by its link too, and prints which article it read", () => {
    expect(askJson(`ask ${QUESTION} --article ${SEED_URL}`).article?.id).toBe("n13495457");
    const { output, ok } = answerLine(
      two,
      splitLine(`ask ${QUESTION} --article n13495457`),
      false,
      silentLogger,
    );
    expect(ok).toBe(true);
    expect(output).toContain(format("zh-CN", "ask.about", { title: seedArticle().title }));
    expect(output).toMatch(/7小时/);
    expect(output).not.toContain("4小时");
  });
});

describe("parseCommand", () => {
  it("joins the words of a query and accepts a leading slash", () => {
    const parsed = parseCommand(["/search", "北约", "乌克兰", "--limit", "3"]);
    expect(parsed.command.name).toBe("search");
    expect(parsed.values).toEqual({ query: "北约 乌克兰", limit: "3" });
  });

  it.each([
    [["/quotes谢尔曼"], "quotes", { person: "谢尔曼" }],
    [["/search北约"], "search", { query: "北约" }],
    [["search北约", "limit:2"], "search", { query: "北约", limit: "2" }],
    [["--json", "search", "北约"], "search", { query: "北约" }],
    [["--seeds", "x", "search", "北约"], "search", { query: "北约" }],
    [["summary", "--article=n1", "--sentences", "2"], "summary", { article: "n1", sentences: "2" }],
    // A Chinese command name run together with its words, and options named as a Chinese
    // Discord client shows them, with an ASCII or a full-width colon.
    [["/搜索北约"], "search", { query: "北约" }],
    [["/搜尋北約", "數量：１"], "search", { query: "北約", limit: "１" }],
    [["/搜索", "北约", "数量:5", "页:2"], "search", { query: "北约", limit: "5", page: "2" }],
    [["/引语谢尔曼", "文章:n1"], "quotes", { person: "谢尔曼", article: "n1" }],
    [["/摘要n13495457", "句数:5"], "summary", { article: "n13495457", sentences: "5" }],
    [["/文章", "3"], "articles", { page: "3" }],
    // A colon after words that name no option is part of the text.
    [["/ask", "谢尔曼：会谈持续了多久？"], "ask", { question: "谢尔曼：会谈持续了多久？" }],
    [["/search", "北约:俄罗斯"], "search", { query: "北约:俄罗斯" }],
  ])("reads %j", (argv, command, values) => {
    const parsed = parseCommand(argv, "console");
    expect(parsed.command.name).toBe(command);
    expect(parsed.values).toEqual(values);
  });

  it("names the near-miss and every console command, /help and /exit included", () => {
    expect(() => parseCommand(["/serch", "北约"], "console")).toThrow(/不认识命令 \/serch/);
    try {
      parseCommand(["/serch"], "console");
    } catch (error) {
      const hints = (error as UserError).hints.map((hint) =>
        format("zh-CN", hint.code, hint.params),
      );
      expect(hints[0]).toBe("你是不是要找 /search？");
      expect(hints[1]).toMatch(/\/help、\/exit$/);
    }
  });

  it("splits standard-input lines honouring quotes", () => {
    expect(splitLine(`ask "谁 领导了" --json`)).toEqual(["ask", "谁 领导了", "--json"]);
  });
});

describe("the CLI process", () => {
  const cli = (args: string[], input?: string) => {
    const child = run("npx", ["tsx", "src/cli/cli.ts", ...args], {
      env: { ...process.env, LOG_LEVEL: "warn" },
    });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    }
    return child;
  };

  it("answers one command and exits 0", async () => {
    const { stdout } = await cli(["search", "北约", "--json", "--seeds", "seeds"]);
    expect(JSON.parse(stdout)).toMatchObject({ command: "search", total: 1 });
  });

  it("ask <question> --article ID answers from that article", async () => {
    const { stdout } = await cli([
      "ask",
      "会谈持续了多久？",
      "--article",
      "n13495457",
      "--json",
      "--seeds",
      "seeds",
    ]);
    const answer = Contracts.ask.parse(JSON.parse(stdout));
    expect(answer.article?.id).toBe("n13495457");
    expect(answer.answers[0]?.text).toMatch(/7小时/);
  });

  it("exits non-zero on an unknown command", async () => {
    await expect(cli(["bogus", "--json", "--seeds", "seeds"])).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('"error"'),
    });
  });

  it("answers one JSON object per line of standard input, and exits 1 when a line failed", async () => {
    const failed = await cli(
      ["--json", "--seeds", "seeds"],
      "search 北约\nquotes 谢尔曼\nbogus\n",
    ).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    const lines = (failed?.stdout ?? "")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.command)).toEqual(["search", "quotes", "bogus"]);
    expect(lines[2]).toHaveProperty("error");
  });

  it("says a missing folder in one JSON line on stdout, nothing on stderr, and exits 1", async () => {
    const failed = await cli(["articles", "--seeds", "/nonexistent", "--json"]).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(JSON.parse(failed?.stdout ?? "")).toEqual({
      command: "articles",
      error: "找不到文章文件夹 /nonexistent（不存在或无法读取）。",
    });
    expect(failed?.stderr).toBe("");
  });
});

describe("joinSentences", () => {
  it.each([
    [["找不到文章 n1。", "用 /文章 查看文章列表。"], "找不到文章 n1。用 /文章 查看文章列表。"],
    [["你是不是要找 search？", "可用的命令：search"], "你是不是要找 search？可用的命令：search"],
    [["No article n1.", "Use /articles."], "No article n1. Use /articles."],
    [["没有找到 x 的引语", "试试"], "没有找到 x 的引语 试试"],
    [["一句。"], "一句。"],
  ])("%j → %s", (sentences, line) => {
    expect(joinSentences(sentences)).toBe(line);
  });
});
