import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { Archive } from "../../src/articles/archive.js";
import {
  CONSOLE_MARKUP,
  CONSOLE_PAGE_LINES,
  ConsoleConversation,
  consoleAnswer,
  consoleComplete,
  pageLines,
  startConsole,
  terminalText,
} from "../../src/cli/console.js";
import { silentLogger } from "../../src/logger.js";
import { makeArticle, seedArticle } from "../helpers.js";

/** The local console as a person types into it: habits of Chinese typing, paging, Ctrl-C. */

const FILLERS = 59;
let seedOnly: Archive;
let many: Archive;

beforeAll(() => {
  const seed = seedArticle();
  seedOnly = Archive.fromArticles([seed]);
  const fillers = Array.from({ length: FILLERS }, (_, i) =>
    makeArticle({
      id: `n9100${String(i).padStart(4, "0")}`,
      title: `测试稿${i}：北约会议`,
      date: `2021-11-${String((i % 28) + 1).padStart(2, "0")}`,
      paragraphs: [`第${i}篇。北约官员说：“会议很重要。”`],
    }),
  );
  many = Archive.fromArticles([seed, ...fillers]);
});

const answer = (archive: Archive, line: string) => consoleAnswer(archive, line, silentLogger);

describe("help", () => {
  it.each([
    ["/help search", /^\/search 关键词 \[limit:数量\] \[page:页\]\n在文章中搜索词语/],
    ["/帮助 搜索", /^\/search 关键词/],
    ["/help 搜尋", /^\/search 关键词/],
    ["/help /quotes", /^\/quotes 人物 \[article:文章\]\n/],
    ["/search --help", /^\/search 关键词/],
    ["/help search", /\n {2}limit:数量 {2}最多显示多少篇（1–200，默认 10）/],
    ["/help ask", /\n {2}问题 +你的问题，例如：.*（必填）/],
    ["/help", /想看一条命令的详细说明：\/help search/],
    ["/help serch", /^错误：不认识命令 serch。.*你是不是要找 \/help search？/],
  ])("%s", (line, expected) => {
    expect(answer(seedOnly, line)).toMatch(expected);
  });
});

describe("range errors name the option as it was typed", () => {
  it.each([
    ["/search 北约 数量:0", "错误：数量 必须是 1 到 200 之间的整数。"],
    ["/search 北约 limit:0", "错误：limit 必须是 1 到 200 之间的整数。"],
    ["/search 北约 --limit=0", "错误：--limit 必须是 1 到 200 之间的整数。"],
    ["/search 北约 页:0", "错误：页 必须是 1 到 10000 之间的整数。"],
    ["/articles 0", "错误：页 必须是 1 到 10000 之间的整数。"],
    ["/summary 句数：１１", "错误：句数 必须是 1 到 10 之间的整数。"],
    ["/summary sentences:x", "错误：sentences 必须是整数，而不是“x”。"],
  ])("%s", (line, expected) => {
    expect(answer(seedOnly, line)).toBe(expected);
  });
});

