import { describe, expect, it } from "vitest";
import {
  foldQuestion,
  parseQuestion,
  scaledNumber,
  splitGluedPlace,
  unglueUnknown,
} from "../../src/answers/question.js";

describe("parseQuestion: what a number question counts", () => {
  it.each([
    // A noun right after 多少/几 and a measure word is what the answer must count.
    ["这家工厂有多少名工人？", "工人"],
    ["舰队派出了几艘驱逐舰？", "驱逐舰"],
    ["在法国有多少中国游客？", "中国游客"],
    // 多少人, money and shares say what they count by their unit.
    ["有多少人参加了游行？", undefined],
    ["这栋楼卖了多少钱？", undefined],
    ["支持者占多大比例？", undefined],
    // Nothing after the question word.
    ["受灾的农户有多少？", undefined],
    // A preposition after the question word opens a clause: no noun counted.
    ["他说对方接待过多少个跟平壤有关的代表？", undefined],
    // An age: 几岁 counts years of a life, whatever follows.
    ["他几岁那年开始学琴？", undefined],
  ])("%s → %s", (question, counted) => {
    expect(parseQuestion(question).counted).toBe(counted);
  });
});

describe("parseQuestion: the words next to the question word", () => {
  it.each([
    ["新桥哪天正式通车？", ["正式"]],
    ["谁设计了这座新桥？", ["设计"]],
    ["市长为什么辞职？", ["市长", "辞职"]],
    ["会议持续了多久？", ["持续"]],
  ])("%s → %j", (question, focus) => {
    expect(parseQuestion(question).focus).toEqual(focus);
  });
});

describe("parseQuestion: a question asking for several things", () => {
  it.each([
    ["病人有哪些症状？", true],
    ["美国领导哪几个机构？", true],
    ["病人有什么症状？", undefined],
  ])("%s → list %s", (question, list) => {
    expect(parseQuestion(question).list).toBe(list);
  });
});

describe("parseQuestion: English questions", () => {
  it.each([
    ["Which Canadian scientist found the virus?", "person"],
    ["Which two opposition leaders were detained?", "person"],
    ["Which bridge was closed?", "other"],
    ["How old is the mayor?", "number"],
    // How many years, days: a duration, as 多少年 (how many people stays a count).
    ["How many years did the senator serve on the committee?", "duration"],
    ["How many days was the bridge closed?", "duration"],
    ["How many people crossed the bridge?", "number"],
    // The first question word asks; a when-clause after it does not make a time question.
    ["How many followers did the professor have when his posts were wiped?", "number"],
    ["Who was the mayor when the bridge was closed?", "person"],
    ["When did the mayor say how many people crossed?", "time"],
  ])("%s → %s", (question, type) => {
    expect(parseQuestion(question).type).toBe(type);
  });

  it.each([
    // How many times: a count of occasions (35次), as 几次.
    ["How many times did the minister mention reform?", "次"],
    ["How many ships left the port?", undefined],
  ])("%s → unit %s", (question, unit) => {
    expect(parseQuestion(question).unit).toBe(unit);
  });

  it("modals, pronouns and conjunctions are no content words", () => {
    const words = parseQuestion(
      "What may have caused the delay while we waited, among other things, rather than the storm?",
    ).terms.map((t) => t.word);
    for (const word of ["may", "while", "we", "among", "than"]) expect(words).not.toContain(word);
    expect(words).toContain("delay");
  });

  it("a name with 'of' stays one Latin name (University of Oxford)", () => {
    const words = parseQuestion("Who runs the University of Oxford press?").terms.map(
      (t) => t.word,
    );
    expect(words).toContain("university of oxford");
  });

  it.each([
    // A title before a name is a word of its own, the rest the name.
    ["What did Governor Ann Lowry sign?", ["governor", "ann lowry"], "governor ann lowry"],
    ["Why did Senator Tom Bell vote no?", ["senator", "tom bell"], "senator tom bell"],
    ["When did President Harlow resign?", ["president", "harlow"], "president harlow"],
    // Not a title: the run stays whole.
    ["Who founded Golden Gate Bakery?", ["golden gate bakery"], "golden"],
  ])("%s → %j, not %s", (question, words, not) => {
    const found = parseQuestion(question).terms.map((t) => t.word);
    for (const word of words) expect(found).toContain(word);
    expect(found).not.toContain(not);
  });

  it.each([
    ["900", "billion", ["9000亿", "9,000亿"]],
    ["2", "million", ["200万"]],
    ["1.5", "billion", ["15亿"]],
    ["3", "trillion", ["3万亿"]],
    ["15", "dollars", []],
    ["40", undefined, []],
  ])("%s %s → %j (a figure as Chinese counts it)", (number, next, forms) => {
    expect(scaledNumber(number, next)).toEqual(forms);
  });

  it("a number before billion matches the figure Chinese writes", () => {
    const term = parseQuestion("What is in the $700 billion package?").terms.find(
      (t) => t.word === "700",
    );
    expect(term?.synonyms).toContain("7000亿");
  });

  it("number words become the digits and numerals news writes; frames are dropped", () => {
    const terms = parseQuestion("How old are the mayor's three sons?").terms;
    expect(terms.map((t) => t.word)).toEqual(["mayor", "three", "sons"]);
    expect(terms.find((t) => t.word === "three")?.synonyms).toEqual(["3", "三"]);
  });
});

