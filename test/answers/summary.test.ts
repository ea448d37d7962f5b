import { describe, expect, it } from "vitest";
import {
  candidateNeed,
  candidateSentences,
  cleanSentence,
  contextNeed,
  DEFAULT_TUNING,
  FEATURES,
  featureScore,
  isBoilerplate,
  lead,
  prepareArticle,
  quoteStateAfter,
  sameContent,
  summarize,
  summaryLine,
  summaryLines,
  textRank,
} from "../../src/answers/summary.js";
import type { Article } from "../../src/articles/article.js";
import { isUserError } from "../../src/errors.js";
import { foldedLettersAndDigits, foldText } from "../../src/text/text.js";
import { articleFixture, makeArticle, seedArticle } from "../helpers.js";

const fixture = (name: string): Article => articleFixture("summary", name);

const seed = seedArticle();

/**
 * Where a summary sentence sits in the article: [paragraph index, offset], or undefined. Lines
 * are shown as `summaryLine` edits them, so the paragraphs are looked at the same way.
 */
function locate(article: Article, sentence: string): [number, number] | undefined {
  for (let p = 0; p < article.paragraphs.length; p++) {
    const at = summaryLine(article.paragraphs[p] as string).indexOf(sentence);
    if (at >= 0) return [p, at];
  }
  return undefined;
}

function inArticleOrder(article: Article, sentences: string[]): boolean {
  const places = sentences.map((s) => locate(article, s));
  if (places.some((place) => place === undefined)) return false;
  return places.every((place, i) => {
    if (i === 0) return true;
    const [p, at] = place as [number, number];
    const [q, before] = places[i - 1] as [number, number];
    return p > q || (p === q && at > before);
  });
}

function expectUserError(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(isUserError(error)).toBe(true);
    return;
  }
  throw new Error("expected a UserError");
}

describe("summarize on the seed", () => {
  it("returns 3 whole sentences of the article by default, in article order", () => {
    const summary = summarize(seed);
    expect(summary).toHaveLength(3);
    expect(inArticleOrder(seed, summary)).toBe(true);
    for (const sentence of summary) expect(sentence).toMatch(/[。！？”」]$/);
  });

  it("starts from the lead, which carries the news", () => {
    expect(summarize(seed)[0]).toMatch(/^美国一名高级外交官表示/);
  });

  it("never shows the dateline, the editor line or the caption", () => {
    const all = summarize(seed, 10);
    const text = all.join("\n");
    expect(text).not.toMatch(/大纪元|责任编辑|叶紫微|Getty|原文链接/);
    expect(all).not.toContain(seed.caption);
    expect(inArticleOrder(seed, all)).toBe(true);
  });

  it("honours the count and never repeats a sentence", () => {
    for (const count of [1, 2, 5, 10]) {
      const summary = summarize(seed, count);
      expect(summary).toHaveLength(count);
      expect(new Set(summary).size).toBe(count);
    }
  });

  it.each([0, 11, -1, 2.5, Number.NaN])("rejects the count %s with a UserError", (count) => {
    expectUserError(() => summarize(seed, count));
  });
});

