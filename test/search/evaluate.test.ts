import { describe, expect, it } from "vitest";
import { parseQuery, type QueryTerm } from "../../src/search/analyzer.js";
import { ShortIdTable, TermEvaluator } from "../../src/search/evaluate.js";
import {
  collectEntries,
  entryField,
  type IndexedArticle,
} from "../../src/search/indexed-article.js";
import { SearchIndex } from "../../src/search/search.js";
import { FIELDS, IndexStore } from "../../src/search/store.js";
import { wordEdges } from "../../src/search/suggest.js";
import { articleFixtures, seedArticle } from "../helpers.js";

const entries = [...collectEntries([seedArticle(), ...articleFixtures("search")]).values()];
const store = IndexStore.bulk(
  entries.map((entry) => entry.article.id),
  (i, fieldId) =>
    FIELDS[fieldId] === "people" ? "" : entryField(entries[i] as IndexedArticle, fieldId),
  entries.reduce((sum, entry) => sum + entry.folded.length, 0),
);
const articles = new ShortIdTable();
for (const entry of entries) {
  entry.shortId = store.shortIdOf(entry.article.id) as number;
  articles.set(entry.shortId, entry);
}
const evaluator = new TermEvaluator(store, articles);
const allDocs = entries.map((entry) => entry.shortId);

const term = (text: string): QueryTerm => parseQuery(text)[0] as QueryTerm;

// Exact bigrams, several keys (checked against the text), a lone character (a prefix key), Latin
// words (prefix and exact), a term no article has, and one whose keys all occur but never together.
const TERMS = [
  "北约",
  "乌克兰",
  "谢尔曼",
  "斯托尔滕贝格",
  "美",
  "北",
  "nato",
  "sherman",
  "7小时",
  "火星",
  "约乌",
];

describe("one term among given articles", () => {
  const subsets: Array<[string, number[]]> = [
    ["every article", allDocs],
    ["every other article", allDocs.filter((_, i) => i % 2 === 0)],
    ["the last three", allDocs.slice(-3)],
    ["one article", allDocs.slice(1, 2)],
    ["none", []],
  ];
  const cases = TERMS.flatMap((text) =>
    subsets.map(([name, within]) => [text, name, within] as const),
  );

  it.each(cases)(
    "%s within %s: the whole evaluation's hits among them, same scores",
    (text, _, within) => {
      evaluator.clear();
      const whole = evaluator.evaluate(term(text));
      evaluator.clear();
      const narrowed = evaluator.evaluate(term(text), within);
      const member = new Set(within);
      const expected = whole.docs.filter((doc) => member.has(doc));
      expect([...narrowed.docs].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
      for (const doc of expected) expect(narrowed.scores[doc]).toBe(whole.scores[doc]);
    },
  );

  it("leaves no trace: a whole evaluation after narrowed ones gives the same answer", () => {
    evaluator.clear();
    const before = TERMS.map((text) => evaluator.evaluate(term(text)));
    for (const text of TERMS) evaluator.evaluate(term(text), allDocs.slice(0, 3));
    evaluator.clear();
    const after = TERMS.map((text) => evaluator.evaluate(term(text)));
    after.forEach((hits, i) => {
      const was = before[i] as (typeof before)[number];
      expect(hits.docs).toEqual(was.docs);
      expect([...hits.scores]).toEqual([...was.scores]);
    });
  });
});

describe("whether a term matches at all", () => {
  it.each(TERMS)("%s: as the whole evaluation says", (text) => {
    evaluator.clear();
    expect(evaluator.matchesAny(term(text))).toBe(evaluator.evaluate(term(text)).docs.length > 0);
  });
});

describe("where a shorter suggestion may start or end (word edges)", () => {
  it.each([
    ["火星基地", [0, 2, 4]],
    ["月球背面采矿", [0, 2, 4, 6]],
    ["asdfqwerzxcv", [0, 12]],
    ["covid19疫苗", [0, 7, 9]],
  ])("%s → %j", (text, expected) => {
    const edges = wordEdges(text);
    expect(edges.flatMap((edge, at) => (edge ? [at] : []))).toEqual(expected);
  });
});

describe("score arrays reused from search to search", () => {
  // Single and several terms, `any`, lone characters, no hit (suggestions), English names.
  const QUERIES = [
    "北约 乌克兰",
    "乌克兰",
    "美",
    "北",
    "谢尔曼 北约",
    "nato",
    "火星",
    "北约 火星",
    "Sherman",
  ];
  const run = (index: SearchIndex, queries: string[]) =>
    queries.map((query) => [
      JSON.stringify(index.search(query, { limit: 50 })),
      JSON.stringify(index.search(query, { mode: "any", limit: 50 })),
    ]);

  it("give the same answers in any order as a fresh index does", () => {
    const articles = [seedArticle(), ...articleFixtures("search")];
    const expected = QUERIES.map((query) => run(SearchIndex.build(articles), [query])[0]);
    const index = SearchIndex.build(articles);
    expect(run(index, QUERIES)).toEqual(expected);
    expect(run(index, [...QUERIES].reverse())).toEqual([...expected].reverse());
    expect(run(index, QUERIES)).toEqual(expected);
  });
});
