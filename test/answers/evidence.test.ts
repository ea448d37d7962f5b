import { describe, expect, it } from "vitest";
import {
  askedCode,
  askedDurationUnit,
  askedMeasure,
  askedQuarter,
  askedRankMeasure,
  countsAnything,
  countsInMeasure,
  countsOnlyAsked,
  countsThing,
  durationInOtherUnit,
  holdsAnswerType,
  holdsCode,
  holdsFigure,
  holdsFrequency,
  holdsRank,
  holdsTimeAgo,
  holdsTimeUnit,
  holdsUnit,
  namesHead,
  namesPlaceOfKind,
  namesQuarter,
  onlyExpected,
  onlyVagueCount,
  onlyVagueIn,
  otherCountry,
  otherDate,
  otherFigure,
  otherOrdinal,
  questionFigures,
  resolveRelativeDates,
  sharesOfPeople,
  statesOutcome,
  unnamedHead,
  withoutSurnameOnly,
} from "../../src/answers/evidence.js";
import { foldText } from "../../src/text/text.js";

describe("countsThing: the number counts the asked thing", () => {
  it.each([
    ["工厂目前有1,200名工人。", ["工人"], true],
    ["约300名来自外地的工人参加了培训。", ["工人"], true],
    ["工人总数为850人。", ["工人"], true],
    // Another thing counted, or the thing in another clause.
    ["舰队派出三艘护卫舰，驱逐舰留在港内。", ["驱逐舰"], false],
    ["当地共有500人，其中有工人。", ["工人"], false],
    // 多数 is no figure; 一名 before a noun is an article, not a count; a date is no count.
    ["大多数被防空系统拦截。", ["拦截"], false],
    ["一名工人对记者说，工厂停工了。", ["工人"], false],
    ["5月3日工人开始罢工。", ["工人"], false],
    // The count right after the noun with its measure word, the noun's head between.
    ["截至昨日，全市共划定封控区120个，管控区80个。", ["封控区"], true],
    ["当天新增本土确诊病例35例。", ["本土"], true],
    // …not a count of something else further on.
    ["封控区内的居民还要做第3轮检测。", ["封控区"], false],
    // A verb's object counted after it (拦截4,500枚来袭火箭弹) is no count of the verb's noun.
    ["以色列能够拦截4,500枚来袭火箭弹。", ["拦截"], false],
    // A model's code and a name in quotes between the count and the thing.
    ["舰上可搭载45架CH-46E“海上骑士”直升机。", ["直升机"], true],
    // A digit in a code (P4) is no count.
    ["文章提到了武汉P4实验室的研究人员。", ["研究人员"], false],
    // An age before the people is no count of them.
    ["政府开始征召18至60岁的预备役军人。", ["预备役军人"], false],
    // The counted noun's own modifier may stand between the count and the noun (往返 of 往返航班).
    ["公司计划增加200多个区域和国际往返客运航班。", ["往返航班", "航班"], true],
    ["公司计划增加200多个区域和国际长途客运包机航班。", ["往返航班", "航班"], false],
  ])("%s %j → %s", (sentence, forms, expected) => {
    expect(countsThing(sentence, forms)).toBe(expected);
  });
});

