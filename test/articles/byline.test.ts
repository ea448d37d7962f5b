import { describe, expect, it } from "vitest";
import { bylineReporters } from "../../src/articles/byline.js";
import { parseArticle } from "../../src/articles/parse.js";
import { page } from "./mirror-page.js";

describe("dateline and byline", () => {
  const first = (text: string) => parseArticle(page(`<p>${text}</p><p>第二段。</p>`), "t.md");

  it("strips the dateline and the byline and records the reporter", () => {
    const article = first("【大纪元2022年01月11日讯】（大纪元记者李馨编译报导）美国表示。");
    expect(article.paragraphs[0]).toBe("美国表示。");
    expect(article.date).toBe("2022-01-11");
    expect(article.reporter).toBe("李馨");
  });

  it("drops a first paragraph that held only the dateline", () => {
    const article = first("【大纪元2022年01月11日讯】");
    expect(article.paragraphs).toEqual(["第二段。"]);
  });

  it("keeps a parenthesis after the dateline that is not a byline", () => {
    const article = first("【大纪元2022年01月11日讯】（14日早上更新）美国表示。");
    expect(article.paragraphs[0]).toBe("（14日早上更新）美国表示。");
    expect(article.reporter).toBeNull();
  });

  it("reads traditional datelines", () => {
    const article = parseArticle(
      page("<p>【大紀元2022年9月3日訊】（大紀元記者林美玲台灣高雄報導）颱風過境。</p>", {
        link: "https://www.epochtimes.com/b5/22/9/2/n10000001.htm",
      }),
      "t.md",
    );
    expect(article.date).toBe("2022-09-03");
    expect(article.reporter).toBe("林美玲");
    expect(article.paragraphs[0]).toBe("颱風過境。");
  });

  const bylines: [string, string[]][] = [
    ["大纪元记者李馨编译报导", ["李馨"]],
    ["大纪元记者徐简综合报导", ["徐简"]],
    ["大纪元记者李韵报导", ["李韵"]],
    ["大纪元记者钟元台北报导", ["钟元"]],
    ["大纪元记者林紫馨台湾台北报导", ["林紫馨"]],
    ["大纪元记者吴旻洲、李怡欣台湾台北报导", ["吴旻洲", "李怡欣"]],
    ["大纪元记者戴芙若、李言、颜抒综合报导", ["戴芙若", "李言", "颜抒"]],
    ["大纪元记者理尔、梁珍香港报导", ["理尔", "梁珍"]],
    ["大纪元记者姜琳达洛杉矶报导", ["姜琳达"]],
    ["大纪元记者施萍密苏里州报导", ["施萍"]],
    ["大纪元记者李晓苏宾州报导", ["李晓苏"]],
    ["大纪元记者李辰美国弗吉尼亚州报导", ["李辰"]],
    ["大纪元记者李梅综合编译", ["李梅"]],
    ["大纪元专题部记者李思齐采访报导", ["李思齐"]],
    ["大纪元专题部温妮、梁欣采访报导", ["温妮", "梁欣"]],
    ["大纪元李言综合报导", ["李言"]],
    ["香港大纪元记者张晓慧采访报导", ["张晓慧"]],
    ["大纪元记者张婷、新唐人记者李月采访报导", ["张婷", "李月"]],
    ["新唐人记者方菲采访报导", ["方菲"]],
    ["英文大纪元资深记者Jan Jekielek采访报导／秋生翻译", ["Jan Jekielek"]],
    ["英文大纪元记者Eva Fu报导／陈霆编译", ["Eva Fu"]],
    ["大纪元专栏作家Stu Cvrk撰文／曲志卓编译", ["Stu Cvrk"]],
    ["新唐人记者Jackie Rios采访，徐曼沅编译", ["Jackie Rios"]],
    ["英文大纪元记者Eva Fu和David Zhang报导", ["Eva Fu", "David Zhang"]],
    ["大纪元香港记者站报导", []],
    ["大纪元纽约记者站报导", []],
    ["大纪元香港新闻中心报导", []],
    ["英文大纪元Epoch Inspired Staff报导／张雨霏编译", []],
    ["大纪元讯", []],
    ["美联社布鲁塞尔电", []],
    ["大纪元记者李辰美国华盛顿DC报导", ["李辰"]],
    ["大纪元记者肖捷宾州海里斯堡报导", ["肖捷"]],
    ["大纪元记者赖意晴报", ["赖意晴"]],
    ["大纪元记叶依帆报导", ["叶依帆"]],
    ["大纪元作者Jeff Carlson撰文", ["Jeff Carlson"]],
    ["大纪元加州内幕栏目报导", []],
  ];
  for (const [byline, reporters] of bylines) {
    it(`byline ${byline}`, () => {
      expect(bylineReporters(byline)).toEqual(reporters);
    });
  }

  it("reads a byline that opens the body without a dateline", () => {
    const article = first("（大纪元记者陈霆综合报导）美国国务卿周二表示。");
    expect(article.reporter).toBe("陈霆");
    expect(article.paragraphs[0]).toBe("美国国务卿周二表示。");
    expect(article.date).toBe("2022-01-10");
  });

  it("reads a dateline with a stray space in the month", () => {
    const link = "https://www.epochtimes.com/gb/22/3/30/n10000001.htm";
    const article = parseArticle(
      page("<p>【大纪元2022年0 3月31日讯】正文。</p>", { link }),
      "t.md",
    );
    expect(article.date).toBe("2022-03-31");
  });

  // The dateline is the local date of the newsroom, often a day after the link's (US) date; a
  // dateline far from the link's date is an update or a typo, and the link's date is the one
  // the article was filed under.
  const datelineAndLink: [string, string, string, string][] = [
    ["on the same day as", "2022年01月10日", "22/1/10", "2022-01-10"],
    ["a day after (time zones)", "2022年01月11日", "22/1/10", "2022-01-11"],
    ["three days after", "2022年01月13日", "22/1/10", "2022-01-13"],
    ["a month after", "2022年02月23日", "22/1/23", "2022-01-23"],
    ["twelve days after", "2022年01月16日", "22/1/4", "2022-01-04"],
    ["a week before", "2022年01月03日", "22/1/10", "2022-01-10"],
    ["a year after (a typo in the year)", "2023年01月10日", "22/1/10", "2022-01-10"],
  ];
  for (const [name, dateline, linkDate, expected] of datelineAndLink) {
    it(`dates an article with a dateline ${name} its link: ${expected}`, () => {
      const link = `https://www.epochtimes.com/gb/${linkDate}/n10000001.htm`;
      const body = `<p>【大纪元${dateline}讯】正文。</p>`;
      expect(parseArticle(page(body, { link }), "t.md").date).toBe(expected);
    });
  }

  it("joins several reporters with 、", () => {
    const article = first("【大纪元2022年01月11日讯】（大纪元记者顾晓华、高邈采访报导）正文。");
    expect(article.reporter).toBe("顾晓华、高邈");
  });
});

