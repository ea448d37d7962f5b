import { describe, expect, it } from "vitest";
import {
  type EnglishNamePair,
  EnglishNames,
  englishKey,
  englishNamePairs,
  englishNamePairsInText,
} from "../../src/articles/english-names.js";
import { makeArticle } from "../helpers.js";

describe("the pairs a text writes as 中文名（English Name）", () => {
  const cases: [string, string, EnglishNamePair[]][] = [
    [
      "a name with a name dot: the surname",
      "美国总统乔‧拜登（Joe Biden）周三表示。",
      [{ chinese: "拜登", english: "Joe Biden", person: true }],
    ],
    [
      "a title before a name without a dot",
      "俄罗斯总统普京（Vladimir Putin）周五表示。",
      [{ chinese: "普京", english: "Vladimir Putin", person: true }],
    ],
    [
      "a function word before the name",
      "拜登上周曾表示，如果普京（Vladimir Putin）下令入侵。",
      [{ chinese: "普京", english: "Vladimir Putin", person: true }],
    ],
    [
      "a Chinese name that is no transliteration",
      "美国副总统贺锦丽（Kamala Harris）出席了会议。",
      [{ chinese: "贺锦丽", english: "Kamala Harris", person: true }],
    ],
    [
      "an organisation and its abbreviation",
      "北大西洋公约组织（NATO）秘书长表示。",
      [{ chinese: "北大西洋公约组织", english: "NATO", person: false }],
    ],
    [
      "a note after the English name",
      "美国副国务卿温迪‧谢尔曼（Wendy Sherman，又译舍曼）说。",
      [{ chinese: "谢尔曼", english: "Wendy Sherman", person: true }],
    ],
    [
      "ASCII brackets",
      "北约秘书长延斯‧斯托尔滕贝格(Jens Stoltenberg)说。",
      [{ chinese: "斯托尔滕贝格", english: "Jens Stoltenberg", person: true }],
    ],
    [
      "a place: its last word is no surname",
      "加州长滩（Long Beach）的港口。",
      [{ chinese: "加州长滩", english: "Long Beach", person: false }],
    ],
    [
      "a place written with a name dot",
      "杜克‧卡哈纳莫库海滩（Duke Kahanamoku Beach）人很多。",
      [{ chinese: "卡哈纳莫库海滩", english: "Duke Kahanamoku Beach", person: false }],
    ],
    [
      "a body",
      "美国劳工部（Labor Department）周五公布。",
      [{ chinese: "美国劳工部", english: "Labor Department", person: false }],
    ],
    [
      "a surname that is a common word",
      "球星埃内斯‧坎特‧自由（Enes Kanter Freedom）说。",
      [{ chinese: "自由", english: "Enes Kanter Freedom", person: false }],
    ],
    ["a photo credit after a sentence", "台积电的工厂。（Sam Yeh/AFP）", []],
    ["a credit with no name before it", "会场一景。（AFP）", []],
    ["a party label", "参议员马可‧卢比奥（R-FL）表示。", []],
    ["lower-case words in brackets", "这种病毒（omicron）传播很快。", []],
    ["a number in brackets", "美国国防部（2022）报告。", []],
    [
      "the same pair twice, once",
      "乔‧拜登（Joe Biden）说。乔‧拜登（Joe Biden）又说。",
      [{ chinese: "拜登", english: "Joe Biden", person: true }],
    ],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      expect(englishNamePairsInText(text)).toEqual(expected);
    });
  }

  it("reads an article's captions and paragraphs", () => {
    const article = makeArticle({
      caption: "美国国务卿安东尼‧布林肯（Antony Blinken）。（AFP）",
      captions: ["俄罗斯外长谢尔盖‧拉夫罗夫（Sergey Lavrov）在日内瓦。"],
      paragraphs: ["俄罗斯总统普京（Vladimir Putin）说。"],
    });
    expect(englishNamePairs(article).map((pair) => pair.chinese)).toEqual([
      "布林肯",
      "拉夫罗夫",
      "普京",
    ]);
  });
});