describe("holdsUnit", () => {
  it.each([
    ["共有40个发展中国家签署。", "国", true],
    ["会议持续了7天。", "国", false],
    ["第三人民医院关闭了。", "人", false],
    ["医院有三百人排队。", "人", true],
    // Han numerals with 多, 万 and grouped digits; bounds (上千, 近百) and ranges are figures.
    ["朝阳区有八千多个核酸亭。", "个", true],
    ["全市二万四千多人接种。", "人", true],
    ["当天将会印刷一百万份。", "份", true],
    ["视频被转发3万2,000次。", "次", true],
    ["上千市民聚集在西环桥底。", "人", true],
    ["近百人被警方带走。", "人", true],
    ["两三百人在门口排队。", "人", true],
    ["逾千人受伤。", "人", true],
    // A vague count is no figure; a date is no count.
    ["数十名警察赶到现场。", "人", false],
    ["几艘军舰驶近台湾。", "艘", false],
    ["6月25日是最后一天。", "份", false],
    // A household is a count of people; a three-digit figure (三位数) and 一口气 are not.
    ["他们是五口之家。", "人", true],
    ["一家五口住在地下室。", "人", true],
    ["气温将出现三位数的高温。", "人", false],
    ["他一口气跑了十公里。", "人", false],
    // Figures written 百人, 1万9,035人.
    ["百人聚集在门口。", "人", true],
    ["全国共有1万9,035人确诊。", "人", true],
    // People described between the count and 人; a population; a share of the people.
    ["当晚来了三十多个不明身份的人。", "人", true],
    ["三个来自外地的车队停在门口。", "人", false],
    ["这个岛的人口约为两万。", "人", true],
    ["东部三县的人口合计仅一百万。", "人", true],
    ["人口增长放缓。", "人", false],
    // A share is no count of people (sharesOfPeople checks it against the counted people).
    ["民调显示，有85%的受访者反对。", "人", false],
    // 有多长, 多高, 多远: a length, height or distance, or a time a period lasts; not a count.
    ["这条河大桥全长约两公里。", "长度", true],
    ["纪念碑高八米，立于广场中央。", "长度", true],
    ["小镇距离首都3,400英里。", "长度", true],
    ["禁令为期三个月。", "长度", true],
    ["军方派出两个师赶到现场。", "长度", false],
    // 多高, 多深: a height or depth, not the years a thing has stood.
    ["纪念碑高八米，立于广场中央。", "尺寸", true],
    ["大楼共有58层。", "尺寸", true],
    ["铜像在校园里摆放了24年。", "尺寸", false],
    ["铜像在校园里摆放了24年。", "长度", true],
    // Cents and pence are sums of money; a share in 分 is not.
    ["燃油税每加仑增加9.3美分。", "钱", true],
    ["一张邮票涨价5便士。", "钱", true],
    ["比赛以3分之差落败。", "钱", false],
    // 多大 of a person or a thing: an age or an area; not another figure.
    ["他于6月7日去世，年仅48岁。", "大小", true],
    ["婴儿们住在10平米的隔离病房。", "大小", true],
    ["隔离病房里住了3名婴儿。", "大小", false],
  ])("%s in %s → %s", (sentence, unit, expected) => {
    expect(holdsUnit(sentence, unit)).toBe(expected);
  });
});

describe("namesHead: a which-question's noun, named", () => {
  it.each([
    ["她在圣玛丽医院接受检查。", "医院", true],
    ["她的医院检查结果是阴性。", "医院", false],
    ["据某大型医院透露，病人已出院。", "医院", false],
    ["该医院表示病人已出院。", "医院", false],
    // A verb or preposition before the noun: a place gone to, not named.
    ["他要15天以后转看守所。", "看守所", false],
    ["两人都被关押在监狱里。", "监狱", false],
    ["他被关在朝阳看守所。", "看守所", true],
    // A noun after a measure word of people, a conjunction or 了 is no name of one.
    ["车祸造成包括一名孕妇在内的6人死亡。", "孕妇", false],
    ["电视观众及电台听众有权知道。", "电台", false],
    ["她在协和医院接受了检测。", "医院", true],
    ["他白手起家创建了公司。", "公司", false],
  ])("%s → %s", (sentence, head, expected) => {
    expect(namesHead(sentence, head)).toBe(expected);
  });
});

describe("namesHead: an instance named without the noun (lexicon/ask-head-instances.txt)", () => {
  it.each([
    // A word ending in a kind of the noun: a group for a company, an agency for a medium.
    ["竞标最后由英国某电信集团领导的财团拿下。", "公司", [], false],
    ["竞标最后由英国沃达丰集团领导的财团拿下。", "公司", [], true],
    ["北京正推动阿里巴巴承担芯片设计的业务。", "公司", [], true],
    ["这次停电可能重击制造业，影响出口。", "行业", [], true],
    ["这次停电会影响很多民营企业。", "行业", [], false],
    ["路透社当天最先报导了这个消息。", "媒体", [], true],
    ["当局派第83集团军到郑州救灾。", "部队", [], true],
    ["他们被安排住进香格里拉饭店。", "酒店", [], true],
    // A platform as the channel a post goes out on names no company.
    ["居民在微博发文求救。", "公司", [], false],
    ["有人发抖音求救却被限流。", "公司", [], false],
    // The question's own company is no answer to it.
    ["阿里巴巴的股价下跌。", "公司", ["阿里巴巴"], false],
  ])("%s → %s", (sentence, head, questionWords, expected) => {
    expect(namesHead(sentence, head, new Set(questionWords))).toBe(expected);
  });
});

