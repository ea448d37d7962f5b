import { describe, expect, it } from "vitest";
import { lastSentenceEnd, sentenceRanges, splitSentences } from "../../src/text/sentences.js";

/** One row per phenomenon: the paragraph and the sentences it must split into. */
const ROWS: { name: string; paragraph: string; sentences: string[] }[] = [
  {
    name: "ends at 。",
    paragraph: "两国未能缩小分歧。双方同意继续会谈。",
    sentences: ["两国未能缩小分歧。", "双方同意继续会谈。"],
  },
  {
    name: "ends at ！ and ？",
    paragraph: "这太危险了！谁该负责？调查仍在进行。",
    sentences: ["这太危险了！", "谁该负责？", "调查仍在进行。"],
  },
  {
    name: "！？ and ?! combinations are one end",
    paragraph: "他真的这么说了吗？！没人知道。真的吗?!不清楚。",
    sentences: ["他真的这么说了吗？！", "没人知道。", "真的吗?!", "不清楚。"],
  },
  {
    name: "the semicolon does not end a sentence",
    paragraph: "一是减少驻军；二是停止演习；三是恢复对话。",
    sentences: ["一是减少驻军；二是停止演习；三是恢复对话。"],
  },
  {
    name: "…… ends a sentence",
    paragraph: "事情就这样……大家都沉默了。",
    sentences: ["事情就这样……", "大家都沉默了。"],
  },
  {
    name: "…… followed by a comma does not",
    paragraph: "苹果、香蕉、橘子……，各种水果都涨价了。",
    sentences: ["苹果、香蕉、橘子……，各种水果都涨价了。"],
  },
  {
    name: "a closing ” stays with the sentence it closes",
    paragraph: "他说：“我们还有很长的路要走。”会谈将在下周继续。",
    sentences: ["他说：“我们还有很长的路要走。”", "会谈将在下周继续。"],
  },
  {
    name: "a short attribution after the quote belongs to it",
    paragraph: "“真正的进展只能在缓和的气氛中进行。”谢尔曼说。双方同意再谈。",
    sentences: ["“真正的进展只能在缓和的气氛中进行。”谢尔曼说。", "双方同意再谈。"],
  },
  {
    name: "a quote before the attribution, another after",
    paragraph: "“今天是一场讨论”，她说。“这不是你所谓的谈判。”",
    sentences: ["“今天是一场讨论”，她说。", "“这不是你所谓的谈判。”"],
  },
  {
    name: "a quote spanning several sentences is not split",
    paragraph: "他表示：“美方必须做好准备……俄方立场明确。根本不可能偏离我们的提议。”随后离场。",
    sentences: [
      "他表示：“美方必须做好准备……俄方立场明确。根本不可能偏离我们的提议。”",
      "随后离场。",
    ],
  },
  {
    name: "back-to-back quotes are two sentences",
    paragraph: "他说：“第一句。”“第二句。”",
    sentences: ["他说：“第一句。”", "“第二句。”"],
  },
  {
    name: "」 after 。 (traditional quotes)",
    paragraph: "他說：「我們會繼續努力。」會議隨後結束。",
    sentences: ["他說：「我們會繼續努力。」", "會議隨後結束。"],
  },
  {
    name: "nested quotes 「『』」",
    paragraph: "記者問：「他說『明天見。』然後走了嗎？」她沒有回答。",
    sentences: ["記者問：「他說『明天見。』然後走了嗎？」", "她沒有回答。"],
  },
  {
    name: "nested quotes “‘’”",
    paragraph: "她说：“他告诉我‘明天见。’然后就走了。”第二天他没来。",
    sentences: ["她说：“他告诉我‘明天见。’然后就走了。”", "第二天他没来。"],
  },
  {
    name: "a quote opened but not closed in the paragraph (continues in the next) splits normally",
    paragraph: "“我们首先要保障安全。其次才是经济。",
    sentences: ["“我们首先要保障安全。", "其次才是经济。"],
  },
  {
    name: "a whole sentence in brackets keeps its ）",
    paragraph: "会议结束。（以上为现场记录。）各方离场。",
    sentences: ["会议结束。", "（以上为现场记录。）", "各方离场。"],
  },
  {
    name: "an end inside brackets within a sentence ends nothing",
    paragraph: "他说明天出发（详见附件。）然后离开了。",
    sentences: ["他说明天出发（详见附件。）然后离开了。"],
  },
  {
    name: "an end inside a book title 《》 ends nothing",
    paragraph: "他推荐了《你好吗？》这本书。第二句。",
    sentences: ["他推荐了《你好吗？》这本书。", "第二句。"],
  },
  {
    name: "decimals and percentages: 3.5%, 1.2万",
    paragraph: "经济增长3.5%，损失约1.2万元。通胀率为2.1%。",
    sentences: ["经济增长3.5%，损失约1.2万元。", "通胀率为2.1%。"],
  },
  {
    name: "abbreviations: U.S., Mr. Smith",
    paragraph: "U.S. Navy的官员与Mr. Smith会面。会谈顺利。",
    sentences: ["U.S. Navy的官员与Mr. Smith会面。", "会谈顺利。"],
  },
  {
    name: "English sentences inside a paragraph",
    paragraph: "The talks ended. Mr. Smith said no. 随后他离开。",
    sentences: ["The talks ended.", "Mr. Smith said no.", "随后他离开。"],
  },
  {
    name: "full-width punctuation and numbers",
    paragraph: "ＮＡＴＯ成员国共有３０个。你知道吗？",
    sentences: ["ＮＡＴＯ成员国共有３０个。", "你知道吗？"],
  },
  {
    name: "a ? inside a link does not end a sentence",
    paragraph: "详情见https://example.com/a?id=1的公告。完毕。",
    sentences: ["详情见https://example.com/a?id=1的公告。", "完毕。"],
  },
  {
    name: "whitespace is trimmed",
    paragraph: "  第一句。   第二句。  ",
    sentences: ["第一句。", "第二句。"],
  },
  {
    name: "no end mark: one sentence",
    paragraph: "责任编辑：叶紫微",
    sentences: ["责任编辑：叶紫微"],
  },
];