describe("summarize on fixtures", () => {
  it("never gives the same content twice (repeated lead, same quote, near copy)", () => {
    const article = fixture("repeated.json");
    const summary = summarize(article, 10);
    const keys = summary.map(foldedLettersAndDigits);
    expect(new Set(keys).size).toBe(keys.length);
    // The lead paragraph appears three times (once with digits); the summary has it once.
    expect(summary.filter((s) => s.includes("通过了新年度")).length).toBe(1);
    // The mayor's quote appears in two sentences; the summary has it once.
    expect(summary.filter((s) => s.includes("负担得起每天的通勤")).length).toBe(1);
    expect(inArticleOrder(article, summary)).toBe(true);
    // What is left is all different news: the budget total, the objection, the start date.
    expect(summary.length).toBeGreaterThanOrEqual(4);
  });

  it("keeps out datelines, captions, credits, links and subscription notes", () => {
    const article = fixture("boilerplate.json");
    const summary = summarize(article, 10);
    const text = summary.join("\n");
    expect(text).not.toMatch(
      /大纪元|责任编辑|Getty|相关链接|点阅|订阅|https?:|本文仅代表|视频请看|综合报导|积雪深厚/,
    );
    expect(summary[0]).toBe(
      "一场强烈的暴风雪周六袭击美国东北部，造成数十万户家庭停电，多个州宣布进入紧急状态。",
    );
    expect(summary).toContain("机场方面取消了超过五千个航班，许多旅客滞留。");
    expect(summary).toHaveLength(5);
  });

  it("returns fewer sentences than asked for a short article, without padding", () => {
    const article = fixture("short.json");
    expect(summarize(article, 5)).toEqual(article.paragraphs);
    expect(summarize(article, 1)).toHaveLength(1);
  });

  it("keeps the article's script", () => {
    const article = fixture("traditional.json");
    const summary = summarize(article, 2);
    expect(summary[0]).toBe(article.paragraphs[0]);
    expect(summary.join("")).toContain("捷運");
  });

  it("handles a 300-sentence article and still returns whole sentences in order", () => {
    const topics = ["港口", "铁路", "机场", "电网", "水库", "学校"];
    const paragraphs = Array.from({ length: 100 }, (_, p) => {
      const topic = topics[p % topics.length] as string;
      return [
        `第${p + 1}项工程涉及${topic}的扩建，预计投资${p + 3}亿元。`,
        `当地官员说，${topic}项目将在${(p % 12) + 1}月份动工。`,
        `居民对${topic}扩建带来的噪音表示担忧，要求政府举行听证会。`,
      ].join("");
    });
    const article: Article = { ...fixture("short.json"), paragraphs };
    const summary = summarize(article, 3);
    expect(summary).toHaveLength(3);
    expect(inArticleOrder(article, summary)).toBe(true);
  });

  it("an article with nothing but boilerplate has an empty summary", () => {
    const article: Article = {
      ...fixture("short.json"),
      paragraphs: ["责任编辑：林青#", "原文链接：https://example.com/a.html"],
    };
    expect(summarize(article)).toEqual([]);
  });
});

describe("baselines", () => {
  it("lead takes the first clean sentences", () => {
    expect(lead(seed, 2)).toEqual([
      "美国一名高级外交官表示，鉴于俄罗斯在乌克兰边境集结军队这一背景，两国周一（1月10日）未能在日内瓦举行的安全谈判中缩小分歧。",
      seed.paragraphs[1],
    ]);
  });

  it("textRank returns the asked number of article sentences in article order", () => {
    const picked = textRank(seed, 3);
    expect(picked).toHaveLength(3);
    expect(inArticleOrder(seed, picked)).toBe(true);
  });
});