describe("unnamedHead: the noun only as 某X, 该X, 上述X", () => {
  it.each([
    ["据某大型药企透露，价格将上调。", "药企", true],
    ["上述药企没有回应。", "药企", true],
    ["该药企与恒瑞药企都没有回应。", "药企", false],
    ["恒瑞药企没有回应。", "药企", false],
    ["没有提到这个词。", "药企", false],
  ])("%s → %s", (sentence, head, expected) => {
    expect(unnamedHead(sentence, head)).toBe(expected);
  });
});

describe("holdsAnswerType: a figure for 多少, a person's name for 谁", () => {
  it.each([
    // The day before is a point in time, no length of time.
    ["duration", "此前一天，两人参观了一家工厂。", false],
    ["duration", "会谈持续了一天。", true],
    // …nor is a time ago.
    ["duration", "他于两周前上任。", false],
    // A fraction is a figure (三分之一石油运输).
    ["number", "全球至少三分之一的石油要经过这里。", true],
    ["number", "警方查封了八千多个账户。", true],
    ["number", "近百人被捕。", true],
    ["number", "数十名警察赶到现场。", false],
    ["number", "中共向台湾发射了多枚导弹。", false],
    // A Han figure no unit follows, a household; 几十 and 数百 stay vague.
    ["number", "东部的人口合计仅一百万。", true],
    ["number", "食物足够一个五口之家吃。", true],
    ["number", "现场来了几十人。", false],
    // A length of time, not a day picked out (同一天, 另一年).
    ["duration", "会谈持续了两天。", true],
    ["duration", "就在同一天，他还打了电话。", false],
    // A month and a half written as 个半月.
    ["duration", "他正在监狱服刑17个半月。", true],
    ["duration", "工程拖了三个半月才完工。", true],
    // 二十大, 十九大: a congress's name, no figure.
    ["number", "二十大前，各地纷纷加码封控。", false],
    ["person", "吉林市长被免职。", false],
    ["person", "发言人赵立坚表示反对。", true],
    ["person", "研讨会由高级研究员冯儒莎博士主持。", true],
    ["person", "涉案的三名台湾男子是陈正坤、何建庭和王永铭。", true],
    ["person", "重庆维权人士陈长海被绑架。", true],
    ["person", "乌克兰与白俄罗斯接壤。", false],
    // Ordinary words jieba tags as names (高薪, 康复, 亚军, 顾问): no person named.
    ["person", "三名高薪外援已与球队解约。", false],
    ["person", "这位病人出院前已完全康复。", false],
    ["person", "她在比赛中拿下亚军，教练很满意。", false],
    ["person", "公司的法律顾问拒绝回应。", false],
    ["person", "公司的法律顾问王建国拒绝回应。", true],
    // An athlete's role before a two-character name jieba does not know.
    ["person", "代表中国出赛的是花样滑冰运动员朱易。", true],
    ["person", "五名归化球员已与球队解约。", false],
    // Words jieba tags as names that have no name's shape, and a place cut in two.
    ["person", "中共驻美大使即将换人。", false],
    ["person", "这个极权已到了令人无法忍受的程度。", false],
    ["person", "政治犯人数与白罗斯及古巴相近。", false],
    ["person", "美国国务卿布林肯表示反对。", true],
    // A dictionary "name" used as a verb or adjective (自行谢幕, 已麻木了); a name after a noun.
    ["person", "他就自行谢幕，似乎不大寻常。", false],
    ["person", "三年了，我已麻木了。", false],
    ["person", "第二任丈夫是当时的影帝金焰。", true],
    // A Latin pair naming a body or a place is no person; a four-character word is a name only
    // after a two-character surname (严肃处理 is a verb phrase jieba tags as a name).
    ["person", "他在Cleveland Clinic接受治疗。", false],
    ["person", "主持人汉尼提（Sean Hannity）评论说。", true],
    ["person", "网信办责令其立即整改，严肃处理相关责任人。", false],
    ["person", "欧阳娜娜出席了活动。", true],
    // A relative's name right after the family word (妻子陈婷); the family word alone is none.
    ["person", "总导演的妻子陈婷今日发文。", true],
    ["person", "他的妻子今日发文。", false],
    // A place named after a person or a title, its ending cut off (伯爵 城, 格林 县).
    ["person", "有人在朝阳区望京伯爵城中央公园周边喷涂标语。", false],
    ["person", "格林县委员会通过了这项决议。", false],
    ["person", "示威者沿伊莉莎白街游行。", false],
  ] as const)("%s: %s → %s", (type, sentence, expected) => {
    expect(holdsAnswerType(type, sentence, sentence, new Set())).toBe(expected);
  });

  it("a name the question already holds is not the answer", () => {
    const sentence = "中共驻美大使崔天凯发出了辞别信。";
    expect(holdsAnswerType("person", sentence, sentence, new Set(["崔天凯"]))).toBe(false);
  });
});

