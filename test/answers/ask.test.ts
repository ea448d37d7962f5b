import { describe, expect, it } from "vitest";
import { answerQuestion, expandEnglish, parseQuestion } from "../../src/answers/ask.js";
import { associatedWords } from "../../src/answers/associations.js";
import type { Article } from "../../src/articles/article.js";
import { isUserError } from "../../src/errors.js";
import { articleFixture, makeArticle, seedArticle } from "../helpers.js";

const fixture = (name: string): Article => articleFixture("summary", name);

const seed = seedArticle();
const fire = fixture("fire.json");
const metro = fixture("traditional.json");
const budget = fixture("repeated.json");

describe("parseQuestion", () => {
  it.each([
    ["谁领导了美国代表团？", "person", ["领导", "美国", "代表团"]],
    ["俄罗斯要求北约做什么？", "other", ["俄罗斯", "要求", "北约"]],
    ["会谈持续了多久？", "duration", ["会谈", "持续"]],
    ["会谈持续了几个小时？", "duration", ["会谈", "持续", "小时"]],
    ["多少人受伤？", "number", ["受伤"]],
    ["火灾是什么时候发生的？", "time", ["火灾", "发生"]],
    ["工厂在哪里？", "place", ["工厂"]],
    ["为什么会发生火灾？", "reason", ["发生", "火灾"]],
    ["誰領導了美國代表團？", "person", ["领导", "美国", "代表团"]],
    ["What does NATO want?", "other", ["nato"]],
  ])("%s", (question, type, words) => {
    const parsed = parseQuestion(question);
    expect(parsed.type).toBe(type);
    expect(parsed.terms.map((t) => t.word)).toEqual(words);
  });
});

describe("answerQuestion on the seed", () => {
  it("谁 → the sentence naming who led the delegation", () => {
    const { answers, reason } = answerQuestion("谁领导了美国代表团？", [seed]);
    expect(reason).toBeUndefined();
    expect(answers[0]?.text).toMatch(/领导美国代表团进行谈判的副国务卿温迪‧谢尔曼/);
    expect(answers[0]).toMatchObject({ articleId: "n13495457", paragraph: 2 });
  });

  it("what Russia demands of NATO → both demand sentences first", () => {
    const { answers } = answerQuestion("俄罗斯要求北约做什么？", [seed]);
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(answers.length).toBeLessThanOrEqual(3);
    const top = answers.slice(0, 2).map((a) => a.paragraph);
    expect(top.sort((a, b) => a - b)).toEqual([8, 10]);
    expect(answers[0]?.text).toMatch(/^俄罗斯则坚持要求北约（NATO）停止东扩/);
  });

  it("多久 → the sentence with the duration, though it says 会议 not 会谈", () => {
    const { answers } = answerQuestion("会谈持续了多久？", [seed]);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.text).toMatch(/长达7小时的会议/);
    expect(answers[0]?.paragraph).toBe(14);
  });

  it("a traditional-script question finds the simplified sentence", () => {
    const { answers } = answerQuestion("誰領導了美國代表團？", [seed]);
    expect(answers[0]?.paragraph).toBe(2);
  });

  it("English words in the question match (NATO, Wendy Sherman)", () => {
    expect(answerQuestion("NATO要停止什么？", [seed]).answers[0]?.paragraph).toBe(8);
    expect(answerQuestion("Wendy Sherman说了什么？", [seed]).answers[0]?.paragraph).toBe(2);
  });

  it("scores are ordered best first and answers are distinct", () => {
    const { answers } = answerQuestion("俄罗斯要求北约做什么？", [seed]);
    const scores = answers.map((a) => a.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(answers.map((a) => a.text)).size).toBe(answers.length);
  });

  it("says so when nothing answers (no word matches)", () => {
    const result = answerQuestion("谁赢得了世界杯？", [seed]);
    expect(result.answers).toEqual([]);
    expect(result.reason).toMatch(/^没有找到能回答这个问题的句子/);
  });

  it("says so when the words match but nothing holds what is asked (no number)", () => {
    const result = answerQuestion("北约有多少成员国？", [seed]);
    expect(result.answers).toEqual([]);
    expect(result.reason).toMatch(/数字/);
  });

  it("a question without content words gets a reason, not a guess", () => {
    const result = answerQuestion("是什么？", [seed]);
    expect(result.answers).toEqual([]);
    expect(result.reason).toBeTruthy();
  });

  it("honours the limit and rejects a bad one", () => {
    expect(answerQuestion("俄罗斯要求北约做什么？", [seed], { limit: 1 }).answers).toHaveLength(1);
    for (const limit of [0, 4, 1.5]) {
      try {
        answerQuestion("俄罗斯要求北约做什么？", [seed], { limit });
        throw new Error("expected a UserError");
      } catch (error) {
        expect(isUserError(error)).toBe(true);
      }
    }
  });
});

