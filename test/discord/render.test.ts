import { describe, expect, it } from "vitest";
import { format } from "../../src/app/i18n.js";
import type {
  AskAnswer,
  QuotesAnswer,
  SearchAnswer,
  SourceAnswer,
  SummaryAnswer,
} from "../../src/app/service.js";
import {
  articleLink,
  clipUnits,
  EMBED_LIMITS,
  embedLength,
  escapeArticleText,
  packBlocks,
  renderAsk,
  renderQuotes,
  renderSearch,
  renderSource,
  renderSummary,
  splitBlock,
} from "../../src/discord/render.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("escapeArticleText", () => {
  it.each([
    ["bold", "**重要**", "\\*\\*重要\\*\\*"],
    ["underscore", "__init__", "\\_\\_init\\_\\_"],
    ["inline code", "`x`", "\\`x\\`"],
    ["spoiler", "||秘密||", "\\|\\|秘密\\|\\|"],
    ["heading", "# 标题", "\\# 标题"],
    ["list", "- 一", "\\- 一"],
    ["numbered list", "1. 一", "1\\. 一"],
    ["masked link", "[点我](https://x.example)", "\\[点我]\\(https://x.example)"],
    ["user mention", "<@123456789012345678>", "\\<@123456789012345678>"],
    ["role mention", "<@&123456789012345678>", "\\<@&123456789012345678>"],
    ["channel mention", "<#123456789012345678>", "\\<#123456789012345678>"],
    ["custom emoji", "<:x:123>", "\\<:x:123>"],
    ["everyone", "@everyone 看", "@\u200beveryone 看"],
    ["here", "@here", "@\u200bhere"],
    ["plain Chinese", "谢尔曼说：“我们还有很长的路要走”。", "谢尔曼说：“我们还有很长的路要走”。"],
  ])("escapes %s", (_case, input, output) => {
    expect(escapeArticleText(input)).toBe(output);
  });
});

describe("clipUnits", () => {
  it.each([
    ["short text unchanged", "北约", 5, "北约"],
    ["cut with an ellipsis", "一二三四五六", 4, "一二三…"],
    ["never splits a surrogate pair", "一二𠀀四五", 4, "一二…"],
    ["exact fit", "一二三", 3, "一二三"],
  ])("%s", (_case, input, max, output) => {
    const clipped = clipUnits(input, max);
    expect(clipped).toBe(output);
    expect(clipped.length).toBeLessThanOrEqual(max);
    expect(LONE_SURROGATE.test(clipped)).toBe(false);
  });
});

describe("splitBlock", () => {
  it("splits at sentence ends outside quotes", () => {
    const sentence = "他说：“今天是一场讨论。这不是谈判。”然后离开了。";
    const pieces = splitBlock(sentence.repeat(10), 60);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(60);
      // Every piece has balanced quotation marks: no quote was cut.
      expect((piece.match(/“/g) ?? []).length).toBe((piece.match(/”/g) ?? []).length);
    }
    expect(pieces.join("")).toBe(sentence.repeat(10));
  });

  it("prefers line breaks", () => {
    expect(splitBlock("第一行很长很长\n第二行", 8)).toEqual(["第一行很长很长", "第二行"]);
  });

  it("cuts a single over-long quote at a code point boundary as a last resort", () => {
    const text = `“${"𠀀".repeat(40)}”`;
    const pieces = splitBlock(text, 15);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(15);
      expect(LONE_SURROGATE.test(piece)).toBe(false);
    }
    expect(pieces.join("")).toBe(text);
  });
});

describe("packBlocks", () => {
  it("never splits a block that fits, and respects the budget and the count", () => {
    const blocks = Array.from({ length: 12 }, (_, i) => ({ text: `${i}`.padEnd(30, "字") }));
    const pages = packBlocks(blocks, 100, 5);
    expect(pages.flat().map((block) => block.text)).toEqual(blocks.map((block) => block.text));
    for (const page of pages) {
      expect(page.length).toBeLessThanOrEqual(5);
      expect(page.map((block) => block.text).join("\n\n").length).toBeLessThanOrEqual(100);
    }
  });
});

