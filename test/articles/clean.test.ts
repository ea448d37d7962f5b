import { describe, expect, it } from "vitest";
import { cleanText } from "../../src/articles/clean.js";
import { paragraphsOf } from "./mirror-page.js";

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
