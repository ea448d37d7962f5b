import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/articles/parse.js";
import { page } from "./mirror-page.js";

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
