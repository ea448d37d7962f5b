import { describe, expect, it } from "vitest";
import { detectScript, toSimplified, toTraditional } from "../../src/text/script.js";

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
