import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { parseArticle } from "../../src/articles/parse.js";
import { extractQuotes, type QuoteKind } from "../../src/quotes/quotes.js";
import { makeArticle } from "../helpers.js";

const here = join(dirname(fileURLToPath(import.meta.url)), "..");

interface Expected {
  speaker: string;
  text: string;
  kind: QuoteKind;
  paragraph: number;
}

interface Case {
  name: string;
  paragraphs: string[];
  script?: "gb" | "b5";
  reported?: boolean;
  expect: Expected[];
  people?: { name: string; aliases: string[] }[];
}

const fixture = JSON.parse(
  readFileSync(join(here, "fixtures", "quotes", "phenomena.json"), "utf8"),
) as { cases: Case[] };

function articleOf(paragraphs: string[], id: string, script: "gb" | "b5" = "gb"): Article {
  return makeArticle({
    id,
    title: "测试",
    date: "2022-01-10",
    paragraphs,
    url: `https://www.epochtimes.com/gb/22/1/10/${id}.htm`,
    script,
  });
}

describe("extractQuotes: one row per phenomenon", () => {
  it.each(fixture.cases.map((c, i) => [c.name, c, i] as const))("%s", (_name, c, i) => {
    const article = articleOf(c.paragraphs, `n${1000 + i}`, c.script);
    const result = extractQuotes(article, { reported: c.reported ?? false });
    const got = result.quotes.map(({ speaker, text, kind, paragraph }) => ({
      speaker,
      text,
      kind,
      paragraph,
    }));
    expect(got).toEqual(c.expect);
    for (const quote of result.quotes) {
      expect(quote.articleId).toBe(article.id);
      expect(quote.url).toBe(article.url);
    }
    // Every speaker is listed once among the article's people.
    const names = result.people.map((person) => person.name);
    expect(new Set(names).size).toBe(names.length);
    for (const quote of result.quotes) expect(names).toContain(quote.speaker);
    for (const person of c.people ?? []) {
      const found = result.people.find((p) => p.name === person.name);
      expect(found, person.name).toBeDefined();
      expect(found?.aliases).toEqual(expect.arrayContaining(person.aliases));
      expect(found?.aliases).not.toContain(person.name);
    }
  });
});

describe("extractQuotes on the seed article", () => {
  const seedPath = join(here, "..", "seeds", "000_d87d864bdde93e5b.txt");
  const article = parseArticle(readFileSync(seedPath, "utf8"), "000_d87d864bdde93e5b.txt");
  const result = extractQuotes(article);

  it("finds exactly the issue's quotes and nothing else", () => {
    expect(
      result.quotes.map(({ speaker, text, kind, paragraph }) => ({
        speaker,
        text,
        kind,
        paragraph,
      })),
    ).toEqual([
      {
        speaker: "谢尔曼",
        text: "我们进行了严肃、直接、务实、坦率的讨论。我们还有很长的路要走",
        kind: "direct",
        paragraph: 2,
      },
      {
        speaker: "谢尔曼",
        text: "我们认为，真正的进展只能在缓和而不是升级的气氛中进行。",
        kind: "direct",
        paragraph: 4,
      },
      { speaker: "谢尔曼", text: "今天是一场讨论", kind: "direct", paragraph: 5 },
      { speaker: "谢尔曼", text: "这不是你所谓的谈判。", kind: "direct", paragraph: 5 },
      {
        speaker: "里亚布科夫",
        text: "美方必须为妥协做好准备……俄方带着明确的立场来到这里……根本不可能偏离我们的提议。",
        kind: "direct",
        paragraph: 12,
      },
      { speaker: "里亚布科夫", text: "没有进展", kind: "partial", paragraph: 13 },
      { speaker: "里亚布科夫", text: "无意入侵乌克兰", kind: "partial", paragraph: 13 },
      {
        speaker: "谢尔曼",
        text: "然而，我们坚决反对那些对美国来说根本不可能的安全提议。我们不会允许任何人强行关闭北约的门户开放政策，这一直是北约联盟的核心。",
        kind: "direct",
        paragraph: 14,
      },
    ]);
  });

  it("carries the article id and link", () => {
    for (const quote of result.quotes) {
      expect(quote.articleId).toBe("n13495457");
      expect(quote.url).toBe("https://www.epochtimes.com/gb/22/1/10/n13495457.htm");
    }
  });

  it("merges every name of the two speakers", () => {
    const byName = new Map(result.people.map((person) => [person.name, person.aliases]));
    expect([...byName.keys()].sort()).toEqual(["谢尔曼", "里亚布科夫"].sort());
    expect(byName.get("谢尔曼")).toEqual(
      expect.arrayContaining(["温迪‧谢尔曼", "Wendy Sherman", "舍曼"]),
    );
    expect(byName.get("里亚布科夫")).toEqual(
      expect.arrayContaining(["谢尔盖·里亚布科夫", "Sergei Ryabkov"]),
    );
  });

  it("never quotes the newspaper titles", () => {
    const texts = result.quotes.map((quote) => quote.text);
    expect(texts.some((text) => text.includes("华尔街日报") || text.includes("华盛顿邮报"))).toBe(
      false,
    );
  });

  it("adds reported speech only when asked", () => {
    const withReported = extractQuotes(article, { reported: true });
    const reported = withReported.quotes.filter((quote) => quote.kind === "reported");
    expect(reported.length).toBeGreaterThan(0);
    expect(reported).toContainEqual(
      expect.objectContaining({ speaker: "谢尔曼", paragraph: 9, kind: "reported" }),
    );
    expect(withReported.quotes.filter((quote) => quote.kind !== "reported")).toEqual(result.quotes);
  });
});
