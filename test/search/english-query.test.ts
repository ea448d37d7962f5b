import { describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { markSnippet, SearchIndex } from "../../src/search/search.js";
import { makeArticle } from "../helpers.js";

/**
 * An English name query also finds the articles that write the Chinese name the archive pairs
 * with it (拜登（Joe Biden）): `Biden` finds every article about 拜登, and every result still
 * contains the English name or one of those Chinese names as written.
 */
const articles: Article[] = [
  makeArticle({ id: "pair", paragraphs: ["美国总统乔‧拜登（Joe Biden）周三发表讲话。"] }),
  makeArticle({ id: "chinese-only", paragraphs: ["拜登周四会见了德国总理。"] }),
  makeArticle({ id: "english-only", paragraphs: ["白宫说，Biden将出席峰会。"] }),
  makeArticle({ id: "putin-pair", paragraphs: ["俄罗斯总统普京（Vladimir Putin）表示。"] }),
  makeArticle({
    id: "putin-later",
    title: "普京：不想要战争",
    paragraphs: ["克里姆林宫周五表态。"],
  }),
  makeArticle({ id: "nato", paragraphs: ["北大西洋公约组织（NATO）的成员国开会。"] }),
  makeArticle({ id: "nato-short", paragraphs: ["北约周一表示会继续援助。"] }),
  makeArticle({ id: "apart", paragraphs: ["他拜访了登山队，普通人在北京。"] }),
];
const index = SearchIndex.build(articles);
const ids = (query: string) =>
  index
    .search(query, { limit: 50 })
    .hits.map((hit) => hit.id)
    .sort();

describe("English name queries", () => {
  const cases: [string, string[]][] = [
    ["Biden", ["chinese-only", "english-only", "pair"]],
    ["biden", ["chinese-only", "english-only", "pair"]],
    ["Putin", ["putin-later", "putin-pair"]],
    // A whole English name stands for its Chinese name as one.
    ["Vladimir Putin", ["putin-later", "putin-pair"]],
    ["Joe Biden", ["chinese-only", "pair"]],
    // People's names only: an organisation's English name finds itself, as it always did.
    ["NATO", ["nato"]],
    // Chinese queries are unchanged.
    ["拜登", ["chinese-only", "pair"]],
    ["普京", ["putin-later", "putin-pair"]],
    // A name the archive never pairs finds only itself.
    ["Merkel", []],
    ["Joe", ["pair"]],
  ];
  for (const [query, expected] of cases) {
    it(`${query} → ${expected.join(", ") || "nothing"}`, () => {
      expect(ids(query)).toEqual(expected);
    });
  }

  it("marks the Chinese name in the snippet of an article that has only it", () => {
    const hit = index.search("Biden").hits.find((h) => h.id === "chinese-only");
    expect(hit && markSnippet(hit.snippets[0] ?? { text: "", highlights: [] })).toBe(
      "**拜登**周四会见了德国总理。",
    );
  });

  it("learns pairs from articles added later, and forgets those removed", () => {
    const live = SearchIndex.build(articles.filter((a) => a.id !== "pair"));
    expect(live.search("Biden").hits.map((h) => h.id)).toEqual(["english-only"]);
    live.add(articles[0] as Article);
    expect(live.search("Biden").total).toBe(3);
    live.remove("pair");
    expect(live.search("Biden").hits.map((h) => h.id)).toEqual(["english-only"]);
  });

  it("exposes the pairs for quotes and autocomplete", () => {
    expect(index.englishNames.chineseFor("Putin", { people: true })).toEqual(["普京"]);
    expect(index.englishNames.chineseFor("NATO", { people: true })).toEqual([]);
    expect(index.englishNames.chineseFor("NATO")).toEqual(["北大西洋公约组织"]);
    expect(index.englishNames.pairsOf("pair")).toEqual([
      { chinese: "拜登", english: "Joe Biden", person: true },
    ]);
  });
});
