import { describe, expect, it } from "vitest";
import {
  chineseFor,
  commonWordOnly,
  expandEnglish,
  isVerb,
  linkLatinNames,
  looseChinese,
  pinyinNameForms,
  pinyinSyllables,
  readsAs,
  refineEnglish,
  runParts,
  withoutTitleTail,
} from "../../src/answers/english.js";
import { parseQuestion } from "../../src/answers/question.js";
import type { Article } from "../../src/articles/article.js";

function article(id: string, paragraphs: string[]): Article {
  return {
    id,
    title: paragraphs[0] as string,
    date: null,
    reporter: null,
    editor: null,
    tags: [],
    caption: null,
    paragraphs,
    url: null,
    script: "gb",
    file: `${id}.md`,
  };
}

describe("CC-CEDICT for English questions", () => {
  it.each([
    // A people's adjective by its country.
    ["Ukrainian", "乌克兰"],
    ["Japanese", "日本"],
    // A proper noun's sense before its description; a city also without 市.
    ["Shenzhen", "深圳"],
    // A word found only in a later sense.
    ["minister", "部长"],
    // A plural-only sense.
    ["sanction", "制裁"],
    // A sense after the first of a "; "-joined string (Olympic Games; the Olympics).
    ["Olympics", "奥运"],
    // An adverb by its adjective; a phrase inflected on its first word.
    ["formally", "正式"],
    ["covering up", "掩盖"],
    ["carried out", "执行"],
    // A province's sense names it with its kind (Sichuan Province, capital Chengdu).
    ["Sichuan", "四川"],
    ["Guangdong", "广东"],
    // A consonant doubled before -ed.
    ["stabbed", "刺伤"],
    // Large numbers as Chinese counts them.
    ["billion", "亿"],
    // A compound noun inflected on its last word.
    ["street lights", "路灯"],
    ["think tanks", "智库"],
    // Words the dictionary lacks or gives otherwise (lexicon/ask-english-supplement).
    ["COVID", "新冠"],
    ["covid-19", "中共病毒"],
    ["introduced", "提出"],
    // A phrase of the supplement (its words joined by _ in the list); its first word alone
    // keeps the dictionary's senses.
    ["chief executive", "首席执行官"],
    ["headquartered", "总部"],
    // A US state by the abbreviation news writes (the dictionary's 德州 is a city in Shandong).
    ["Texas", "德州"],
    ["Massachusetts", "麻州"],
    // News terms of two words the dictionary lacks whole.
    ["organ harvesting", "活摘器官"],
    ["heat dome", "热穹"],
    // A title news writes by country (日本副首相), a grouping named in Chinese only.
    ["deputy prime minister", "副首相"],
    ["Quad", "四方安全对话"],
  ])("%s → %s", (english, chinese) => {
    expect(chineseFor(english)).toContain(chinese);
  });

  it("looks a supplied phrase up whole, not by its first word", () => {
    expect(chineseFor("chief")).not.toContain("executive");
  });

  it("gives an acronym the news form, not the dictionary's slur", () => {
    expect(chineseFor("CCP")).toEqual(["中共"]);
  });

  it.each([
    ["zhang", ["zhang"]],
    ["xiaoming", ["xiao", "ming"]],
    ["jiuan", ["jiu", "an"]],
    ["nelson", undefined],
  ])("pinyin %s → %j", (word, syllables) => {
    expect(pinyinSyllables(word)).toEqual(syllables);
  });

  it("reads characters as toneless pinyin", () => {
    expect(readsAs("刘", "liu")).toBe(true);
    expect(readsAs("刘", "wang")).toBe(false);
  });

  it.each([
    // Irregular past tenses and plurals by their base form (lexicon/ask-english-irregular-forms).
    ["led", "率领"],
    ["wrote", "撰写"],
    ["born", "出生"],
    ["children", "孩子"],
    ["labs", "实验室"],
    // A country's adjective by the country (lexicon/ask-english-demonyms), not the language.
    ["German", "德国"],
    ["British", "英国"],
    ["Turkish", "土耳其"],
    ["Italian", "意大利"],
    // A listed sense joining near-synonyms with "; " (便宜: "cheap; inexpensive").
    ["cheap", "便宜"],
    ["inexpensive", "便宜"],
  ])("%s → %s", (english, chinese) => {
    expect(chineseFor(english)).toContain(chinese);
  });

  it.each([
    ["German", "德国"],
    ["Chinese", "中国"],
  ])("%s gives the country first: %s", (english, chinese) => {
    expect(chineseFor(english)[0]).toBe(chinese);
  });

  it.each([
    // A word found only inside a short sense (US dollar, shopping mall).
    ["dollar", "美元"],
    ["mall", "商场"],
  ])("loose %s → %s", (english, chinese) => {
    expect(chineseFor(english)).not.toContain(chinese);
    expect(looseChinese(english)).toContain(chinese);
  });

  it.each([
    ["led", true],
    ["threw", true],
    ["announced", true],
    ["funeral", false],
    ["ambassador", false],
  ])("%s is a verb: %s", (english, verb) => {
    expect(isVerb(english)).toBe(verb);
  });
});

