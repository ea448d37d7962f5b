import { describe, expect, it } from "vitest";
import { contentWords } from "../../src/text/segment.js";

describe("contentWords", () => {
  it("drops question words and function words", () => {
    expect(contentWords("谁领导了美国代表团？")).toEqual(["领导", "美国", "代表团"]);
  });

  it("folds traditional script first", () => {
    expect(contentWords("誰領導了美國代表團？")).toEqual(["领导", "美国", "代表团"]);
  });
});
