import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ArticleParseError,
  dateFromUrl,
  idFromUrl,
  parseArticle,
} from "../../src/articles/parse.js";
import { page, root } from "./mirror-page.js";

describe("parseArticle on the seed", () => {
  const seedFile = "seeds/000_d87d864bdde93e5b.txt";
  const article = parseArticle(readFileSync(join(root, seedFile), "utf8"), seedFile);

  it("reads every field", () => {
    expect(article.id).toBe("n13495457");
    expect(article.title).toBe("美俄日内瓦会谈 美副国务卿：未能缩小分歧");
    expect(article.date).toBe("2022-01-11");
    expect(article.reporter).toBe("李馨");
    expect(article.editor).toBe("叶紫微");
    expect(article.url).toBe("https://www.epochtimes.com/gb/22/1/10/n13495457.htm");
    expect(article.script).toBe("gb");
    expect(article.file).toBe(seedFile);
    expect(article.caption).toBe(
      "2022年1月10日，美国副国务卿温迪‧谢尔曼（左）与俄罗斯副外长谢尔盖·里亚布科夫在就乌克兰问题举行安全谈判前合影。(DENIS BALIBOUSE/POOL/AFP via Getty Images)",
    );
  });

  it("lists the tags once each, in order of appearance", () => {
    expect(article.tags).toEqual(["俄罗斯", "乌克兰", "谢尔曼", "北约"]);
  });

  it("has the 14 body paragraphs, without dateline, byline or editor line", () => {
    expect(article.paragraphs).toHaveLength(14);
    expect(article.paragraphs[0]).toBe(
      "美国一名高级外交官表示，鉴于俄罗斯在乌克兰边境集结军队这一背景，两国周一（1月10日）未能在日内瓦举行的安全谈判中缩小分歧。",
    );
    expect(article.paragraphs[13]).toBe(
      "另据《华盛顿邮报》报导，谢尔曼在结束了长达7小时的会议后告诉记者：“然而，我们坚决反对那些对美国来说根本不可能的安全提议。我们不会允许任何人强行关闭北约的门户开放政策，这一直是北约联盟的核心。”",
    );
    expect(article.paragraphs.join("")).not.toMatch(/责任编辑|【大纪元|大纪元记者|#/);
  });

  it("joins the text around <ok> tags and keeps the space between Latin words", () => {
    expect(article.paragraphs[1]).toBe(
      "据《华尔街日报》报导，领导美国代表团进行谈判的副国务卿温迪‧谢尔曼（Wendy Sherman，又译舍曼）说，“我们进行了严肃、直接、务实、坦率的讨论。我们还有很长的路要走”。",
    );
    expect(article.paragraphs[11]).toContain("谢尔盖·里亚布科夫（Sergei Ryabkov）在与美方会谈前");
  });
});

describe("title, id, date, url and script", () => {
  it("falls back to the image alt, then <title>, then the first heading", () => {
    const body = '<div id="artbody"><p>正文。</p></div>';
    expect(parseArticle(`<div><img alt="图片标题" src="a.jpg"/></div>${body}`, "a.md").title).toBe(
      "图片标题",
    );
    expect(
      parseArticle(`<html><head><title>网页 标题</title></head><body>${body}</body></html>`, "a.md")
        .title,
    ).toBe("网页 标题");
    expect(parseArticle(`<h1>\n  大标题\n</h1>${body}`, "a.md").title).toBe("大标题");
  });

  it("refuses a page with no title at all", () => {
    expect(() => parseArticle('<div id="artbody"><p>正文。</p></div>', "a.md")).toThrow("no title");
  });

  it("takes the id from the source link, else from the file name", () => {
    expect(parseArticle(page("<p>正文。</p>"), "dir/whatever.md").id).toBe("n10000001");
    const noLink = '### 标题\n\n<div id="artbody"><p>正文。</p></div>\n';
    expect(parseArticle(noLink, "dir/my-article.html").id).toBe("my-article");
    expect(idFromUrl("https://www.epochtimes.com/gb/22/1/10/n13495457.htm")).toBe("n13495457");
    expect(idFromUrl("https://www.voachinese.com/a/x/4549677.html")).toBeNull();
  });

  it("dates from the link when there is no dateline, else null", () => {
    expect(parseArticle(page("<p>正文。</p>"), "a.md").date).toBe("2022-01-10");
    expect(dateFromUrl("http://www.epochtimes.com/gb/6/9/10/n1449356.htm")).toBe("2006-09-10");
    expect(dateFromUrl("https://www.epochtimes.com/b5/22/13/40/n1.htm")).toBeNull();
    expect(parseArticle("### 标题\n\n<p>正文。</p>", "a.md").date).toBeNull();
  });

  it("keeps only a valid http(s) url", () => {
    expect(parseArticle(page("<p>正文。</p>", { link: "not a url" }), "a.md").url).toBeNull();
    expect(
      parseArticle(page("<p>正文。</p>", { link: "javascript:alert(1)" }), "a.md").url,
    ).toBeNull();
    const anchored =
      '### 标题\n<p>正文。</p>\n原文链接：<a href="https://example.com/a?b=1&amp;c=2">链接</a>';
    expect(parseArticle(anchored, "a.md").url).toBe("https://example.com/a?b=1&c=2");
  });

  it("takes the script from the link path, else from the text", () => {
    expect(
      parseArticle(
        page("<p>正文。</p>", { link: "https://www.epochtimes.com/b5/22/1/1/n1.htm" }),
        "a.md",
      ).script,
    ).toBe("b5");
    expect(
      parseArticle("### 臺灣選舉\n<p>選民週六投票，結果將於晚間公佈。</p>", "a.md").script,
    ).toBe("b5");
    expect(
      parseArticle("### 台湾选举\n<p>选民周六投票，结果将于晚间公布。</p>", "a.md").script,
    ).toBe("gb");
  });

  it("collects tags from <ok> and <a> tag links, once each", () => {
    const body =
      '<p><ok href="https://x/gb/tag/a.html">北约</ok>与<a href="http://x/gb/tag/b.html">俄罗斯</a>，' +
      '<ok href="https://x/gb/tag/a.html">北约</ok>；<a href="http://x/gb/18/1/1/n1.htm">旧文</a></p>';
    expect(parseArticle(page(body), "a.md").tags).toEqual(["北约", "俄罗斯"]);
  });
});

describe("notes files dropped into the articles folder", () => {
  // A file is an article when it holds an article page (the mirror's wrapper or an HTML page), or
  // is plain text carrying a news article's marks (a dateline or a source link).
  const notes: [string, string][] = [
    ["README.md", "# Articles\n\nPut the saved pages here. See the main README for the format.\n"],
    ["说明.md", "# 说明\n\n这个文件夹放镜像保存的文章，每篇一个文件。\n\n新文件会自动加载。\n"],
    ["TODO.txt", "待办：\n- 补齐一月的文章\n- 检查重复的文件\n"],
    [
      "links.md",
      "## 参考\n\n- [大纪元](https://www.epochtimes.com/)\n- [镜像](https://example.com/)\n",
    ],
    ["CHANGELOG.md", "## 2022-01-10\n\n加入了北约的文章。\n"],
  ];
  for (const [file, text] of notes) {
    it(`skips ${file}, saying it is not an article`, () => {
      expect(() => parseArticle(text, file)).toThrow(ArticleParseError);
      expect(() => parseArticle(text, file)).toThrow(/^not an article/);
    });
  }

  const plainArticles: [string, string][] = [
    ["a dateline", "网友热议\n【大纪元2022年01月05日讯】社区菜园今年收获了五百公斤蔬菜。\n"],
    [
      "a source link",
      "# 社区菜园丰收\n\n社区菜园今年收获了五百公斤蔬菜。\n\n原文链接：https://www.epochtimes.com/gb/22/1/5/n10000009.htm\n",
    ],
  ];
  for (const [mark, text] of plainArticles) {
    it(`reads plain text with ${mark} as an article`, () => {
      expect(parseArticle(text, "a.txt").paragraphs).toEqual(["社区菜园今年收获了五百公斤蔬菜。"]);
    });
  }
});