describe("cleaning", () => {
  it.each([
    ["【大纪元2022年01月11日讯】（大纪元记者李馨编译报导）美国官员表示。", "美国官员表示。"],
    ["【新唐人北京时间2022年1月5日讯】北京出现疫情。", "北京出现疫情。"],
    ["美国官员表示会谈将继续。（记者李欣综合报导/责任编辑：林妍）", "美国官员表示会谈将继续。"],
    ["总统视察了灾区。(AFP via Getty Images)", "总统视察了灾区。"],
    ["大火烧毁了议会大厦（视频请看这里），总统表示震惊。", "大火烧毁了议会大厦，总统表示震惊。"],
  ])("cleanSentence(%s)", (input, expected) => {
    expect(cleanSentence(input)).toBe(expected);
  });

  it.each([
    "责任编辑：叶紫微#",
    "原文链接（需翻墙）：https://www.epochtimes.com/gb/22/1/10/n13495457.htm",
    "相关链接：美国东北部再遭暴风雪袭击",
    "点阅【暴风雪专题】相关文章。",
    "本文仅代表作者本人的观点。",
    "《新闻看点》制作组",
    "大家好，欢迎大家关注《新闻看点》，我是李沐阳。",
    "俄罗斯的要求",
    // Words to the audience: greetings, holiday wishes, sign-offs, channel housekeeping.
    "今天是2月11日（星期五），也是元宵节，先在这里恭祝各位朋友节日快乐！",
    "好了，祝大家周末愉快，我们下周再见！",
    "王教授您好。",
    "谢谢收看，欢迎订阅频道。",
    "请大家关注我们的YouTube频道和推特账号。",
    // Outside quotation marks they are the page's own notes.
    "本文未经授权，不得转载。",
    "点击下方链接可免费下载“大纪元”应用程序。",
  ])("isBoilerplate(%s)", (text) => {
    expect(isBoilerplate(text)).toBe(true);
  });

  it.each([
    "美国一名高级外交官表示，两国未能缩小分歧。",
    "“这不是你所谓的谈判。”",
    "会员国将在下周投票表决。",
    // The show's topics are its news; a quoted wish is somebody's words, reported.
    "今天焦点：美国宣布新一轮制裁；台海局势再度升温。",
    "该导演在微博写道：“因工作安排无法出席，祝各位享受电影。”",
    "这家流媒体公司第三季度新增订阅用户240万。",
    // Housekeeping and rights words inside a quotation are somebody's words, reported.
    "监管机构警告说：“网上出现了假冒和未经授权的检测工具。”",
    "她在节目中反驳说：“任何人都可以在应用商店免费下载这款软件。”",
  ])("is not boilerplate: %s", (text) => {
    expect(isBoilerplate(text)).toBe(false);
  });

  it("a show's summary opens with its topics, not the host's greeting", () => {
    const article = makeArticle({
      title: "【快评】新片狂抢票房",
      paragraphs: [
        "朋友们好，欢迎来到《快评》，我是王明。今天是1月31日（星期一），也是除夕，先在这里恭祝各位朋友新年快乐！",
        "今天焦点：新片狂抢票房，背后又是一段虚构的历史；解密文件曝撤退真相。",
        "这部贺岁大片将在大年初一公映，各大影院都被强制排片，预售票房已经超过一亿元。",
      ],
    });
    const lines = summarize(article, 2);
    expect(lines[0]).toMatch(/^今天焦点/);
    expect(lines.some((line) => /恭祝|朋友们好/.test(line))).toBe(false);
  });

  it("drops a paragraph that repeats the caption", () => {
    const article = fixture("boilerplate.json");
    const texts = candidateSentences(article).map((c) => c.clean);
    expect(texts.some((t) => t.includes("积雪深厚"))).toBe(false);
    expect(candidateSentences(article).every((c) => c.folded === foldText(c.clean))).toBe(true);
  });

  const captioned = (paragraphs: string[]) =>
    makeArticle({ caption: "一名大学生成为妹妹的监护人。（林雅提供）", paragraphs });
  it.each([
    // The caption copies the lead: the lead stays, it is prose among other sentences.
    [["一名大学生成为妹妹的监护人。她表示，这很值得。", "两人住在一起。"], true],
    // The lead alone in its paragraph, which the caption copies with a credit: still prose.
    [["一名大学生成为妹妹的监护人。", "她表示，这很值得，两人住在一起。"], true],
    // The caption printed in the body, credit and all, is the caption.
    [["一名大学生成为妹妹的监护人。（林雅提供）", "她表示，这很值得，两人住在一起。"], false],
  ] as const)("a caption copy in %j kept: %s", (paragraphs, kept) => {
    const texts = candidateSentences(captioned([...paragraphs])).map((c) => c.clean);
    expect(texts.includes("一名大学生成为妹妹的监护人。")).toBe(kept);
  });

  it.each([
    // The caption repeats the lead and says what the photo shows: the lead is the article's.
    ["市政府周三公布了新的防洪计划。图为市政府大楼。(Jane Roe/Epoch Times)", true],
    ["市政府周三公布了新的防洪计划。资料图。(Photo by John Doe/Getty Images)", true],
    // The caption is only the lead: the body's paragraph is taken for the caption printed twice.
    ["市政府周三公布了新的防洪计划。", false],
  ])("a lead whose caption is %j kept: %s", (caption, kept) => {
    const article = makeArticle({
      caption,
      paragraphs: ["市政府周三公布了新的防洪计划。", "计划包括加高堤防和扩建排水系统。"],
    });
    const texts = candidateSentences(article).map((c) => c.clean);
    expect(texts.includes("市政府周三公布了新的防洪计划。")).toBe(kept);
  });
});

