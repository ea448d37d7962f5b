import { describe, expect, it } from "vitest";
import { chineseFor, pinyinSyllables, readsAs } from "../../src/answers/english.js";

describe("CC-CEDICT for English questions", () => {
  it.each([
    // A people's adjective by its country.
    ["Ukrainian", "乌克兰"],
    ["Japanese", "日本"],
    // A proper noun's sense before its description; a city also without 市.
    ["Shenzhen", "深圳"],
    // A word found only in a later sense.
    ["minister", "部长"],
    // A plural-only sense.
    ["sanction", "制裁"],
    // A sense after the first of a "; "-joined string (Olympic Games; the Olympics).
    ["Olympics", "奥运"],
    // An adverb by its adjective; a phrase inflected on its first word.
    ["formally", "正式"],
    ["covering up", "掩盖"],
    ["carried out", "执行"],
  ])("%s → %s", (english, chinese) => {
    expect(chineseFor(english)).toContain(chinese);
  });

  it.each([
    ["zhang", ["zhang"]],
    ["xiaoming", ["xiao", "ming"]],
    ["jiuan", ["jiu", "an"]],
    ["nelson", undefined],
  ])("pinyin %s → %j", (word, syllables) => {
    expect(pinyinSyllables(word)).toEqual(syllables);
  });

  it("reads characters as toneless pinyin", () => {
    expect(readsAs("刘", "liu")).toBe(true);
    expect(readsAs("刘", "wang")).toBe(false);
  });
});