describe("senses chosen by the articles found", () => {
  it.each([
    // The sense the articles write comes first, whatever the archive-wide frequency.
    [
      "Who ordered the attack on the base?",
      "attack",
      ["袭击事件发生后，基地关闭。", "这次袭击造成三人受伤。"],
      "袭击",
    ],
    [
      "Who ordered the attack on the base?",
      "attack",
      ["他抨击政府的政策。", "议员再次抨击这一决定。"],
      "抨击",
    ],
    // A loose candidate that two articles write (US dollar → 美元).
    ["How many dollars did he pay?", "dollars", ["他付了五万美元。", "价格为三百美元。"], "美元"],
  ])("%s (%s) with %j → %s", (question, word, texts, chinese) => {
    const parsed = parseQuestion(question);
    expandEnglish(parsed, () => 1);
    refineEnglish(
      parsed,
      texts.map((text, i) => article(`a${i}`, [text])),
    );
    expect(parsed.terms.find((term) => term.word === word)?.synonyms[0]).toBe(chinese);
  });

  it.each([
    // A verb or phrase none of the articles translates weighs half; a noun keeps its weight.
    ["Where did police find the rifle the suspect threw away?", "threw away", 0.6],
    ["Where will the funeral be held?", "funeral", 0.8],
  ])("%s: %s weighs %d", (question, word, weight) => {
    const parsed = parseQuestion(question);
    expandEnglish(parsed, () => 1);
    refineEnglish(parsed, [article("a", ["警方在垃圾桶里发现了嫌疑人丢弃的步枪。"])]);
    expect(parsed.terms.find((term) => term.word === word)?.weight).toBeCloseTo(weight);
  });
});

describe("Latin names by the articles' Han forms", () => {
  it.each([
    // A title and a pinyin surname: the surname reading so before the title's Chinese form.
    [
      "Why does Ms. Li think so?",
      "ms li",
      ["白领李女士14日向大纪元表示，当局压低数字。"],
      "李女士",
    ],
    [
      "Why does Mr. Li believe it?",
      "mr li",
      ["郑州市民李先生质疑疫情。李先生说情况严重。"],
      "李先生",
    ],
    // The title must match: 李先生 is not Ms. Li.
    ["Why does Ms. Li think so?", "ms li", ["郑州市民李先生质疑疫情。"], undefined],
    // A capitalised pinyin word the dictionary lacks, written three times (Beichuan → 北川).
    [
      "How many lights did Beichuan switch off?",
      "beichuan",
      ["北川县停了路灯。北川城区关闭景观灯。北川全县共停了1300余盏路灯。"],
      "北川",
    ],
    // Read only once: too likely a chance reading.
    ["How many lights did Beichuan switch off?", "beichuan", ["北川县停了路灯。"], undefined],
  ])("%s (%s) → %s", (question, word, texts, chinese) => {
    const parsed = parseQuestion(question);
    expandEnglish(parsed, () => 1);
    linkLatinNames(
      parsed.terms,
      texts.map((text, i) => article(`a${i}`, [text])),
    );
    const term = parsed.terms.find((t) => t.word === word);
    expect(term?.synonyms[0]).toBe(chinese);
  });
});

describe("capitalised runs the dictionary does not give whole", () => {
  const texts = [
    "美国商务部长雷蒙多宣布了这一禁令。商务部表示，禁令为期十年。",
    "岸田与安倍都在1993年当选。岸田文雄（Fumio Kishida）与安倍晋三（Shinzo Abe）交情很好。",
  ];
  it.each([
    // A title whose every word the dictionary knows: its words by the articles' senses.
    ["Which Commerce Secretary announced the ban?", "commerce", "商务"],
    ["Which Commerce Secretary announced the ban?", "secretary", "部长"],
    // Names joined by "and": each linked by its own name pair.
    ["When did Kishida and Abe first win seats?", "kishida", "岸田文雄"],
    ["When did Kishida and Abe first win seats?", "abe", "安倍晋三"],
    // Places joined by "and": each by the dictionary's sense (no name pair gives them).
    ["Which ships went to New York and Seattle?", "new york", "纽约"],
    ["Which ships went to New York and Seattle?", "seattle", "西雅图"],
    // A name with a word the dictionary lacks stays whole.
    ["How old is Stacey Langton?", "langton", undefined],
  ])("%s → %s: %s", (question, word, chinese) => {
    const parsed = parseQuestion(question);
    expandEnglish(parsed, () => 0);
    refineEnglish(
      parsed,
      texts.map((text, i) => article(`a${i}`, [text])),
    );
    expect(parsed.terms.find((term) => term.word === word)?.synonyms[0]).toBe(chinese);
  });
});

