import { describe, expect, it } from "vitest";
import { readsAs } from "../../src/answers/english.js";
import {
  englishKey,
  keyDistance,
  syllableKey,
  transliteratedNames,
} from "../../src/answers/transliteration.js";

const SYLLABLES = [
  "ze",
  "lun",
  "lian",
  "si",
  "ji",
  "mo",
  "fei",
  "lei",
  "de",
  "wen",
  "ke",
  "lan",
  "ka",
  "te",
  "na",
  "er",
  "xun",
  "bo",
  "ge",
  "ri",
  "ben",
  "wu",
  "quan",
  "guo",
  "jin",
  "ru",
  "zhuang",
  "tai",
];
const reading = (char: string) => SYLLABLES.filter((syllable) => readsAs(char, syllable));

describe("englishKey", () => {
  it.each([
    ["Zelensky", "slnsk"],
    ["Murphy", "mlf"],
    ["Red Wing", "ltwn"],
    ["Carter", "kltl"],
    ["Nelson", "nlsn"],
  ])("%s → %s", (name, key) => {
    expect(englishKey(name)).toBe(key);
  });
});

describe("syllableKey", () => {
  it.each([
    ["lun", "ln"],
    ["wen", "wn"],
    ["ji", "j"],
    ["er", "l"],
    ["wu", ""],
    ["zhuang", "jn"],
  ])("%s → %s", (syllable, key) => {
    expect(syllableKey(syllable)).toBe(key);
  });
});

describe("keyDistance", () => {
  it.each([
    ["slnsk", "slnsj", 0.5], // Zelensky, 泽伦斯基: 基 for -ky
    ["mlf", "mf", 0.5], // Murphy, 墨菲: the r dropped
    ["ltwn", "ltwn", 0], // Red Wing, 雷德温
  ])("%s ~ %s = %s", (english, han, distance) => {
    expect(keyDistance(english, han)).toBe(distance);
  });
  it("keeps unlike names far apart (Nelson, 卡特勒)", () => {
    expect(keyDistance("nlsn", "kltl")).toBeGreaterThan(2);
  });
});

describe("transliteratedNames", () => {
  it.each([
    ["Zelensky", ["乌克兰总统泽伦斯基宣布全国戒严。"], ["泽伦斯基"]],
    // Two spellings of one name in two articles are both kept.
    ["Zelensky", ["泽伦斯基宣布戒严。", "泽连斯基发表讲话。"], ["泽伦斯基", "泽连斯基"]],
    ["Carter", ["卡特说，会谈取得进展。"], []], // a key of three consonants against two: no
    ["Nelson", ["纳尔逊表示同意。"], ["纳尔逊"]],
    // A name the article does not write finds nothing, however many runs it has.
    ["Kerrigan", ["纳尔逊和泽伦斯基都表示同意。"], []],
    // A Chinese word of transliteration characters does not sound like the name.
    ["Gordon", ["日本和美国的关系。"], []],
  ])("%s in %j → %j", (name, texts, found) => {
    expect(transliteratedNames(name, texts, reading)).toEqual(found);
  });
});