describe("editor line", () => {
  const cases: [string, string][] = [
    ["责任编辑：叶紫微#", "叶紫微"],
    ["责任编辑：林妍 ＃", "林妍"],
    ["责任编辑:李四", "李四"],
    ["（责任编辑：王五）", "王五"],
    ["責任編輯：陳國華", "陳國華"],
    ["责任编辑：叶紫微3", "叶紫微"],
    ["责任编辑：林燕/叶紫微", "林燕、叶紫微"],
    ["责任编辑：华子明·", "华子明"],
    ["责任编辑：吕美琪f", "吕美琪"],
    ["责任编辑：责任编辑：叶梓明", "叶梓明"],
    ["责任编辑：Mary Lee#", "Mary Lee"],
  ];
  for (const [line, editor] of cases) {
    it(line, () => {
      const article = parseArticle(page(`<p>正文。</p><p>${line}</p>`), "t.md");
      expect(article.editor).toBe(editor);
      expect(article.paragraphs).toEqual(["正文。"]);
    });
  }

  it("is not a sentence that mentions an editor", () => {
    const text =
      "该报责任编辑：张三在接受采访时表示，报社将继续报导这一事件，并公开所有的采访记录。";
    const article = parseArticle(page(`<p>${text}</p>`), "t.md");
    expect(article.editor).toBeNull();
    expect(article.paragraphs).toEqual([text]);
  });

  it("is found at the end of the last paragraph too", () => {
    const article = parseArticle(page("<p>正文。<br/>责任编辑：赵六</p>"), "t.md");
    expect(article.editor).toBe("赵六");
    expect(article.paragraphs).toEqual(["正文。"]);
  });
});