describe("names linked only when written as names", () => {
  const texts = ["参议员比尔·哈格蒂（Bill Hagerty）反对这项法案。"];
  it.each([
    // Capitalised: a name, linked by its pair.
    ["What did Bill Hagerty say?", "bill hagerty", true],
    // Lower case: the common noun, never the person.
    ["Why did Trump attack the spending bill?", "bill", false],
  ])("%s: %s linked %s", (question, word, linked) => {
    const parsed = parseQuestion(question);
    expandEnglish(parsed, () => 1);
    linkLatinNames(
      parsed.terms,
      texts.map((text, i) => article(`a${i}`, [text])),
    );
    expect(parsed.terms.find((term) => term.word === word)?.synonyms.includes("比尔·哈格蒂")).toBe(
      linked,
    );
  });
});

describe("pinyin names by the Han forms the archive writes", () => {
  // Articles writing each string (a stand-in for the archive's document frequencies).
  const archive = new Map([
    ["汤唯", 5],
    ["唐伟", 2],
    ["徐光", 3],
    ["许多", 900],
    ["张明", 4],
    ["黄晓", 40],
    ["黄晓敏", 2],
  ]);
  const frequency = (word: string) => archive.get(word) ?? 0;
  it.each([
    // A surname reading as the first syllable, the given name as the others; most written first.
    ["tang wei", ["汤唯", "唐伟"]],
    ["xu guang", ["徐光"]],
    // Given name first (Ming Zhang): the surname-first order is read too.
    ["ming zhang", ["张明"]],
    // Three syllables, each prefix written by the archive.
    ["huang xiaomin", ["黄晓敏"]],
    // A word written everywhere is not a name.
    ["xu duo", []],
    // Not pinyin, or not two words.
    ["stephen chow", []],
    ["tang", []],
  ])("%s → %j", (name, forms) => {
    expect(pinyinNameForms(name, frequency)).toEqual(forms);
  });
});

describe("names in other romanizations by the Han forms the archive writes", () => {
  const archive = new Map([
    ["龚明", 6],
    ["龚明鑫", 5],
    ["蔡英", 30],
    ["蔡英文", 25],
    ["张永", 40],
    ["张永发", 2],
    ["黄俊", 20],
    ["王俊", 30],
    ["黄家", 50],
    ["黄家明", 3],
  ]);
  const frequency = (word: string) => archive.get(word) ?? 0;
  it.each([
    // Wade–Giles as Taiwan writes it: kung → gong, hsin → xin, hyphenated given name.
    ["kung ming-hsin", ["龚明鑫"]],
    // Taiwan's usage: Ing → ying; ts → c.
    ["tsai ing-wen", ["蔡英文"]],
    // ch → zh (Chang → 张), yung → yong.
    ["chang yung-fa", ["张永发"]],
    // A Cantonese surname (Wong → 黄, 王) with a given name in Wade–Giles.
    ["wong chia-ming", ["黄家明"]],
    // A Western given name before a pinyin name is left out (Davy Jun Huang → jun huang).
    ["davy jun huang", ["黄俊"]],
    // Nothing to read but a surname: no form for the search.
    ["anthony wong", []],
  ])("%s → %j", (name, forms) => {
    expect(pinyinNameForms(name, frequency)).toEqual(forms);
  });
});

