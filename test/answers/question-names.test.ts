import { describe, expect, it } from "vitest";
import { parseQuestion } from "../../src/answers/question.js";
import { repairNames } from "../../src/answers/question-names.js";

const words = (question: string, texts: string[], known?: (word: string) => boolean) =>
  repairNames(parseQuestion(question), texts, known).map((term) => [term.word, term.anchor]);

describe("repairNames: names jieba splits or glues, against the candidate articles", () => {
  it("a name cut across a glued verb is kept whole and is an anchor (谈谷 爱凌 → 谷爱凌)", () => {
    const terms = words("胡锡进谈谷爱凌入籍说了什么？", ["胡锡进在微博谈到谷爱凌，称赞她。"]);
    expect(terms).toContainEqual(["谷爱凌", "person"]);
    expect(terms.map(([word]) => word)).not.toContain("爱凌");
  });

  it("a name split by a glued character is joined (主张 彩玲 → 主 张彩玲)", () => {
    const terms = words("主张彩玲回国的是谁？", ["张彩玲的朋友主张她回国。"]);
    expect(terms).toContainEqual(["张彩玲", "person"]);
  });

  it("a verb of one character is no given name (这周 跌 → not 周跌)", () => {
    const terms = words("这家公司的股价这周跌到了多少？", ["该股上周跌了三成。", "周跌幅扩大。"]);
    expect(terms.map(([word]) => word)).not.toContain("周跌");
  });

  it("a name the people directory knows is kept whole", () => {
    const terms = words(
      "环球时报社评谈谷爱凌入籍说了什么？",
      ["谷爱凌夺得金牌。"],
      (w) => w === "谷爱凌",
    );
    expect(terms).toContainEqual(["谷爱凌", "person"]);
  });

  it("nothing is joined when the articles do not write the name", () => {
    const terms = words("胡锡进谈谷爱凌入籍说了什么？", ["胡锡进谈到了中国的奥运会。"]);
    expect(terms.map(([word]) => word)).not.toContain("谷爱凌");
  });

  it.each([
    // Unknown words the articles write are anchors; unknown words with a glued verb are not.
    ["张明是哪天被抓走的？", "张明", "name"],
    ["众泰2021年一季度亏了多少钱？", "众泰", "name"],
  ])("%s: %s is an anchor (%s)", (question, word, anchor) => {
    const terms = words(question, [`报道说${word}的情况。`]);
    expect(terms).toContainEqual([word, anchor]);
  });
});

describe("repairNames: a word whose synonym the articles write is not cut as glued", () => {
  it.each([
    // 头一回 is not written, 首次 is: the word keeps its synonyms, no character is cut off.
    ["新桥是哪天头一回通车的？", "新桥首次通车。", "头一回"],
    ["那位歌手的老公叫什么名字？", "歌手的丈夫王某出席。", "老公"],
  ])("%s", (question, text, word) => {
    const terms = repairNames(parseQuestion(question), [text]);
    const term = terms.find((t) => t.word === word);
    expect(term?.synonyms.length).toBeGreaterThan(0);
  });
});

describe("repairNames: colloquial phrases jieba does not know are no name anchors", () => {
  it.each([
    ["确诊人数是哪天头一回破千的？", "破千"],
    ["港交所IPO在全球排第几？", "排第"],
  ])("%s: %s is no anchor", (question, word) => {
    const terms = repairNames(parseQuestion(question), [`报道说${word}了。`]);
    const term = terms.find((t) => t.word === word);
    expect(term).toBeDefined();
    expect(term?.anchor).toBeUndefined();
  });
});