describe("onlyVagueCount: the vague count of a sentence without a figure", () => {
  it.each([
    ["数十名警察赶到现场。", "数十名"],
    ["几艘军舰驶近台湾。", "几艘"],
    ["上千市民聚集。", undefined],
    ["一百万份报纸售罄。", undefined],
  ])("%s → %s", (sentence, count) => {
    expect(onlyVagueCount(sentence)).toBe(count);
  });
});

describe("namesPlaceOfKind: a place of the asked kind", () => {
  it.each([
    ["书店老板在泰国被绑架回去。", "国", true],
    ["丈夫曾在澳大利亚留学。", "国", true],
    ["他在曼谷市区被带走。", "国", false],
    ["书店老板被绑架回去。", "国", false],
    ["病例在库姆市检测出。", "市", true],
    ["病毒传到了米兰。", "市", true],
    ["病例在医院内部检测出。", "市", false],
    ["威斯康辛州参众两院也通过了决议。", "州", true],
    ["州议会也通过了决议。", "州", false],
    ["该州议会和其他城市也通过了决议。", "州", false],
    ["许多城市的病例都在增加。", "市", false],
    ["疫情扩散到河北省。", "省", true],
  ])("%s %s → %s", (sentence, kind, expected) => {
    expect(namesPlaceOfKind(sentence, kind, new Set())).toBe(expected);
  });

  it("a place the question names is not the answer", () => {
    expect(namesPlaceOfKind("书店老板在泰国被捕。", "国", new Set(["泰国"]))).toBe(false);
  });
});

describe("sharesOfPeople: a share of the very people a question counts", () => {
  it.each([
    ["民调显示，有90%的日本人不喜欢中共。", ["日本人", "日本"], true],
    ["约六成日本人反对。", ["日本人"], true],
    ["民调显示，有90%的日本人不喜欢中共。", ["抗议者"], false],
    ["日本人的支持率下降了5%。", ["日本人"], false],
  ])("%s %j → %s", (sentence, forms, expected) => {
    expect(sharesOfPeople(sentence, forms)).toBe(expected);
  });
});

describe("otherOrdinal: a sentence about another member of the asked series", () => {
  it.each([
    ["工商银行为该公司的第三大流通股东。", "第一大", ["第1大"], true],
    ["该公司公布第三季度财报。", "第四季", ["第4季"], true],
    ["该公司第4季度营收下滑。", "第四季", ["第4季"], false],
    ["第二批疫苗下周运到，第一批已经用完。", "第一批", ["第1批"], false],
    ["疫苗下周运到。", "第一批", ["第1批"], false],
  ])("%s %s → %s", (sentence, ordinal, forms, expected) => {
    expect(otherOrdinal(sentence, ordinal, forms)).toBe(expected);
  });
});

