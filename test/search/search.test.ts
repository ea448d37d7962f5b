import MiniSearch from "minisearch";
import { beforeAll, describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { englishNamePairs } from "../../src/articles/english-names.js";
import { loadArticles } from "../../src/articles/loader.js";
import { UserError } from "../../src/errors.js";
import { silentLogger } from "../../src/logger.js";
import { parseQuery } from "../../src/search/analyzer.js";
import type { IndexedArticle } from "../../src/search/indexed-article.js";
import {
  markSnippet,
  SearchIndex,
  type SearchResult,
  SNIPPET_MAX,
} from "../../src/search/search.js";
import { type IndexDoc, MINISEARCH_OPTIONS } from "../../src/search/store.js";
import { foldText, toTraditional } from "../../src/text/text.js";
import { skipMessage, unpackedCorpus } from "../corpus.js";
import { articleFixtures, makeArticle, plainIndexDoc, seedArticle } from "../helpers.js";

const SEED = "n13495457";

const fixtureArticles = (): Article[] => articleFixtures("search");

const articles = [seedArticle(), ...fixtureArticles()];
const index = SearchIndex.build(articles);

function ids(result: SearchResult): string[] {
  return result.hits.map((hit) => hit.id);
}

describe("what a query finds", () => {
  it.each([
    ["北约", [SEED, "t-traditional", "t-two-terms", "t-stoltenberg"]],
    ["北約", [SEED, "t-traditional", "t-two-terms", "t-stoltenberg"]],
    ["谢尔曼", [SEED, "t-traditional"]],
    ["謝爾曼", [SEED, "t-traditional"]],
    ["舍曼", [SEED, "t-sherman-tank"]],
    ["谢尔盖", [SEED, "t-sergei"]],
    ["里亚布科夫", [SEED]],
    ["斯托尔滕贝格", ["t-stoltenberg"]],
    ["乌克兰", [SEED, "t-traditional", "t-two-terms", "t-ukraine-only"]],
    ["NATO", [SEED, "t-fullwidth"]],
    ["nato", [SEED, "t-fullwidth"]],
    ["ＮＡＴＯ", [SEED, "t-fullwidth"]],
    ["Sherman", [SEED, "t-traditional"]],
    ["senator", ["t-senator"]],
    ["nation", ["t-senator"]],
    ["北约 乌克兰", [SEED, "t-traditional", "t-two-terms"]],
    ["北約，烏克蘭", [SEED, "t-traditional", "t-two-terms"]],
    ["温迪·谢尔曼", [SEED]],
    ["7小时", [SEED]],
    ["un", []],
    ["火星", []],
  ])("%s → %j", (query, expected) => {
    const result = index.search(query, { limit: 50 });
    expect([...ids(result)].sort()).toEqual([...expected].sort());
    expect(result.total).toBe(expected.length);
  });

  it("never returns an article without the term: 谢尔曼 does not match 谢尔盖, 舍曼 not 谢尔曼", () => {
    expect(ids(index.search("谢尔曼"))).not.toContain("t-sergei");
    expect(ids(index.search("舍曼"))).not.toContain("t-traditional");
  });

  it("puts the article about a term first (title, tags, repeated mentions)", () => {
    expect(ids(index.search("斯托尔滕贝格"))[0]).toBe("t-stoltenberg");
    expect(ids(index.search("谢尔曼"))[0]).toBe(SEED);
    expect(ids(index.search("乌克兰"))[0]).not.toBe("t-stoltenberg");
  });

  it("breaks equal scores by date, newest first", () => {
    const result = index.search("台湾海峡");
    expect(ids(result)).toEqual(["t-strait-new", "t-strait-old"]);
    expect(result.hits[0]?.score).toBe(result.hits[1]?.score);
  });

  it("sorts by score, highest first", () => {
    const scores = index.search("北约", { limit: 50 }).hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe("several terms", () => {
  it("`all` (the default) keeps only articles with every term", () => {
    const all = index.search("北约 乌克兰");
    for (const hit of all.hits) {
      const article = articles.find((a) => a.id === hit.id) as Article;
      const text = foldText(
        [article.title, ...article.tags, article.caption ?? "", ...article.paragraphs].join("\n"),
      );
      expect(text).toContain("北约");
      expect(text).toContain("乌克兰");
    }
  });

  it("`any` finds articles with either term, those with both first", () => {
    const any = index.search("北约 乌克兰", { mode: "any", limit: 50 });
    const both = new Set(ids(index.search("北约 乌克兰")));
    expect(any.total).toBe(5);
    expect(new Set(ids(any).slice(0, both.size))).toEqual(both);
    expect(ids(any)).toContain("t-ukraine-only");
    expect(ids(any)).toContain("t-stoltenberg");
  });

  it("`any` splits a term that occurs nowhere (a question) into its words", () => {
    const result = index.search("斯托尔滕贝格在布鲁塞尔说了什么", { mode: "any" });
    expect(ids(result)[0]).toBe("t-stoltenberg");
  });
});

describe("paging", () => {
  it("returns `limit` hits from `offset`, and the total of all", () => {
    const all = ids(index.search("北约", { limit: 50 }));
    const first = index.search("北约", { limit: 2 });
    const second = index.search("北约", { limit: 2, offset: 2 });
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect([...ids(first), ...ids(second)]).toEqual(all);
    expect(index.search("北约", { offset: 10 }).hits).toEqual([]);
  });
});

describe("snippets", () => {
  it.each(["北约", "北約", "谢尔曼", "NATO", "ＮＡＴＯ", "斯托尔滕贝格", "北约 乌克兰", "舍曼"])(
    "%s: one or two sentences, each highlight the query term in the original text",
    (query) => {
      const terms = parseQuery(query).map((term) => term.text);
      const result = index.search(query, { limit: 50 });
      expect(result.hits.length).toBeGreaterThan(0);
      for (const hit of result.hits) {
        expect(hit.snippets.length).toBeGreaterThanOrEqual(1);
        expect(hit.snippets.length).toBeLessThanOrEqual(2);
        for (const snippet of hit.snippets) {
          expect(snippet.text.length).toBeLessThanOrEqual(SNIPPET_MAX + 2);
          for (const [start, end] of snippet.highlights)
            expect(terms).toContain(foldText(snippet.text.slice(start, end)));
        }
      }
      expect(
        result.hits.some((hit) => hit.snippets.some((snippet) => snippet.highlights.length > 0)),
      ).toBe(true);
    },
  );

  it("highlights the traditional text for a simplified query", () => {
    const hit = index.search("北约").hits.find((h) => h.id === "t-traditional");
    const snippet = hit?.snippets[0];
    expect(snippet && markSnippet(snippet)).toContain("**北約**");
  });

  it("covers the second term in a second sentence", () => {
    const hit = index.search("谢尔曼 里亚布科夫").hits[0];
    const marked = (hit?.snippets ?? []).map((snippet) => markSnippet(snippet)).join(" ");
    expect(marked).toContain("**谢尔曼**");
    expect(marked).toContain("**里亚布科夫**");
  });

  it("uses the caption when only the caption has the term", () => {
    const hit = index.search("舰艇在波罗的海航行").hits[0];
    expect(hit?.id).toBe("t-fullwidth");
    expect(hit?.snippets[0]?.text).toContain("ＮＡＴＯ舰艇");
  });

  it.each([
    [
      { text: "俄罗斯要求北约停止东扩。", highlights: [[5, 7]] },
      undefined,
      undefined,
      "俄罗斯要求**北约**停止东扩。",
    ],
    [
      {
        text: "北约与北约",
        highlights: [
          [3, 5],
          [0, 2],
        ],
      },
      undefined,
      undefined,
      "**北约**与**北约**",
    ],
    [
      { text: "a*b 北约", highlights: [[4, 6]] },
      (s: string) => `<${s}>`,
      (s: string) => s.replaceAll("*", "\\*"),
      "a\\*b <北约>",
    ],
    [{ text: "没有高亮", highlights: [] }, undefined, undefined, "没有高亮"],
  ] as const)("markSnippet %j", (snippet, mark, escapeText, expected) => {
    const copy = {
      text: snippet.text,
      highlights: snippet.highlights.map(([s, e]) => [s, e] as [number, number]),
    };
    expect(markSnippet(copy, mark, escapeText)).toBe(expected);
  });
});

describe("bad queries", () => {
  it.each([
    ["empty", ""],
    ["blank", "  \u3000 "],
    ["only punctuation", "！？……"],
    ["too long", "北约".repeat(101)],
  ])("%s: a UserError", (_case, query) => {
    expect(() => index.search(query)).toThrow(UserError);
  });
});

describe("suggestions when nothing is found", () => {
  it("suggests the shorter query that finds something", () => {
    const result = index.search("斯托尔滕贝格说了什么");
    expect(result.total).toBe(0);
    expect(result.suggestions).toContain("斯托尔滕贝格");
  });

  it("suggests dropping the term that finds nothing", () => {
    const result = index.search("北约 火星");
    expect(result.total).toBe(0);
    expect(result.suggestions[0]).toBe("北约");
  });

  it("suggests close Latin words", () => {
    expect(index.search("natto").suggestions).toContain("nato");
  });

  it("suggests close names from the index", () => {
    expect(index.search("斯托尔腾贝格").suggestions).toContain("斯托尔滕贝格");
  });

  it("ranks close names by how many articles have them, then shorter, then first indexed", () => {
    // Names within one edit of 谢尔蔓 (two or more of its characters, counted per occurrence):
    // 谢尔, 谢尔盖 and 谢尔曼 tie on articles (3 each: 谢尔盖 was indexed first); 尔谢尔 and 蔓蔓 share characters but are
    // two edits away, as is 蔓德谢尔; 谢谢谢 shares one character three times over.
    const names: Record<string, string[]> = {
      a: ["谢尔盖", "蔓蔓"],
      b: ["谢尔曼", "谢尔盖", "尔谢尔", "谢尔"],
      c: ["谢尔曼", "谢尔", "谢谢谢"],
      d: ["谢尔", "谢尔曼", "谢尔盖", "蔓德谢尔"],
    };
    const named = Object.keys(names).map((id) =>
      makeArticle({ id, title: `标题${id}`, paragraphs: ["内容。"] }),
    );
    const byName = SearchIndex.build(named, { people: (article) => names[article.id] ?? [] });
    expect(byName.search("谢尔蔓").suggestions).toEqual(["谢尔", "谢尔盖", "谢尔曼"]);
    expect(byName.search("尔谢尔曼").suggestions).toEqual(["谢尔曼", "尔谢尔"]);
  });

  it("gives none when something is found", () => {
    expect(index.search("北约").suggestions).toEqual([]);
  });

  it.each([
    ["letters around a word", "qqnatoqq"],
    ["keyboard letters", "asdfqwerzxcv"],
  ])("never suggests a piece of a Latin word (%s: %s)", (_case, query) => {
    const result = index.search(query);
    expect(result.total).toBe(0);
    expect(result.suggestions).toEqual([]);
  });
});

describe("adding and removing articles", () => {
  const extra: Article = {
    ...(articles.find((a) => a.id === "t-ukraine-only") as Article),
    id: "t-extra",
    title: "新文章：北约外长会议",
    paragraphs: ["北约外长周四在布鲁塞尔开会，讨论乌克兰局势。"],
  };

  it("finds an added article, and no longer a removed one", () => {
    const live = SearchIndex.build(articles);
    live.add(extra);
    expect(live.has("t-extra")).toBe(true);
    expect(live.size).toBe(articles.length + 1);
    expect(ids(live.search("外长会议"))).toEqual(["t-extra"]);
    expect(live.search("北约", { limit: 50 }).total).toBe(5);
    live.remove("t-extra");
    expect(live.has("t-extra")).toBe(false);
    expect(live.search("外长会议").total).toBe(0);
    expect(live.search("北约", { limit: 50 }).total).toBe(4);
    live.remove(SEED);
    expect(live.search("里亚布科夫").total).toBe(0);
    expect(live.search("北约", { limit: 50 }).total).toBe(3);
    live.remove("no-such-id");
    expect(live.size).toBe(articles.length - 1);
  });

  it("replaces an article added again under the same id", () => {
    const live = SearchIndex.build(articles);
    live.add({ ...extra, id: "t-ukraine-only" });
    expect(ids(live.search("外长会议"))).toEqual(["t-ukraine-only"]);
    expect(live.search("冷静").total).toBe(0);
    expect(live.size).toBe(articles.length);
  });

  it("builds in bulk exactly what adding one by one builds", () => {
    const added = SearchIndex.build([]);
    for (const article of articles) added.add(article);
    expect(added.serialize().equals(index.serialize())).toBe(true);
    for (const query of ["北约", "谢尔曼", "NATO", "美", "北约 乌克兰", "乌克兰"]) {
      expect(added.search(query, { limit: 50 })).toEqual(index.search(query, { limit: 50 }));
    }
  });

  it("scores a term as MiniSearch's own search does (BM25, title boosted)", () => {
    const plain = SearchIndex.build(articles, { people: () => [] });
    const mini = new MiniSearch<IndexDoc>(MINISEARCH_OPTIONS);
    mini.addAll(articles.map(plainIndexDoc));
    // 表示 is in no title or tag, so no whole-term weight is added.
    const ours = plain.search("表示", { limit: 50 }).hits;
    const theirs = mini.search("表示");
    expect(ours.length).toBeGreaterThan(1);
    expect(ours.map((hit) => hit.id)).toEqual(theirs.map((hit) => hit.id));
    ours.forEach((hit, i) => {
      expect(hit.score).toBeCloseTo(theirs[i]?.score as number, 2);
    });
  });
});

describe("persistence", () => {
  const queries = ["北约", "谢尔曼", "NATO", "美", "北约 乌克兰", "斯托尔腾贝格"];

  it("serializes and loads back to the same answers", () => {
    const loaded = SearchIndex.deserialize(index.serialize(), articles);
    expect(loaded.size).toBe(index.size);
    for (const query of queries)
      expect(loaded.search(query, { limit: 50 })).toEqual(index.search(query, { limit: 50 }));
  });

  it("loads its articles' entries as saved, reading names and English names on first use, to the same answers", () => {
    // Copies: loading sets each entry's short id.
    const entries = articles.map((article) => ({
      ...(index.indexedArticle(article.id) as IndexedArticle),
    }));
    const loaded = SearchIndex.deserializeEntries(index.serialize(), entries);
    for (const query of [...queries, "斯托尔腾贝格", "natto", "Putin", "北约 马德里"])
      expect(loaded.search(query, { limit: 50 })).toEqual(index.search(query, { limit: 50 }));
    expect(loaded.serialize().equals(index.serialize())).toBe(true);
  });

  it("keeps changes made after loading", () => {
    const live = SearchIndex.deserialize(index.serialize(), articles);
    const changed = {
      ...(articles[0] as Article),
      caption: null,
      paragraphs: ["北约峰会将在马德里举行。"],
    };
    live.add(changed);
    live.remove("t-sergei");
    const current = articles
      .filter((a) => a.id !== "t-sergei")
      .map((a) => (a.id === changed.id ? changed : a));
    const again = SearchIndex.deserialize(live.serialize(), current);
    expect(again.search("马德里").total).toBe(1);
    expect(again.search("谢尔盖").total).toBe(0);
    for (const query of queries)
      expect(again.search(query, { limit: 50 })).toEqual(live.search(query, { limit: 50 }));
  });

  it("keeps live changes made before its names and English names are first read", () => {
    // The names line and the English names of a persisted index are read on first use: an
    // add or remove before then must still count in them. Its articles carry the pairs they
    // recorded when parsed (what a persisted archive's articles do; the fixtures do not).
    const recorded = articles.map((article) => {
      const pairs = englishNamePairs(article);
      return pairs.length > 0 ? { ...article, englishNames: pairs } : article;
    });
    const built = SearchIndex.build(recorded);
    const entries = recorded.map((article) => ({
      ...(built.indexedArticle(article.id) as IndexedArticle),
    }));
    const lazy = SearchIndex.deserializeEntries(built.serialize(), entries);
    const eager = SearchIndex.deserialize(built.serialize(), recorded);
    const { englishNames: _pairs, ...seed } = recorded[0] as Article;
    const changed = { ...seed, caption: null, paragraphs: ["北约峰会将在马德里举行。"] };
    for (const live of [lazy, eager]) {
      live.remove("t-sergei");
      live.remove("t-traditional");
      live.add(changed);
    }
    expect(eager.englishNames.chineseFor("Sherman")).toEqual([]);
    expect(lazy.englishNames.chineseFor("Sherman")).toEqual([]);
    for (const query of [...queries, "谢尔盖", "谢尔蓋", "Sherman", "Wendy Sherman", "马德里"])
      expect(lazy.search(query, { limit: 50 })).toEqual(eager.search(query, { limit: 50 }));
    expect(lazy.serialize().equals(eager.serialize())).toBe(true);
  });

  /** Edits the serialized bytes as text, one character a byte (the edit keeps the other bytes). */
  const edited = (data: Buffer, edit: (text: string) => string) =>
    Buffer.from(edit(data.toString("latin1")), "latin1");

  it.each([
    [
      "another version",
      (data: Buffer) =>
        edited(data, (text) => text.replace(/"version":"[^"]*"/, '"version":"dubao-search-0"')),
    ],
    ["a cut-off file", (data: Buffer) => data.subarray(0, Math.floor(data.length * 0.9))],
    ["garbage", () => Buffer.from("not an index")],
    ["a damaged payload", (data: Buffer) => edited(data, (text) => `${text.slice(0, -8)}AAAAAAAA`)],
  ])("refuses %s (the caller rebuilds)", (_case, damage) => {
    const data = damage(index.serialize());
    let outcome: SearchIndex | undefined;
    try {
      outcome = SearchIndex.deserialize(data, articles);
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      return;
    }
    // A payload damaged in its last bytes may still parse; it must then not describe other terms.
    expect(outcome.search("北约", { limit: 50 }).total).toBeLessThanOrEqual(4);
  });

  it("refuses an index of other articles", () => {
    const data = index.serialize();
    expect(() => SearchIndex.deserialize(data, articles.slice(1))).toThrow(/changed/);
    const edited = articles.map((a) => (a.id === "t-sergei" ? { ...a, title: "另一个标题" } : a));
    expect(() => SearchIndex.deserialize(data, edited)).toThrow(/t-sergei/);
  });
});

describe("a traditional-script article made from a simplified one", () => {
  it("is found by simplified and traditional queries alike", () => {
    const seed = articles[0] as Article;
    const converted: Article = {
      ...seed,
      id: "t-converted",
      title: toTraditional(seed.title),
      paragraphs: seed.paragraphs.map((p) => toTraditional(p)),
      caption: seed.caption ? toTraditional(seed.caption) : null,
      tags: seed.tags.map((tag) => toTraditional(tag)),
      script: "b5",
    };
    const both = SearchIndex.build([seed, converted]);
    for (const query of ["北约", "北約", "谢尔曼", "謝爾曼", "里亚布科夫", "NATO"]) {
      expect([...ids(both.search(query))].sort()).toEqual([SEED, "t-converted"].sort());
    }
  });
});

const month = unpackedCorpus("epoch-news-2022-01");
if (!month) console.warn(skipMessage("the search check over January 2022 (test/search.test.ts)"));

describe.skipIf(!month)("over the January 2022 corpus", () => {
  let corpus: Article[] = [];
  let corpusIndex: SearchIndex;
  beforeAll(async () => {
    corpus = (await loadArticles(month as string, { logger: silentLogger })).articles;
    corpusIndex = SearchIndex.build(corpus);
  }, 300_000);

  it("finds every article containing 北约 (or 北約) once, and nothing else", () => {
    const expected = corpus
      .filter((article) =>
        [article.title, ...article.tags, article.caption ?? "", ...article.paragraphs].some(
          (text) => text.includes("北约") || text.includes("北約"),
        ),
      )
      .map((article) => article.id);
    const result = corpusIndex.search("北约", { limit: 200 });
    const found = ids(result);
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.length).toBeLessThanOrEqual(200);
    expect(new Set(found).size).toBe(found.length);
    expect([...found].sort()).toEqual([...new Set(expected)].sort());
    expect(result.total).toBe(new Set(expected).size);
  });

  it.each(["谢尔曼", "斯托尔滕贝格", "里亚布科夫", "习近平", "nato", "美"])(
    "finds exactly the articles whose folded text contains %s",
    (query) => {
      const term = foldText(query);
      const expected = corpus
        .filter((article) => {
          const text = foldText(
            [article.title, ...article.tags, article.caption ?? "", ...article.paragraphs].join(
              "\n",
            ),
          );
          return /^[a-z]+$/.test(term)
            ? new RegExp(`(?<![a-z0-9])${term}`).test(text)
            : text.includes(term);
        })
        .map((article) => article.id)
        .sort();
      const result = corpusIndex.search(query, { limit: 1000 });
      expect(result.total).toBe(expected.length);
      if (expected.length <= 1000) expect([...ids(result)].sort()).toEqual(expected);
    },
  );
});
