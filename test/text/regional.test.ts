import { describe, expect, it } from "vitest";
import { lexicon } from "../../src/text/lexicon.js";
import { regionalForms, regionalVariants, regionalWordSpans } from "../../src/text/regional.js";
import { foldText } from "../../src/text/text.js";

describe("regional variants: mainland, Taiwan and Hong Kong words for one thing", () => {
  it.each([
    ["川普", ["特朗普"]],
    ["特朗普", ["川普"]],
    ["纽西兰", ["新西兰"]],
    ["软体", ["软件"]],
    ["联准会", ["美联储", "联储局"]],
    ["总统", []],
  ])("%s → %j", (word, variants) => {
    expect(regionalVariants(word)).toEqual(variants);
  });

  it.each([
    ["纽泽西州", ["新泽西州"]],
    ["川普政府", ["特朗普政府"]],
    // 查德 (Chad) inside 理查德 is part of another name.
    ["理查德", []],
  ])("a longer word holding a listed one: %s → %j", (word, forms) => {
    expect(regionalForms(word)).toEqual(forms);
  });

  it("finds the listed words of a text, longest first, without overlaps", () => {
    const text = "沙乌地阿拉伯和纽西兰";
    expect(regionalWordSpans(text).map(({ start, end }) => text.slice(start, end))).toEqual([
      "沙乌地阿拉伯",
      "纽西兰",
    ]);
  });

  it("every entry is written folded and in one group only", () => {
    const seen = new Set<string>();
    for (const entry of lexicon("regional-variants").entries) {
      for (const word of [entry.term, ...entry.fields]) {
        expect(foldText(word)).toBe(word);
        expect(seen.has(word), word).toBe(false);
        seen.add(word);
      }
    }
  });
});