describe("Chinese typing habits", () => {
  it.each([
    ["/quotes谢尔曼", /谢尔曼.*共 5 条引语/],
    ["/search北约", /“北约”共找到 1 篇文章/],
    ["／search 北约", /“北约”共找到 1 篇文章/],
    ["／ｓｅａｒｃｈ 北约", /“北约”共找到 1 篇文章/],
    ["/search 北约 limit:１", /“北约”共找到 1 篇文章/],
    ["/summary sentences：２", /摘要：\n1\. .+\n2\. .+\n/],
    ["/搜索 北约", /“北约”共找到 1 篇文章/],
  ])("%s", (line, expected) => {
    expect(answer(seedOnly, line)).toMatch(expected);
  });

  it.each([
    ["/qu", ["/quotes "]],
    ["qu", ["/quotes "]],
    ["/pe", ["/people "]],
    ["/he", ["/help "]],
  ])("Tab completes %s with the space after it", (line, expected) => {
    expect(consoleComplete(seedOnly, line)).toEqual([expected, line]);
  });

  it("says what to type for a mistyped command, listing /help and /exit", () => {
    const text = answer(seedOnly, "/serch 北约") ?? "";
    expect(text).toMatch(/^错误：不认识命令 \/serch。你是不是要找 \/search？/);
    expect(text).toMatch(/\/help、\/exit$/);
  });

  it("/ask 问题 article:ID answers from that article alone", () => {
    const text = answer(many, "/ask 会谈持续了多久？ article:n13495457") ?? "";
    expect(text).toMatch(/^问：会谈持续了多久？\n只在这篇文章里找：美俄日内瓦会谈/);
    expect(text).toMatch(/7小时/);
    expect(answer(many, "/ask 会谈持续了多久？ article:n91000001")).toMatch(
      /^问：会谈持续了多久？\n只在这篇文章里找：测试稿1：北约会议\n/,
    );
  });

  it.each([
    [
      "/quotes 谢尔曼 article:n91000001",
      /^只在这篇文章里找：测试稿1：北约会议\n谢尔曼（.*）：没有找到引语。$/,
    ],
    [
      "/quotes 谢尔曼 article:n13495457",
      /^谢尔曼（.*），共 5 条引语：\n只在这篇文章里找：美俄日内瓦会谈/,
    ],
    ["/summary 测试稿", /^错误：不止一篇文章符合“测试稿”，例如：.*（n910000\d\d）、/],
    ["/search 北约 -测试稿", /^错误：搜索不支持 OR、AND、NOT，也不能用“-”排除词语/],
    ["/summary n91000001 sentences:5", /\n这篇文章只摘出 [12] 句（要求 5 句）。\n/],
  ])("%s says what it looked at", (line, expected) => {
    expect(answer(many, line)).toMatch(expected);
  });

  it.each([
    ["/search 北约 limit:5", /^“北约”共找到 60 篇文章（第 6–10 篇）/],
    ["/搜索北约 数量:5", /^“北约”共找到 60 篇文章（第 6–10 篇）/],
    ["/articles", /^共 60 篇文章，第 2\/6 页：/],
    ["/文章 2", /^共 60 篇文章，第 3\/6 页：/],
  ])("/more after %s shows the next page of the list", (line, second) => {
    const conversation = new ConsoleConversation(() => many, silentLogger);
    const first = conversation.answer(line) ?? "";
    expect(first).toMatch(/（还有更多结果。输入 \/more 看下一页。）$/);
    expect(conversation.answer("/more")).toMatch(second);
  });

  it("/more goes through an answer's screens, then on to the list's next page", () => {
    const conversation = new ConsoleConversation(() => many, silentLogger);
    expect(conversation.answer("/search 北约 limit:20")).toMatch(/（第 1\/2 页。输入 \/more/);
    expect(conversation.answer("/more")).toMatch(/（还有更多结果。输入 \/more 看下一页。）$/);
    expect(conversation.answer("/more")).toMatch(/^“北约”共找到 60 篇文章（第 21–40 篇）/);
  });

  it("/more after the last page of a list says there is none", () => {
    const conversation = new ConsoleConversation(() => seedOnly, silentLogger);
    expect(conversation.answer("/search 北约")).not.toMatch(/还有更多结果/);
    expect(conversation.answer("/more")).toBe("没有下一页了。");
  });

  it.each([
    ["/help se", ["search"]],
    ["/help 引語", ["quotes"]],
    ["/quotes 舍", ["舍曼"]],
  ])("Tab completes %s", (line, expected) => {
    expect(consoleComplete(seedOnly, line)[0]).toEqual(expected);
  });

  it("Tab completes the article of /ask", () => {
    const [choices] = consoleComplete(many, "/ask 会谈持续了多久？ --article 日内瓦");
    expect(choices).toEqual([expect.stringContaining("n13495457")]);
  });

  it("/ask ？ has its own message", () => {
    expect(answer(seedOnly, "/ask ？")).toMatch(/^错误：这个问题里没有可以查找的关键词/);
  });
});

describe("pages", () => {
  it("/articles 3 shows the third page", () => {
    expect(answer(many, "/articles 3")).toMatch(/^共 60 篇文章，第 3\/6 页：/);
    expect(answer(many, "/articles page:2")).toMatch(/^共 60 篇文章，第 2\/6 页：/);
  });

  it("says there are only so many pages", () => {
    expect(answer(many, "/articles 7")).toBe("错误：只有 6 页，没有第 7 页。");
  });

  it("shows a long answer a page at a time, then the rest on /more", () => {
    const conversation = new ConsoleConversation(() => many, silentLogger);
    const first = conversation.answer("/articles --limit 60") ?? "";
    const shown = first.split("\n");
    expect(shown.length).toBeLessThanOrEqual(CONSOLE_PAGE_LINES + 1);
    expect(shown.at(-1)).toBe("（第 1/2 页。输入 /more 看下一页。）");
    const second = conversation.answer("/more") ?? "";
    const ids = (text: string) => [...text.matchAll(/n\d{8}/g)].map((match) => match[0]);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(60);
    expect(second).not.toMatch(/\/more/);
    expect(conversation.answer("/more")).toBe("没有下一页了。");
  });

  it("never cuts an item from its indented lines", () => {
    const text = [
      "header",
      ...Array.from({ length: 30 }, (_, i) => `item ${i}\n   detail ${i}`),
    ].join("\n");
    const pages = pageLines(text, 10);
    for (const page of pages) expect(page.split("\n")[0]).toMatch(/^(header|item)/);
    expect(pages.join("\n")).toBe(text);
  });
});

