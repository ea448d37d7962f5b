import { describe, expect, it } from "vitest";
import { RECENT_ARTICLES, RecentMap } from "../../src/answers/recent.js";

describe("RecentMap", () => {
  it("keeps at most its capacity, dropping the least recently used", () => {
    const map = new RecentMap<string, number>(3);
    map.set("a", 1).set("b", 2).set("c", 3);
    expect(map.get("a")).toBe(1); // a is now the most recent; b the oldest
    map.set("d", 4);
    expect(map.size).toBe(3);
    expect(map.has("b")).toBe(false);
    expect([map.get("a"), map.get("c"), map.get("d")]).toEqual([1, 3, 4]);
  });

  it("stays bounded over many more keys than its capacity", () => {
    const map = new RecentMap<object, number>(RECENT_ARTICLES);
    const keys = Array.from({ length: RECENT_ARTICLES * 4 }, () => ({}));
    keys.forEach((key, i) => {
      map.set(key, i);
    });
    expect(map.size).toBe(RECENT_ARTICLES);
    expect(map.get(keys[0] as object)).toBeUndefined();
    expect(map.get(keys.at(-1) as object)).toBe(keys.length - 1);
  });

  it("replacing a value does not grow the map", () => {
    const map = new RecentMap<string, string>(2);
    map.set("a", "x").set("a", "y").set("b", "z");
    expect(map.size).toBe(2);
    expect(map.get("a")).toBe("y");
  });

  it.each([0, -1, 1.5])("rejects capacity %s", (capacity) => {
    expect(() => new RecentMap(capacity)).toThrow(RangeError);
  });
});
