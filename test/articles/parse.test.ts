import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  ArticleParseError,
  bylineReporters,
  cleanText,
  dateFromUrl,
  decodeArticleBytes,
  idFromUrl,
  looksTruncated,
  parseArticle,
} from "../../src/articles/parse.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = (name: string) => readFileSync(join(root, "test/fixtures/parse", name), "utf8");
const parseFixture = (name: string) => parseArticle(fixture(name), name);

/** A minimal page in the mirror's format around some body HTML. */
function page(body: string, options: { title?: string; link?: string } = {}): string {
  const title = options.title ?? "测试标题";
  const link = options.link ?? "https://www.epochtimes.com/gb/22/1/10/n10000001.htm";
  return `### ${title}\n\n---\n\n<div class="post_content" id="artbody" itemprop="articleBody">\n${body}\n</div>\n\n---\n\n原文链接（需翻墙）：${link}\n`;
}

const paragraphsOf = (body: string) => parseArticle(page(body), "t.md").paragraphs;

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

describe("text cleaning inside a paragraph", () => {
  const cases: { name: string; html: string; expected: string }[] = [
    {
      name: "named entities",
      html: "<p>A&amp;B 公司&lt;新&gt;报告&quot;</p>",
      expected: 'A&B公司<新>报告"',
    },
    { name: "numeric entities", html: "<p>&#20013;&#x6587;&#8230;&#8230;</p>", expected: "中文……" },
    {
      name: "zero-width characters",
      html: "<p>北\u200b京\u200d市\ufeff民\u2060</p>",
      expected: "北京市民",
    },
    {
      name: "soft hyphen and direction marks",
      html: "<p>\u200e记\u00ad者\u200f</p>",
      expected: "记者",
    },
    {
      name: "line breaks between Chinese",
      html: "<p>\n  美国\n  表示\n</p>",
      expected: "美国表示",
    },
    {
      name: "one space between Latin words across lines",
      html: "<p>\n  副国务卿\n  <ok href='x'>\n   Wendy\n  </ok>\n  Sherman\n  说\n</p>",
      expected: "副国务卿Wendy Sherman说",
    },
    {
      name: "Latin words inside Chinese",
      html: "<p>（Wendy Sherman，又译舍曼）</p>",
      expected: "（Wendy Sherman，又译舍曼）",
    },
    {
      name: "digits and Han need no space",
      html: "<p>2019 年 12 月，</p>",
      expected: "2019年12月，",
    },
    {
      name: "digit groups keep their space",
      html: "<p>电话 555 1234 号</p>",
      expected: "电话555 1234号",
    },
    {
      name: "ok tag links",
      html: '<p>\n  鉴于\n  <ok href="https://www.epochtimes.com/gb/tag/a.html">\n   俄罗斯\n  </ok>\n  在\n</p>',
      expected: "鉴于俄罗斯在",
    },
    {
      name: "strong speaker label keeps its colon",
      html: "<p>\n  <strong>\n   杨杰凯：\n  </strong>\n  欢迎你。\n</p>",
      expected: "杨杰凯：欢迎你。",
    },
    {
      name: "strong label with the colon outside",
      html: "<p>\n  <strong>\n   主持人\n  </strong>\n  ：您好。\n</p>",
      expected: "主持人：您好。",
    },
    {
      name: "nbsp between Latin words",
      html: "<p>New&nbsp;York&nbsp;时报</p>",
      expected: "New York时报",
    },
    { name: "nbsp between Chinese", html: "<p>台北&nbsp;&nbsp;报导</p>", expected: "台北报导" },
    {
      name: "ideographic indentation",
      html: "<p>\u3000\u3000春天来了。</p>",
      expected: "春天来了。",
    },
    {
      name: "no space inside brackets",
      html: "<p>某公司(\n  <a href='q'>\n   X.L\n  </a>\n  )宣布</p>",
      expected: "某公司(X.L)宣布",
    },
    { name: "no space before a comma", html: "<p>Biden\n , Trump</p>", expected: "Biden, Trump" },
    {
      name: "name dots are kept",
      html: "<p>温迪‧\n  <ok href='x'>谢尔曼</ok></p>",
      expected: "温迪‧谢尔曼",
    },
    {
      name: "emphasis and spans are plain text",
      html: "<p><em>重</em><span>要</span><b>的</b>事</p>",
      expected: "重要的事",
    },
    {
      name: "curly quotes take no spaces",
      html: "<p>他说\n  “\n  好\n  ”\n</p>",
      expected: "他说“好”",
    },
  ];
  for (const { name, html, expected } of cases) {
    it(name, () => {
      expect(paragraphsOf(html)).toEqual([expected]);
    });
  }

  it("splits a paragraph at <br> into separate paragraphs", () => {
    expect(paragraphsOf("<p>第一行。<br/><br/>第二行。</p>")).toEqual(["第一行。", "第二行。"]);
  });

  it("keeps spaces used as separators in titles and headings", () => {
    expect(cleanText("美俄会谈 美方：未能缩小分歧", true)).toBe("美俄会谈 美方：未能缩小分歧");
    expect(cleanText("美俄会谈 美方：未能缩小分歧")).toBe("美俄会谈美方：未能缩小分歧");
    expect(
      paragraphsOf(
        "<h4>\n  贸易战下 中国经济\n  <ok href='x'>\n   败象\n  </ok>\n</h4><p>正文。</p>",
      ),
    ).toEqual(["贸易战下 中国经济败象", "正文。"]);
  });
});