describe("articleLink", () => {
  it("escapes brackets in the title and parentheses in the URL", () => {
    expect(articleLink({ title: "[快讯] 北约*峰会*", url: "https://example.com/a_(b).htm" })).toBe(
      "[\\[快讯\\] 北约\\*峰会\\*](https://example.com/a_%28b%29.htm)",
    );
  });

  it("falls back to the escaped title without a URL", () => {
    expect(articleLink({ title: "无链接_文章", url: null })).toBe("无链接\\_文章");
  });
});

function searchAnswer(results: number, snippetLength: number): SearchAnswer {
  return {
    command: "search",
    query: "北约",
    total: results,
    page: 1,
    limit: results,
    suggestions: [],
    results: Array.from({ length: results }, (_, i) => ({
      id: `n${1000 + i}`,
      title: `文章 ${i}`,
      date: "2022-01-10",
      url: `https://www.epochtimes.com/gb/22/1/10/n${1000 + i}.htm`,
      score: 1,
      snippets: [`${"北约".repeat(snippetLength / 2)}`],
    })),
  };
}

describe("renderers", () => {
  it.each([
    [3, 40],
    [12, 200],
    [50, 1500],
  ])(
    "pages %i search results with %i-character snippets within Discord's limits",
    (results, length) => {
      const pages = renderSearch(searchAnswer(results, length), "zh-CN");
      const numbers = pages.flatMap((page) =>
        [...(page.embed.description ?? "").matchAll(/\*\*(\d+)\.\*\*/g)].map((m) => Number(m[1])),
      );
      expect(numbers).toEqual(Array.from({ length: results }, (_, i) => i + 1));
      for (const [index, page] of pages.entries()) {
        expect((page.embed.description ?? "").length).toBeLessThanOrEqual(EMBED_LIMITS.description);
        expect((page.embed.title ?? "").length).toBeLessThanOrEqual(EMBED_LIMITS.title);
        expect(embedLength([page.embed])).toBeLessThanOrEqual(EMBED_LIMITS.total);
        expect(page.links.length).toBeGreaterThan(0);
        expect(page.links.length).toBeLessThanOrEqual(5);
        // One question button per result shown, numbered like the results.
        const shown = [...(page.embed.description ?? "").matchAll(/\*\*(\d+)\.\*\*/g)];
        expect(page.asks?.map((ask) => ask.articleId)).toEqual(
          shown.map((m) => `n${1000 + Number(m[1]) - 1}`),
        );
        if (shown.length > 1)
          expect(page.asks?.map((ask) => ask.label)).toEqual(
            shown.map((m) => format("zh-CN", "ask.buttonFor", { n: Number(m[1]) })),
          );
        if (pages.length > 1)
          expect(page.embed.footer?.text).toBe(
            format("zh-CN", "ui.page", { page: index + 1, pages: pages.length }),
          );
      }
    },
  );

  it("shows every quote whole, once, across pages", () => {
    const quotes = Array.from({ length: 30 }, (_, i) => ({
      speaker: "谢尔曼",
      text: `第${i}条：${"我们不会允许任何人强行关闭北约的门户开放政策。".repeat(8)}`,
      kind: "direct" as const,
      articleId: "n1",
      paragraph: i + 1,
      url: "https://www.epochtimes.com/gb/22/1/10/n13495457.htm",
      title: "美俄日内瓦会谈",
    }));
    const answer: QuotesAnswer = {
      command: "quotes",
      person: "谢尔曼",
      matched: [{ name: "谢尔曼", aliases: ["Wendy Sherman", "舍曼"] }],
      quotes,
    };
    const pages = renderQuotes(answer, "en-US");
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.map((page) => page.embed.description).join("\n");
    for (const quote of quotes) expect(text.split(quote.text).length - 1).toBe(1);
    expect(pages[0]?.embed.title).toBe("谢尔曼 (Wendy Sherman, 舍曼): 30 quotes");
  });

  it.each([
    ["zh-CN", 3, 3, "https://x/n1.htm", undefined],
    ["zh-CN", 1, 10, "https://x/n1.htm", "这篇文章只摘出 1 句（要求 10 句）。"],
    ["zh-TW", 2, 5, null, "（無原文連結） · 這篇文章只摘出 2 句（要求 5 句）。"],
    ["en-US", 1, 3, "https://x/n1.htm", "This article gives only 1 sentence (3 asked for)."],
  ] as const)(
    "a %s summary of %i sentences for %i asked says so in its footer",
    (locale, count, requested, url, footer) => {
      const pages = renderSummary(
        {
          command: "summary",
          article: { id: "n1", title: "标题", date: "2022-01-10", url },
          sentences: Array.from({ length: count }, (_, i) => `第${i + 1}句。`),
          requested,
        },
        locale,
      );
      expect(pages[0]?.embed.footer?.text).toBe(footer);
    },
  );

  it("links a summary to its article by URL and button", () => {
    const pages = renderSummary(
      {
        command: "summary",
        article: {
          id: "n1",
          title: "标题",
          date: "2022-01-10",
          url: "https://www.epochtimes.com/gb/22/1/10/n1.htm",
        },
        sentences: ["一。", "二*。", "三。"],
        requested: 3,
      },
      "zh-TW",
    );
    expect(pages).toHaveLength(1);
    expect(pages[0]?.embed.url).toBe("https://www.epochtimes.com/gb/22/1/10/n1.htm");
    expect(pages[0]?.embed.description).toContain("**2.** 二\\*。");
    expect(pages[0]?.links).toEqual([
      { label: "原文", url: "https://www.epochtimes.com/gb/22/1/10/n1.htm" },
    ]);
    expect(pages[0]?.asks).toEqual([{ articleId: "n1", label: "就此文提問" }]);
  });

  it("a search page of one result gets the plain question label", () => {
    const [page] = renderSearch(searchAnswer(1, 40), "en-US");
    expect(page?.asks).toEqual([{ articleId: "n1000", label: "Ask about this article" }]);
  });

  it("an answer about one article names it; an open answer does not", () => {
    const article = { id: "n1", title: "会谈_标题", date: "2022-01-10", url: null };
    const answers = [
      { text: "会谈持续了7小时。", articleId: "n1", title: article.title, url: null },
    ];
    const restricted = renderAsk({ command: "ask", question: "多久？", article, answers }, "zh-CN");
    expect(restricted[0]?.embed.description).toMatch(
      /^只在这篇文章里找：会谈\\_标题\n\n\*\*1\.\*\* /,
    );
    const none = renderAsk(
      {
        command: "ask",
        question: "2019年多久？",
        article,
        answers: [],
        reason: "没有找到能回答这个问题的句子。（相关的文章里没有提到「2019」。）",
        refusal: { code: "ask.anchorMissing", params: { anchor: "2019" } },
      },
      "en-US",
    );
    // The refusal is put into the member's language, not the Chinese of the CLI's `reason`.
    expect(none[0]?.embed.description).toBe(
      "From this article only: 会谈\\_标题\n\nNo sentence found that answers this question: the related articles do not mention “2019”.",
    );
    const open = renderAsk({ command: "ask", question: "多久？", answers }, "zh-CN");
    expect(open[0]?.embed.description).toMatch(/^\*\*1\.\*\* /);
    expect(open[0]?.asks).toBeUndefined();
  });
});

