import { describe, expect, it } from "vitest";
import { foldNumerals, numeralValue, quantityKind, vagueCounts } from "../../src/text/numerals.js";

describe("numeralValue: Han numerals, digits and both", () => {
  it.each([
    ["十六", 16],
    ["二十四", 24],
    ["两", 2],
    ["八千", 8000],
    ["二万四千", 24000],
    ["二万四", 24000],
    ["三千五", 3500],
    ["一百五", 150],
    ["一千零五", 1005],
    ["一百万", 1_000_000],
    ["1.2万", 12000],
    ["3万2,000", 32000],
    ["3,000", 3000],
    ["1亿5,000万", 150_000_000],
  ])("%s → %d", (text, value) => {
    expect(numeralValue(text)).toBe(value);
  });

  it.each(["两三", "一二三"])("%s (two digits in a row) is no single figure", (text) => {
    expect(numeralValue(text)).toBeUndefined();
  });
});

describe("foldNumerals: definite figures in digits, vague counts and words as written", () => {
  it.each([
    ["警方查封了八千多个账户。", "警方查封了8000多个账户。"],
    ["累计二万四千多人确诊。", "累计24000多人确诊。"],
    ["视频被转发3万2,000次。", "视频被转发32000次。"],
    ["当天将会印刷一百万份。", "当天将会印刷1000000份。"],
    ["约1.2万人到场。", "约12000人到场。"],
    ["上千市民聚集在桥下。", "上1000市民聚集在桥下。"],
    ["近百人被捕。", "近100人被捕。"],
    ["逾千人受伤。", "逾1000人受伤。"],
    ["两三百人排队。", "200至300人排队。"],
    ["十余名记者到场。", "10余名记者到场。"],
    ["他十几岁就离家。", "他10几岁就离家。"],
    ["数以万计的人上街。", "数以10000计的人上街。"],
    // Vague counts stay: they give no figure.
    ["几艘军舰驶近。", "几艘军舰驶近。"],
    ["数十名警察赶到。", "数十名警察赶到。"],
    // Words holding numeral characters, ordinals, an article 一.
    ["这件事十分重要。", "这件事十分重要。"],
    ["万一出事怎么办。", "万一出事怎么办。"],
    ["人们从四面八方赶来。", "人们从四面八方赶来。"],
    ["他得了第一名。", "他得了第一名。"],
    ["一名记者说。", "一名记者说。"],
    ["汽车零部件涨价。", "汽车零部件涨价。"],
    ["天上七彩日晕。", "天上七彩日晕。"],
  ])("%s → %s", (text, folded) => {
    expect(foldNumerals(text)).toBe(folded);
  });
});

describe("quantityKind and vagueCounts: a figure or only a vague count", () => {
  it.each([
    ["上千市民聚集", "figure", []],
    ["约3000人参加", "figure", []],
    ["几艘军舰驶近", "vague", ["几艘"]],
    ["数十名警察赶到", "vague", ["数十名"]],
    ["发射了多枚导弹", "vague", ["多枚"]],
    ["大多数人反对", undefined, []],
  ])("%s → %s %j", (text, kind, counts) => {
    const numeric = foldNumerals(text);
    expect(quantityKind(numeric)).toBe(kind);
    expect(vagueCounts(numeric)).toEqual(counts);
  });
});