describe("parseQuestion: name questions, things named, quoted titles", () => {
  it.each([
    ["吉林市长叫什么名字？", "person", true],
    ["在核酸亭上喷漆的人被抓了吗，叫什么名字？", "person", true],
    ["网站的主编是谁？", "person", true],
    // 是谁, 都是谁, 谁是 ask who someone is: a role alone is no answer.
    ["国殇之柱是谁做的？", "person", true],
    ["接替崔天凯当驻美大使的是谁？", "person", true],
    ["五名归化球员都是谁？", "person", true],
    ["谁会是崔天凯之后的驻美大使？", "person", true],
    // A title right before 叫什么 asks for the person's name.
    ["那个教练叫什么？", "person", true],
    ["报社的总编辑叫什么名字？", "person", true],
    // 给谁, 被谁: a group may answer (体弱人群); a body's name is a thing's name.
    ["第一批疫苗优先给谁打？", "person", undefined],
    ["代表团叫什么名字？", "other", undefined],
    ["乐山市第四人民医院以前叫什么名字？", "other", undefined],
    // English: which activists, which congressman name people; who led does not need a name.
    ["Which two human rights activists were arrested?", "person", true],
    ["Which Democratic congressman led the letter?", "person", true],
    ["Who led the delegation?", "person", undefined],
  ])("%s → %s, asks for a name: %s", (question, type, asksName) => {
    const parsed = parseQuestion(question);
    expect(parsed.type).toBe(type);
    expect(parsed.asksName).toBe(asksName);
  });

  it.each([
    ["搞员工内购的房企叫什么名字？", "房企"],
    ["秦怡演的第一部电影叫什么？", "电影"],
    ["乐山市第四人民医院以前叫什么名字？", undefined],
  ])("%s → the thing named: %s", (question, head) => {
    expect(parseQuestion(question).head).toBe(head);
  });

  it.each([
    ["乐山市第四人民医院以前叫什么名字？", true],
    ["What is the Texas resolution called?", true],
    ["吉林市长叫什么名字？", undefined],
  ])("%s → asks a thing's name: %s", (question, asks) => {
    expect(parseQuestion(question).asksThingName).toBe(asks);
  });

  it.each([
    ["台湾大并购台湾之星哪天正式完成？", ["正式", "完成"]],
    ["蓬佩奥和杨洁篪是在几月几号见面的？", ["见面"]],
    ["多少人受伤？", undefined],
  ])("%s → the event whose date is asked: %j", (question, event) => {
    expect(parseQuestion(question).event).toEqual(event);
  });

  it("a quoted title is kept as written", () => {
    expect(parseQuestion("“台湾在印太地区”研讨会有多少人参加？").quoted).toEqual([
      "台湾在印太地区",
    ]);
  });

  it("a magnitude noun (阅读量, 金额) is not a counted thing", () => {
    expect(parseQuestion("那个帖子有多少阅读量？").counted).toBeUndefined();
    expect(parseQuestion("港大用了几辆卡车运走？").counted).toBe("卡车");
  });

  it("那名 is a frame, not a content word", () => {
    const words = parseQuestion("二七区的那名感染者几岁？").terms.map((term) => term.word);
    expect(words).not.toContain("那名");
  });
});

