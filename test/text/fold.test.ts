import { describe, expect, it } from "vitest";
import {
  foldConcat,
  foldedLettersAndDigits,
  foldText,
  foldWithOffsets,
} from "../../src/text/fold.js";

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

describe("foldText over the whole range of UTF-16 units", () => {
  it("folds a whole text as it folds each UTF-16 unit alone", () => {
    const codes: number[] = [];
    for (let code = 0; code < 0x10000; code++) if (code < 0xd800 || code > 0xdfff) codes.push(code);
    const text =
      String.fromCharCode(...codes.slice(0, 30000)) + String.fromCharCode(...codes.slice(30000));
    expect(foldText(text)).toBe(codes.map((code) => foldText(String.fromCharCode(code))).join(""));
  });

  it("keeps lone surrogates as they are", () => {
    expect(foldText("北約\ud800ＮＡＴＯ\udc00")).toBe("北约\ud800nato\udc00");
  });

  it("folds pieces as it folds them joined", () => {
    const pieces = ["謝爾曼", "\u0000", "ＮＡＴＯ", "\n", "", "温迪‧谢尔曼"];
    expect(foldConcat(pieces)).toBe(foldText(pieces.join("")));
  });

  it.each([
    ["謝爾曼說北約", "谢尔曼说北约"],
    ["ＮＡＴＯ and NATO", "nato and nato"],
    ["温迪‧谢尔曼", "温迪·谢尔曼"],
  ])("folds %s to %s, keeping the length", (text, folded) => {
    expect(foldText(text)).toBe(folded);
    expect(foldText(text)).toHaveLength(text.length);
  });
});

describe("foldWithOffsets: folded offsets map back to the original", () => {
  // [case, original, folded range start, end, the folded text there, the original text there]
  it.each([
    ["traditional script", "美國國務卿布林肯說", 2, 5, "国务卿", "國務卿"],
    ["full-width Latin and digits", "北約ＮＡＴＯ於２０２２年", 2, 6, "nato", "ＮＡＴＯ"],
    ["full-width digits", "北約ＮＡＴＯ於２０２２年", 7, 11, "2022", "２０２２"],
    ["name dot", "溫迪‧謝爾曼（Wendy Sherman）", 0, 6, "温迪·谢尔曼", "溫迪‧謝爾曼"],
    ["Latin case", "溫迪‧謝爾曼（Wendy Sherman）", 7, 12, "wendy", "Wendy"],
    ["ideographic space", "北約\u3000峰會", 2, 5, " 峰会", "\u3000峰會"],
    ["astral characters keep both units", "𠮷野家的謝爾曼", 5, 8, "谢尔曼", "謝爾曼"],
  ])("%s: %s [%i, %i)", (_case, original, start, end, foldedPart, originalPart) => {
    const text = foldWithOffsets(original);
    expect(text.folded).toBe(foldText(original));
    expect(text.folded).toHaveLength(original.length);
    expect(text.folded.slice(start, end)).toBe(foldedPart);
    expect(text.originalOffset(start)).toBe(start);
    expect(text.originalOffset(end)).toBe(end);
    expect(text.originalSlice(start, end)).toBe(originalPart);
  });

  it("is the identity on every offset, ends included", () => {
    const original = "「我們不會允許任何人強行關閉北約的門戶開放政策」，謝爾曼說。";
    const text = foldWithOffsets(original);
    for (let offset = 0; offset <= original.length; offset++)
      expect(text.originalOffset(offset)).toBe(offset);
  });
});

describe("foldedLettersAndDigits", () => {
  it.each([
    ["punctuation and spaces go", "「北約，ＮＡＴＯ！」 2022", "北约nato2022"],
    ["two scripts give one key", "謝爾曼說：不。", "谢尔曼说不"],
    ["nothing left", "，。！？", ""],
  ])("%s: %s → %s", (_case, text, key) => {
    expect(foldedLettersAndDigits(text)).toBe(key);
  });
});
