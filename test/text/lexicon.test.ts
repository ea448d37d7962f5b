import { describe, expect, it } from "vitest";
import { allLexicons, parseLexicon } from "../../src/text/lexicon.js";

describe("lexicon format", () => {
  it("reads entries, fields, notes and directives", () => {
    const list = parseLexicon(
      "demo",
      "#! disjoint-with: places\n# titles before a name\n总统\n女士 f  # gendered title after a name\n",
    );
    expect(list.disjointWith).toEqual(["places"]);
    expect(list.entries).toEqual([
      { term: "总统", fields: [], note: "titles before a name", line: 3 },
      { term: "女士", fields: ["f"], note: "gendered title after a name", line: 4 },
    ]);
  });

  it("reports duplicates and entries without a note", () => {
    const list = parseLexicon("demo", "说\n# speech verbs\n说\n表示\n");
    expect(list.duplicates.map((entry) => entry.line)).toEqual([3]);
    expect(list.unexplained.map((entry) => entry.term)).toEqual(["说"]);
  });
});

describe("the project's word lists", () => {
  const lists = allLexicons();

  it.each(lists.map((list) => [list.name, list] as const))("%s has no duplicate", (_, list) => {
    expect(list.duplicates.map((entry) => `${entry.term} (line ${entry.line})`)).toEqual([]);
  });

  it.each(lists.map((list) => [list.name, list] as const))(
    "%s says what every entry is for",
    (_, list) => {
      expect(list.unexplained.map((entry) => `${entry.term} (line ${entry.line})`)).toEqual([]);
      for (const entry of list.entries) expect(entry.note).not.toMatch(/\bn\d{6,}/);
    },
  );

  it.each(lists.map((list) => [list.name, list] as const))(
    "%s contradicts no list it is disjoint with",
    (_, list) => {
      const byName = new Map(lists.map((other) => [other.name, other]));
      const clashes: string[] = [];
      for (const otherName of list.disjointWith) {
        const other = byName.get(otherName);
        expect(other, `${list.name} names a missing list ${otherName}`).toBeDefined();
        const terms = new Set(other?.entries.map((entry) => entry.term));
        for (const entry of list.entries) {
          if (terms.has(entry.term)) clashes.push(`${entry.term} is also in ${otherName}`);
        }
      }
      expect(clashes).toEqual([]);
    },
  );
});
