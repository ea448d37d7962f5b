import { describe, expect, it } from "vitest";
import { lcsLength, rouge, rougeL, rougeN, rougeUnits } from "../../src/answers/rouge.js";

/** Hand-computed cases: [candidate, reference, ROUGE-1 F, ROUGE-2 F, ROUGE-L F]. */
const CASES: [string, string, number, number, number][] = [
  // identical text
  ["我爱北京", "我爱北京", 1, 1, 1],
  // nothing in common
  ["我爱北京", "他去上海", 0, 0, 0],
  // unigrams 2/4 each way; bigrams 我爱 1/3 each way; LCS 我爱 = 2
  ["我爱北京", "我爱上海", 0.5, 1 / 3, 0.5],
  // candidate inside a longer reference: P=1, R=3/4 → F=6/7; bigrams P=1, R=2/3 → F=0.8
  ["abc", "abcd", 6 / 7, 0.8, 6 / 7],
  // clipped counts: one 啊 matches once; P=1/3, R=1 → F=0.5; bigram 啊啊 vs none → 0
  ["啊啊啊", "啊", 0.5, 0, 0.5],
  // same characters, reversed order: unigrams all match; no bigram; LCS 1 of 4
  ["甲乙丙丁", "丁丙乙甲", 1, 0, 0.25],
  // punctuation, whitespace, script and width are ignored
  ["我愛北京！", "我爱 北京", 1, 1, 1],
  ["ＮＡＴＯ东扩。", "nato 东扩", 1, 1, 1],
  // empty sides score 0
  ["", "我爱北京", 0, 0, 0],
  ["。。。", "我爱北京", 0, 0, 0],
];

describe("rouge", () => {
  it.each(CASES)("rouge(%s, %s)", (candidate, reference, r1, r2, rl) => {
    const scores = rouge(candidate, reference);
    expect(scores.rouge1.f).toBeCloseTo(r1, 10);
    expect(scores.rouge2.f).toBeCloseTo(r2, 10);
    expect(scores.rougeL.f).toBeCloseTo(rl, 10);
    expect(rougeN(candidate, reference, 1).f).toBeCloseTo(r1, 10);
    expect(rougeN(candidate, reference, 2).f).toBeCloseTo(r2, 10);
    expect(rougeL(candidate, reference).f).toBeCloseTo(rl, 10);
  });

  it("reports precision and recall", () => {
    const { rouge1 } = rouge("abc", "abcd");
    expect(rouge1.precision).toBe(1);
    expect(rouge1.recall).toBe(0.75);
  });

  it("rougeUnits keeps letters and digits, folded", () => {
    expect(rougeUnits("美國 NATO，3.5%！")).toEqual(["美", "国", "n", "a", "t", "o", "3", "5"]);
  });

  it("lcsLength", () => {
    expect(lcsLength([..."ABCBDAB"], [..."BDCABA"])).toBe(4);
    expect(lcsLength([], [..."abc"])).toBe(0);
  });
});
