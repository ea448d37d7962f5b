import { describe, expect, it } from "vitest";
import { answerQuestion, parseQuestion } from "../../src/answers/ask.js";
import type { Article } from "../../src/articles/article.js";
import { isUserError } from "../../src/errors.js";
import { articleFixture, seedArticle } from "../helpers.js";

const fixture = (name: string): Article => articleFixture("summary", name);

const seed = seedArticle();
const fire = fixture("fire.json");
const metro = fixture("traditional.json");
const budget = fixture("repeated.json");

describe("parseQuestion", () => {
  it.each([
    ["谁领导了美国代表团？", "person", ["领导", "美国", "代表团"]],
    ["俄罗斯要求北约做什么？", "other", ["俄罗斯", "要求", "北约"]],
    ["会谈持续了多久？", "duration", ["会谈", "持续"]],
    ["会谈持续了几个小时？", "duration", ["会谈", "持续", "小时"]],
    ["多少人受伤？", "number", ["受伤"]],
    ["火灾是什么时候发生的？", "time", ["火灾", "发生"]],
    ["工厂在哪里？", "place", ["工厂"]],
    ["为什么会发生火灾？", "reason", ["发生", "火灾"]],
    ["誰領導了美國代表團？", "person", ["领导", "美国", "代表团"]],
    ["What does NATO want?", "other", ["nato"]],
  ])("%s", (question, type, words) => {
    const parsed = parseQuestion(question);
    expect(parsed.type).toBe(type);
    expect(parsed.terms.map((t) => t.word)).toEqual(words);
  });
});

describe("answerQuestion on the seed", () => {
  it("谁 → the sentence naming who led the delegation", () => {
    const { answers, reason } = answerQuestion("谁领导了美国代表团？", [seed]);
    expect(reason).toBeUndefined();
    expect(answers[0]?.text).toMatch(/领导美国代表团进行谈判的副国务卿温迪‧谢尔曼/);
    expect(answers[0]).toMatchObject({ articleId: "n13495457", paragraph: 2 });
  });

  it("what Russia demands of NATO → both demand sentences first", () => {
    const { answers } = answerQuestion("俄罗斯要求北约做什么？", [seed]);
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(answers.length).toBeLessThanOrEqual(3);
    const top = answers.slice(0, 2).map((a) => a.paragraph);
    expect(top.sort((a, b) => a - b)).toEqual([8, 10]);
    expect(answers[0]?.text).toMatch(/^俄罗斯则坚持要求北约（NATO）停止东扩/);
  });

  it("多久 → the sentence with the duration, though it says 会议 not 会谈", () => {
    const { answers } = answerQuestion("会谈持续了多久？", [seed]);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.text).toMatch(/长达7小时的会议/);
    expect(answers[0]?.paragraph).toBe(14);
  });

  it("a traditional-script question finds the simplified sentence", () => {
    const { answers } = answerQuestion("誰領導了美國代表團？", [seed]);
    expect(answers[0]?.paragraph).toBe(2);
  });

  it("English words in the question match (NATO, Wendy Sherman)", () => {
    expect(answerQuestion("NATO要停止什么？", [seed]).answers[0]?.paragraph).toBe(8);
    expect(answerQuestion("Wendy Sherman说了什么？", [seed]).answers[0]?.paragraph).toBe(2);
  });

  it("scores are ordered best first and answers are distinct", () => {
    const { answers } = answerQuestion("俄罗斯要求北约做什么？", [seed]);
    const scores = answers.map((a) => a.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(answers.map((a) => a.text)).size).toBe(answers.length);
  });

  it("says so when nothing answers (no word matches)", () => {
    const result = answerQuestion("谁赢得了世界杯？", [seed]);
    expect(result.answers).toEqual([]);
    expect(result.reason).toMatch(/^没有找到能回答这个问题的句子/);
  });

  it("says so when the words match but nothing holds what is asked (no number)", () => {
    const result = answerQuestion("北约有多少成员国？", [seed]);
    expect(result.answers).toEqual([]);
    expect(result.reason).toMatch(/数字/);
  });

  it("a question without content words gets a reason, not a guess", () => {
    const result = answerQuestion("是什么？", [seed]);
    expect(result.answers).toEqual([]);
    expect(result.reason).toBeTruthy();
  });

  it("honours the limit and rejects a bad one", () => {
    expect(answerQuestion("俄罗斯要求北约做什么？", [seed], { limit: 1 }).answers).toHaveLength(1);
    for (const limit of [0, 4, 1.5]) {
      try {
        answerQuestion("俄罗斯要求北约做什么？", [seed], { limit });
        throw new Error("expected a UserError");
      } catch (error) {
        expect(isUserError(error)).toBe(true);
      }
    }
  });
});

describe("answerQuestion by question type (fixtures)", () => {
  const all = [budget, metro, fire, seed];

  it.each([
    ["多少人受伤？", "fx-fire", 1, /12名员工受伤/],
    ["火灾是什么时候发生的？", "fx-fire", 1, /3月5日凌晨/],
    ["大火持续了多久？", "fx-fire", 3, /大约4个小时/],
    ["为什么会发生火灾？", "fx-fire", 2, /由于仓库内的电线短路/],
    ["谁说火灾是电线短路引起的？", "fx-fire", 2, /王大明/],
    ["电子工厂在哪里？", "fx-fire", 1, /桃园市/],
    ["誰在通車典禮上講話？", "fx-metro", 2, /柯文哲/],
    ["新路線有多長？", "fx-metro", 3, /十五公里/],
    ["首日载客量是多少？", "fx-metro", 1, /十萬人次/],
    ["预算什么时候生效？", "fx-repeated", 8, /七月一日/],
  ])("%s", (question, articleId, paragraph, text) => {
    const { answers } = answerQuestion(question, all);
    expect(answers[0]).toMatchObject({ articleId, paragraph });
    expect(answers[0]?.text).toMatch(text);
  });

  it("keeps the article's script in the answer", () => {
    const { answers } = answerQuestion("首日載客量是多少？", [metro]);
    expect(answers[0]?.text).toBe("台北捷運環狀線北段週六正式通車，首日載客量超過十萬人次。");
  });

  it("an article given twice is answered once", () => {
    const { answers } = answerQuestion("多少人受伤？", [fire, fire]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(answers.length);
  });

  it("no answer from unrelated articles", () => {
    const result = answerQuestion("日本的首相是谁？", [fire, metro, budget]);
    expect(result.answers).toEqual([]);
    expect(result.reason).toMatch(/^没有找到/);
  });

  it("a duration question needs a quantity of time, not just the word 持续", () => {
    const tension: Article = {
      ...fire,
      id: "fx-tension",
      paragraphs: ["边境紧张局势持续升级，双方都增派了部队。", "外交官呼吁各方保持克制。"],
    };
    const result = answerQuestion("紧张局势持续了多久？", [tension]);
    expect(result.answers).toEqual([]);
    expect(result.reason).toMatch(/时长/);
  });

  it("the same quote told twice is answered once", () => {
    const { answers } = answerQuestion("市长说了什么？", [budget]);
    expect(answers.filter((a) => a.text.includes("负担得起每天的通勤"))).toHaveLength(1);
  });

  it("a sentence matching only part of the question in another article is not added", () => {
    const { answers } = answerQuestion("会谈持续了多久？", [fire, seed]);
    expect(answers.map((a) => [a.articleId, a.paragraph])).toEqual([["n13495457", 14]]);
  });

  it("no candidates, no answer", () => {
    expect(answerQuestion("多少人受伤？", []).answers).toEqual([]);
  });
});