describe("the archive-wide English → Chinese map", () => {
  let n = 0;
  const article = (...paragraphs: string[]) => makeArticle({ id: `n${++n}`, paragraphs });

  it("finds a Chinese name by the whole English name and by a person's surname, in any case", () => {
    const names = EnglishNames.learn([article("俄罗斯总统普京（Vladimir Putin）说。")]);
    expect(names.chineseFor("Vladimir Putin")).toEqual(["普京"]);
    expect(names.chineseFor("putin")).toEqual(["普京"]);
    expect(names.chineseFor("PUTIN")).toEqual(["普京"]);
    expect(names.chineseFor("Vladimir")).toEqual([]);
    expect(names.chineseFor("Putin", { people: true })).toEqual(["普京"]);
    expect(names.englishFor("普京")).toEqual(["vladimir putin", "putin"]);
  });

  it("gives an organisation's English name no surname", () => {
    const names = EnglishNames.learn([article("咨询公司欧亚集团（Eurasia Group）发布报告。")]);
    expect(names.chineseFor("Eurasia Group")).toEqual(["咨询公司欧亚集团"]);
    expect(names.chineseFor("Group")).toEqual([]);
    expect(names.chineseFor("Eurasia Group", { people: true })).toEqual([]);
    expect(names.englishFor("咨询公司欧亚集团")).toEqual(["eurasia group"]);
    expect(names.englishFor("咨询公司欧亚集团", { people: true })).toEqual([]);
  });

  it("counts a title left on a name for the name", () => {
    const names = EnglishNames.learn([
      article("英国首相约翰逊（Boris Johnson）说。"),
      article("鲍里斯‧约翰逊（Boris Johnson）说。"),
    ]);
    expect(names.chineseFor("Johnson")).toEqual(["约翰逊"]);
  });

  it("drops a conflicting pair written by far fewer articles", () => {
    const names = EnglishNames.learn([
      article("俄罗斯总统普京（Vladimir Putin）说。"),
      article("弗拉基米尔‧普京（Vladimir Putin）说。"),
      article("如果普京（Vladimir Putin）下令。"),
      article("普京（Vladimir Putin）说。"),
      article("俄罗斯总统蒲亭（Vladimir Putin）说。"),
    ]);
    expect(names.chineseFor("Putin")).toEqual(["普京"]);
  });

  it("never lets a stray short name swallow the name", () => {
    const names = EnglishNames.learn([
      article("欧盟委员会主席冯德莱恩（Ursula von der Leyen）说。"),
      article("欧盟委员会主席冯德莱恩（Ursula von der Leyen）又说。"),
      article("欧盟委员会主席冯德莱恩（Ursula von der Leyen）再说。"),
      article("冯德莱恩（Ursula von der Leyen）表示。"),
      article("乌尔苏拉‧冯德‧莱恩（Ursula von der Leyen）说。"),
    ]);
    expect(names.chineseFor("Ursula von der Leyen")).toEqual(["冯德莱恩"]);
  });

  it("drops an English name the archive uses for many different names", () => {
    const names = EnglishNames.learn([
      article("伦敦律师李贞驹（Christine Lee）说。"),
      article("伦敦律师李贞驹（Christine Lee）说。"),
      article("导演李云翔（Leon Lee）说。"),
      article("研究员李泰奎（Taekyu Lee）说。"),
      article("议员李天明（Alex Lee）说。"),
    ]);
    expect(names.chineseFor("Lee")).toEqual([]);
    expect(names.chineseFor("Christine Lee")).toEqual(["李贞驹"]);
  });

  it("keeps two transliterations written as often", () => {
    const names = EnglishNames.learn([
      article("乌克兰总统泽连斯基（Volodymyr Zelensky）说。"),
      article("乌克兰总统泽伦斯基（Volodymyr Zelensky）说。"),
    ]);
    expect(names.chineseFor("Zelensky")).toEqual(["泽伦斯基", "泽连斯基"]);
  });

  it("forgets an article's pairs when it goes, and learns them when it comes", () => {
    const biden = article("美国总统乔‧拜登（Joe Biden）说。");
    const names = EnglishNames.learn([biden]);
    expect(names.pairsOf(biden.id)).toHaveLength(1);
    names.remove(biden.id);
    expect(names.chineseFor("Biden")).toEqual([]);
    expect(names.entries()).toEqual([]);
    names.add(biden);
    expect(names.entries()).toEqual([
      { english: "biden", chinese: ["拜登"], articles: 1 },
      { english: "joe biden", chinese: ["拜登"], articles: 1 },
    ]);
  });

  it("knows nothing the archive does not write", () => {
    const names = EnglishNames.learn([article("普京说，拜登也说。")]);
    expect(names.chineseFor("Putin")).toEqual([]);
    expect(names.chineseFor("Biden")).toEqual([]);
  });

  it("folds English names to one lookup form", () => {
    expect(englishKey("  Wendy   SHERMAN ")).toBe("wendy sherman");
    expect(englishKey("O’Brien")).toBe("o'brien");
  });
});
