import { describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { SECTION_FRAME_END } from "../../src/articles/cache.js";
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

/** The section's bytes, its frames joined. */
function sectionOf(items: Array<{ article: Article; folded: string }>): Buffer {
  return Buffer.concat(
    [...articleSectionPieces(items)].filter(
      (piece): piece is Uint8Array => piece !== SECTION_FRAME_END,
    ),
  );
}

/** The section's frames, each one buffer. */
function framesOf(items: Array<{ article: Article; folded: string }>): Buffer[] {
  const frames: Uint8Array[][] = [[]];
  for (const piece of articleSectionPieces(items)) {
    if (piece === SECTION_FRAME_END) frames.push([]);
    else frames[frames.length - 1]?.push(piece);
  }
  return frames.map((pieces) => Buffer.concat(pieces));
}

const itemsOf = (articles: Article[]) =>
  articles.map((a) => ({ article: a, folded: foldConcat(joinedPieces(a)) }));

/** The articles written as a section and read back. */
function roundTrip(articles: Article[]): StoredArticles {
  return new StoredArticles(sectionOf(itemsOf(articles)));
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

  it("read the same articles from the section's frames as from the whole section", async () => {
    const frames = framesOf(itemsOf(written));
    expect(frames.length).toBe(2);
    const framed = await StoredArticles.fromFrames(frames.map((frame) => Promise.resolve(frame)));
    expect(framed.entries.map((entry) => entry.article)).toEqual(expected);
    expect(framed.entries.map((entry) => entry.folded)).toEqual(
      stored.entries.map((entry) => entry.folded),
    );
    // The whole section as one frame reads the same.
    const whole = await StoredArticles.fromFrames([Promise.resolve(Buffer.concat(frames))]);
    expect(whole.entries.map((entry) => entry.article)).toEqual(expected);
    // A folded run cut short, or a frame missing, is refused.
    const [head, run] = frames as [Buffer, Buffer];
    await expect(
      StoredArticles.fromFrames([Promise.resolve(head), Promise.resolve(run.subarray(2))]),
    ).rejects.toThrow(/corrupt/);
    await expect(StoredArticles.fromFrames([Promise.resolve(head)])).rejects.toThrow(/corrupt/);
  });

  it("refuse a section whose parts do not add up", () => {
    const section = sectionOf(itemsOf(written));
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
    const [header, metadata, ...rest] = [...articleSectionPieces(items)].filter(
      (piece): piece is Uint8Array => piece !== SECTION_FRAME_END,
    );
    const parsed = JSON.parse(Buffer.from(header as Uint8Array).toString("utf8"));
    const damaged = Buffer.from(`[${row}]`, "utf16le");
    parsed.parts[0] = damaged.length;
    const section = Buffer.concat([Buffer.from(`${JSON.stringify(parsed)}\n`), damaged, ...rest]);
    expect(metadata).toBeDefined();
    expect(() => new StoredArticles(section)).toThrow(/corrupt data \(metadata\)/);
  });
});