describe("image captions inside the body", () => {
  // The mirror's in-body images: <figure class="wp-caption"> holding the image link and a
  // <figcaption class="wp-caption-text">. Their captions are kept apart from the paragraphs, so
  // paragraph numbers, summaries and quotes stay as they were.
  const figure = (caption: string) =>
    `<figure class="wp-caption aligncenter"><ok href="x.jpg"><img alt="" src="x.jpg"/></ok>` +
    `<br/><figcaption class="wp-caption-text">\n ${caption}\n</figcaption><br/></figure><br/>`;
  const cases: { name: string; body: string; captions: string[] | undefined }[] = [
    {
      name: "one figure between paragraphs",
      body: `<p>正文一。</p>${figure("图为台湾半导体制造商台积电在台湾中部科学园区的工厂。（Sam Yeh / AFP）")}<p>正文二。</p>`,
      captions: ["图为台湾半导体制造商台积电在台湾中部科学园区的工厂。（Sam Yeh / AFP）"],
    },
    {
      name: "two figures, in order",
      body: `${figure("世卫总部。（AFP）")}<p>正文一。</p>${figure("联合国大会会场。（Getty Images）")}<p>正文二。</p>`,
      captions: ["世卫总部。（AFP）", "联合国大会会场。（Getty Images）"],
    },
    {
      name: "a tag link inside the caption",
      body: `<p>正文一。</p>${figure('<ok href="t">\n 赖清德\n</ok>\n 抵达洛杉矶。（总统府提供）')}`,
      captions: ["赖清德抵达洛杉矶。（总统府提供）"],
    },
    {
      name: "a bare photo credit is no caption",
      body: `<p>正文一。</p>${figure("（微博截图）")}<p>正文二。</p>`,
      captions: undefined,
    },
    { name: "no figures", body: "<p>正文一。</p><p>正文二。</p>", captions: undefined },
  ];
  /** The mirror's page: the lead image and its caption above the body. */
  const withLeadImage = (body: string) =>
    '### 标题\n\n<div><img alt="标题" src="a.jpg"/><div class="caption">\n 首图说明。（大纪元）\n</div></div>' +
    `<hr/><div class="post_content" id="artbody">${body}</div>\n\n` +
    "原文链接（需翻墙）：https://www.epochtimes.com/gb/22/1/10/n10000001.htm\n";
  for (const { name, body, captions } of cases) {
    it(name, () => {
      const article = parseArticle(withLeadImage(body), "t.md");
      expect(article.caption).toBe("首图说明。（大纪元）");
      expect(article.captions).toEqual(captions);
      expect(article.paragraphs.filter((p) => p.startsWith("正文"))).toEqual(article.paragraphs);
    });
  }

  it("takes the first figure's caption as the caption when there is no lead image", () => {
    const article = parseArticle(
      page(`<p>正文一。</p>${figure("甲图。")}${figure("乙图。")}`),
      "t.md",
    );
    expect(article.caption).toBe("甲图。");
    expect(article.captions).toEqual(["乙图。"]);
  });
});

