import { describe, expect, it } from "vitest";
import {
  contentWords,
  detectScript,
  foldText,
  toSimplified,
  toTraditional,
} from "../../src/text/text.js";

describe("foldText", () => {
  it.each([
    ["traditional to simplified", "謝爾曼說北約", "谢尔曼说北约"],
    ["simplified stays", "谢尔曼说北约", "谢尔曼说北约"],
    ["full-width Latin to half-width, lower case", "ＮＡＴＯ", "nato"],
    ["Latin lower case", "Wendy Sherman", "wendy sherman"],
    ["full-width digits", "２０２２年", "2022年"],
    ["name dot U+2027", "温迪‧谢尔曼", "温迪·谢尔曼"],
    ["name dot U+2022", "温迪•谢尔曼", "温迪·谢尔曼"],
    ["name dot katakana", "温迪・谢尔曼", "温迪·谢尔曼"],
    ["ideographic space", "北约\u3000峰会", "北约 峰会"],
    ["accented Latin", "ÉMILE", "émile"],
  ])("%s: %s → %s", (_case, input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it("keeps the length, so offsets in the folded text are offsets in the original", () => {
    const text = "「我們不會允許任何人強行關閉北約的門戶開放政策」，謝爾曼（Wendy Sherman）說。";
    expect(foldText(text)).toHaveLength(text.length);
  });
});

describe("script conversion", () => {
  it("converts both ways", () => {
    expect(toTraditional("谢尔曼与北约")).toBe("謝爾曼與北約");
    expect(toSimplified("謝爾曼與北約")).toBe("谢尔曼与北约");
  });

  it.each([
    ["美俄日內瓦會談 美副國務卿：未能縮小分歧", "b5"],
    ["美俄日内瓦会谈 美副国务卿：未能缩小分歧", "gb"],
    ["NATO summit", "gb"],
  ])("detects the script of %s", (text, script) => {
    expect(detectScript(text)).toBe(script);
  });
});

describe("contentWords", () => {
  it("drops question words and function words", () => {
    expect(contentWords("谁领导了美国代表团？")).toEqual(["领导", "美国", "代表团"]);
  });

  it("folds traditional script first", () => {
    expect(contentWords("誰領導了美國代表團？")).toEqual(["领导", "美国", "代表团"]);
  });
});