describe("what a member typed, echoed back", () => {
  const typed = "**北约** @everyone <@123> _x_";
  const escaped = "\\*\\*北约\\*\\* @\u200beveryone \\<@123> \\_x\\_";
  const ref = { id: "n1", title: typed, date: "2022-01-10", url: "https://example.com/n1.htm" };
  const search = (total: number): SearchAnswer => ({
    ...searchAnswer(total, 4),
    query: typed,
  });
  const ask: AskAnswer = { command: "ask", question: typed, answers: [] };
  const quotes: QuotesAnswer = {
    command: "quotes",
    person: typed,
    article: ref,
    matched: [{ name: "*谢尔曼*", aliases: ["@here"] }],
    quotes: [],
  };
  const summary: SummaryAnswer = {
    command: "summary",
    article: ref,
    sentences: ["一句。"],
    requested: 1,
  };
  const source: SourceAnswer = { command: "source", article: ref };
  it.each([
    ["a search's title", () => renderSearch(search(3), "zh-CN"), `搜索“${escaped}”：找到 3 篇文章`],
    [
      "a search that finds nothing",
      () => renderSearch(search(0), "zh-CN"),
      `没有找到包含“${escaped}”的文章。`,
    ],
    ["a question", () => renderAsk(ask, "zh-CN"), `问：${escaped}`],
    [
      "a person's names",
      () => renderQuotes(quotes, "en-US"),
      "\\*谢尔曼\\* (@\u200bhere): no quotes found.",
    ],
    ["a summary's article title", () => renderSummary(summary, "zh-CN"), escaped],
    ["a source's article title", () => renderSource(source, "zh-CN"), escaped],
  ])("%s is escaped in the embed title", (_case, render, title) => {
    const [page] = render();
    expect(page?.embed.title).toBe(title);
  });
});