describe("sentences that would mislead alone", () => {
  it.each([
    ["他说，会谈将在下周继续。", "before"],
    ["她们随后离开了会场，没有回答记者的问题。", "before"],
    ["其父于8月10日被当地派出所带走。", "before"],
    ["“这不是你所谓的谈判。”", "never"],
    ["“我们不会让步，也不会离开谈判桌。”他说。", "never"],
    ["“我们不会让步。”她补充道。", "never"],
    ["“我们不会让步，”谢尔曼在记者会上说，“但会谈还会继续。”", "none"],
    ["市长林明在记者会上说：“预算不会再增加了。”", "none"],
    // A quotation left open goes on in the next sentence: its speaker is named here or nowhere.
    ["“火太大了，我们根本进不去。", "never"],
    ["一名工人说，“火太大了，我们根本进不去。", "none"],
    ["美国副国务卿谢尔曼表示，会谈持续了七个半小时。", "none"],
    ["其中三人受伤，已送往医院。", "none"],
    ["他国官员也出席了会议。", "none"],
    // Only a speaker: the words were cut off into the sentence before.
    ["五角大楼发言人约翰‧柯比周一在简报中说。", "before"],
    ["白宫发言人在例行记者会上表示：", "before"],
    ["会谈持续了七个半小时，谢尔曼说。", "none"],
    ["国防部长在国会作证时说明了新预算的用途。", "none"],
  ] as const)("contextNeed(%s) = %s", (text, need) => {
    expect(contextNeed(text)).toBe(need);
  });

  const story = makeArticle({
    title: "大学生姐姐成为妹妹的监护人",
    paragraphs: [
      "她表示，让妹妹有机会快乐地度过青少年时光是很值得的。",
      "二十二岁的大学生林雅在父亲和继母相继去世后，成为十六岁妹妹的监护人。她每天早上为妹妹准备午餐，再送她上学。",
      "“我像母亲一样保护她，也像姐姐一样支持她。”",
      "林雅说，妹妹的学校离家不远，两人周末一起去公园散步。",
      "林雅毕业后计划在家乡当老师，直到妹妹高中毕业。",
    ],
  });

  it.each([1, 2, 3, 4])(
    "with %s sentences: no pronoun opening without the sentence before, no unattributed quote",
    (count) => {
      const summary = summarize(story, count);
      expect(summary.length).toBeGreaterThan(0);
      expect(summary[0]).not.toMatch(/^她/);
      expect(summary.join("")).not.toContain("我像母亲一样");
      summary.forEach((sentence, i) => {
        if (!/^(她|他)/.test(sentence)) return;
        // The sentence it leans on is shown right before it.
        const all = candidateSentences(story).map((c) => c.clean);
        expect(summary[i - 1]).toBe(all[all.indexOf(sentence) - 1]);
      });
    },
  );

  const quoted = makeArticle({
    title: "访民拒签息访协议 信访局要求恢复管控",
    paragraphs: [
      "访民王芳拒绝签署信访局修改后的息访协议。",
      // A quotation that goes on in the next paragraph is not closed at its paragraph's end.
      "王芳6月8日对记者表示，“协议因为信访局的人刁难没签成。信访局的人说签了息访协议还要恢复管控，我们上访是无理取闹。所以我们也不准备签了。",
      "“我只想回归正常生活。”",
      "信访局的电话一直无人接听，息访协议至今没有签成。",
    ],
  });

  it.each([
    ["the sentence that opens the quotation", 0, false, "none"],
    ["a sentence inside it", 1, true, "before"],
    ["its last sentence in the paragraph", 2, true, "before"],
    ["the next paragraph, which opens the quotation again", 3, false, "never"],
    ["a paragraph after the quotation", 4, false, "none"],
  ] as const)("a quotation cut at its full stops: %s", (_name, at, continues, need) => {
    const candidate = candidateSentences(quoted).filter((c) => c.paragraph >= 2)[at];
    expect(candidate?.continuesQuote).toBe(continues);
    expect(candidate && candidateNeed(candidate)).toBe(need);
  });

  it.each([
    ["a curly quotation left open", "他说，“协议没签成。", [0, false], [1, false]],
    ["and closed in the next sentence", "所以不签了。”", [1, false], [0, false]],
    ["a straight quotation left open", '他说，"协议没签成。', [0, false], [0, true]],
    ["and closed in the next sentence", '所以不签了。"', [0, true], [0, false]],
    ["a straight quotation opened and closed", '他说："没签成。"', [0, false], [0, false]],
    ["a full-width straight mark", "他说，＂协议没签成。", [0, false], [0, true]],
    ["corner marks inside a straight quotation", '"他说「好」。', [0, false], [0, true]],
  ] as const)(
    "quoteStateAfter: %s",
    (_name, text, [depth, straight], [depthAfter, straightAfter]) => {
      expect(quoteStateAfter(text, { depth, straight })).toEqual({
        depth: depthAfter,
        straight: straightAfter,
      });
    },
  );

  it("a straight quotation cut at its full stops is continued like a curly one", () => {
    const straight = makeArticle({
      title: quoted.title,
      paragraphs: quoted.paragraphs.map((p) => p.replace(/[“”]/g, '"')),
    });
    const inside = candidateSentences(straight).filter((c) => c.paragraph === 2);
    expect(inside.map((c) => c.continuesQuote)).toEqual([false, true, true]);
  });

  it.each([1, 2, 3])(
    "with %s sentences: a sentence inside a quotation only after the one opening it",
    (count) => {
      const summary = summarize(quoted, count);
      summary.forEach((line, i) => {
        if (/^(信访局的人说|所以我们)/.test(line))
          expect(summary[i - 1]).toMatch(/^(王芳6月8日|信访局的人说)/);
      });
    },
  );

  it("a digest's story line is its first sentence that stands alone", () => {
    const digest = makeArticle({
      title: "【翻墙必看】三则新闻",
      paragraphs: [
        "1.工厂大火",
        "“火太大了，我们根本进不去。”一家电子工厂周六凌晨发生大火，造成12名员工受伤。",
        "2、地铁通车",
        "环状线北段周六正式通车，首日载客量超过十万人次。",
        "3.预算通过",
        "市议会周五通过新年度预算，总额比去年增加百分之五。",
      ],
    });
    const lines = summarize(digest, 3);
    expect(lines[0]).toBe("一家电子工厂周六凌晨发生大火，造成12名员工受伤。");
    expect(lines).toHaveLength(3);
  });
});