describe("names read in other romanizations in the articles", () => {
  it.each([
    // Wade–Giles given name, Cantonese surname.
    [
      "What did Wong Chia-ming say?",
      "wong chia-ming",
      ["黄家明表示，计划会延后。黄家明说。"],
      "黄家明",
    ],
    // A Western given name and a Cantonese surname: the articles' person of that surname,
    // named twice.
    [
      "What did Agnes Chow say?",
      "agnes chow",
      ["记者周小敏报道。周庭表示不会放弃。周庭说她很平静。"],
      "周庭",
    ],
    // A Cantonese surname and a Cantonese given name pinyin cannot read.
    ["What did Chan Kin-wah say?", "chan kin-wah", ["陈健华表示反对。陈健华认为不妥。"], "陈健华"],
    // Named once: too likely someone else.
    ["What did Agnes Chow say?", "agnes chow", ["周庭表示不会放弃。"], undefined],
    // A word the dictionary gives (王储, crown prince) is no person.
    ["What did Andrew Wong say?", "andrew wong", ["沙特王储表示。沙特王储说。"], undefined],
    // A surname other than the question's.
    ["What did Agnes Chow say?", "agnes chow", ["黄之锋表示。黄之锋说。"], undefined],
  ])("%s (%s) → %s", (question, word, texts, chinese) => {
    const parsed = parseQuestion(question);
    expandEnglish(parsed, () => 0);
    linkLatinNames(
      parsed.terms,
      texts.map((text, i) => article(`a${i}`, ["一则报道", text])),
    );
    const synonyms = parsed.terms.find((t) => t.word === word)?.synonyms ?? [];
    expect(synonyms.find((synonym) => /[\u4e00-\u9fff]/.test(synonym))).toBe(chinese);
  });
});

describe("capitalised runs searched by their parts", () => {
  it.each([
    // The longest parts the dictionary gives, a plural compound by its singular (film awards).
    ["hong kong film awards", ["hong kong", "film awards"]],
    ["hong kong film critics", ["hong kong", "film critics"]],
    ["university of hong kong", ["university", "hong kong"]],
    // Runs joined by "and" are split by refineEnglish, each by the articles' senses.
    ["central and eastern europe", undefined],
    // A short word of a run as an acronym (US Navy → US, navy).
    ["us navy", ["us", "navy"]],
    // Names are not descriptions: a word the dictionary lacks, a Chinese name, a title.
    ["anthony wong", undefined],
    ["zhang ming", undefined],
    ["kung ming-hsin", undefined],
    ["ms li", undefined],
  ])("%s → %j", (run, parts) => {
    expect(runParts(run)).toEqual(parts);
  });
});

describe("withoutTitleTail", () => {
  it.each([
    // A pair read with the tail of the title before it (州长墨菲（Phil Murphy） → 长墨菲).
    ["长墨菲", "新泽西州长墨菲（Phil Murphy）说", "墨菲"],
    ["员史密斯", "参议员史密斯（John Smith）表示", "史密斯"],
    // A name that starts with such a character keeps it where no title precedes it.
    ["长谷川", "日本学者长谷川（Hasegawa）指出", "长谷川"],
    ["墨菲", "州长墨菲（Phil Murphy）说", "墨菲"],
  ])("%s in %s → %s", (chinese, text, name) => {
    expect(withoutTitleTail(chinese, text)).toBe(name);
  });
});

describe("capitalised words the dictionary gives only as common words", () => {
  it.each([
    // A place or person named by a common word (Flushing, Mercy): no proper sense.
    ["Flushing", true],
    ["Mercy", true],
    // A proper sense, a demonym, a supplied word, a word in lower case: no.
    ["Beijing", false],
    ["Chinese", false],
    ["Texas", false],
    ["flushing", false],
    // Not in the dictionary at all: a name either way, left to the other rules.
    ["Skyview", false],
  ])("%s → %s", (written, expected) => {
    expect(commonWordOnly(written)).toBe(expected);
  });

  it("links such a word to the transliteration the articles write", () => {
    const parsed = parseQuestion("Why did shoppers leave the mall in Flushing?");
    expandEnglish(parsed, () => 1);
    linkLatinNames(parsed.terms, [article("a", ["法拉盛的购物中心大门紧闭，顾客失望离去。"])]);
    expect(parsed.terms.find((term) => term.word === "flushing")?.synonyms[0]).toBe("法拉盛");
  });
});

describe("a dictionary word is no part of a longer name pair", () => {
  const texts = [
    "中国银行（Bank of China）公布了数据。",
    "亨特‧纳尔逊（Hunter Nelson）来自北卡罗来纳州。纳尔逊说，她会照顾妹妹。",
  ];
  it.each([
    // China is the country, not 中国银行 by the pair's last word.
    ["How fast did China grow?", "china", "银行", false],
    // A surname the dictionary lacks still finds the person's pair.
    ["Why did Nelson move?", "nelson", "纳尔逊", true],
  ])("%s: %s linked to …%s… %s", (question, word, chinese, linked) => {
    const parsed = parseQuestion(question);
    expandEnglish(parsed, () => 1);
    linkLatinNames(
      parsed.terms,
      texts.map((text, i) => article(`a${i}`, [text])),
    );
    const synonyms = parsed.terms.find((term) => term.word === word)?.synonyms ?? [];
    expect(synonyms.some((synonym) => synonym.includes(chinese))).toBe(linked);
  });
});