describe("markdown in a terminal", () => {
  const marked = (text: string) =>
    text.replace(/\[(.+?)\]/g, (_m, inner) => CONSOLE_MARKUP.mark(inner));
  it.each([
    [true, "俄罗斯要求[北约]停止东扩", "俄罗斯要求\x1b[1m北约\x1b[22m停止东扩"],
    [false, "俄罗斯要求[北约]停止东扩", "俄罗斯要求北约停止东扩"],
    [false, "no marks * here", "no marks * here"],
    // Markdown in a query or an article is text, not bold.
    [true, "“**北约**”共找到", "“**北约**”共找到"],
    [false, "“**北约**”共找到", "“**北约**”共找到"],
    // A terminal's escape sequences and bells typed or pasted in are not acted on.
    [true, "“北约\x1b[2J\x07”共找到", "“北约[2J”共找到"],
    [false, "line\n\tnext", "line\n\tnext"],
  ])("bold %s: %j", (bold, text, expected) => {
    expect(terminalText(marked(text), bold)).toBe(expected);
  });

  it.each([
    ["/search **北约**", /^“\*\*北约\*\*”共找到 1 篇文章/],
    ["/quotes 舍曼", /^舍曼（谢尔曼、.*），共 5 条引语：/],
    ["/quotes 謝爾曼", /^谢尔曼（.*舍曼.*），共 5 条引语：/],
    ["/people 谢", /^谢尔曼（.*）：1 篇文章，5 条引语$/m],
    ["/people 某**人", /^没有名字以“某\*\*人”开头的说话人。试试 \/引语 某\*\*人，/],
    ["/quotes 某**人**说", /^错误：没有找到 某\*\*人\*\*说 的引语。/],
    // Marks around a name are not part of it.
    ["/quotes **谢尔曼**", /^谢尔曼（.*），共 5 条引语：/],
    ["/ask **会谈**持续了多久？", /^问：\*\*会谈\*\*持续了多久？/],
  ])("echoes %s as typed", (line, expected) => {
    expect(answer(seedOnly, line)).toMatch(expected);
  });

  it("prints no markdown marks where it cannot show bold", () => {
    expect(answer(seedOnly, "/search 北约")).not.toContain("**");
  });
});

describe("a terminal session", () => {
  function session() {
    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), { columns: 80, isTTY: true });
    const log = new PassThrough();
    let text = "";
    output.on("data", (chunk) => {
      text += chunk;
    });
    const console = startConsole(() => seedOnly, silentLogger, {
      input,
      output,
      terminal: true,
      logStream: log,
    });
    return { input, log, console, text: () => text };
  }

  it("redraws the prompt and the half-typed line after a log line", async () => {
    const { input, log, console, text } = session();
    input.write("/sea");
    await new Promise((resolve) => setImmediate(resolve));
    const before = text().length;
    let logged = "";
    log.on("data", (chunk) => {
      logged += chunk;
    });
    log.write("2022-01-01T00:00:00Z INFO  Re-indexed 1 changed file\n");
    expect(logged).toContain("Re-indexed");
    // The prompt line was cleared before the log line and drawn again after it.
    const redraw = text().slice(before);
    expect(redraw.startsWith("\x1b[2K\x1b[1G")).toBe(true);
    expect(redraw).toContain("读报> /sea");
    console.close();
    await console.closed;
  });

  it("clears a half-typed line on Ctrl-C, and quits on a second Ctrl-C", async () => {
    const { input, console, text } = session();
    let closed = false;
    void console.closed.then(() => {
      closed = true;
    });
    input.write("/search 北");
    input.write("\x03");
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    expect(text()).toContain("再按一次 Ctrl-C 退出");
    input.write("/source\r");
    await new Promise((resolve) => setImmediate(resolve));
    // The cleared text did not reach the command.
    expect(text()).toMatch(/美俄日内瓦会谈/);
    expect(text()).not.toMatch(/北\/source/);
    input.write("\x03");
    await console.closed;
    expect(closed).toBe(true);
  });
});
