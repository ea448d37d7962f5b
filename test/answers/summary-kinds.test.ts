import { describe, expect, it } from "vitest";
import { summarize } from "../../src/answers/summary.js";
import { isDigest, isTranscript, summarizeByKind } from "../../src/answers/summary-kinds.js";
import type { Article } from "../../src/articles/article.js";
import { articleFixture } from "../helpers.js";

const base = articleFixture("summary", "fire.json");
const withParagraphs = (id: string, title: string, paragraphs: string[]): Article => ({
  ...base,
  id,
  title,
  paragraphs,
});

const digest = withParagraphs("fx-digest", "【翻墙必看】三则新闻", [
  "本报每天为读者梳理必看的文章：",
  "1.某市工厂大火十二人受伤",
  "某市一家电子工厂周六凌晨发生大火，造成12名员工受伤。消防局表示起火原因仍在调查。",
  "2、新线地铁周六通车",
  "环状线北段周六正式通车，首日载客量超过十万人次。市长出席了通车典礼。",
  "3.议会通过新年度预算",
  "市议会周五通过新年度预算，总额比去年增加百分之五。预算将于七月一日生效。",
]);

const transcript = withParagraphs("fx-interview", "专访某学者：谈新闻自由", [
  "日前，本报记者专访了研究新闻自由多年的某学者，谈当地媒体的自我审查。",
  "记者：您是什么时候开始研究这个问题的？",
  "某学者：我从上世纪九十年代就开始关注这个问题了。",
  "记者：您怎么看现在的情况？",
  "某学者：情况越来越严重，很多记者已经离开了这个行业。",
  "记者：外国应该怎么做？",
  "某学者：外国应该引以为戒。",
  "记者：谢谢您。",
]);

/** A video commentary's transcript whose analysis lists numbered points, one sentence each. */
const commentary = withParagraphs("fx-commentary", "【快评】结婚证曝光 四大疑点", [
  "朋友们好，欢迎来到本节目，我是主持人。",
  "今天焦点：某县结婚证曝光，四大疑点引发质疑。",
  "某县一张结婚证的照片周二在网上流传，引起网友广泛关注。",
  "照片中可以看到四个明显的问题：",
  "1.照片中的女子与本人明显不是同一个人。",
  "2.结婚证记录的出生日期与本人年龄对不上。",
  "3.颁证日期是星期天，民政部门不办公。",
  "4.结婚证编号是空白的。",
  "县政府周三回应说，这份结婚证是违规办理的。",
]);

/** A talk show's numbered questions to its guests, each followed by a section heading. */
const talkShow = withParagraphs("fx-talk-show", "【大家谈】三个话题", [
  "本期节目嘉宾：某评论员、某教授。",
  "1.某评论员，您怎么看这件事？",
  "【话题二 预算案】",
  "2.某教授，预算增加的原因是什么？",
  "【话题三 地铁】",
  "3.新线通车意味着什么",
  "【结语】",
  "市议会周五通过新年度预算，总额比去年增加百分之五。",
]);

describe("summaries by kind of article", () => {
  it.each([
    ["a digest", digest, true, false],
    ["a transcript", transcript, false, true],
    ["a news story", base, false, false],
    ["a commentary listing numbered points (sentences, not headlines)", commentary, false, false],
    ["a talk show's numbered questions to its guests", talkShow, false, false],
  ])("%s is recognised as such", (_name, article, digestKind, transcriptKind) => {
    expect(isDigest(article)).toBe(digestKind);
    expect(isTranscript(article)).toBe(transcriptKind);
  });

  it("a digest: one line per story, the story's opening sentence, in order", () => {
    expect(summarize(digest, 3)).toEqual([
      "某市一家电子工厂周六凌晨发生大火，造成12名员工受伤。",
      "环状线北段周六正式通车，首日载客量超过十万人次。",
      "市议会周五通过新年度预算，总额比去年增加百分之五。",
    ]);
    expect(summarize(digest, 2)).toHaveLength(2);
  });

  it.each([
    [
      "a story opening with a worker's words goes on in the next paragraph: no line from it",
      "“火太大了，我们根本进不去。消防车来了也没用。",
      undefined,
    ],
    [
      "a story whose quotation is attributed: its opening sentence",
      "一名工人说，“火太大了，我们根本进不去。消防车来了也没用。",
      "一名工人说，“火太大了，我们根本进不去。",
    ],
  ])("a digest's story line never comes from inside a quotation: %s", (_name, story, line) => {
    const article = withParagraphs("fx-digest-quote", "【翻墙必看】三则新闻", [
      "1.某市工厂大火十二人受伤",
      story,
      "2、新线地铁周六通车",
      "环状线北段周六正式通车，首日载客量超过十万人次。市长出席了通车典礼。",
      "3.议会通过新年度预算",
      "市议会周五通过新年度预算，总额比去年增加百分之五。预算将于七月一日生效。",
    ]);
    const lines = summarize(article, 3);
    expect(lines.some((shown) => shown.startsWith("消防车来了"))).toBe(false);
    if (line) expect(lines[0]).toBe(line);
    else expect(lines[0]).toBe("环状线北段周六正式通车，首日载客量超过十万人次。");
  });

  it("a transcript: by its opening, never the interviewer's questions", () => {
    const lines = summarize(transcript, 3);
    expect(lines[0]).toMatch(/^日前，本报记者专访了/);
    expect(lines.some((line) => line.includes("记者："))).toBe(false);
    expect(lines.some((line) => /[?？]$/.test(line))).toBe(false);
  });

  it("a commentary with numbered points is summarised as a whole, not point by point", () => {
    const lines = summarize(commentary, 3);
    expect(lines).toHaveLength(3);
    expect(lines.filter((line) => /^\d\./.test(line)).length).toBeLessThan(2);
  });

  it("other articles are left to the ranking", () => {
    expect(summarizeByKind(base, 3)).toBeUndefined();
  });
});