const stripSpace = (text: string) => text.replace(/\s+/g, "");

describe("splitSentences", () => {
  it.each(ROWS)("$name", ({ paragraph, sentences }) => {
    expect(splitSentences(paragraph)).toEqual(sentences);
  });

  it.each(ROWS)("gives back the paragraph and no empty strings: $name", ({ paragraph }) => {
    const pieces = splitSentences(paragraph);
    expect(pieces.every((piece) => piece.length > 0 && piece === piece.trim())).toBe(true);
    expect(stripSpace(pieces.join(""))).toBe(stripSpace(paragraph));
  });

  it("returns nothing for an empty or blank paragraph", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" \n\t ")).toEqual([]);
  });
});

describe("sentenceRanges", () => {
  it.each(ROWS)("slices the sentences of splitSentences, in order: $name", ({ paragraph }) => {
    const ranges = sentenceRanges(paragraph);
    expect(ranges.map(([start, end]) => paragraph.slice(start, end))).toEqual(
      splitSentences(paragraph),
    );
    ranges.forEach(([start, end], i) => {
      expect(end).toBeGreaterThan(start);
      expect(start).toBeGreaterThanOrEqual(i > 0 ? (ranges[i - 1] as [number, number])[1] : 0);
    });
  });

  it.each([
    [
      "offsets of the original, whitespace trimmed",
      " 北約說。 俄羅斯說！",
      [
        [1, 5],
        [6, 11],
      ],
    ],
    [
      "full-width marks of either script",
      "他說：“不行。”然後走了。",
      [
        [0, 8],
        [8, 13],
      ],
    ],
    ["no end mark", "沒有句號的段落", [[0, 7]]],
    ["blank", " \t ", []],
  ])("%s: %s", (_case, paragraph, ranges) => {
    expect(sentenceRanges(paragraph)).toEqual(ranges);
  });
});

describe("sentenceRanges by end marks (search snippets)", () => {
  it.each([
    ["two sentences", "北约说。俄罗斯说！", ["北约说。", "俄罗斯说！"]],
    [
      "a closing quote stays with its sentence",
      "他说：“不行。”然后走了。",
      ["他说：“不行。”", "然后走了。"],
    ],
    ["no end mark", "没有句号的段落", ["没有句号的段落"]],
    ["repeated marks", "真的吗？！是的。", ["真的吗？！", "是的。"]],
  ])("%s", (_case, paragraph, sentences) => {
    expect(
      sentenceRanges(paragraph, "end-marks").map(([start, end]) => paragraph.slice(start, end)),
    ).toEqual(sentences);
  });
});

describe("lastSentenceEnd (where a Discord page may be cut)", () => {
  it.each([
    ["after the last end mark", "第一句。第二句！第三", 8],
    ["a semicolon ends a clause that may be cut", "一方面如此；另一方面", 6],
    ["not inside a quotation that goes on", "他来了。“今天讨论。这不是", 4],
    ["after a quote that ends with its sentence", "他说：“不行。”然后", 8],
    ["not inside straight quotes", 'He said "no. never', 0],
    ["nothing to cut", "没有句号", 0],
  ])("%s: %s → %i", (_case, text, cut) => {
    expect(lastSentenceEnd(text)).toBe(cut);
  });
});