describe("parseQuestion: the kind of place a where-question asks for", () => {
  it.each([
    // The kind noun is checked against the answer's places, not required as a word.
    ["那位记者是在哪个国家被捕的？", "国", "国家"],
    ["大桥建在哪座城市？", "市", "城市"],
    ["还有哪个州通过了这项法案？", "州", undefined],
    ["游行队伍去了哪些省份？", "省", "省份"],
    // A place question without a kind, and a which-question for another noun.
    ["那位记者现在被关在哪里？", undefined, undefined],
    ["他被送进了哪家医院？", undefined, undefined],
  ])("%s → %s", (question, kind, dropped) => {
    const parsed = parseQuestion(question);
    expect(parsed.placeKind).toBe(kind);
    if (dropped) expect(parsed.terms.map((term) => term.word)).not.toContain(dropped);
    if (kind) expect(parsed.head).toBeUndefined();
  });

  it.each([
    // 哪个地方, 哪个地区: any place answers (正定县), no 某某地方 is asked for.
    ["那些密接者是去哪个地方参加的婚礼？", undefined],
    ["疫情最早是在哪个地区出现的？", undefined],
    // A which-question for a kind of building names one.
    ["他被关在哪个看守所？", "看守所"],
    // 哪个月, 哪个星期: a time is asked, no noun to name.
    ["员工是哪个月的工资没拿到？", undefined],
    ["会议是哪个星期开的？", undefined],
  ])("%s → head %s", (question, head) => {
    expect(parseQuestion(question).head).toBe(head);
  });
});

describe("parseQuestion: counts in the unit asked", () => {
  it.each([
    // 多少天然气, 多少年轻人: a thing or people, not a duration.
    ["工厂每年要用多少天然气？", "number", undefined],
    ["有多少年轻人报名参军？", "number", "人"],
    ["工程停了多少天？", "duration", undefined],
    // 规模有多大: a size, not an age.
    ["这个基金的规模有多大？", "number", undefined],
    // 多大 alone: an age or a size, whichever the thing has (48岁, 10平米); 多大年纪 an age.
    ["那个男孩多大？", "number", "大小"],
    ["婴儿住的隔离病房有多大？", "number", "大小"],
    ["那个男孩多大年纪？", "number", "岁"],
    // 几楼: a floor, counted in 楼 (not 楼盘).
    ["他家住在几楼？", "number", "楼"],
    // 多少人口: a population, still counted in people.
    ["这个岛有多少人口？", "number", "人"],
    // 多少人…收入: people who lose an income, not a sum of money; 多少收入 is money.
    ["裁员以后会有多少人断了收入？", "number", "人"],
    ["这家店一个月有多少收入？", "number", "钱"],
    // 份额: a share of a market, not a count of 份.
    ["这个品牌在欧洲市场占多少份额？", "number", "%"],
    ["报社那天印了多少份？", "number", "份"],
    // 多长, 多远: a length or distance (or a time); 多高, 多深: a height or depth, never a time;
    // not the level of a rate (利率有多高).
    ["那条新修的隧道有多长？", "number", "长度"],
    ["学校门口的铜像有多高？", "number", "尺寸"],
    ["这口井挖了多深？", "number", "尺寸"],
    ["这家工厂离市中心多远？", "number", "长度"],
    ["这家银行的贷款利率有多高？", "number", undefined],
    // Measure words of things counted one by one: 几具, 几场, 几只 ask for a count.
    ["搜救队在河里找到了几具遗体？", "number", "具"],
    ["他今年在香港演了几场话剧？", "number", "场"],
    ["公园里那棵树上停了几只鸟？", "number", "只"],
    // A rate asked for is a share (利率跌到了多少), not an exchange rate (汇率).
    ["这家银行的贷款利率这周跌到了多少？", "number", "%"],
    ["人民币汇率跌到了多少？", "number", undefined],
    // 多少台湾…: 台 is no measure word before 湾.
    ["一张门票能换多少台湾的纪念品？", "number", undefined],
  ])("%s → %s %s", (question, type, unit) => {
    const parsed = parseQuestion(question);
    expect(parsed.type).toBe(type);
    expect(parsed.unit).toBe(unit);
  });

  it("多少人口 keeps 人口 as a word the answer writes", () => {
    expect(parseQuestion("这个岛有多少人口？").terms.map((term) => term.word)).toContain("人口");
  });
});

describe("parseQuestion: demonstratives pointing back to the story are no content words", () => {
  it.each([
    ["那封公开信有多少人签名？", "那封"],
    ["那段视频被转发了多少次？", "那段"],
    ["这篇报道是谁写的？", "这篇"],
    ["那顿晚餐花了多少钱？", "那顿"],
    ["那通电话打了多久？", "那通"],
    ["那几天一共卖了多少货？", "那几"],
    ["她几岁那年搬到纽约？", "那年"],
  ])("%s drops %s", (question, frame) => {
    const words = parseQuestion(question).terms.map((term) => term.word);
    expect(words.some((word) => word.includes(frame))).toBe(false);
  });

  it("这部分, 那通过 and 这期间 are words, not a demonstrative and a measure word", () => {
    expect(parseQuestion("这部分资金用在哪里？").text).toContain("部分");
    expect(parseQuestion("这期间有多少人受伤？").text).toContain("期间");
  });
});

