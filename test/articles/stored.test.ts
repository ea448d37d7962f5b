import { describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { englishNamePairs } from "../../src/articles/english-names.js";
import { articleSectionPieces, joinedPieces, StoredArticles } from "../../src/articles/stored.js";
import { foldConcat } from "../../src/text/text.js";
import { articleFixtures, seedArticle } from "../helpers.js";

const article = (id: string, fields: Partial<Article>): Article => ({
  id,
  title: "标题",
  date: "2022-01-11",
  reporter: null,
  editor: null,
  tags: [],
  caption: null,
  paragraphs: ["一段。"],
  url: null,
  script: "gb",
  file: `${id}.md`,
  ...fields,
});

/** The articles written as a section and read back. */
function roundTrip(articles: Article[]): StoredArticles {
  const items = articles.map((a) => ({ article: a, folded: foldConcat(joinedPieces(a)) }));
  return new StoredArticles(Buffer.concat([...articleSectionPieces(items)]));
}

const written: Article[] = [
  seedArticle(),
  ...articleFixtures("search"),
  article("t-traditional", {
    title: "北約（NATO）秘書長",
    script: "b5",
    tags: ["國際", "ＮＡＴＯ"],
    caption: "斯托爾滕貝格‧延斯",
    captions: ["圖一：會議", "圖二"],
    paragraphs: [
      "第一段，全形：ＡＢＣ。",
      "two\nlines in one paragraph",
      "😀 and a lone \ud800 unit",
    ],
  }),
  article("t-empty-tags", { tags: [], caption: null, paragraphs: ["只有一段"] }),
];

/** An article as stored: with the English name pairs its text writes recorded. */
function recorded(a: Article): Article {
  const pairs = englishNamePairs(a);
  return a.englishNames || pairs.length === 0 ? a : { ...a, englishNames: pairs };
}

describe("the stored articles", () => {
  const stored = roundTrip(written);
  const expected = written.map(recorded);

  it("read back every field, the text decoded from the folded text and its patch", () => {
    expect(stored.entries.map((entry) => entry.article)).toEqual(expected);
    expect(expected.some((a, i) => a !== written[i])).toBe(true);
    stored.entries.forEach((entry, i) => {
      const original = written[i] as Article;
      expect(entry.folded).toBe(foldConcat(joinedPieces(original)));
      expect(entry.article.paragraphs).toEqual(original.paragraphs);
      expect(entry.article.captions).toEqual(original.captions);
      expect("captions" in entry.article).toBe(original.captions !== undefined);
      expect(entry.bodyLength).toBe(original.paragraphs.join("\n").length);
    });
  });

  it("decode again what was let go (more articles read than are kept)", () => {
    const many = Array.from({ length: 150 }, (_, i) =>
      article(`t-${i}`, { paragraphs: [`第${i}段，ＡＢＣ`, `Ｎｏ. ${i}`] }),
    );
    const again = roundTrip(many);
    for (let round = 0; round < 2; round++) {
      again.entries.forEach((entry, i) => {
        expect(entry.article.paragraphs).toEqual(many[i]?.paragraphs);
      });
    }
  });

  it("write a stored article again as it was, without decoding it", () => {
    const copy = roundTrip(stored.entries.map((entry) => entry.article));
    expect(copy.entries.map((entry) => entry.article)).toEqual(expected);
  });

  it("refuse a section whose parts do not add up", () => {
    const items = written.map((a) => ({ article: a, folded: foldConcat(joinedPieces(a)) }));
    const section = Buffer.concat([...articleSectionPieces(items)]);
    expect(() => new StoredArticles(section.subarray(0, section.length - 2))).toThrow(/corrupt/);
    expect(() => new StoredArticles(Buffer.from("{}\n"))).toThrow();
  });

  it("read back the fields written as rows: nulls, English name pairs and whether each is a person", () => {
    const names = article("t-names", {
      title: "普京与北约",
      date: null,
      reporter: "记者甲",
      tags: ["俄罗斯", "北约"],
      url: "https://www.epochtimes.com/gb/22/1/1/n1.htm",
      englishNames: [
        { chinese: "普京", english: "Vladimir Putin", person: true },
        { chinese: "北约", english: "NATO", person: false },
      ],
    });
    const [entry] = roundTrip([names]).entries;
    expect(entry?.article).toEqual(names);
    expect(entry?.article.englishNames?.map((pair) => pair.person)).toEqual([true, false]);
  });

  it.each([
    ["a row too short", '["t-1","标题"]'],
    ["a pair cut short", '["t-1","标题",null,null,null,[],null,null,"gb","t-1.md","普京"]'],
    ["an object, not a row", '{"id":"t-1"}'],
    ["tags that are not a list", '["t-1","标题",null,null,null,"北约",null,null,"gb","t-1.md"]'],
  ])("refuse metadata with %s", (_case, row) => {
    const items = [article("t-1", {})].map((a) => ({
      article: a,
      folded: foldConcat(joinedPieces(a)),
    }));
    const [header, metadata, ...rest] = [...articleSectionPieces(items)];
    const parsed = JSON.parse(Buffer.from(header as Uint8Array).toString("utf8"));
    const damaged = Buffer.from(`[${row}]`, "utf16le");
    parsed.parts[0] = damaged.length;
    const section = Buffer.concat([Buffer.from(`${JSON.stringify(parsed)}\n`), damaged, ...rest]);
    expect(metadata).toBeDefined();
    expect(() => new StoredArticles(section)).toThrow(/corrupt data \(metadata\)/);
  });
});
