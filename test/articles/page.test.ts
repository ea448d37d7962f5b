import { describe, expect, it } from "vitest";
import { looksTruncated } from "../../src/articles/page.js";
import { ArticleParseError, parseArticle } from "../../src/articles/parse.js";
import { page, parseFixture } from "./mirror-page.js";

describe("page layouts", () => {
  it("keeps interview speaker labels and subheads, drops the video furniture", () => {
    const article = parseFixture("interview.md");
    expect(article.reporter).toBe("王小明、陈美华");
    expect(article.editor).toBe("李小红");
    expect(article.tags).toEqual(["张建国"]);
    expect(article.paragraphs).toEqual([
      "本期节目邀请水务专家张建国谈城市供水。",
      "主持人：张先生，您好！老城区的水管有多旧？",
      "张建国：有些管子用了四十多年，漏损率超过20%。",
      "更新要 先查清 家底",
      "主持人：那么第一步应该做什么？",
      "张建国：先做管网普查，再按风险排序。",
    ]);
  });

  it("reads the older mirror format with plain <a> links and 原文链接：", () => {
    const article = parseFixture("older-format.md");
    expect(article).toMatchObject({
      id: "n10000002",
      title: "小镇图书馆重新开放 居民排队借书",
      date: "2018-09-12",
      reporter: "周文",
      editor: "赵六",
      tags: ["图书馆", "儿童"],
      caption: "重新开放的图书馆大厅。(示意图)",
      url: "http://www.epochtimes.com/gb/18/9/11/n10000002.htm",
    });
    expect(article.paragraphs).toEqual([
      "接上文：小镇图书馆闭馆维修",
      "经过半年维修，小镇图书馆周一重新开放……居民一早就在门口排队。",
      "新增儿童阅览室",
      "馆长说，新的儿童阅览室有三千册图书。",
    ]);
  });

  it("reads a Voice of America page", () => {
    const article = parseFixture("voa.md");
    expect(article.title).toBe("河流清理行动 志愿者捞出两吨垃圾");
    expect(article.date).toBe("2018-09-10");
    expect(article.url).toBe("https://www.voachinese.com/a/river-cleanup-20180909/4000001.html");
    expect(article.paragraphs).toEqual([
      "上百名志愿者周六沿河清理垃圾。",
      "组织者说，这次一共捞出两吨垃圾。",
      "志愿者玛丽·史密斯(Mary Smith)说：“河水比去年干净多了。”",
    ]);
  });

  it("reads a Reuters page without its credits", () => {
    const article = parseFixture("reuters.md");
    expect(article.url).toBe(
      "https://cn.reuters.com/article/coffee-idCNKCS0000001?feedType=RSS&feedName=CNIntlBizNews",
    );
    expect(article.paragraphs).toEqual([
      "路透伦敦8月31日-某咖啡连锁品牌(X.L)周五表示，明年将新开100家门店。",
    ]);
    expect(article.date).toBeNull();
  });

  it("reads a traditional-script page", () => {
    const article = parseFixture("b5.md");
    expect(article).toMatchObject({
      script: "b5",
      date: "2022-09-03",
      reporter: "林美玲",
      editor: "陳國華",
    });
  });

  it("reads the column layout: authors under the headline, no headline in the body", () => {
    const article = parseFixture("column.md");
    expect(article.reporter).toBe("吴小林、郑大为");
    expect(article.caption).toBe("老街的石板路。（资料图片）");
    expect(article.paragraphs).toEqual(["老街有三百年历史。", "街口的茶馆还在营业。"]);
  });

  it("takes the first line of a plain text as its title when there is no heading", () => {
    const article = parseArticle(
      "社区菜园丰收\n【大纪元2022年01月05日讯】今年收获了五百公斤蔬菜。\n全部捐给了食物银行。\n",
      "garden.txt",
    );
    expect(article.title).toBe("社区菜园丰收");
    expect(article.paragraphs).toEqual(["今年收获了五百公斤蔬菜。", "全部捐给了食物银行。"]);
  });

  it("reads a plain-text article", () => {
    const article = parseFixture("plain.txt");
    expect(article).toMatchObject({
      id: "plain",
      title: "社区菜园丰收",
      url: null,
      date: "2022-01-05",
    });
    expect(article.paragraphs).toEqual([
      "社区菜园今年收获了五百公斤蔬菜，全部捐给了附近的食物银行。",
      "志愿者Anna Lee说，明年还要扩大种植面积。",
    ]);
  });
});

describe("pages that are not articles", () => {
  const failures: [string, string, string][] = [
    ["empty", "", "empty file"],
    ["blank", " \n\t\n", "empty file"],
    [
      "no body",
      '### 标题\n\n<div id="artbody"><div id="below_article_ad">广告</div></div>',
      "no article body",
    ],
    ["only markdown furniture", "### 标题\n\n---\n\n#### [首页](../..?n1)\n", "no article body"],
    [
      "truncated before the body",
      '### 标题\n\n<div id="artbo',
      "truncated HTML with no article body",
    ],
    ["NUL characters", "### 标题\u0000<p>x</p>", "binary file"],
  ];
  for (const [name, html, reason] of failures) {
    it(name, () => {
      expect(() => parseArticle(html, "x.md")).toThrow(ArticleParseError);
      expect(() => parseArticle(html, "x.md")).toThrow(reason);
    });
  }

  it("parses what a truncated page holds and says it was truncated", () => {
    const notes: string[] = [];
    const html = page("<p>第一段。</p><p>第二段写到一半").replace(/<\/div>[\s\S]*$/, "");
    expect(looksTruncated(html)).toBe(true);
    const article = parseArticle(html, "t.md", notes);
    expect(article.paragraphs).toEqual(["第一段。", "第二段写到一半"]);
    expect(notes).toEqual(["truncated HTML: parsed the 2 paragraphs present"]);
  });

  it("does not call a complete page truncated", () => {
    expect(looksTruncated(page("<p>完整。</p>"))).toBe(false);
    expect(looksTruncated("<p>a</p><p>b</p>")).toBe(false);
    expect(looksTruncated("<p>a</p><p")).toBe(true);
  });
});