describe("parseQuestion: colloquial words and figures as news writes them", () => {
  it.each([
    // Spouses and children by their everyday words.
    ["那位导演的老婆叫什么名字？", "老婆", "妻子"],
    ["那位歌手的老公是做什么的？", "老公", "丈夫"],
    ["他们家一共有几个小孩？", "小孩", "孩子"],
    ["他俩一共有几个孩子？", "孩子", "子女"],
    ["确诊人数是哪天头一回破万的？", "头一回", "首次"],
    ["她是哪一年嫁给那位导演的？", "嫁给", "结婚"],
    // Parents, a divorce and a closing as a speaker says them.
    ["那位演员爸妈离婚那年他几岁？", "爸妈", "父母"],
    ["那位演员爸妈离婚那年他几岁？", "离婚", "离异"],
    ["今年一共有多少家银行网点关门了？", "关门", "终止营业"],
    // A figure of four digits or more, grouped as news writes it.
    ["每人能领2000美元吗？", "2000", "2,000"],
    ["这次一共罚了150000美元吗？", "150000", "150,000"],
  ])("%s: %s also matches %s", (question, word, synonym) => {
    const term = parseQuestion(question).terms.find((t) => t.word === word);
    expect(term?.synonyms).toContain(synonym);
  });

  it.each([
    ["那个枪手叫什么名字？", true],
    ["那名嫌犯叫什么？", true],
    ["那位球员叫什么名字？", true],
    ["那家医院叫什么名字？", undefined],
    // A noun of people that is no title (lexicon/ask-person-nouns.txt).
    ["车祸里遇难的那名孕妇叫什么名字？", true],
  ])("%s asks a person's name: %s", (question, asksName) => {
    expect(parseQuestion(question).asksName).toBe(asksName);
  });

  it("a spouse's name is a person's name asked for", () => {
    const parsed = parseQuestion("那位导演的老婆叫什么名字？");
    expect(parsed.type).toBe("person");
    expect(parsed.asksName).toBe(true);
  });
});

describe("parseQuestion: an ordinal the question names", () => {
  it.each([
    ["那家公司的第一大股东是谁？", "第一大"],
    ["公司第四季度营收是多少？", "第四季"],
    ["他是第27任总裁吗？", "第27任"],
    // 第几 asks for the ordinal itself.
    ["他是第几任总裁？", undefined],
  ])("%s → %s", (question, ordinal) => {
    expect(parseQuestion(question).ordinal).toBe(ordinal);
  });
});

describe("parseQuestion: words jieba takes for a person's name that name no one", () => {
  it.each([
    // An ordinary word, a body, a place jieba's dictionary tags nr: no person anchor.
    ["白宫后来又对哪个项目加了制裁？", "白宫", undefined],
    ["他为什么宁可关闭工厂也不降价？", "宁可", undefined],
    ["那只立功的警犬叫什么？", "立功", undefined],
    ["谈判卡住的问题是什么？", "卡住", undefined],
    ["乌克兰的第一天有多少人撤离？", "乌克兰", "place"],
    // A name stays a person anchor.
    ["习近平为什么要封城？", "习近平", "person"],
  ])("%s: %s → %s", (question, word, anchor) => {
    const term = parseQuestion(question).terms.find((t) => t.word === word);
    expect(term).toBeDefined();
    expect(term?.anchor).toBe(anchor);
  });
});

describe("parseQuestion: a light verb or particle jieba's HMM glued to a neighbour", () => {
  it.each([
    // 营有, 塔是: the verb after its subject is cut off the unknown word.
    ["夏令营有多少组学生报名？", "营有", "营"],
    // 要造: the modal before its verb.
    ["海军要造几艘潜艇？", "要造", "造"],
    // 被关: the passive marker.
    ["那位律师被关在哪里？", "被关", "关"],
  ])("%s: no %s, keeps %s", (question, glued, kept) => {
    const words = parseQuestion(question).terms.map((t) => t.word);
    expect(words).not.toContain(glued);
    expect(words.some((word) => word.includes(kept))).toBe(true);
  });

  it.each([
    [{ word: "营有", tag: "x" }, "营"],
    [{ word: "要造", tag: "x" }, "造"],
    [{ word: "姚俊是", tag: "x" }, "姚俊"],
    // Dictionary words (not x) and words without a glued end are left alone.
    [{ word: "要求", tag: "v" }, "要求"],
    [{ word: "张明", tag: "x" }, "张明"],
  ])("unglueUnknown(%j) → %s", (token, word) => {
    expect(unglueUnknown(token).word).toBe(word);
  });
});