describe("ranking features", () => {
  it("the position prior counts paragraphs: a later paragraph's opening beats the lead's tail", () => {
    const article = makeArticle({
      title: "市议会通过新年度预算",
      paragraphs: [
        "市议会周五以七票对二票通过新年度预算，总额比去年增加百分之五。这是议会连续第三年增加预算。议员们在会后合影留念。会议持续了两个小时。",
        "新预算将增加公共交通和学校的拨款，其中公共交通拨款增加一成。",
      ],
    });
    const { features } = prepareArticle(article);
    const at = (feature: string, row: number) =>
      (features[row] as Float64Array)[FEATURES.indexOf(feature as never)] as number;
    expect(at("paragraph", 4)).toBeLessThan(at("paragraph", 3));
    expect(at("lead", 4)).toBeLessThan(at("lead", 3));
    const [, second] = summarize(article, 2);
    expect(second).toBe("新预算将增加公共交通和学校的拨款，其中公共交通拨款增加一成。");
  });
});

describe("questions", () => {
  it("a short rhetorical question is ranked below a long one that reports what was asked", () => {
    const article = makeArticle({
      title: "议员质询交通部长",
      paragraphs: [
        "市议会周五就地铁延误举行听证会。这是真的吗？议员王芳在听证会上追问交通部长，为什么新线地铁在通车第一个月里延误了四十多次？",
      ],
    });
    const { features } = prepareArticle(article);
    const question = FEATURES.indexOf("question");
    expect((features[1] as Float64Array)[question]).toBe(1);
    expect((features[2] as Float64Array)[question]).toBe(0);
    expect(summarize(article, 2)).toEqual([
      "市议会周五就地铁延误举行听证会。",
      "议员王芳在听证会上追问交通部长，为什么新线地铁在通车第一个月里延误了四十多次？",
    ]);
  });
});

