import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/text/edit-distance.js";

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
