import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bareName,
  headedBy,
  runAsk,
  runQuotes,
  runSearch,
  suggestArticles,
  suggestPeople,
} from "../../src/app/service.js";
import { Archive } from "../../src/articles/archive.js";
import { describeError, isUserError } from "../../src/errors.js";
import { makeArticle } from "../helpers.js";

const seedText = readFileSync("seeds/000_d87d864bdde93e5b.txt", "utf8");

let root: string;
let archive: Archive;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "dubao-service-"));
  // The quoting article never writes the English name; another one, quoting nobody, does.
  writeFileSync(join(root, "quoting.md"), seedText.replace("（Wendy Sherman，又译舍曼）", ""));
  writeFileSync(
    join(root, "naming.md"),
    seedText
      .replaceAll("n13495457", "n20000002")
      .replace(/[“”「」]/g, "")
      .replace("2022年01月11日", "2022年01月12日"),
  );
  archive = await Archive.load({ root });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("runQuotes: asking by an English name the quoting article never writes", () => {
  it.each(["Sherman", "Wendy Sherman", "sherman"])("%s finds 谢尔曼's quotes", (person) => {
    const answer = runQuotes(archive, { person });
    expect(answer.matched.map((match) => match.name)).toEqual(["谢尔曼"]);
    expect(answer.quotes.map((quote) => quote.paragraph)).toEqual([2, 4, 5, 5, 14]);
  });
});

describe("suggestPeople: autocomplete by the start of an English name", () => {
  it.each(["Sher", "wendy s", "Sherman"])("%s offers 谢尔曼", (typed) => {
    expect(suggestPeople(archive, typed).map((choice) => choice.value)).toContain("谢尔曼");
  });

  it("offers nobody for an English start no name of the archive has", () => {
    expect(suggestPeople(archive, "Zyx")).toEqual([]);
  });
});

describe("runSearch: a query that would be searched as something else than meant says why", () => {
  const codeOf = (query: string) => {
    try {
      runSearch(archive, { query });
      return "searched";
    } catch (error) {
      return isUserError(error) ? error.code : String(error);
    }
  };

  it.each([
    ["https://www.epochtimes.com/gb/22/1/10/n13495457.htm", "search.isArticleLink"],
    ["n13495457", "search.isArticleId"],
    ["13495457", "search.isArticleId"],
    ["N20000002", "search.isArticleId"],
    ["https://example.com/news?id=1", "search.isLink"],
    ["www.example.com", "search.isLink"],
    ["北约 OR 俄罗斯", "search.operators"],
    ["北约 AND 俄罗斯", "search.operators"],
    ["北约 NOT 俄罗斯", "search.operators"],
    ["北约 -俄罗斯", "search.operators"],
    ["北约 －俄罗斯", "search.operators"],
    ["-俄罗斯", "search.operators"],
    // Hyphens inside words, a lone OR, an id no article has, and words are searched.
    ["F-15", "searched"],
    ["COVID-19", "searched"],
    ["OR", "searched"],
    ["or 北约", "searched"],
    ["n99999999", "searched"],
    ["北约 俄罗斯", "searched"],
  ])("%s → %s", (query, expected) => {
    expect(codeOf(query)).toBe(expected);
  });

  it("names the article a link or an id stands for", () => {
    try {
      runSearch(archive, { query: "n20000002" });
      expect.unreachable();
    } catch (error) {
      if (!isUserError(error)) throw error;
      expect(describeError(error, "zh-CN")[0]).toMatch(
        /^“n20000002”是一篇文章的编号：美俄日内瓦会谈 美副国务卿：未能缩小分歧。用 \/摘要/,
      );
    }
  });
});

describe("runQuotes: restricted to one article, the answer names it", () => {
  it.each([
    [undefined, undefined],
    ["n13495457", "n13495457"],
    ["n20000002", "n20000002"],
  ])("article %s → %s", (article, expected) => {
    expect(runQuotes(archive, { person: "谢尔曼", article }).article?.id).toBe(expected);
  });
});