describe("what is dropped from the body", () => {
  const cases: { name: string; body: string; expected: string[] }[] = [
    {
      name: "empty paragraphs and separators",
      body: "<p>正文。</p><p>\n</p><p>————————-</p><p>***</p>",
      expected: ["正文。"],
    },
    {
      name: "captions, figures, ads and players",
      body:
        '<p>正文。</p><figure><img src="a.jpg"/><figcaption>图说。</figcaption></figure>' +
        '<div class="caption">另一个图说</div><div id="below_article_ad">广告</div>' +
        '<div class="video_fit_container"><p>播放器</p></div><script>var a = 1;</script>',
      expected: ["正文。"],
    },
    {
      name: "the editor line",
      body: "<p>正文。</p><p>责任编辑：叶紫微#</p>",
      expected: ["正文。"],
    },
    {
      name: "the end mark #, ＃ and ◇ but not C#",
      body: "<p>第一段。#</p><p>学习C#</p><p>第三段。 ＃</p><p>完了。◇</p>",
      expected: ["第一段。", "学习C#", "第三段。", "完了。"],
    },
    { name: "trailing source line", body: "<p>正文。</p><p>（中央社）</p>", expected: ["正文。"] },
    {
      name: "trailing reprint line",
      body: "<p>正文。</p><p>——转载自《新纪元》</p>",
      expected: ["正文。"],
    },
    {
      name: "trailing （转自美国之音）",
      body: "<p>正文。</p><p>（转自美国之音）</p>",
      expected: ["正文。"],
    },
    {
      name: "trailing opinion disclaimer",
      body: "<p>正文。</p><p>本文仅代表作者本人的观点，不一定反映《大纪元时报》的立场。</p>",
      expected: ["正文。"],
    },
    {
      name: "trailing production credits and promotion",
      body:
        "<p>正文。</p><p>优乐客会员新年优惠方案：</p><p>每个月只要不到$2 美金（优惠只到2月22日喔！）</p>" +
        "<p>https://www.example.com/post</p><p>《新闻看点》制作组</p>",
      expected: ["正文。"],
    },
    {
      name: "programme sign-offs",
      body: "<p>正文。</p><p>以上就是今天的节目内容。如果您喜欢，请别忘记点赞并订阅。</p>",
      expected: ["正文。"],
    },
    { name: "to be continued", body: "<p>正文。</p><p>（未完待续）</p>", expected: ["正文。"] },
    {
      name: "contributor credits",
      body: "<p>正文。</p><p>（大纪元记者张三、李四对此文有贡献）</p>",
      expected: ["正文。"],
    },
    { name: "the Reuters end mark", body: "<p>最后一句。(完)</p>", expected: ["最后一句。"] },
    {
      name: "link prompts anywhere",
      body: "<p>（点击这里可以看相关短片）</p><p>正文。</p>",
      expected: ["正文。"],
    },
    {
      name: "photo credits standing alone",
      body: "<p>（微博截图）</p><p>正文。</p>",
      expected: ["正文。"],
    },
    {
      name: "trailing credits, appeals and dangling related-video headings",
      body:
        "<p>正文。</p><p>（英文大纪元记者Jack Phillips对本报导有所贡献。）</p><p>主播：蔚然</p>" +
        "<p>【支持】为真相护航，支持大纪元。</p><p>大纪元脸书直播：facebook.com/djy.news</p><p>▼相关影片</p>",
      expected: ["正文。"],
    },
    {
      name: "but never the only paragraph",
      body: "<p>论坛报名网址为https://tinyurl.com/abc。</p>",
      expected: ["论坛报名网址为https://tinyurl.com/abc。"],
    },
    {
      name: "nor a closing sentence that ends with a link",
      body: "<p>正文。</p><p>州长办公室宣布将举行网络论坛，报名网址为https://example.com/form。</p>",
      expected: ["正文。", "州长办公室宣布将举行网络论坛，报名网址为https://example.com/form。"],
    },
    {
      name: "but not a real closing sentence in brackets",
      body: "<p>正文。</p><p>（这次会议将在三月再度召开，届时双方会公布具体的时间表。）</p>",
      expected: ["正文。", "（这次会议将在三月再度召开，届时双方会公布具体的时间表。）"],
    },
    {
      name: "nor a closing sentence that mentions a price",
      body: "<p>正文。</p><p>新的月费将上涨到每月10美元，用户可以随时取消订阅服务。</p>",
      expected: ["正文。", "新的月费将上涨到每月10美元，用户可以随时取消订阅服务。"],
    },
  ];
  for (const { name, body, expected } of cases) {
    it(name, () => {
      expect(paragraphsOf(body)).toEqual(expected);
    });
  }
});

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

describe("decodeArticleBytes", () => {
  const text = "### 标题\n<p>北京时间周一，记者报导。</p>";

  it("reads UTF-8 and strips a BOM", () => {
    expect(decodeArticleBytes(Buffer.from(text))).toBe(text);
    expect(
      decodeArticleBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
    ).toBe(text);
  });

  it("reads GBK when the bytes are not UTF-8", () => {
    expect(decodeArticleBytes(iconv.encode(text, "gbk"))).toBe(text);
    expect(decodeArticleBytes(iconv.encode(text, "gb18030"))).toBe(text);
  });

  it("follows a declared Big5 charset", () => {
    const big5 = '<meta charset="big5"><p>臺灣選舉結果公佈。</p>';
    expect(decodeArticleBytes(iconv.encode(big5, "big5"))).toBe(big5);
  });

  it("reads UTF-16 with a BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeArticleBytes(bytes)).toBe(text);
  });

  it("tolerates a stray invalid byte in UTF-8 text", () => {
    const long = text.repeat(20);
    const bytes = Buffer.concat([Buffer.from(long), Buffer.from([0xff]), Buffer.from(long)]);
    expect(decodeArticleBytes(bytes)).toBe(`${long}\ufffd${long}`);
  });

  it("refuses binary data", () => {
    expect(() => decodeArticleBytes(Buffer.from([0x41, 0x00, 0x42]))).toThrow("binary file");
    expect(() => decodeArticleBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toThrow(
      "binary file (PNG image)",
    );
    const late = Buffer.concat([Buffer.from("a".repeat(9000)), Buffer.from([0])]);
    expect(() => decodeArticleBytes(late)).toThrow("binary file");
    expect(() => decodeArticleBytes(Buffer.alloc(0))).toThrow("empty file");
  });

  it("drops the replacement characters of a damaged byte when parsing", () => {
    const article = parseArticle(
      decodeArticleBytes(
        Buffer.concat([
          Buffer.from("### 标题\n<p>正"),
          Buffer.from([0xff]),
          Buffer.from("文。</p>"),
        ]),
      ),
      "a.md",
    );
    expect(article.paragraphs).toEqual(["正文。"]);
  });
});
