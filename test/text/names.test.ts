import { describe, expect, it } from "vitest";
import {
  dottedNames,
  englishNamePairs,
  isNotPerson,
  nameAt,
  nameAtEnd,
  nameKey,
  nameLookupKeys,
} from "../../src/text/names.js";
import { foldText } from "../../src/text/text.js";

function dotted(text: string): string[] {
  const folded = foldText(text);
  return dottedNames(folded).map(([start, end]) => text.slice(start, end));
}

describe("dotted transliterated names", () => {
  it.each([
    ["美国副国务卿温迪‧谢尔曼周三说", ["温迪‧谢尔曼"]],
    ["溫迪·謝爾曼表示", ["溫迪·謝爾曼"]],
    ["联邦调查局局长克里斯托弗‧A‧雷在听证会上", ["克里斯托弗‧A‧雷"]],
    ["总理杰辛达‧阿德恩宣布", ["杰辛达‧阿德恩"]],
    ["研究员肯尼思·罗斯说，基思·凯洛格则表示", ["肯尼思·罗斯", "基思·凯洛格"]],
    // A Chinese surname after a transliterated given name.
    ["生物伦理学专家莎拉‧陈（Sarah Chan）博士说", ["莎拉‧陈"]],
    ["工程师詹姆斯·刘表示", ["詹姆斯·刘"]],
    // A title in capitals before the name is no initial.
    ["癌症患者、CEO杰夫·菲茨霍说", ["杰夫·菲茨霍"]],
    ["DJ·哈里斯说", ["DJ·哈里斯"]],
    // A last character outside the transliteration list, the English name in brackets after.
    ["歌手巴奈·卡穗（Panai Kasui，父亲是卑南族）说", ["巴奈·卡穗"]],
    ["歌手巴奈·卡穗说", ["巴奈·卡"]],
    ["约翰·史密斯在（John Smith）", ["约翰·史密斯"]],
    // Named after a person: a university, a plan.
    ["约翰·霍普金斯大学的数据显示", []],
    ["马歇尔·沃德计划", []],
  ])("%s", (text, expected) => {
    expect(dotted(text)).toEqual(expected);
  });
});

describe("a name after a title", () => {
  it.each([
    ["发言人赵立坚表示", "发言人".length, "赵立坚"],
    ["国务卿布林肯说", "国务卿".length, "布林肯"],
    ["评论员寒山碧先生认为", "评论员".length, "寒山碧"],
    ["行政长官林郑月娥在", "行政长官".length, "林郑月娥"],
    ["发言人表示", "发言人".length, ""],
    // Japanese names: a two-character surname and a two-character given name.
    ["首相岸田文雄表示", "首相".length, "岸田文雄"],
    ["台北支局长矢板明夫称", "台北支局长".length, "矢板明夫"],
    // 曾/尚/常 before a modifier word are adverbs, not a surname (人士曾委婉表示, 官员曾公开说)
    ["相关人士曾委婉表示", "相关人士".length, ""],
    ["官员曾公开说", "官员".length, ""],
    ["学者曾建元表示", "学者".length, "曾建元"],
    // A given name holding 和 or 年 (function words elsewhere), not before a coordination
    ["国防部长孙凤和在会上说", "国防部长".length, "孙凤和"],
    ["县长周和平发现", "县长".length, "周和平"],
    ["专家何大年表示", "专家".length, "何大年"],
    ["国防部长孙凤和美国防长会面", "国防部长".length, "孙凤"],
    ["部长孙凤和、外长", "部长".length, "孙凤"],
    // A Japanese surname before an adverb or a verb is the surname alone (岸田明确表示)
    ["首相岸田明确表示", "首相".length, ""],
    ["首相岸田强调说", "首相".length, ""],
    ["副首相麻生太郎表示", "副首相".length, "麻生太郎"],
    // a surname and the opening of a manner adverbial (毫无顾忌地, 一脸无奈地) is no full name
    ["队长杨毫无顾忌地说", "队长".length, ""],
    ["主任王一脸无奈地说", "主任".length, ""],
    ["队长杨希刚说", "队长".length, "杨希刚"],
  ])("%s", (text, from, name) => {
    const folded = foldText(text);
    expect(folded.slice(from, from + nameAt(folded, from))).toBe(name);
  });
});

describe("a name ending a speaker clause", () => {
  it.each([
    ["副国务卿谢尔曼", "谢尔曼"],
    ["居民李明", "李明"],
    ["总经理凯里", "凯里"],
    ["日本前首相安倍晋三", "安倍晋三"],
    ["台北支局长矢板明夫", "矢板明夫"],
    ["外交部", ""],
    ["工程师", ""],
    // 于/在 and a platform (她于脸书写道) are no surname and given name.
    ["她于脸书", ""],
    ["于推特", ""],
    ["于微博", ""],
    ["作家于明", "于明"],
    // a given name whose first character makes a noun with the surname (石油 + 婷), after a
    // role or alone, not a noun phrase (黄金价, 金融圈)
    ["律师石油婷", "石油婷"],
    ["石油婷", "石油婷"],
    ["员工黄金价", ""],
    ["媒体人金融圈", ""],
    // a star before a name (港星, 影星, 歌星)
    ["港星陈美龄", "陈美龄"],
    ["影星梁家俊", "梁家俊"],
    // a surname character ending a word begun before it (官方网站) starts no name
    ["白宫官方网站", ""],
    ["市长柯文哲", "柯文哲"],
    ["评论人章天亮", "章天亮"],
    // 曾 before a modifier word is the adverb "once" (人士曾委婉), not a surname
    ["人士曾委婉", ""],
    ["记者曾志强", "曾志强"],
    // rarer surnames (乐, 国), never a body (国发会) nor inside a word (音乐人)
    ["外交部副部长乐玉成", "乐玉成"],
    ["律师国丽华", "国丽华"],
    ["台湾国发会", ""],
    ["中国", ""],
    // 和 in a given name after a title or 的; never a surname and 和 alone
    ["国防部长孙凤和", "孙凤和"],
    ["县长周和平", "周和平"],
    ["他和", ""],
    ["王和", ""],
    // a Japanese surname and an adverb is no full name; a noun given name (太郎) is
    ["首相岸田明确", ""],
    ["副首相麻生太郎", "麻生太郎"],
    // a surname and the opening of a manner adverbial (杨毫无…地, 李不无…地) is no name
    ["杨毫无", ""],
    ["队长李不无", ""],
    ["队长杨希刚", "杨希刚"],
  ])("%s", (slot, name) => {
    const length = nameAtEnd(slot, false);
    expect(slot.slice(slot.length - length, length ? undefined : 0)).toBe(name);
  });
});