describe("otherDate: a figure of another day, month or year than the asked one", () => {
  it.each([
    // Another day, month or year named, the asked one not.
    ["广州3月8日新增了多少病例？", "3月2日新增病例12例，均为境外输入。", "3月8日"],
    ["广州3月8日新增了多少病例？", "当局2日通报新增病例12例。", "3月8日"],
    ["德国11月出口增长了多少？", "德国10月出口增长了2.1%。", "11月"],
    ["公司2020年卖了多少辆车？", "该公司2018年卖出5万辆车。", "2020年"],
    ["how many cars did the company sell in 2020?", "该公司2018年卖出5万辆车。", "2020年"],
    // The asked date is there, written another way or beside another.
    ["广州3月8日新增了多少病例？", "8日新增病例12例。", undefined],
    ["广州3月8日新增了多少病例？", "3月7日至3月8日新增病例12例。", undefined],
    ["公司2020年卖了多少辆车？", "该公司2020年卖出5万辆车，多于2018年。", undefined],
    // No date of that kind: left to the other checks.
    ["公司2020年卖了多少辆车？", "该公司卖出5万辆车。", undefined],
    ["德国11月出口增长了多少？", "德国出口增长了2.1%。", undefined],
    // A baseline (比, 较, 自…以来, 同期) is not the date the sentence reports.
    ["德国11月出口增长了多少？", "出口比10月份的水平增长了2.1%。", undefined],
    ["2021年12月小企业指数是多少？", "指数在12月降到46.5，是自2020年2月以来最低。", undefined],
    // 从…至… is a span of days, its first day reported (no baseline).
    ["11月4日到9日确诊了多少病例？", "从11月4日至9日，累计确诊病例62例。", undefined],
    ["11月4日到9日确诊了多少病例？", "从11月2日至9日，累计确诊病例80例。", "11月4日"],
    ["公司2020年卖了多少辆车？", "卖出5万辆车，较2018年同期增加一成。", undefined],
  ])("%s | %s → %s", (question, sentence, expected) => {
    expect(otherDate(question, sentence)).toBe(expected);
  });
});

describe("otherFigure: a sentence about another figure of the series the question names", () => {
  const question = "这家银行30年期贷款的利率是多少？";
  it.each([
    ["该行15年期贷款的利率为3.2%。", "30"],
    ["该行30年期贷款的利率为4.1%，15年期为3.2%。", undefined],
    ["贷款利率普遍上升。", undefined],
  ])("%s → %s", (sentence, expected) => {
    expect(otherFigure(question, sentence)).toBe(expected);
  });

  it("a figure grouped with a comma is the same figure (2,000美元 for 2000美元)", () => {
    expect(
      otherFigure("每人能领2000美元吗？", "众议院表决给每人2,000美元的支票。"),
    ).toBeUndefined();
    expect(otherFigure("每人能领2000美元吗？", "参议院只同意600美元。")).toBe("2000");
  });
});

describe("holdsAnswerType person: a name that is no new person", () => {
  it.each([
    // The question's own person written in full, or glossed in Latin letters.
    ["威廉·周恩（William Chow）医生拥有执照。", ["周恩", "医生"], false],
    ["52岁的马比多（Donny Mabido）在车站刺伤一名男子。", ["马比多", "刺伤"], false],
    // A title in book brackets and its Latin gloss: a newspaper, no person.
    ["《河谷蜜蜂报》（Valley Bee）看到了草案。", ["草案"], false],
    // A street named after a person.
    ["他在富兰克林大道被捕。", ["被捕"], false],
    // A body's English name glossing it in brackets: no person.
    ["公路巡警队（Highway Patrol Unit）报告说一名孕妇在车祸中死亡。", ["车祸"], false],
    ["报告说，律师（Robert Smith）代表一名孕妇出庭。", ["出庭"], true],
    // Another person beside the question's one, or a name after a title the question holds.
    ["威廉·周恩说，他的律师约翰·史密斯将上诉。", ["周恩"], true],
    ["导演的妻子陈小婷发文说。", ["导演", "妻子"], true],
    ["研究所发布前教授蔡小霞的文章。", ["研究所", "教授"], true],
  ])("%s %j → %s", (sentence, words, expected) => {
    expect(holdsAnswerType("person", sentence, foldText(sentence), new Set(words))).toBe(expected);
  });
});