describe("phrases of three words the dictionary gives whole", () => {
  it("adds the three-word phrase and keeps the two-word one (deputy prime minister)", () => {
    const parsed = parseQuestion("Which deputy prime minister resigned?");
    expandEnglish(parsed, () => 1);
    const synonyms = (word: string) => parsed.terms.find((term) => term.word === word)?.synonyms;
    expect(synonyms("deputy prime minister")).toContain("副首相");
    expect(synonyms("prime minister")?.length).toBeGreaterThan(0);
  });

  it("finds none where the question does not write the three words in a row", () => {
    const parsed = parseQuestion("Which deputy said the prime minister resigned?");
    expandEnglish(parsed, () => 1);
    expect(parsed.terms.map((term) => term.word)).not.toContain("deputy prime minister");
  });
});

describe("news terms of the supplement, by their inflected forms too", () => {
  it.each([
    ["lawmakers", "议员"],
    ["congressmen", "众议员"],
    ["Liaison Office", "中联办"],
    ["press secretary", "新闻秘书"],
    ["stakes", "股份"],
    ["followers", "粉丝"],
    ["quarantine", "隔离"],
    ["Golden Bell Awards", "金钟奖"],
    ["shut down", "关停"],
  ])("%s → %s", (english, chinese) => {
    expect(chineseFor(english)).toContain(chinese);
  });

  it("leaves a word the supplement lacks to the dictionary", () => {
    expect(chineseFor("ruble")).toContain("卢布");
    // credit is no inflection of the supplement's credits (学分).
    expect(chineseFor("credit")).not.toContain("学分");
    expect(chineseFor("credits")).toContain("学分");
  });
});

describe("phrases whose words are joined by of", () => {
  it.each([
    ["Who is the secretary of state?", "secretary of state", "国务卿"],
    ["Which former deputy secretary of state came?", "deputy secretary of state", "副国务卿"],
  ])("%s → %s", (question, phrase, chinese) => {
    const parsed = parseQuestion(question);
    expandEnglish(parsed, () => 1);
    expect(parsed.terms.find((term) => term.word === phrase)?.synonyms).toContain(chinese);
  });

  it("takes no phrase the question does not write", () => {
    const parsed = parseQuestion("Which state did the secretary visit?");
    expandEnglish(parsed, () => 1);
    expect(parsed.terms.map((term) => term.word)).not.toContain("secretary of state");
  });
});

describe("acronyms of common nouns", () => {
  it("drops the anchor of TV and joins it to the next word (TV network → 电视台)", () => {
    const parsed = parseQuestion("Which TV network interviewed Biden?");
    expandEnglish(parsed, () => 1);
    expect(parsed.terms.find((term) => term.word === "tv")?.anchor).toBeUndefined();
    expect(parsed.terms.find((term) => term.word === "tv network")?.synonyms).toContain("电视台");
  });

  it.each(["US", "FBI"])("keeps %s an anchor", (acronym) => {
    const parsed = parseQuestion(`What did the ${acronym} say?`);
    expandEnglish(parsed, () => 1);
    expect(parsed.terms.find((term) => term.word === acronym.toLowerCase())?.anchor).toBe("latin");
  });
});

describe("a Latin word glued to its noun's Chinese", () => {
  it.each([
    ["Who won the SENKO Cup?", "senko cup", ["2022年SENKO杯世界围棋女子最强战开赛。"], "senko杯"],
  ])("%s: %s → %s", (question, word, texts, chinese) => {
    const parsed = parseQuestion(question);
    expandEnglish(parsed, () => 1);
    refineEnglish(
      parsed,
      texts.map((text, i) => article(`a${i}`, [text])),
    );
    expect(parsed.terms.find((term) => term.word === word)?.synonyms[0]).toBe(chinese);
  });

  it("finds none where the articles write the Latin word without the noun", () => {
    const parsed = parseQuestion("Who won the SENKO Cup?");
    expandEnglish(parsed, () => 1);
    refineEnglish(parsed, [article("a", ["SENKO公司赞助了比赛。"])]);
    expect(parsed.terms.find((term) => term.word === "senko cup")?.synonyms).not.toContain(
      "senko杯",
    );
  });
});
