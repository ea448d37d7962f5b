import { describe, expect, it } from "vitest";
import { insideMarks, transcriptParagraphs } from "../../bench/quotes/invariant.js";
import {
  type AnnotatedPerson,
  place,
  samePerson,
  speakerMatches,
  textMatch,
} from "../../bench/quotes/match.js";

const paragraphs = [
  "他说：“我们不会袖手旁观，这是底线。”随后离开。",
  "她表示，“第一段没有收尾",
  "“第二段收尾。”记者问道。",
];

describe("the text rule: overlapping place, ≥ 0.8 of the annotated characters, ≤ 1.25× as long", () => {
  const annotated = place(paragraphs, 1, "我们不会袖手旁观，这是底线。");
  const cases: [string, number, string, boolean][] = [
    ["the same span", 1, "我们不会袖手旁观，这是底线。", true],
    ["without the final stop", 1, "我们不会袖手旁观，这是底线", true],
    ["cut to its first clause", 1, "我们不会袖手旁观", false],
    ["run on into the narration", 1, "我们不会袖手旁观，这是底线。”随后离开。", false],
    ["the whole paragraph", 1, paragraphs[0] as string, false],
    ["numbered one paragraph off", 2, "我们不会袖手旁观，这是底线。", true],
  ];
  it.each(cases)("%s", (_, paragraph, text, matches) => {
    const predicted = place(paragraphs, paragraph, text, 1);
    expect(annotated && predicted ? textMatch(annotated, predicted) > 0 : false).toBe(matches);
  });

  it("places a quote over two paragraphs part by part", () => {
    const whole = place(paragraphs, 2, "第一段没有收尾\n第二段收尾。");
    expect(whole?.segments.map((s) => s.paragraph)).toEqual([1, 2]);
    const first = place(paragraphs, 2, "第一段没有收尾");
    expect(whole && first ? textMatch(whole, first) : 1).toBe(0);
  });
});

describe("the speaker rule: any form of the person, folded, and nobody else's", () => {
  const sherman: AnnotatedPerson = {
    articleId: "n1",
    name: "温迪‧谢尔曼",
    aliases: ["Wendy Sherman", "谢尔曼副国务卿"],
  };
  const johnSmith: AnnotatedPerson = { articleId: "n1", name: "约翰·史密斯", aliases: [] };
  const marySmith: AnnotatedPerson = { articleId: "n1", name: "玛丽·史密斯", aliases: [] };
  const people = [sherman, johnSmith, marySmith];
  const cases: [string, AnnotatedPerson, string[], boolean][] = [
    ["谢尔曼", sherman, [], true],
    ["謝爾曼", sherman, [], true],
    ["温迪·谢尔曼", sherman, [], true],
    ["温迪谢尔曼", sherman, [], true],
    ["sherman", sherman, [], true],
    ["WENDY SHERMAN", sherman, [], true],
    ["谢尔曼副国务卿", sherman, [], true],
    ["温迪", sherman, [], false],
    ["舍曼", sherman, [], false],
    ["约翰·史密斯", johnSmith, [], true],
    ["史密斯", johnSmith, [], false],
    ["史密斯", johnSmith, ["约翰·史密斯"], true],
    ["史密斯", marySmith, ["约翰·史密斯"], false],
  ];
  it.each(cases)("%s for %o", (predicted, person, aliases, matches) => {
    expect(speakerMatches(predicted, person, people, aliases)).toBe(matches);
  });
});

describe("the month invariant", () => {
  const quote = (paragraph: number, text: string) => ({
    speaker: "某人",
    text,
    kind: "direct" as const,
    articleId: "n1",
    paragraph,
    url: null,
  });
  const cases: [string, number, string, boolean][] = [
    ["inside the marks", 1, "我们不会袖手旁观", true],
    ["narration", 1, "随后离开。", false],
    ["reopened in the next paragraph", 2, "第一段没有收尾\n第二段收尾。", true],
    ["the first part of a reopened quote alone", 3, "第二段收尾。", true],
    ["joined over paragraphs without reopening marks", 1, "这是底线。\n第一段没有收尾", false],
  ];
  it.each(cases)("%s", (_, paragraph, text, inside) => {
    expect(insideMarks(paragraphs, quote(paragraph, text))).toBe(inside);
  });

  it("takes labelled turns for a transcript, not 名字：“…” nor a 名字：短语 heading", () => {
    expect([
      ...transcriptParagraphs(["导语。", "杨杰凯：欢迎您。", "张三：谢谢。", "接着说。"]),
    ]).toEqual([1, 2, 3]);
    expect(transcriptParagraphs(["拜登说：“好。”", "拜登说：“不。”"]).size).toBe(0);
    expect(transcriptParagraphs(["拜登：军队的姿态没有改变", "拜登：不会出兵"]).size).toBe(0);
  });

  it("takes the host's unlabelled introduction (…我是杨杰凯。) back to a teaser quote", () => {
    const show = [
      "“我们必须说出真相。”张三说。",
      "我第一次知道张三，是在读他的书的时候。",
      "这里是《思想节目》，我是杨杰凯（Jan Jekielek）。",
      "杨杰凯：欢迎您。",
      "张三：谢谢。",
    ];
    expect([...transcriptParagraphs(show)].sort()).toEqual([1, 2, 3, 4]);
    const other = [...show];
    other[2] = "这里是《思想节目》，我是王五。";
    expect([...transcriptParagraphs(other)].sort()).toEqual([3, 4]);
  });
});

describe("one person across articles: a full name or an English name, never a generic form", () => {
  const person = (name: string, ...aliases: string[]): AnnotatedPerson => ({
    articleId: name,
    name,
    aliases,
  });
  const cases: [string, AnnotatedPerson, AnnotatedPerson, boolean][] = [
    ["surname canonical, full name elsewhere", person("拜登"), person("乔‧拜登", "拜登"), true],
    [
      "the same English name",
      person("舍曼", "Wendy Sherman"),
      person("谢尔曼", "Wendy Sherman"),
      true,
    ],
    ["two Bidens", person("乔‧拜登", "拜登"), person("亨特‧拜登", "亨特"), false],
    ["two 张先生", person("张先生"), person("张先生"), false],
    ["a 化名", person("王军", "王军（化名）"), person("王军"), false],
  ];
  it.each(cases)("%s", (_, a, b, same) => {
    expect(samePerson(a, b)).toBe(same);
    expect(samePerson(b, a)).toBe(same);
  });
});