describe("sentences a summary should not show", () => {
  const featureOf = (article: Article, feature: string) => {
    const { features, candidates } = prepareArticle(article);
    const k = FEATURES.indexOf(feature as never);
    return candidates.map((c, i) => [c.clean, (features[i] as Float64Array)[k]] as const);
  };

  it.each([
    ["1、持续扩充线上教学资源，提供师生更多居家学习管道。", 1],
    ["二、无法居家学习的学生可以到校。", 1],
    ["3.北京市卫健委召开会议的全体会议记录。", 1],
    ["3.48元是众泰汽车周三的收盘价，比周二高出一成。", 0],
    ["12月30日，台湾大宣布并购台湾之星。", 0],
    ["2022年北京冬奥会开幕在即。", 0],
  ])("a numbered list item is marked listed: %s", (sentence, expected) => {
    const article = makeArticle({ paragraphs: [sentence] });
    expect(featureOf(article, "listed")).toEqual([[sentence, expected]]);
  });

  it.each([
    ["据路透社报导，俄军周二撤出了赫尔松市。", 1],
    ["根据该报告显示，去年共有二百家企业倒闭。", 1],
    ["据知情人透露，该院院长已被带走调查。", 1],
    ["据官方通报，新增本土确诊病例151例。", 1],
    ["据悉，网信平台投资金额达750亿元。", 0],
    ["路透社报导，俄军周二撤出了赫尔松市。", 0],
    ["据他说，会议将在下周举行，报导还说了别的。", 0],
  ])(
    "a sentence opening with the report it retells is marked reported: %s",
    (sentence, expected) => {
      const article = makeArticle({ paragraphs: [sentence] });
      expect(featureOf(article, "reported")).toEqual([[sentence, expected]]);
    },
  );

  it.each([
    ["They are Chinese puppets who want to do business there.", 1],
    ["Concast (@NBCNews) and Fake News @CNN are going out of their way to say GREAT things.", 1],
    ["美国总统川普在推特（Twitter）发文批评CNN（Cable News Network）。", 0],
    ["辉瑞（Pfizer）和BioNTech合作开发的疫苗有效率达到90%。", 0],
  ])("a sentence in Latin letters is marked latin: %s", (sentence, expected) => {
    const article = makeArticle({ paragraphs: [sentence] });
    expect(featureOf(article, "latin")).toEqual([[sentence, expected]]);
  });

  it("an embedded tweet's English original is not shown beside its Chinese translation", () => {
    const article = makeArticle({
      title: "川普斥责部分美媒为中共说好话",
      paragraphs: [
        "美国总统川普周五在推特发文说，康卡斯特和CNN电视台正在竭尽全力说中共的好话。",
        "“他们是中共的傀儡，想在那里做生意。”川普写道。",
        "Comcast and Fake News CNN are going out of their way to say GREAT things about China. They are Chinese puppets who want to do business there.",
        "研究发现，三大电视网的疫情报导批评中共的内容不足百分之一，川普一直对此不满。",
      ],
    });
    const summary = summarize(article, 3);
    expect(summary.some((s) => /[a-z]{4} [a-z]{4}/i.test(s))).toBe(false);
  });

  it("the same sentence ranks lower as an item of a numbered list", () => {
    const score = (item: string) => {
      const article = makeArticle({
        title: "全国三级警戒延长",
        paragraphs: ["副总统赖清德周三表示，全国三级警戒延长至6月14日。", item],
      });
      const { features } = prepareArticle(article);
      return featureScore(features[1] as Float64Array, DEFAULT_TUNING.weights);
    };
    const plain = score("学校将持续扩充线上教学与学习辅助资源，提供师生更多居家学习管道。");
    const listed = score("1、学校将持续扩充线上教学与学习辅助资源，提供师生更多居家学习管道。");
    expect(listed).toBeLessThan(plain - 0.1);
  });

  const lead = "副总统赖清德周三表示，全国三级警戒延长至6月14日，各级学校持续停课。";
  const secondRow = (sentence: string) => {
    const article = makeArticle({ title: "全国三级警戒延长", paragraphs: [lead, sentence] });
    return prepareArticle(article).features[1] as Float64Array;
  };

  it.each([
    [
      "background",
      "市政府过去曾多次延长学校停课的时间，以防疫情扩散到校园。",
      "此前市政府曾多次延长学校停课的时间，以防疫情扩散到校园。",
    ],
    [
      "restatesLead",
      "学校将持续扩充线上教学资源，提供师生更多居家学习管道。",
      "赖清德表示，全国三级警戒将延长至6月14日，各级学校持续停课。",
    ],
  ])("%s: marks the second sentence, which it then costs score", (feature, plain, marked) => {
    const column = FEATURES.indexOf(feature as never);
    const row = secondRow(marked);
    expect(row[column] as number).toBeGreaterThan((secondRow(plain)[column] as number) + 0.2);
    const without = Float64Array.from(row);
    without[column] = 0;
    expect(featureScore(row, DEFAULT_TUNING.weights)).toBeLessThan(
      featureScore(without, DEFAULT_TUNING.weights),
    );
  });
});