describe("runAsk: an article's link or id pasted into the question names the article", () => {
  it.each([
    [
      "https://www.epochtimes.com/gb/22/1/10/n20000002.htm 谁领导了美国代表团？",
      "谁领导了美国代表团？",
      "n20000002",
    ],
    ["谁领导了美国代表团？ n13495457", "谁领导了美国代表团？", "n13495457"],
    ["N20000002 谁领导了美国代表团？", "谁领导了美国代表团？", "n20000002"],
    // No article has it, or it is all there is: the question stays as typed.
    ["n99999999 谁领导了美国代表团？", "n99999999 谁领导了美国代表团？", undefined],
    ["谁领导了美国代表团？", "谁领导了美国代表团？", undefined],
  ])("%s → %s in %s", (typed, question, article) => {
    const answer = runAsk(archive, { question: typed });
    expect(answer.question).toBe(question);
    expect(answer.article?.id).toBe(article);
  });

  it("the article option wins over a link in the question", () => {
    const answer = runAsk(archive, {
      question: "n20000002 谁领导了美国代表团？",
      article: "n13495457",
    });
    expect(answer.article?.id).toBe("n13495457");
    expect(answer.question).toBe("谁领导了美国代表团？");
  });

  it("a link alone is no question", () => {
    expect(() => runAsk(archive, { question: "n13495457" })).toThrow(/请输入问题/);
  });
});

describe("suggestArticles: a pasted link offers its article", () => {
  it.each([
    ["https://www.epochtimes.com/gb/22/1/10/n13495457.htm", ["n13495457"]],
    ["https://www.epochtimes.com/b5/22/1/10/n20000002.htm", ["n20000002"]],
    ["https://example.com/n1.htm", []],
  ])("%s → %j", (typed, expected) => {
    expect(suggestArticles(archive, typed).map((choice) => choice.value)).toEqual(expected);
  });
});

describe("headedBy: the name a /quotes heading shows", () => {
  const sherman = {
    name: "舍曼",
    aliases: ["谢尔曼", "温迪‧谢尔曼", "Wendy Sherman", "温迪‧舍曼"],
  };
  it.each([
    // One of the person's names, as typed: that name heads, the others follow.
    ["谢尔曼", "谢尔曼", ["舍曼", "温迪‧谢尔曼", "Wendy Sherman", "温迪‧舍曼"]],
    // Another script, case or name dot: the name as the articles write it.
    ["謝爾曼", "谢尔曼", ["舍曼", "温迪‧谢尔曼", "Wendy Sherman", "温迪‧舍曼"]],
    ["wendy sherman", "Wendy Sherman", ["舍曼", "谢尔曼", "温迪‧谢尔曼", "温迪‧舍曼"]],
    ["温迪·谢尔曼", "温迪‧谢尔曼", ["舍曼", "谢尔曼", "Wendy Sherman", "温迪‧舍曼"]],
    [" 谢尔曼 ", "谢尔曼", ["舍曼", "温迪‧谢尔曼", "Wendy Sherman", "温迪‧舍曼"]],
    // The most used form already, or no name of theirs (a surname, a part): the most used form.
    ["舍曼", "舍曼", sherman.aliases],
    ["sherman", "舍曼", sherman.aliases],
    ["温迪", "舍曼", sherman.aliases],
  ])("%s → %s", (typed, name, aliases) => {
    expect(headedBy(sherman, typed)).toEqual({ name, aliases });
  });
});

describe("runQuotes: a whole English name is that person's alone", () => {
  let prices: Archive;
  beforeAll(() => {
    prices = Archive.fromArticles([
      makeArticle({
        id: "n30000001",
        date: "2022-01-10",
        title: "国务院记者会",
        paragraphs: ["美国国务院发言人内德‧普赖斯（Ned Price）周一说：“我们将继续与盟友协商。”"],
      }),
      makeArticle({
        id: "n30000002",
        date: "2022-01-11",
        title: "加拿大官员谈贸易",
        paragraphs: ["加拿大贸易官员布莱恩‧普赖斯（Brian Price）表示：“谈判还在进行。”"],
      }),
    ]);
  });
  const speakers = (person: string) =>
    runQuotes(prices, { person }).quotes.map((quote) => quote.text);
  it.each([
    ["Ned Price", ["我们将继续与盟友协商。"]],
    ["ned price", ["我们将继续与盟友协商。"]],
    ["Brian Price", ["谈判还在进行。"]],
    // The surname alone names both.
    ["Price", ["我们将继续与盟友协商。", "谈判还在进行。"]],
    ["普赖斯", ["我们将继续与盟友协商。", "谈判还在进行。"]],
  ])("%s → %j", (person, texts) => {
    expect(speakers(person).sort()).toEqual([...texts].sort());
  });

  it.each([
    ["谢尔曼？", "谢尔曼"],
    ["“谢尔曼”", "谢尔曼"],
    ["《温迪‧谢尔曼》", "温迪‧谢尔曼"],
    [" Ned Price. ", "Ned Price"],
  ])("takes %s as %s", (typed, bare) => {
    expect(bareName(typed)).toBe(bare);
  });
});