describe("answerQuestion by question type (fixtures)", () => {
  const all = [budget, metro, fire, seed];

  it.each([
    ["多少人受伤？", "fx-fire", 1, /12名员工受伤/],
    ["火灾是什么时候发生的？", "fx-fire", 1, /3月5日凌晨/],
    ["大火持续了多久？", "fx-fire", 3, /大约4个小时/],
    ["为什么会发生火灾？", "fx-fire", 2, /由于仓库内的电线短路/],
    ["谁说火灾是电线短路引起的？", "fx-fire", 2, /王大明/],
    ["电子工厂在哪里？", "fx-fire", 1, /桃园市/],
    ["誰在通車典禮上講話？", "fx-metro", 2, /柯文哲/],
    ["新路線有多長？", "fx-metro", 3, /十五公里/],
    ["首日载客量是多少？", "fx-metro", 1, /十萬人次/],
    ["预算什么时候生效？", "fx-repeated", 8, /七月一日/],
  ])("%s", (question, articleId, paragraph, text) => {
    const { answers } = answerQuestion(question, all);
    expect(answers[0]).toMatchObject({ articleId, paragraph });
    expect(answers[0]?.text).toMatch(text);
  });

  it("keeps the article's script in the answer", () => {
    const { answers } = answerQuestion("首日載客量是多少？", [metro]);
    expect(answers[0]?.text).toBe("台北捷運環狀線北段週六正式通車，首日載客量超過十萬人次。");
  });

  it("an article given twice is answered once", () => {
    const { answers } = answerQuestion("多少人受伤？", [fire, fire]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(answers.length);
  });

  it("no answer from unrelated articles", () => {
    const result = answerQuestion("日本的首相是谁？", [fire, metro, budget]);
    expect(result.answers).toEqual([]);
    expect(result.reason).toMatch(/^没有找到/);
  });

  it("a duration question needs a quantity of time, not just the word 持续", () => {
    const tension: Article = {
      ...fire,
      id: "fx-tension",
      paragraphs: ["边境紧张局势持续升级，双方都增派了部队。", "外交官呼吁各方保持克制。"],
    };
    const result = answerQuestion("紧张局势持续了多久？", [tension]);
    expect(result.answers).toEqual([]);
    expect(result.reason).toMatch(/时长/);
  });

  it("the same quote told twice is answered once", () => {
    const { answers } = answerQuestion("市长说了什么？", [budget]);
    expect(answers.filter((a) => a.text.includes("负担得起每天的通勤"))).toHaveLength(1);
  });

  it("a sentence matching only part of the question in another article is not added", () => {
    const { answers } = answerQuestion("会谈持续了多久？", [fire, seed]);
    expect(answers.map((a) => [a.articleId, a.paragraph])).toEqual([["n13495457", 14]]);
  });

  it("no candidates, no answer", () => {
    expect(answerQuestion("多少人受伤？", []).answers).toEqual([]);
  });
});

describe("English phrases", () => {
  it("a phrase the dictionary knows carries its words' weight (human rights → 人权)", () => {
    const parsed = parseQuestion("Which human rights activists were arrested?");
    expandEnglish(parsed, () => 1);
    const weight = (word: string) => parsed.terms.find((t) => t.word === word)?.weight;
    expect(parsed.terms.find((t) => t.word === "human rights")?.synonyms).toContain("人权");
    expect(weight("human")).toBe(0);
    expect(weight("rights")).toBe(0);
    expect(weight("activists")).toBeGreaterThan(0);
  });
});

describe("question analysis (issue 12)", () => {
  it.each([
    ["苹果日报停刊那天要印多少份？", "number", "份", ["苹果日报", "停刊", "印"]],
    ["骂他的网友占多大比例？", "number", "%", []],
    ["张鸿玉的母亲去世时几岁？", "number", "岁", []],
    ["鄭州水災一共死了多少人？", "number", "人", []],
    ["哪个州长说自己第一个访台？", "person", undefined, []],
    ["散货船运价为什么暴跌？", "reason", undefined, ["散货船", "运价", "暴跌"]],
    // A price or wage asked for is money; a fall in a price may be a share.
    ["2019年散货船每天运价是多少？", "number", "钱", ["运价"]],
    ["众泰3月10日收盘价是多少？", "number", "钱", ["收盘价"]],
    ["运价跌到多少？", "number", "钱", ["运价"]],
    ["鹤岗的房价跌了多少？", "number", undefined, ["房价"]],
    // A household counts people (几口人); people nouns in English ask for a count of people.
    ["他们一家有几口人？", "number", "人", ["一家"]],
    ["How many Israeli civilians were killed?", "number", "人", ["civilians"]],
    ["How many journalists were arrested in 2021?", "number", "人", ["journalists"]],
    ["How many rockets were fired?", "number", undefined, ["rockets"]],
    // A share's own word is no content word: 15% answers 多大比例 without 比例; 几成 is a share.
    ["有多少比例的企业裁员？", "number", "%", ["企业", "裁员"]],
    // Aid, fines and revenue are amounts of money: the counted noun is no measure of them.
    ["澳洲承诺给乌克兰多少军事援助？", "number", "钱", ["军事援助"]],
    ["联电认罪后要付多少罚款？", "number", "钱", ["罚款"]],
    ["收入增长了多少？", "number", undefined, ["收入"]],
    ["多少成的人支持？", "number", "%", ["支持"]],
  ])("%s → type %s, unit %s", (question, type, unit, words) => {
    const parsed = parseQuestion(question);
    expect(parsed.type).toBe(type);
    expect(parsed.unit).toBe(unit);
    for (const word of words) expect(parsed.terms.map((t) => t.word)).toContain(word);
  });

  it.each([
    ["有多少比例的企业裁员？", "比例"],
    ["百分之多少的人支持？", "百分之"],
  ])("%s: %s is not searched for", (question, word) => {
    expect(parseQuestion(question).terms.map((t) => t.word)).not.toContain(word);
  });

  it("多少组家庭 counts 家庭 (组 is a measure word)", () => {
    expect(parseQuestion("多少组家庭参加？").counted).toBe("家庭");
  });

  it("frame words (那天, 一口气, 这次) are not searched for", () => {
    for (const question of [
      "停刊那天印了多少份？",
      "一口气发射了几枚导弹？",
      "这次热浪热死了多少人？",
    ]) {
      const words = parseQuestion(question).terms.map((t) => t.word);
      for (const frame of ["那天", "一口气", "这次"]) expect(words).not.toContain(frame);
    }
  });

  it("numerals are matched in either writing (八强/8强, 十六/16)", () => {
    const terms = parseQuestion("谁进了八强？").terms;
    expect(terms.flatMap((t) => t.synonyms)).toContain("8强");
  });

  it("a long English question gives terms, a Latin name kept whole", () => {
    const parsed = parseQuestion(
      "By how much did China's narrow infrastructure investment growth fall in 2021, according to Davy Jun Huang's figures?",
    );
    expect(parsed.english).toBe(true);
    expect(parsed.terms.map((t) => t.word)).toContain("davy jun huang");
    expect(parsed.terms.find((t) => t.word === "2021")?.anchor).toBe("year");
  });

  it("English months become the digits Chinese news writes; quantifiers are dropped", () => {
    const words = parseQuestion(
      "What did Marco Rubio say about some US media in late March?",
    ).terms.map((t) => t.word);
    expect(words).toEqual(["marco rubio", "us", "media", "3月"]);
  });
});

describe("answerQuestion: typing and honesty (issue 12)", () => {
  it("a date is not a count: 多少 needs a figure in the asked unit", () => {
    const article: Article = {
      ...fire,
      id: "fx-print",
      title: "报纸停刊",
      paragraphs: ["这家报纸6月24日宣布停刊。", "报社表示，最后一期将印刷100万份。"],
    };
    const { answers } = answerQuestion("这家报纸停刊那天印了多少份？", [article]);
    expect(answers[0]?.text).toMatch(/100万份/);
    expect(answers.some((a) => /6月24日宣布/.test(a.text))).toBe(false);
  });

  it("a count in Han numerals with 多 answers 多少; a vague count is refused, quoted", () => {
    const article: Article = {
      ...fire,
      id: "fx-booths",
      title: "核酸亭被喷标语",
      paragraphs: [
        "北京朝阳区的核酸亭被人喷涂标语。",
        "朝阳区共设有八千多个核酸亭。",
        "事发后，数十名警察赶到现场。",
      ],
    };
    expect(answerQuestion("朝阳区有多少个核酸亭？", [article]).answers[0]?.text).toMatch(
      /八千多个核酸亭/,
    );
    const vague = answerQuestion("有多少名警察赶到现场？", [article]);
    expect(vague.answers).toEqual([]);
    expect(vague.refusal?.code).toBe("ask.vagueCount");
    expect(vague.refusal?.params.count).toBe("数十名");
  });

  it("a who-question for a name is not answered by a sentence naming only the role", () => {
    const article: Article = {
      ...fire,
      id: "fx-mayor",
      title: "吉林市长被免职",
      paragraphs: ["吉林市长被免职，官方没有说明原因。", "当地民众议论纷纷。"],
    };
    const result = answerQuestion("吉林市长叫什么名字？", [article]);
    expect(result.answers).toEqual([]);
  });

  it("refuses when the question's year is absent, naming it", () => {
    const result = answerQuestion("2019年有多少人受伤？", [fire]);
    expect(result.answers).toEqual([]);
    expect(result.refusal).toEqual({ code: "ask.anchorMissing", params: { anchor: "2019" } });
  });

  it("answers from the named article only", () => {
    const { answers } = answerQuestion("多少人受伤？", [seed, fire], { article: "n13495457" });
    expect(answers.every((a) => a.articleId === "n13495457")).toBe(true);
  });
});

describe("learned associations (data/word-associations.txt)", () => {
  it("are read with their similarities, most similar first, within the asked floor", () => {
    const related = associatedWords("会谈", 0.5);
    expect(related.length).toBeGreaterThan(0);
    const similarities = related.map((entry) => entry.similarity);
    expect([...similarities].sort((a, b) => b - a)).toEqual(similarities);
    expect(similarities.every((s) => s >= 0.5 && s < 1)).toBe(true);
    expect(associatedWords("会谈", 0.99)).toEqual([]);
    expect(associatedWords("不是一个词语的东西")).toEqual([]);
  });
});

describe("answerQuestion: counted things, named places, English names (issue 12)", () => {
  const drill = makeArticle({
    id: "fx-drill",
    title: "海上演习结束",
    paragraphs: [
      "为期三天的海上演习周日结束，舰队共发射了二十多枚火箭弹。",
      "一名舰长说，驱逐舰全程留在港内待命。",
      "演习期间，舰队在东海的一处海域拦截了4架无人机。",
    ],
  });

  it.each([
    ["演习中舰队发射了几枚火箭弹？", /二十多枚火箭弹/],
    ["演习中舰队拦截了几架无人机？", /4架无人机/],
  ])("%s → the sentence that counts it", (question, answer) => {
    expect(answerQuestion(question, [drill]).answers[0]?.text).toMatch(answer);
  });

  it.each([
    // The unit is there (枚), the counted thing is not: another thing's figure is no answer.
    "演习中舰队发射了几枚导弹？",
    // 一名舰长 is an article, not a count of captains.
    "演习中有多少名舰长？",
  ])("%s → refused", (question) => {
    expect(answerQuestion(question, [drill]).answers).toEqual([]);
  });

  it("哪家医院 wants a named hospital, not 她的医院 or 该医院", () => {
    const named = makeArticle({
      id: "fx-clinic",
      title: "歌手确诊",
      paragraphs: ["歌手李娜周三确诊感染。", "她在仁和医院接受了检测，目前在家隔离。"],
    });
    const unnamed = makeArticle({
      id: "fx-clinic2",
      title: "歌手确诊",
      paragraphs: ["歌手李娜周三确诊感染。", "该医院表示，她的检测结果呈阳性，目前在家隔离。"],
    });
    expect(answerQuestion("李娜是在哪家医院检测的？", [named]).answers[0]?.text).toMatch(
      /仁和医院/,
    );
    expect(answerQuestion("李娜是在哪家医院检测的？", [unnamed]).answers).toEqual([]);
  });

  it("a Latin name reaches the sentences that write it in Han (中文名（English Name）)", () => {
    const coach = makeArticle({
      id: "fx-coach",
      title: "球队主教练宣布退休",
      paragraphs: [
        "球队主教练马克·戴维斯（Mark Davis）周二宣布退休。",
        "戴维斯今年61岁，执教这支球队已有二十年。",
      ],
    });
    expect(answerQuestion("How old is Mark Davis?", [coach]).answers[0]?.text).toMatch(/61岁/);
  });

  it("a pinyin name reaches its Han form (Wang Xiaoming → 王晓明)", () => {
    const mayor = makeArticle({
      id: "fx-mayor",
      title: "市长访问巴黎",
      paragraphs: ["市长王晓明3月5日抵达巴黎，开始为期三天的访问。", "他将与巴黎市长会面。"],
    });
    expect(
      answerQuestion("When did Wang Xiaoming arrive in Paris?", [mayor]).answers[0]?.text,
    ).toMatch(/3月5日抵达巴黎/);
  });
});

describe("answerQuestion: echoes, names asked, codes (issue 12, fourth round)", () => {
  const dismissal = makeArticle({
    id: "fx-dismissal",
    title: "县长王海被查",
    paragraphs: [
      "当地官方周五宣布，县长王海已被查。",
      "知情人说，他被查的原因是收受巨额贿赂。",
      "王海今年52岁，曾任副县长。",
    ],
  });
  const lab = makeArticle({
    id: "fx-lab",
    title: "P4实验室投入运行",
    paragraphs: ["武汉P4实验室2018年投入运行。", "实验室共有42名研究人员。"],
  });
  const other = makeArticle({
    id: "fx-lab2",
    title: "病毒研究所的报告",
    paragraphs: ["报告说，武汉病毒研究所有三名研究人员曾经生病就医。"],
  });

  it("为什么 → the sentence with the reason, not the one restating the event", () => {
    expect(answerQuestion("县长王海为什么被查？", [dismissal]).answers[0]?.text).toMatch(
      /原因是收受巨额贿赂/,
    );
  });

  it.each([
    // A role without a name is no answer to 是谁 or 叫什么.
    ["接替王海当县长的是谁？", [dismissal]],
    ["那个副县长叫什么？", [dismissal]],
    // A code (P4) the other article lacks: its count of researchers is another lab's.
    ["武汉P4实验室有多少名研究人员？", [other]],
  ] as const)("%s → refused", (question, articles) => {
    expect(answerQuestion(question, [...articles]).answers).toEqual([]);
  });

  it("叫什么名字 for a thing → the sentence that names it, not the story's echo", () => {
    const hospital = makeArticle({
      id: "fx-hospital",
      title: "乐山市第四人民医院关闭",
      paragraphs: [
        "日前，乐山市第四人民医院关闭的消息引发网络关注。",
        "第四人民医院1994年更名为峨眉铁路医院，后来移交地方。",
      ],
    });
    expect(
      answerQuestion("乐山市第四人民医院以前叫什么名字？", [hospital]).answers[0]?.text,
    ).toMatch(/更名为峨眉铁路医院/);
  });

  it("哪天 + an event the sentence lacks: a statement's date is no answer", () => {
    const merger = makeArticle({
      id: "fx-merger",
      title: "台湾大并购台湾之星",
      paragraphs: [
        "台湾大30日宣布将并购台湾之星，合并案须经主管机关核准。",
        "双方董事会同日通过合并案。",
      ],
    });
    expect(answerQuestion("台湾大并购台湾之星哪天正式完成？", [merger]).answers).toEqual([]);
    const interview = makeArticle({
      id: "fx-interview",
      title: "蓬佩奥谈杨洁篪",
      paragraphs: ["6月29日，蓬佩奥接受采访时说，杨洁篪需要对疫情负责。"],
    });
    expect(answerQuestion("蓬佩奥和杨洁篪是在几月几号见面的？", [interview]).answers).toEqual([]);
    // The event written in the sentence (宣布): its date answers.
    expect(answerQuestion("台湾大哪天宣布并购台湾之星？", [merger]).answers[0]?.text).toMatch(
      /30日宣布/,
    );
  });

  it("哪年 + an event: the sentence dating the asked event, not another one of the same people", () => {
    const actress = makeArticle({
      id: "fx-actress",
      title: "老演员的一生",
      paragraphs: [
        "1950年，这位演员再婚，两人育有一个儿子，名叫小明。",
        "她悉心照顾儿子三十多年，直到他2010年去世。",
      ],
    });
    expect(answerQuestion("这位演员的儿子是哪年去世的？", [actress]).answers[0]?.text).toMatch(
      /2010年去世/,
    );
  });

  it("哪天: the sentence giving the day of the month, not the weekday alone", () => {
    const diagnosis = makeArticle({
      id: "fx-diagnosis",
      title: "主持人妻子确诊",
      paragraphs: [
        "周三早些时候，主持人在节目中透露，妻子出现类似症状，但他未证实妻子是否确诊。",
        "主持人的妻子周三（4月1日）在社交媒体上证实自己确诊。",
      ],
    });
    expect(
      answerQuestion("主持人的妻子是哪天证实自己确诊的？", [diagnosis]).answers[0]?.text,
    ).toMatch(/4月1日/);
  });

  it("words the question quotes tie it to the sentence that holds them", () => {
    const event = makeArticle({
      id: "fx-quoted",
      title: "人权活动",
      paragraphs: [
        "人权负责人张建国说，大家都很忙，要有耐心。",
        "人权观察负责人李强说：“她很忙，我们都很忙。”",
      ],
    });
    expect(
      answerQuestion("在活动上说“她很忙，我们都很忙”的人权负责人是谁？", [event]).answers[0]?.text,
    ).toMatch(/李强/);
  });

  it("the code's own article answers", () => {
    expect(answerQuestion("武汉P4实验室有多少名研究人员？", [lab]).answers[0]?.text).toMatch(
      /42名研究人员/,
    );
  });
});

describe("answerQuestion: a count of the dead needs a death (issue 12, fifth round)", () => {
  const flood = makeArticle({
    id: "fx-flood",
    title: "郑州暴雨成灾",
    paragraphs: [
      "郑州7月20日遭遇暴雨，全市有30万人被紧急转移。",
      "地铁5号线一度有500多人被困在车厢里。",
    ],
  });
  const deaths = makeArticle({
    id: "fx-flood-deaths",
    title: "郑州暴雨成灾",
    paragraphs: [
      "郑州7月20日遭遇暴雨，全市有30万人被紧急转移。",
      "官方通报说，这场暴雨造成292人遇难。",
    ],
  });

  it.each([
    // The figures count the evacuated and the trapped: no answer to how many died.
    ["郑州暴雨死了多少人？", [flood], undefined],
    ["郑州暴雨一共遇难多少人？", [flood], undefined],
    ["郑州暴雨有多少人死亡？", [flood], undefined],
    ["郑州暴雨遇难人数是多少？", [flood], undefined],
    ["How many people were killed in the Zhengzhou rainstorm?", [flood], undefined],
    // The death is written (遇难 for 死): it answers.
    ["郑州暴雨死了多少人？", [deaths], /292人遇难/],
    // Not a count of the dead: the evacuated figure answers.
    ["郑州暴雨转移了多少人？", [flood], /30万人/],
  ] as const)("%s (case %#)", (question, articles, expected) => {
    const first = answerQuestion(question, [...articles]).answers[0]?.text;
    if (expected) expect(first).toMatch(expected);
    else expect(first).toBeUndefined();
  });
});

describe("answerQuestion: places of the asked kind (issue 12, Chinese questions)", () => {
  const story: Article = {
    ...fire,
    id: "fx-kidnap",
    title: "书店老板被绑架回大陆",
    paragraphs: ["书店老板桂民海多年来出版政治书籍。", "书店老板桂民海在泰国被中共绑架回去。"],
  };

  it("哪个国家 is answered by the sentence naming a country, not required as a word", () => {
    const { answers } = answerQuestion("桂民海是在哪个国家被绑架的？", [story]);
    expect(answers[0]?.text).toMatch(/泰国/);
  });

  it("哪个国家 is not answered by a sentence naming only a city", () => {
    const city: Article = {
      ...story,
      id: "fx-kidnap-city",
      paragraphs: ["书店老板桂民海多年来出版政治书籍。", "书店老板桂民海在曼谷被中共绑架回去。"],
    };
    expect(answerQuestion("桂民海是在哪个国家被绑架的？", [city]).answers).toEqual([]);
  });

  it("第一大 is not answered by the third-largest; the asked one answers", () => {
    const holders: Article = {
      ...fire,
      id: "fx-holders",
      title: "金龙鱼股价暴跌",
      paragraphs: [
        "金龙鱼股价暴跌，股东名单受关注。",
        "中国工商银行为金龙鱼的第三大流通股东，占流通股比例0.517%。",
      ],
    };
    expect(answerQuestion("金龙鱼的第一大股东是谁？", [holders]).answers).toEqual([]);
    const third = answerQuestion("金龙鱼的第三大流通股东占多大比例？", [holders]);
    expect(third.answers[0]?.text).toMatch(/0\.517%/);
    const first = answerQuestion("金龙鱼的第一大流通股东占多大比例？", [holders]);
    expect(first.answers).toEqual([]);
  });
});

describe("answerQuestion: figures asked for (issue 12, Chinese questions, sixth round)", () => {
  const sales = makeArticle({
    id: "fx-retail",
    title: "美国零售额强劲增长",
    paragraphs: [
      "商务部周五公布的数据显示，美国9月零售额强劲增长，涨幅达1.9%。",
      "汽车经销商的零售额涨幅为3.6%，较前年同期上涨10.9%。",
    ],
  });
  const october = makeArticle({
    id: "fx-retail-october",
    title: "美国零售额强劲增长",
    paragraphs: ["商务部周五公布的数据显示，美国10月零售额涨幅达1.7%。"],
  });
  const revenue = makeArticle({
    id: "fx-revenue",
    title: "这家公司公布一季度财报",
    paragraphs: ["财报显示，这家公司一季度实现营业收入150亿元，同比减少16.9%。"],
  });
  const profit = makeArticle({
    id: "fx-profit",
    title: "这家公司公布一季度财报",
    paragraphs: ["财报显示，这家公司一季度实现营业收入150亿元，净利润12亿元。"],
  });
  const shares = makeArticle({
    id: "fx-shares",
    title: "地产股大跌",
    paragraphs: ["9月16日这家房企股价再度大跌，创下新低。", "地产板块当天普遍走弱。"],
  });

  it.each([
    // 10 is no month of 10.9%: the September figures do not answer for October.
    ["美国10月零售额涨了多少？", [sales], undefined],
    ["美国10月零售额涨了多少？", [october], /1\.7%/],
    // 净利润 asked: the revenue is another kind of sum; the profit answers.
    ["这家公司一季度的净利润是多少？", [revenue], undefined],
    ["这家公司一季度的净利润是多少？", [profit], /净利润12亿元/],
    // 百分之几 asks a share: a fall without a figure does not answer it.
    ["这家房企股价9月16日那天跌了百分之几？", [shares], undefined],
  ] as const)("%s (case %#)", (question, articles, expected) => {
    const first = answerQuestion(question, [...articles]).answers[0]?.text;
    if (expected) expect(first).toMatch(expected);
    else expect(first).toBeUndefined();
  });

  it("百分之几 is a number question in %", () => {
    const parsed = parseQuestion("股价那天跌了百分之几？");
    expect(parsed.type).toBe("number");
    expect(parsed.unit).toBe("%");
  });
});

describe("answerQuestion: refusals when the article does not answer (issue 12)", () => {
  const eagles = makeArticle({
    id: "fx-eagles",
    title: "摄影师拍到白头鹰群",
    paragraphs: [
      "摄影师周明上月在河边拍到了数十只白头鹰栖息在树上。",
      "当地居民说，这样的景象很少见。",
    ],
  });
  const pilot = makeArticle({
    id: "fx-pilot",
    title: "母女同开一架客机",
    paragraphs: ["机长林美华和女儿一起驾驶客机从丹佛飞往芝加哥，航程两个小时。"],
  });
  const profits = makeArticle({
    id: "fx-profits",
    title: "某科技公司发布年报",
    paragraphs: ["某科技公司2020年全年净利润1598亿元，高于市场预期。"],
  });
  const rates = makeArticle({
    id: "fx-rates",
    title: "房贷利率创新低",
    paragraphs: ["报告指出，30年期固定房贷平均利率降至2.81%，创下新低。"],
  });

  it.each([
    // Only a vague count (数十只): the figure asked is not there.
    ["周明拍到的树上停了几只白头鹰？", eagles],
    // A duration of another unit: the flight's hours are no years as a captain.
    ["林美华当机长当了多少年？", pilot],
    // The year's profit does not answer for the fourth quarter.
    ["某科技公司2020年第四季度净利润是多少？", profits],
    // The 30-year rate does not answer for the 5-year one.
    ["5年期房贷平均利率是多少？", rates],
  ])("%s → refused", (question, article) => {
    expect(answerQuestion(question, [article]).answers).toEqual([]);
  });

  it.each([
    ["30年期房贷平均利率是多少？", rates, /2\.81%/],
    ["某科技公司2020年全年净利润是多少？", profits, /1598亿元/],
  ] as const)("%s → answered", (question, article, expected) => {
    expect(answerQuestion(question, [article]).answers[0]?.text).toMatch(expected);
  });
});

describe("answerQuestion: the count written in another noun or unit (issue 12, eighth round)", () => {
  const raid = makeArticle({
    id: "fx-raid",
    title: "警方搜查报社",
    paragraphs: ["警方今早派出300名警员搜查报社办公室，拘捕4名高层。"],
  });
  const fever = makeArticle({
    id: "fx-fever",
    title: "疫情爆发",
    paragraphs: ["卫生部门首次公开承认疫情，报告有超过80万的发烧病例。"],
  });
  const meeting = makeArticle({
    id: "fx-meeting",
    title: "年底会议",
    paragraphs: ["11月5日至6日，委员会召开年底的工作会议，讨论明年的预算。"],
  });
  const bribes = makeArticle({
    id: "fx-bribes",
    title: "前局长受审",
    paragraphs: ["前局长王某受贿案开庭审理，她被指控受贿1200万余元。"],
  });
  const jets = makeArticle({
    id: "fx-jets",
    title: "军机扰台",
    paragraphs: ["国防部表示，周日共有19架中共飞机进入防空识别区。"],
  });

  it.each([
    // A body of people (警力) counted by head in another noun.
    ["警方搜查报社办公室出动了多少警力？", raid, /300名警员/],
    // Patients reported as cases.
    ["首次承认疫情时报告了多少发烧病人？", fever, /80万的发烧病例/],
    // A range of dates answers which days.
    ["委员会年底的工作会议是哪几天开的？", meeting, /11月5日至6日/],
    // A bribe is a sum of money.
    ["前局长王某被指控收了多少贿赂？", bribes, /1200万余元/],
    // 军机 counted as 飞机.
    ["周日有多少架中共军机进入防空识别区？", jets, /19架/],
  ] as const)("%s → answered", (question, article, expected) => {
    expect(answerQuestion(question, [article]).answers[0]?.text).toMatch(expected);
  });
});

describe("answerQuestion: another country's figure is no answer (issue 12, eighth round)", () => {
  const outbreak = makeArticle({
    id: "fx-outbreak",
    title: "朝鲜疫情蔓延",
    paragraphs: [
      "朝鲜本周首次承认爆发疫情，官方称疫情正在蔓延。",
      "据统计，自疫情开始以来，香港共报告了9,000例病例，有150人死亡。",
    ],
  });
  const own = makeArticle({
    id: "fx-own",
    title: "朝鲜疫情蔓延",
    paragraphs: ["朝鲜官方称，疫情爆发以来已有56人死亡。"],
  });

  it("the deaths of another country do not answer", () => {
    expect(answerQuestion("朝鲜这波疫情死了多少人？", [outbreak]).answers).toEqual([]);
  });

  it("the same country's deaths answer", () => {
    expect(answerQuestion("朝鲜这波疫情死了多少人？", [own]).answers[0]?.text).toMatch(/56人/);
  });
});

describe("answerQuestion: a list's count announces it, the next sentence names it (issue 12, ninth round)", () => {
  const definition = makeArticle({
    id: "fx-definition",
    title: "老校长谈办学",
    paragraphs: [
      "老校长回忆说，当年他对好学生的定义其实很宽松，就三条。这三条就是说：按时上课、尊重老师、不抄作业。",
      "后来学校扩建，招生人数翻了一番。",
    ],
  });
  const theories = makeArticle({
    id: "fx-theories",
    title: "调查报告出炉",
    paragraphs: [
      "调查小组在声明中描述了成员对火灾起因两种相互竞争的看法。小组认为，火灾可能是由于电线老化引起的，也可能与附近的施工有关。",
    ],
  });
  const options = makeArticle({
    id: "fx-options",
    title: "村民遭警告",
    paragraphs: [
      "他说：“我的案子原来归县里管、现在归市里管、以后归省里管。”",
      "“村干部对我发出最后通牒，说有三种方法处理，第一，罚款，第二，拘留，第三停发补贴。”",
    ],
  });

  it("哪几, 哪些 and 哪两个 ask for a list; the count is kept with its measure", () => {
    expect(parseQuestion("老校长对好学生的定义是哪三条？")).toMatchObject({
      list: true,
      listCount: "三条",
    });
    expect(parseQuestion("哪二个议员反对法案？").listCount).toBe("两个");
    expect(parseQuestion("有哪些症状？")).toMatchObject({ list: true });
    expect(parseQuestion("有哪些症状？").listCount).toBeUndefined();
    expect(parseQuestion("议员是哪天到的？").list).toBeUndefined();
  });

  it.each([
    ["老校长对好学生的定义是哪三条？", definition, /^这三条就是说/],
    ["调查小组认为火灾起因有哪两种可能？", theories, /电线老化/],
    // 第一…第二 enumerates too: the sentence naming the three ways answers.
    ["村干部的最后通牒说有哪三种处理方法？", options, /第一，罚款/],
  ] as const)("%s → the sentence naming the items", (question, article, expected) => {
    expect(answerQuestion(question, [article]).answers[0]?.text).toMatch(expected);
  });
});

describe("answerQuestion: the lead and the referring sentence (issue 12, ninth round)", () => {
  it("a what-question: of two sentences as close to the question, the lead's restatement loses", () => {
    const rally = makeArticle({
      id: "fx-rally",
      title: "市府前爆发冲突",
      paragraphs: [
        "周六下午，市府前的集会上人们在抵制声中爆发冲突，一名男子被刺伤。",
        "周六下午，市府前的集会上人们在抵制强制接种的政策，高举标语。",
      ],
    });
    expect(answerQuestion("市府前的集会上人们在抵制什么？", [rally]).answers[0]?.text).toMatch(
      /高举标语/,
    );
  });

  it("a when-question: the dated sentence naming the event by reference beats a restatement", () => {
    const seeds = makeArticle({
      id: "fx-seeds",
      title: "太空育种",
      paragraphs: [
        "3月2日，官员介绍说，种子的研究计划已在回到研究所后启动。研究所位于郊区。",
        "这批太空种子在轨道上停留了七个月。停留期满后，它们于7月9日回到基地。随后运往地面的实验室。",
      ],
    });
    expect(answerQuestion("太空种子是哪天回到地面的？", [seeds]).answers[0]?.text).toMatch(
      /7月9日回到基地/,
    );
  });
});

describe("answerQuestion: dates written relative to the article's (issue 12, ninth round)", () => {
  const detained = makeArticle({
    id: "fx-detained",
    title: "维权教师再遭拘留",
    date: "2022-05-21",
    paragraphs: ["去年9月，李明写了一篇批评文章。", "警方随后对李明进行了10天的治安拘留。"],
  });
  const market = makeArticle({
    id: "fx-market",
    title: "股市展望",
    date: "2020-10-26",
    paragraphs: ["分析师预计，标普500指数将比上周五（23日）收盘价高出12.6%。"],
  });

  it.each([
    // 去年 in an article of 2022 is 2021.
    ["李明2021年9月写了文章以后被治安拘留了几天？", detained, /10天/],
    // A day without its month is of the article's month.
    ["分析师预计标普500指数比2020年10月23日收盘价高多少？", market, /12\.6%/],
  ] as const)("%s → answered", (question, article, expected) => {
    expect(answerQuestion(question, [article]).answers[0]?.text).toMatch(expected);
  });

  it.each([
    // 去年 in an article of 2022 is not 2020.
    ["李明2020年9月写了文章以后被治安拘留了几天？", detained],
    // The 23rd of the article's month is not of another year.
    ["分析师预计标普500指数比2019年10月23日收盘价高多少？", market],
  ] as const)("%s → refused", (question, article) => {
    expect(answerQuestion(question, [article]).answers).toEqual([]);
  });
});

describe("answerQuestion: how it turned out, and names kept back (issue 12, ninth round)", () => {
  const veto = makeArticle({
    id: "fx-veto",
    title: "市长们敦促州长否决住房法案",
    paragraphs: ["二十个城市的市长联名致信，敦促州长否决州议会通过的住房法案。"],
  });
  const signed = makeArticle({
    id: "fx-signed",
    title: "州长否决住房法案",
    paragraphs: ["州长周五已否决州议会通过的住房法案。"],
  });
  const painter = makeArticle({
    id: "fx-painter",
    title: "核酸亭被喷漆",
    paragraphs: ["有人在核酸亭上喷漆抗议。", "附近居民王女士说，喷漆的人已经被警察抓走了。"],
  });

  it("最后有没有否决 is not answered by a call to veto", () => {
    expect(answerQuestion("州长最后有没有否决住房法案？", [veto]).answers).toEqual([]);
  });

  it("最后有没有否决 is answered by the veto", () => {
    expect(answerQuestion("州长最后有没有否决住房法案？", [signed]).answers[0]?.text).toMatch(
      /已否决/,
    );
  });

  it("最后有没有否决 where the best sentence reports the plan: a neighbouring fact is no answer", () => {
    const pending = makeArticle({
      id: "fx-pending",
      title: "市长们敦促州长否决住房法案",
      paragraphs: [
        "二十个城市的市长联名致信，敦促州长否决州议会通过的住房法案。",
        "州长办公室拒绝就住房法案发表评论。",
      ],
    });
    expect(answerQuestion("州长最后有没有否决住房法案？", [pending]).answers).toEqual([]);
  });

  it("会不会否决 asks a forecast: the call answers", () => {
    expect(answerQuestion("州长会不会否决住房法案？", [veto]).answers[0]?.text).toMatch(/敦促/);
  });

  it("叫什么名字 is not answered by a surname and 女士", () => {
    expect(answerQuestion("在核酸亭上喷漆的人叫什么名字？", [painter]).answers).toEqual([]);
  });

  it("是谁 may be answered by a sentence naming a body beside 王女士", () => {
    const taken = makeArticle({
      id: "fx-taken",
      title: "访民被带走",
      paragraphs: ["访民的妻子傅女士说，是信访办的人把他带走的。"],
    });
    expect(answerQuestion("访民的妻子说是谁把他带走的？", [taken]).answers[0]?.text).toMatch(
      /信访办/,
    );
  });
});
