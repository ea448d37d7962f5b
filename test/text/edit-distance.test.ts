import { describe, expect, it } from "vitest";
import { editDistance, nameDistance } from "../../src/text/edit-distance.js";

describe("editDistance", () => {
  it.each([
    ["equal", "谢尔曼", "谢尔曼", 0],
    ["one substitution", "谢尔曼", "谢尔盖", 1],
    ["one insertion", "布林肯", "布林肯们", 1],
    ["one deletion", "sherman", "sheman", 1],
    ["empty to word", "", "nato", 4],
    ["transposition counts two", "ab", "ba", 2],
  ])("%s: %s / %s → %i", (_case, a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  it("gives up past the limit with limit + 1", () => {
    expect(editDistance("stoltenberg", "sherman", 2)).toBe(3);
    expect(editDistance("sherman", "shermann", 2)).toBe(1);
  });
});

describe("nameDistance", () => {
  it.each([
    ["the same name", "谢尔曼", "谢尔曼", 0, 0],
    ["a name inside a longer one", "谢尔曼", "温迪·谢尔曼", 0.1, 0.3],
    ["one character off", "谢尔蔓", "谢尔曼", 0.3, 0.4],
    ["a mistyped command", "serch", "search", 0.1, 0.3],
    ["lengths too far apart", "普京", "弗拉基米尔", 1, 1],
  ])("%s: %s / %s", (_case, a, b, low, high) => {
    const distance = nameDistance(a, b);
    expect(distance).toBeGreaterThanOrEqual(low);
    expect(distance).toBeLessThanOrEqual(high);
  });
});