describe("askedMeasure: the measure a count question asks in", () => {
  it.each([
    ["树上停了几只鸟？", "只"],
    ["来了多少个人？", "人"],
    ["地震砸死了几头牛？", "头"],
    // A sum, a duration, a list, a rank, a score, 几乎: no measure to count in.
    ["罚了多少钱？", undefined],
    ["关了几年？", undefined],
    ["是哪几种种子？", undefined],
    ["是第几任总裁？", undefined],
    ["以几比几否决？", undefined],
    ["以几票对几票通过？", undefined],
    ["住院的几乎都是什么人？", undefined],
  ])("%s → %s", (question, expected) => {
    expect(askedMeasure(question)).toBe(expected);
  });
});

describe("onlyVagueIn, countsInMeasure: a vague count or a figure in the measure", () => {
  it.each([
    ["他买了几只鸡腿回家。", "只", true, false],
    ["湖边停着数十只天鹅。", "只", true, false],
    ["湖边停着36只天鹅。", "只", false, true],
    ["湖边停着三十多只天鹅，另有几只在飞。", "只", false, true],
    // 一只 is mostly an article, no count.
    ["能看到一只天鹅都很难得。", "只", false, false],
  ])("%s %s → vague %s, figure %s", (sentence, measure, vague, figure) => {
    expect(onlyVagueIn(foldText(sentence), measure)).toBe(vague);
    expect(countsInMeasure(foldText(sentence), measure)).toBe(figure);
  });
  it.each([
    ["每人可以买5个名额。", true],
    ["她拿了两枚金牌。", true],
    ["那几年他吃不饱。", false],
    ["一只天鹅飞过。", false],
  ])("countsAnything %s → %s", (sentence, expected) => {
    expect(countsAnything(foldText(sentence))).toBe(expected);
  });
});

describe("durationInOtherUnit: the length of something else", () => {
  it.each([
    ["当了多少年机长？", "行程为两个小时。", true],
    ["做了多少年医生？", "他在会上讲了三分钟。", true],
    ["做了多少年医生？", "他行医已有18年。", false],
    ["关了几个月？", "他被判刑一年半。", false],
    ["住了几天院？", "他住院两周。", false],
    // No duration at all: left to the other checks.
    ["做了多少年医生？", "他是急诊医生。", false],
  ])("%s %s → %s", (question, sentence, expected) => {
    const unit = askedDurationUnit(question) as string;
    expect(durationInOtherUnit(foldText(sentence), unit)).toBe(expected);
  });
});

describe("questionFigures, holdsFigure: a figure of the question the answer must share", () => {
  it.each([
    ["某公司28纳米制程的良率是多少？", ["28"]],
    ["5年期房贷利率是多少？", ["5"]],
    ["股价跌穿6.48那天央行干预了吗？", ["6.48"]],
    // Dates, names with digits, spans of months and large sums are read elsewhere.
    ["2021年7月19日发生了什么？", []],
    ["ab455法案是谁提的？", []],
    ["前11个月罚了几次？", []],
    ["3.5万亿美元的法案谁反对？", []],
  ])("%s → %j", (question, expected) => {
    expect(questionFigures(question)).toEqual(expected);
  });
  it.each([
    ["其14nm制程良率已达九成。", "28", false],
    ["五年期利率为3.1%。", "5", true],
    ["较5月下降了0.2个百分点。", "5", false],
    ["共128个。", "28", false],
    ["28纳米制程已量产。", "28", true],
  ])("%s holds %s → %s", (sentence, figure, expected) => {
    expect(holdsFigure(foldText(sentence), figure)).toBe(expected);
  });
});

describe("askedRankMeasure, holdsRank: a place in an order for 第几", () => {
  it.each([
    ["他是第几任总裁？", "成为第27任总裁。", true],
    ["胃癌是第几期？", "他去年确诊患上胃癌。", false],
    ["胃癌是第几期？", "他患的是三期胃癌。", true],
    ["在全球排第几名？", "去年排名世界第三。", true],
  ])("%s %s → %s", (question, sentence, expected) => {
    const measure = askedRankMeasure(question) as string;
    expect(holdsRank(foldText(sentence), measure)).toBe(expected);
  });
  it("no 第几, no rank asked", () => {
    expect(askedRankMeasure("他是哪一任总裁？")).toBeUndefined();
  });
});

