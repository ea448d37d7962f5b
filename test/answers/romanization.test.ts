import { describe, expect, it } from "vitest";
import { isSyllable } from "../../src/answers/english.js";
import {
  cantoneseSurnames,
  romanizedReading,
  romanizedSyllables,
} from "../../src/answers/romanization.js";

describe("romanized syllables into pinyin", () => {
  it.each([
    // A pinyin syllable keeps its own reading first.
    ["ming", ["ming"]],
    ["jun", ["jun", "run"]],
    // Wade–Giles initials, unaspirated and aspirated alike once the apostrophe is dropped.
    ["chang", ["chang", "zhang"]],
    ["ch'ang", ["chang", "zhang"]],
    ["tsao", ["zao", "cao"]],
    ["kao", ["kao", "gao"]],
    ["hsu", ["xu"]],
    ["jen", ["ren"]],
    // Finals pinyin writes otherwise.
    ["tung", ["dong", "tong"]],
    ["hsiung", ["xiong"]],
    ["hsieh", ["xie"]],
    ["lien", ["lian"]],
    ["shih", ["shi"]],
    ["yeh", ["ye"]],
    ["hsüeh", ["xue"]],
    // Whole syllables: Wade–Giles szu, Taiwan's usage (Ing, Lee), a postal spelling (Kee).
    ["szu", ["si"]],
    ["ing", ["ying"]],
    ["lee", ["li"]],
    ["kee", ["ji"]],
    // Not a syllable in any of them.
    ["anthony", []],
    ["cheong", []],
  ])("%s → %j", (written, pinyin) => {
    expect(romanizedSyllables(written, isSyllable)).toEqual(pinyin);
  });
});

describe("romanized words into syllables", () => {
  it.each([
    // Hyphens between a given name's syllables.
    ["Ping-hsiung", [["ping", "bing"], ["xiong"]]],
    ["Shu-fen", [["shu"], ["fen"]]],
    // A place written as one word.
    [
      "Pingtung",
      [
        ["ping", "bing"],
        ["dong", "tong"],
      ],
    ],
    ["Keelung", [["ji"], ["long"]]],
    // A Western given name reads as nothing.
    ["Stephen", undefined],
    ["Ping-", undefined],
  ])("%s → %j", (word, reading) => {
    expect(romanizedReading(word, isSyllable)).toEqual(reading);
  });
});

describe("Cantonese surnames", () => {
  it.each([
    ["Wong", ["黄", "王"]],
    ["cheung", ["张", "蒋"]],
    ["Ng", ["吴", "伍"]],
    ["Tsang", ["曾"]],
    // Not a surname spelling.
    ["Smith", []],
  ])("%s → %j", (word, surnames) => {
    expect(cantoneseSurnames(word)).toEqual(surnames);
  });
});
