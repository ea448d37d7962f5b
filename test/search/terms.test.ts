import SearchableMap from "minisearch/SearchableMap";
import { describe, expect, it } from "vitest";
import type { TermData } from "../../src/search/engine.js";
import { TermDictionary } from "../../src/search/terms.js";

/** Stand-in term data: a `Map` marked with its key, so the test can tell whose data it got. */
const dataOf = (key: string): TermData => new Map([[0, new Map([[key.length, 1]])]]) as TermData;

/** Words over a small alphabet (many share prefixes and lie within an edit or two), seeded. */
function words(count: number, seed: number): string[] {
  const alphabet = "abcdé中文";
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const found = new Set<string>();
  while (found.size < count) {
    const length = 1 + Math.floor(random() * 7);
    let word = "";
    for (let i = 0; i < length; i++) word += alphabet[Math.floor(random() * alphabet.length)];
    found.add(word);
  }
  return [...found];
}

/** Sorted keys as the dictionary takes them: each followed by a newline. */
const keyText = (keys: string[]) => keys.map((key) => `${key}\n`).join("");

/** The dictionary and MiniSearch's own `SearchableMap` over the same keys. */
function pair(keys: string[]) {
  const sorted = [...keys].sort();
  const values = new Map(sorted.map((key) => [key, dataOf(key)]));
  const dictionary = new TermDictionary(
    keyText(sorted),
    sorted.length,
    (at) => values.get(sorted[at] as string) as TermData,
  );
  const reference = new SearchableMap<TermData>();
  for (const key of keys) reference.set(key, values.get(key) as TermData);
  return { dictionary, reference };
}

const sortedEntries = (entries: Iterable<[string, unknown]>) =>
  [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

const QUERIES = ["a", "ab", "abc", "bad", "cédé", "中文", "中", "dddd", "ébé", "zz", ""];

describe("the term dictionary answers as MiniSearch's SearchableMap", () => {
  const keys = words(2_000, 7);
  const { dictionary, reference } = pair(keys);

  it("looks terms up, and counts them", () => {
    expect(dictionary.size).toBe(reference.size);
    for (const key of [...keys.slice(0, 300), ...QUERIES]) {
      expect(dictionary.get(key), key).toBe(reference.get(key));
      expect(dictionary.has(key), key).toBe(reference.has(key));
    }
  });

  it.each(QUERIES)("lists the terms at prefix %j", (prefix) => {
    expect(sortedEntries(dictionary.atPrefix(prefix))).toEqual(
      sortedEntries(reference.atPrefix(prefix).entries()),
    );
  });

  it.each(QUERIES.flatMap((query) => [1, 2, 3].map((distance) => [query, distance] as const)))(
    "finds the terms within edit distance of %j (%i)",
    (query, distance) => {
      expect(sortedEntries(dictionary.fuzzyGet(query, distance))).toEqual(
        sortedEntries(reference.fuzzyGet(query, distance)),
      );
    },
  );

  it("follows changes: deleted, re-created and added terms", () => {
    const { dictionary: live, reference: plain } = pair(keys);
    const [gone, back, kept] = [...keys].sort() as [string, string, string];
    for (const map of [live, plain]) {
      map.delete(gone);
      map.delete(back);
      map.fetch(back, () => dataOf("again"));
      map.fetch(kept, () => dataOf("unused"));
      map.set("abcdefghij", dataOf("new"));
      map.fetch("zzz", () => dataOf("zzz"));
      map.delete("zzz");
    }
    expect(live.size).toBe(plain.size);
    expect(live.get(gone)).toBeUndefined();
    expect(live.get(back)).toEqual(plain.get(back));
    expect(live.get(kept)).toEqual(plain.get(kept));
    expect(sortedEntries(live.atPrefix("ab"))).toEqual(
      sortedEntries(plain.atPrefix("ab").entries()),
    );
    expect(sortedEntries(live.fuzzyGet("abcdefgh", 2))).toEqual(
      sortedEntries(plain.fuzzyGet("abcdefgh", 2)),
    );
    const inOrder = [...live.sorted()];
    expect(inOrder.map(([key]) => key)).toEqual([...plain.keys()].sort());
    expect(sortedEntries(live)).toEqual(sortedEntries(plain.entries()));
  });

  // Keys of digits and upper-case letters (search's Han keys) are skipped by a fuzzy look-up for a
  // query without such characters, but only when every key from "A" to "W" starts with three.
  it.each([
    ["Han-like keys", ["ABC", "ABCDEF", "ABD", "B0Z", "B0ZK12", "V99", "WAB"]],
    ["a short upper-case key", ["AB", "ABC", "V99"]],
    ["a mixed-case key", ["Abc", "ABC", "Bcd"]],
    ["a mixed-case key past three characters", ["ABC", "ABCdef", "ABCab", "V99"]],
    ["a short key among long ones", ["ABC", "ABCD", "B1", "V99"]],
  ])("finds the terms within edit distance beside %s", (_, upper) => {
    const { dictionary, reference } = pair([...keys, ...upper]);
    for (const query of [
      "abc",
      "ab",
      "bcd",
      "b0z",
      "wab",
      "v9",
      "abcdefg",
      "9",
      "é",
      "def",
      "abcde",
    ]) {
      for (const distance of [1, 2, 3]) {
        expect(sortedEntries(dictionary.fuzzyGet(query, distance)), `${query} ${distance}`).toEqual(
          sortedEntries(reference.fuzzyGet(query, distance)),
        );
      }
    }
  });

  it("refuses keys out of order", () => {
    expect(() => new TermDictionary(keyText(["b", "a"]), 2, () => dataOf(""))).toThrow(/sorted/);
  });

  it("refuses a key list of another length than its count", () => {
    expect(() => new TermDictionary(keyText(["a", "b"]), 3, () => dataOf(""))).toThrow(/fewer/);
    expect(() => new TermDictionary(keyText(["a", "b"]), 1, () => dataOf(""))).toThrow(/more/);
  });
});