describe("a /quotes heading", () => {
  const answer = (person: string): QuotesAnswer => ({
    command: "quotes",
    person,
    matched: [{ name: "舍曼", aliases: ["谢尔曼", "Wendy Sherman"] }],
    quotes: [
      {
        speaker: "谢尔曼",
        text: "今天是一场讨论",
        kind: "direct",
        paragraph: 5,
        articleId: "n1",
        url: "https://example.com/n1.htm",
        title: "会谈",
      },
    ],
  });
  it.each([
    ["谢尔曼", "谢尔曼（舍曼、Wendy Sherman）：1 条引语"],
    ["謝爾曼", "谢尔曼（舍曼、Wendy Sherman）：1 条引语"],
    ["sherman", "舍曼（谢尔曼、Wendy Sherman）：1 条引语"],
  ])("/quotes %s heads with %s", (typed, title) => {
    expect(renderQuotes(answer(typed), "zh-CN")[0]?.embed.title).toBe(title);
  });

  it("lists the other names in the member's language", () => {
    expect(renderQuotes(answer("Wendy Sherman"), "en-US")[0]?.embed.title).toBe(
      "Wendy Sherman (舍曼, 谢尔曼): 1 quote",
    );
  });
});

describe("a search that found more than it shows", () => {
  const found = (shown: number, total: number, page = 1): SearchAnswer => ({
    ...searchAnswer(shown, 4),
    total,
    page,
  });
  it.each([
    [found(10, 63), "zh-CN", "第 1/2 页 · 显示前 10 篇；把“数量”设为最多 50 可看更多"],
    [found(10, 63), "zh-TW", "第 1/2 頁 · 顯示前 10 篇；把「數量」設為最多 50 可看更多"],
    [found(3, 4), "en-US", "showing the first 3; set “limit” up to 50 to see more"],
    [found(50, 63), "zh-CN", "第 1/10 页 · 显示前 50 篇"],
    [found(10, 10), "zh-CN", "第 1/2 页"],
    [found(3, 3), "zh-CN", undefined],
  ] as const)("%# says so in the footer (%s)", (answer, locale, footer) => {
    expect(renderSearch(answer, locale)[0]?.embed.footer?.text).toBe(footer);
  });
});