describe("never people", () => {
  it.each([
    ["乌克兰", true],
    ["马里兰", true],
    ["白宫", true],
    ["路透社", true],
    ["网友", true],
    ["报告", true],
    ["明白", true],
    ["谢尔曼", false],
    ["赵立坚", false],
  ])("%s", (word, expected) => {
    expect(isNotPerson(word)).toBe(expected);
  });
});

describe("中文名（English Name） pairs", () => {
  it.each([
    ["俄罗斯总统普京（Vladimir Putin）周二表示，", "普京", "Vladimir Putin", [], true],
    ["普京（Vladimir Putin）说，", "普京", "Vladimir Putin", [], true],
    [
      "美国副国务卿温迪‧谢尔曼（Wendy Sherman，又译舍曼）与俄方会谈。",
      "温迪‧谢尔曼",
      "Wendy Sherman",
      ["舍曼"],
      true,
    ],
    ["溫迪‧謝爾曼（Wendy Sherman）說", "溫迪‧謝爾曼", "Wendy Sherman", [], true],
    ["英国首相约翰逊(Boris Johnson)说", "约翰逊", "Boris Johnson", [], true],
    ["中共外交部发言人赵立坚（Zhao Lijian）表示", "赵立坚", "Zhao Lijian", [], true],
    ["台湾总统蔡英文（Tsai Ing-wen）表示", "蔡英文", "Tsai Ing-wen", [], true],
    ["前白宫首席策略师班农（Steve Bannon）表示", "班农", "Steve Bannon", [], true],
    ["日本首相岸田文雄（Fumio Kishida）表示", "岸田文雄", "Fumio Kishida", [], true],
    // A place written the same way: a pair, but no evidence of a person.
    ["在科珀斯克里斯蒂（Corpus Christi），", "科珀斯克里斯蒂", "Corpus Christi", [], false],
  ])("%s", (text, chinese, english, variants, person) => {
    const pairs = englishNamePairs(text);
    expect(pairs.map((pair) => [pair.chinese, pair.english, pair.variants, pair.person])).toEqual([
      [chinese, english, variants, person],
    ]);
    const [pair] = pairs;
    expect(text.slice(pair?.start, pair?.end)).toBe(chinese);
  });

  it.each([
    "据《纽约时报》（The New York Times）报导",
    "他在推特（Twitter）上写道",
    "美国之音（VOA）报导",
    "辉瑞（Pfizer）公司宣布",
  ])("no person's name: %s", (text) => {
    expect(englishNamePairs(text)).toEqual([]);
  });

  it("finds every pair of a paragraph, in order", () => {
    const text = "拜登（Joe Biden）与普京（Vladimir Putin）通话后，布林肯（Antony Blinken）说";
    expect(englishNamePairs(text).map((pair) => pair.chinese)).toEqual(["拜登", "普京", "布林肯"]);
  });
});

describe("name keys", () => {
  it.each([
    ["溫迪‧謝爾曼", ["温迪·谢尔曼", "温迪谢尔曼"]],
    ["温迪·谢尔曼", ["温迪·谢尔曼", "温迪谢尔曼"]],
    ["Wendy  Sherman", ["wendy sherman", "sherman", "wendysherman"]],
    ["ＷＥＮＤＹ", ["wendy"]],
    ["  ", []],
    // A title before or after the name, a note in brackets: the name is a key too.
    ["美国国务卿蓬佩奥", ["美国国务卿蓬佩奥", "蓬佩奥"]],
    ["外交部发言人韩树林", ["外交部发言人韩树林", "韩树林"]],
    ["亚当斯市长", ["亚当斯市长", "亚当斯"]],
    ["张玉华女士", ["张玉华女士", "张玉华"]],
    ["张磊（化名）", ["张磊(化名)", "张磊"]],
    [
      "白宫新闻秘书简‧普萨基",
      ["白宫新闻秘书简·普萨基", "白宫新闻秘书简普萨基", "简·普萨基", "简普萨基"],
    ],
    // A generic form keeps its title: 李女士 is the name, not 李.
    ["李女士", ["李女士"]],
    ["蔡总统", ["蔡总统"]],
    // A full stop between Han characters is a name dot.
    ["罗伯特．克兰普顿", ["罗伯特·克兰普顿", "罗伯特克兰普顿"]],
  ])("%s", (name, keys) => {
    expect(nameLookupKeys(name)).toEqual(keys);
    expect(nameKey(name)).toBe(keys[0] ?? "");
  });
});