describe("splitGluedPlace: a place jieba's dictionary glued to the next word", () => {
  it.each([
    // 美国进口, 香港回归: the place and the word apart.
    [{ word: "美国进口", tag: "ns" }, ["美国", "进口"]],
    [{ word: "香港回归", tag: "ns" }, ["香港", "回归"]],
    // A place name the lists know stays whole; other tags are left alone.
    [{ word: "洛杉矶县", tag: "ns" }, ["洛杉矶县"]],
    [{ word: "美国", tag: "ns" }, ["美国"]],
    [{ word: "美国进口", tag: "n" }, ["美国进口"]],
  ])("%j → %j", (token, words) => {
    expect(splitGluedPlace(token).map((t) => t.word)).toEqual(words);
  });

  it("the question keeps 美国 as a place anchor, not 美国进口", () => {
    const terms = parseQuestion("新制裁不让美国进口哪些东西？").terms;
    expect(terms.find((t) => t.word === "美国")?.anchor).toBe("place");
    expect(terms.map((t) => t.word)).not.toContain("美国进口");
  });
});

describe("parseQuestion: Taiwan and Hong Kong words the article may write the mainland way", () => {
  const terms = (question: string) => parseQuestion(question).terms;
  it.each([
    // jieba cuts the Taiwan form apart (纽 泽西) or glues a preposition to it (和川 普).
    ["紐澤西州長什麼時候宣布的？", "纽泽西", "新泽西"],
    ["她對付中共的辦法和川普有什麼不同？", "川普", "特朗普"],
    ["台積電的晶片賣給了哪家公司？", "晶片", "芯片"],
  ])("%s: %s also matches %s", (question, word, variant) => {
    const term = terms(question).find((t) => t.word === word);
    expect(term?.synonyms).toContain(variant);
  });

  it("a listed word inside a longer name is left alone (查德 in 理查德)", () => {
    expect(terms("理查德說了什麼？").map((t) => t.word)).toContain("理查德");
  });
});

describe("parseQuestion: which days, sums of money by their noun, counts in 张", () => {
  it.each([
    // 哪几天 asks when (a range of dates answers it), not how long.
    ["那次会议是哪几天开的？", "time", "日"],
    ["会议开了几天？", "duration", undefined],
    // A bribe, an aid, a loan: a sum of money (lexicon/ask-money-nouns.txt).
    ["那名局长被指控收了多少贿赂？", "number", "钱"],
    ["政府给了多少援助？", "number", "钱"],
    // 张 is a measure word (张票, 张保单): the answer counts in it.
    ["这家公司手上有多少张有效保单？", "number", "张"],
  ])("%s → %s %s", (question, type, unit) => {
    const parsed = parseQuestion(question);
    expect(parsed.type).toBe(type);
    expect(parsed.unit).toBe(unit);
  });
});

describe("parseQuestion: how something turned out", () => {
  it.each([
    ["州长最后有没有否决这项法案？", true],
    ["他后来确诊了吗？", true],
    ["唐某受贿案最终被判了几年？", true],
    // A forecast, the last of a series, a noun: no outcome asked.
    ["州长会不会否决这项法案？", false],
    ["他最后一次露面是什么时候？", false],
    ["中国的最终需求占韩国GDP多大比重？", false],
  ])("%s → %s", (question, expected) => {
    expect(parseQuestion(question).asksOutcome === true).toBe(expected);
  });
});

describe("foldQuestion: Taiwan forms folding keeps, in the articles' mainland form", () => {
  it.each([
    // 著 as the aspect particle: the mainland writes 着.
    ["有多少國家跟著聲援", "有多少国家跟着声援"],
    ["中國已經連著幾年是第一", "中国已经连着几年是第一"],
    ["他手裡拿著什麼", "他手里拿着什么"],
    // 著 in its own words stays (著名, 显著, 著作).
    ["那位著名作家寫了哪些著作", "那位著名作家写了哪些著作"],
    ["效果有沒有顯著改善", "效果有没有显著改善"],
    // 覆 and 瞭 for the mainland's 复 and 了; 覆盖 stays.
    ["小組回覆功能停到什麼時候", "小组回复功能停到什么时候"],
    ["他瞭解多少", "他了解多少"],
    ["網路覆蓋了多少人", "网路覆盖了多少人"],
  ])("%s → %s", (question, folded) => {
    expect(foldQuestion(question)).toBe(folded);
  });

  it("the question's words are the mainland ones (跟着, not 跟 and 著)", () => {
    const words = parseQuestion("有多少國家跟著聲援臺灣？").terms.map((term) => term.word);
    expect(words).toContain("跟着");
    expect(words).not.toContain("著");
  });
});
