import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answers/ask.js";
import { impliesPlace } from "../../src/answers/implied-places.js";
import { makeArticle } from "../helpers.js";

/** An archive of 1,000 articles counted by a table (a word, or words joined by a space). */
function archive(counts: Record<string, number>) {
  return { documents: 1000, documentFrequency: (words: string) => counts[words] ?? 50 };
}

const ministry = makeArticle({
  id: "fx-leave",
  title: "劳动部：减班休息人数再增加",
  paragraphs: [
    "劳动部周二公布最新统计，实施减班休息的企业有3,012家，人数为2万1,440人。",
    "劳动部次长说，受影响最多的是制造业。",
  ],
});
const beijing = makeArticle({
  id: "fx-beijing",
  title: "劳动部：北京减班休息人数再增加",
  paragraphs: ["北京劳动部周二公布最新统计，实施减班休息的人数为2万1,440人。"],
});

describe("impliesPlace: a place the archive names with the article's institutions", () => {
  it.each([
    // 劳动部 is named with 台湾 in 80% of its articles, 台湾 in 20% of all: implied.
    ["Taiwan's ministry", ministry, { 劳动部: 40, "台湾 劳动部": 32, 台湾: 200 }, true],
    // Named with 台湾 in 60% of its articles while 台湾 is in 40% of all: every country's.
    ["a ministry of every country", ministry, { 劳动部: 40, "台湾 劳动部": 24, 台湾: 400 }, false],
    // Too rare to say.
    ["a rare institution", ministry, { 劳动部: 3, "台湾 劳动部": 3, 台湾: 200 }, false],
    // The lead names a place the archive mostly names without 台湾.
    [
      "a place outside",
      beijing,
      { 劳动部: 40, "台湾 劳动部": 32, 台湾: 200, 北京: 300, "台湾 北京": 60 },
      false,
    ],
  ] as const)("%s → %s", (_name, article, counts, expected) => {
    expect(impliesPlace(article, "台湾", archive(counts))).toBe(expected);
  });

  it("answers a question naming the implied place, refuses when it is not implied", () => {
    const question = "台湾减班休息的有多少人？";
    const implied = archive({ 劳动部: 40, "台湾 劳动部": 32, 台湾: 200 });
    const notImplied = archive({ 劳动部: 40, "台湾 劳动部": 8, 台湾: 200 });
    const other = makeArticle({ ...ministry, id: "fx-leave2" });
    expect(answerQuestion(question, [ministry], { rarity: implied }).answers[0]?.text).toMatch(
      /2万1,440人/,
    );
    expect(answerQuestion(question, [other], { rarity: notImplied }).refusal?.code).toBe(
      "ask.anchorMissing",
    );
  });
});