describe("otherCountry: a figure of another country than the asked one", () => {
  const korea = [{ word: "朝鲜", forms: ["朝鲜"] }];
  it.each([
    ["香港共报告了9,000例病例，有150人死亡。", korea, "朝鲜"],
    ["朝鲜官方称已有56人死亡，香港则无人死亡。", korea, undefined],
    // Another place in a clause without the figure, or a continent: the figure may be the asked one's.
    ["他们部署了20万名士兵，这是欧洲多年来最大规模的集结。", korea, undefined],
    ["官方称已有56人死亡，引起日本关注。", korea, undefined],
    // No other country named: left to the other checks.
    ["官方称已有56人死亡。", korea, undefined],
    // The question names no country (a city is not checked).
    ["香港共报告了150人死亡。", [{ word: "西安", forms: ["西安"] }], undefined],
  ] as const)("%s → %s", (sentence, asked, expected) => {
    expect(otherCountry(foldText(sentence), asked)).toBe(expected);
  });
});

describe("holdsTimeAgo: a time ago answers 多久以前", () => {
  it.each([
    ["他于两周前上任。", true],
    ["会谈持续了一天。", true],
    ["他上任了。", false],
  ])("%s → %s", (sentence, expected) => {
    expect(holdsTimeAgo(foldText(sentence))).toBe(expected);
  });
});

describe("resolveRelativeDates: dates written relative to the article's own", () => {
  it.each([
    // Years and months counted from the day of writing.
    ["去年9月，他写了一份纲领。", "2022-05-21", "去年(2021年)9月，他写了一份纲领。"],
    ["今年前11个月关门的小店最多。", "2021-12-31", "今年(2021年)前11个月关门的小店最多。"],
    ["上个月的工资没有发。", "2022-01-10", "上个月(2021年12月)的工资没有发。"],
    ["本月起实施新规。", "2020-03-02", "本月(2020年3月)起实施新规。"],
    // A day without its month is of the article's month, or of the month before when later.
    ["比上周五（23日）收盘价高。", "2020-10-26", "比上周五（2020年10月23日）收盘价高。"],
    ["他在28日被带走。", "2021-03-02", "他在2021年2月28日被带走。"],
    // A day with its month, and a text without relative dates, stay as they are.
    ["10月23日收盘价下跌。", "2020-10-26", "10月23日收盘价下跌。"],
    ["法案在国会通过。", "2020-10-26", "法案在国会通过。"],
  ])("%s (%s)", (text, date, expected) => {
    expect(resolveRelativeDates(text, date, true)).toBe(expected);
  });

  it("reads a day without its month only when asked to", () => {
    expect(resolveRelativeDates("周五（16日）公布了上月的数据。", "2020-10-16")).toBe(
      "周五（16日）公布了上月(2020年9月)的数据。",
    );
  });

  it("leaves the text alone without the article's date", () => {
    expect(resolveRelativeDates("去年9月", null)).toBe("去年9月");
  });
});

describe("onlyExpected: a plan, a call or a process under way, no outcome", () => {
  it.each([
    ["十个城市的市长联名致信，敦促州长否决这项法案。", true],
    ["指数公司正在收集投资者的反馈，也可能采取类似的行动。", true],
    ["总统将于下周签署法案。", true],
    ["总统周日签署了法案。", false],
    // Done, or reported as not done: an answer to how it turned out.
    ["公司已经同意支付罚款。", false],
    ["总统并未明确表示将否决这项法案。", false],
    // 将军 and 未来 hold a marker's character and say neither.
    ["李将军接到了电话。", false],
    ["未来几天将举行视讯会议。", true],
  ])("%s → %s", (sentence, expected) => {
    expect(onlyExpected(sentence)).toBe(expected);
  });
});

describe("statesOutcome: the act said to be done or not done", () => {
  it.each([
    ["公司已经同意支付罚款。", true],
    ["总部到目前为止尚未发生变化。", true],
    ["敦促州长否决这项法案。", false],
    // 未来 is no 未.
    ["未来几天将举行会议。", false],
  ])("%s → %s", (sentence, expected) => {
    expect(statesOutcome(sentence)).toBe(expected);
  });
});

