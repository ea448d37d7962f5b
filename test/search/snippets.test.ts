import { describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { markSnippet, SearchIndex, SNIPPET_MAX } from "../../src/search/search.js";
import { makeArticle } from "../helpers.js";

/**
 * A snippet carries the term with at least a clause of context: a sentence that is little more
 * than the term (`台积电。`, `斯托尔滕贝格说。`, a short subhead) takes in its neighbour, and a
 * sentence without the term (the greeting that opens a video transcript) is never a snippet
 * for it. In-body image captions are searched and shown like the lead caption.
 */
const snippetsFor = (article: Article, query: string): string[] => {
  const hit = SearchIndex.build([article]).search(query).hits[0];
  expect(hit, `${query} finds ${article.id}`).toBeDefined();
  return (hit?.snippets ?? []).map((snippet) => markSnippet(snippet));
};

const cases: {
  name: string;
  query: string;
  article: Partial<Article> & Pick<Article, "paragraphs">;
  expected: string;
}[] = [
  {
    name: "an answer to a question in the text takes the question",
    query: "台积电",
    article: {
      paragraphs: [
        "大陆出炉了一个市值排行榜，排在第一位的是谁呢？台积电。紧随其后的是腾讯控股。",
        "第二段。",
      ],
    },
    expected: "大陆出炉了一个市值排行榜，排在第一位的是谁呢？**台积电**。",
  },
  {
    name: "the speaker after a quotation takes the quotation",
    query: "斯托尔滕贝格",
    article: {
      paragraphs: [
        "北约正在密切关注俄罗斯的军事动向。“我们看到俄罗斯在乌克兰周边部署了更多部队。”斯托尔滕贝格说。",
      ],
    },
    expected: "“我们看到俄罗斯在乌克兰周边部署了更多部队。”**斯托尔滕贝格**说。",
  },
  {
    name: "a subhead takes the first sentence under it",
    query: "拜登",
    article: {
      paragraphs: [
        "第一段写别的事情，很长很长。",
        "拜登将继续行程",
        "他周二将前往费城，与当地官员会面。",
      ],
    },
    expected: "**拜登**将继续行程 他周二将前往费城，与当地官员会面。",
  },
  {
    name: "a one-sentence paragraph at the end takes the one before",
    query: "世卫",
    article: { paragraphs: ["疫苗的效力在接种半年后明显下降。", "世卫说。"] },
    expected: "疫苗的效力在接种半年后明显下降。 **世卫**说。",
  },
  {
    name: "a sentence with a clause of context stays alone",
    query: "谢尔盖",
    article: {
      paragraphs: ["俄罗斯外长谢尔盖‧拉夫罗夫周五在日内瓦会见布林肯。会谈持续了一个半小时。"],
    },
    expected: "俄罗斯外长**谢尔盖**‧拉夫罗夫周五在日内瓦会见布林肯。",
  },
  {
    name: "a term only in the title: the title, not the greeting that opens the text",
    query: "普京",
    article: {
      title: "哈萨克政变未遂 普京撤军",
      paragraphs: ["大家好，我是赵培。", "今天我们来看哈萨克的局势。"],
    },
    expected: "哈萨克政变未遂 **普京**撤军",
  },
  {
    name: "a term only in an in-body image caption",
    query: "台积电",
    article: {
      caption: "台湾的夜景。（大纪元）",
      captions: ["图为台湾半导体制造商台积电在台湾中部科学园区的工厂。（Sam Yeh/AFP）"],
      paragraphs: ["中共一直叫嚣武统台湾，敢说其目的是要控制台湾的高科技产业吗？"],
    },
    expected: "图为台湾半导体制造商**台积电**在台湾中部科学园区的工厂。（Sam Yeh/AFP）",
  },
];

describe("snippets carry the term with a clause of context", () => {
  for (const { name, query, article, expected } of cases) {
    it(`${query}: ${name}`, () => {
      const snippets = snippetsFor(makeArticle(article), query);
      expect(snippets[0]).toBe(expected);
      for (const snippet of snippets) expect(snippet).toContain(`**`);
    });
  }

  it("cuts a long neighbour to the snippet length, keeping the term", () => {
    const quote = `“${"我们看到俄罗斯部署了更多部队".repeat(12)}。”`;
    const article = makeArticle({ paragraphs: [`${quote}斯托尔滕贝格说。`] });
    const [snippet] = snippetsFor(article, "斯托尔滕贝格");
    expect(snippet).toMatch(/^…[^*]{10,}”\*\*斯托尔滕贝格\*\*说。$/);
    expect((snippet ?? "").replaceAll("**", "").length).toBeLessThanOrEqual(SNIPPET_MAX + 2);
  });
});

describe("in-body image captions are part of the article", () => {
  const article = makeArticle({
    id: "n2",
    captions: ["世卫总部外景。（AFP）", "联合国大会会场。（Getty Images）"],
    paragraphs: ["正文没有提到这两个机构。"],
  });
  it.each(["世卫", "联合国", "Getty"])("%s finds the article through a caption", (query) => {
    const result = SearchIndex.build([article]).search(query);
    expect(result.hits.map((hit) => hit.id)).toEqual(["n2"]);
    expect(markSnippet(result.hits[0]?.snippets[0] ?? { text: "", highlights: [] })).toContain(
      `**${query}**`,
    );
  });
});

describe("image captions leave other searches as they were", () => {
  const plain = [
    makeArticle({
      id: "a",
      caption: "北约总部。",
      paragraphs: ["北约周一开会。", "会议讨论了乌克兰。"],
    }),
    makeArticle({ id: "b", paragraphs: ["乌克兰局势紧张，北约表示关切。"] }),
    makeArticle({ id: "c", caption: "会场。", paragraphs: ["北约秘书长发表讲话，北约将增兵。"] }),
  ];
  const withCaptions = plain.map((article, i) =>
    i === 1 ? article : { ...article, captions: ["图为现场的记者。（AFP）", "街头的行人。"] },
  );
  it.each(["北约", "乌克兰", "会议"])("%s: the same hits and scores", (query) => {
    const before = SearchIndex.build(plain).search(query);
    const after = SearchIndex.build(withCaptions).search(query);
    expect(after.hits.map((hit) => [hit.id, hit.score])).toEqual(
      before.hits.map((hit) => [hit.id, hit.score]),
    );
  });
});
