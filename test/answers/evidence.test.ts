import { describe, expect, it } from "vitest";
import { countsThing, holdsUnit, namesHead, unnamedHead } from "../../src/answers/evidence.js";

describe("countsThing: the number counts the asked thing", () => {
  it.each([
    ["工厂目前有1,200名工人。", ["工人"], true],
    ["约300名来自外地的工人参加了培训。", ["工人"], true],
    ["工人总数为850人。", ["工人"], true],
    // Another thing counted, or the thing in another clause.
    ["舰队派出三艘护卫舰，驱逐舰留在港内。", ["驱逐舰"], false],
    ["当地共有500人，其中有工人。", ["工人"], false],
    // 多数 is no figure; 一名 before a noun is an article, not a count; a date is no count.
    ["大多数被防空系统拦截。", ["拦截"], false],
    ["一名工人对记者说，工厂停工了。", ["工人"], false],
    ["5月3日工人开始罢工。", ["工人"], false],
  ])("%s %j → %s", (sentence, forms, expected) => {
    expect(countsThing(sentence, forms)).toBe(expected);
  });
});

describe("holdsUnit", () => {
  it.each([
    ["共有40个发展中国家签署。", "国", true],
    ["会议持续了7天。", "国", false],
    ["第三人民医院关闭了。", "人", false],
    ["医院有三百人排队。", "人", true],
  ])("%s in %s → %s", (sentence, unit, expected) => {
    expect(holdsUnit(sentence, unit)).toBe(expected);
  });
});

describe("namesHead: a which-question's noun, named", () => {
  it.each([
    ["她在圣玛丽医院接受检查。", "医院", true],
    ["她的医院检查结果是阴性。", "医院", false],
    ["据某大型医院透露，病人已出院。", "医院", false],
    ["该医院表示病人已出院。", "医院", false],
  ])("%s → %s", (sentence, head, expected) => {
    expect(namesHead(sentence, head)).toBe(expected);
  });
});

describe("unnamedHead: the noun only as 某X, 该X, 上述X", () => {
  it.each([
    ["据某大型药企透露，价格将上调。", "药企", true],
    ["上述药企没有回应。", "药企", true],
    ["该药企与恒瑞药企都没有回应。", "药企", false],
    ["恒瑞药企没有回应。", "药企", false],
    ["没有提到这个词。", "药企", false],
  ])("%s → %s", (sentence, head, expected) => {
    expect(unnamedHead(sentence, head)).toBe(expected);
  });
});