describe("withoutSurnameOnly: a person named by surname and a polite form only", () => {
  it.each([
    ["北京民众王女士对记者说。", "北京民众某人对记者说。"],
    ["李先生和张小姐到场。", "某人和某人到场。"],
    // Not a surname before the polite form: left alone.
    ["各位女士先生。", "各位女士先生。"],
  ])("%s", (sentence, expected) => {
    expect(withoutSurnameOnly(sentence)).toBe(expected);
  });
});

describe("askedQuarter, namesQuarter: a quarter asked without 第", () => {
  it.each([
    ["公司2021年一季度亏了多少钱？", ["一季", "1季", "q1", "首季"]],
    ["三季度营收是多少？", ["三季", "3季", "q3"]],
    // 第一季度 is an ordinal (read elsewhere), 前三季度 a span.
    ["第一季度营收是多少？", []],
    ["前三季度营收是多少？", []],
  ])("%s", (question, forms) => {
    expect(askedQuarter(question)).toEqual(forms);
  });

  it.each([
    ["今年第一季度国内生产总值同比增4.8%。", true],
    ["首季营收创新高。", true],
    // The first three quarters are no first quarter.
    ["今年前三季度公司实现营收144亿元。", false],
  ])("%s names the first quarter: %s", (sentence, expected) => {
    expect(namesQuarter(sentence, askedQuarter("一季度"))).toBe(expected);
  });
});

describe("countsOnlyAsked: the question's own figure is no answer", () => {
  it.each([
    ["今年朝鲜已经进行了15次导弹试验。", "次", ["15"], true],
    ["15次试射中有3次是洲际导弹。", "次", ["15"], false],
    ["今年朝鲜已经进行了15次导弹试验。", "次", [], false],
    // Units the other checks read are left alone.
    ["15%的人反对。", "%", ["15"], false],
  ] as const)("%s", (sentence, unit, figures, expected) => {
    expect(countsOnlyAsked(sentence, unit, figures)).toBe(expected);
  });
});

describe("askedCode, holdsCode: a code asked by its noun, written out", () => {
  it.each([
    // An address: a domain, www, http or an e-mail.
    ["网站的网址是什么？", "网址是：example.org。", true],
    ["网站的网址是什么？", "国务院正在启动一个网站，供人们提供线索。", false],
    // A telephone number: digits joined by a dash, or seven digits or more.
    ["举报热线号码是多少？", "大家可以给0429-12345市民热线打电话。", true],
    ["举报热线号码是多少？", "有十几个居民打来电话。", false],
    // An identifier after its noun (舷号为815); a class (815型) is none.
    ["那艘侦察舰舷号是多少？", "该舰舷号为794，曾多次进入日本海。", true],
    ["那艘侦察舰舷号是多少？", "一艘815型电子侦察舰穿过海峡。", false],
  ])("%s | %s → %s", (question, sentence, expected) => {
    const code = askedCode(question);
    expect(code).toBeDefined();
    expect(holdsCode(foldText(sentence), code as NonNullable<typeof code>)).toBe(expected);
  });

  it.each(["这个网站是谁建的？", "他打了多少个电话？", "编号为什么被撤销？"])(
    "%s asks no code",
    (question) => {
      expect(askedCode(question)).toBeUndefined();
    },
  );
});

describe("holdsFrequency: how often, for 多久…一次", () => {
  it.each([
    ["网站将每周更新一次秋叶报告。", true],
    ["双方应每6个月举行会晤。", true],
    ["会议一年两次在北京举行。", true],
    ["报告于10月1日更新。", false],
  ])("%s → %s", (sentence, expected) => {
    expect(holdsFrequency(sentence)).toBe(expected);
  });
});

describe("holdsTimeUnit: a day for 哪天, 几月几号", () => {
  it.each([
    ["活动于10月20日在纽约举行。", true],
    ["他们周三（20日）在活动上发言。", true],
    ["当天下午，活动在线上举行。", true],
    // A weekday alone, or a date to be announced, is no day of the month.
    ["他们还在周三的活动上发言。", false],
    ["恢复开诊时间另行通知。", false],
  ])("%s → %s", (sentence, expected) => {
    expect(holdsTimeUnit(sentence, "日")).toBe(expected);
  });
});