describe("sameContent", () => {
  it.each([
    ["美国总统川普周五在推特发文批评CNN。", "美国总统川普周五在推特发文批评CNN。", true],
    ["美国总统川普周五在推特发文批评CNN电视台。", "总统川普周五在推特发文批评CNN", true],
    ["秦怡于5月9日在上海去世，终年100岁。", "秦怡于5月10日在上海去世，终年100岁。", true],
    [
      "秦怡于5月9日在上海去世，终年100岁。",
      "上海电影集团发讣告称，秦怡在华东医院因病逝世。",
      false,
    ],
    // The same characters in another order share no long common subsequence.
    ["甲乙丙丁戊己庚辛壬癸", "癸壬辛庚己戊丁丙乙甲", false],
  ])("%s / %s → %s", (a, b, expected) => {
    expect(sameContent(a, b)).toBe(expected);
  });
});

describe("summaryLine", () => {
  it.each([
    [
      "a Latin name after a Chinese name is left out",
      "医生威廉·林奇（William Lynch）周四说。",
      "医生威廉·林奇周四说。",
    ],
    [
      "a Latin term after a Chinese term",
      "房地美（Freddie Mac）周四发布报告。",
      "房地美周四发布报告。",
    ],
    ["half-width brackets", "沃达丰集团(Vodafone Group)胜出。", "沃达丰集团胜出。"],
    [
      "an acronym stays",
      "拉斯维加斯公共广播电台（LVPR）注册为说客。",
      "拉斯维加斯公共广播电台（LVPR）注册为说客。",
    ],
    ["a code in Latin letters and digits", "港交所（0388.HK）公布业绩。", "港交所公布业绩。"],
    ["a Latin name with digits", "中共病毒（COVID-19）疫情扩散。", "中共病毒疫情扩散。"],
    ["a bare number stays", "该法案（2021）通过。", "该法案（2021）通过。"],
    [
      "a short-name note",
      "台湾的联华电子公司（简称联电）周三认罪。",
      "台湾的联华电子公司周三认罪。",
    ],
    [
      "a Latin name with its short name",
      "报告由就业政策研究所（Employment Policies Institute，简称EPI）发表。",
      "报告由就业政策研究所发表。",
    ],
    [
      "a popular name",
      "美国领空不明飞行物（UAP，俗称UFO）现象引发关注。",
      "美国领空不明飞行物现象引发关注。",
    ],
    [
      "a name's Latin spelling",
      "歹徒郑步秋（Buqiu Zheng，音译）袭击真相点。",
      "歹徒郑步秋袭击真相点。",
    ],
    ["a bare transliteration mark", "店主李明（音译）报警。", "店主李明报警。"],
    ["another Han note stays", "中共病毒（武汉肺炎）疫情扩散。", "中共病毒（武汉肺炎）疫情扩散。"],
    ["a weekday glossed with its date", "戴琪周一（10月4日）说。", "戴琪10月4日说。"],
    ["a relative day glossed with its date", "他今天（11月26日）抵达。", "他11月26日抵达。"],
    ["last week's day", "普京上周日（2月27日）下令。", "普京2月27日下令。"],
    ["a date with its year", "周三（2021年1月6日）国会开会。", "2021年1月6日国会开会。"],
    ["a weekday after its date", "5月8日（周日）下午发生巨响。", "5月8日下午发生巨响。"],
    ["a weekday without a date stays", "周日（当地时间）发生巨响。", "周日（当地时间）发生巨响。"],
    ["the currency note of the amounts", "收受2401万余元（人民币，下同）。", "收受2401万余元。"],
    ["another bracket with 人民币 stays", "罚款5000元（人民币）。", "罚款5000元（人民币）。"],
    [
      "a gloss with Han characters stays",
      "白头鹰（Bald Eagle，学名白头海雕）栖息。",
      "白头鹰（Bald Eagle，学名白头海雕）栖息。",
    ],
    [
      "Latin brackets not after a Chinese word stay",
      "(Getty Images) 照片。",
      "(Getty Images) 照片。",
    ],
  ])("%s", (_name, sentence, shown) => {
    expect(summaryLine(sentence)).toBe(shown);
  });

  it.each([
    [
      "a gloss a later line uses stays",
      ["二十国集团（G20）峰会周六开幕。", "G20领导人同意征收全球最低税。"],
      ["二十国集团（G20）峰会周六开幕。", "G20领导人同意征收全球最低税。"],
    ],
    [
      "a gloss an earlier line uses stays",
      ["F-16V的航程更远。", "台湾购买66架战斗机（F-16V）。"],
      ["F-16V的航程更远。", "台湾购买66架战斗机（F-16V）。"],
    ],
    [
      "a short name a later line uses stays",
      ["台湾的联华电子公司（简称联电）周三认罪。", "联电同意支付6000万美元罚款。"],
      ["台湾的联华电子公司（简称联电）周三认罪。", "联电同意支付6000万美元罚款。"],
    ],
    [
      "a short name no other line uses is left out",
      ["台湾的联华电子公司（简称联电）周三认罪。", "检方撤销两项指控。"],
      ["台湾的联华电子公司周三认罪。", "检方撤销两项指控。"],
    ],
    [
      "a gloss no other line uses is left out",
      ["二十国集团（G20）峰会周六开幕。", "领导人同意征收全球最低税。"],
      ["二十国集团峰会周六开幕。", "领导人同意征收全球最低税。"],
    ],
    [
      "the same gloss repeated is left out of both lines",
      ["战斗机（F-16V）已交付。", "另一批战斗机（F-16V）明年交付。"],
      ["战斗机已交付。", "另一批战斗机明年交付。"],
    ],
    [
      "only the used gloss of a line stays; other edits still apply",
      ["房地美（Freddie Mac）周一（5月2日）称新冠（COVID-19）影响。", "COVID-19疫情扩散。"],
      ["房地美5月2日称新冠（COVID-19）影响。", "COVID-19疫情扩散。"],
    ],
  ] as const)("summaryLines: %s", (_name, sentences, shown) => {
    expect(summaryLines([...sentences])).toEqual(shown);
  });

  it("summaries show lines without Latin glosses", () => {
    const article = makeArticle({
      title: "房地美报告利率创新低",
      paragraphs: [
        "房地美（Freddie Mac）周四发布报告指出，30年期固定抵押贷款平均利率降至2.81%，创历史新低。",
        "报告说，15年期固定利率抵押贷款的平均利率从2.37%下降到2.35%，同样是有记录以来的最低水平。",
      ],
    });
    const lines = summarize(article, 3);
    expect(lines[0]).toMatch(/^房地美周四发布报告指出/);
    expect(lines.some((line) => line.includes("Freddie"))).toBe(false);
  });
});
