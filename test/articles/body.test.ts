import { describe, expect, it } from "vitest";
import { paragraphsOf } from "./mirror-page.js";

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
