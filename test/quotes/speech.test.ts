import { describe, expect, it } from "vitest";
import { findVerbs } from "../../src/quotes/speech.js";

/** The speech verbs findVerbs finds in a (folded) paragraph, as the words matched. */
function verbsOf(text: string): string[] {
  return findVerbs(text).map(({ index, length }) => text.slice(index, index + length));
}

describe("findVerbs: 指 used as 指出", () => {
  it.each([
    ["a name, then 指 and a comma", "经济学者郑立群指,地方财政离不开卖地。", ["指"]],
    ["a pronoun, 又指 and a colon", "他又指:“孩子们太累了。”", ["指"]],
    ["指 with other verbs, in text order", "她表示,问题不小。她还指,“没人负责”。", ["表示", "指"]],
    ["是指 defines a word", "所谓维稳是指,把不同声音压下去。", []],
    ["所指 is what is meant", "他所指,就是那些关押。", []],
    ["a finger is no verb", "他伸出手指,指向远处。", []],
    ["指 inside a word (指导, 指挥) is no verb", "他指导学生,指挥若定。", []],
    ["指 not before a comma or colon (指向)", "矛头指向当局。", []],
  ])("%s", (_name, text, expected) => {
    expect(verbsOf(text)).toEqual(expected);
  });
});
