import { describe, expect, it } from "vitest";
import {
  isPrefixKey,
  keyText,
  numericTermKey,
  parseQuery,
  type QueryTerm,
  queryTokens,
  TermCounter,
  termKey,
  tokenize,
} from "../../src/search/analyzer.js";
import { anchorOf, containsTerm, matchRanges, nextMatch } from "../../src/search/verify.js";
import { foldText } from "../../src/text/text.js";

function onlyTerm(query: string): QueryTerm {
  const terms = parseQuery(query);
  expect(terms).toHaveLength(1);
  return terms[0] as QueryTerm;
}

/** Whether the index would propose the text for the query (every query key is, or starts, an index key). */
function proposes(text: string, query: string): boolean {
  const keys = new Set(tokenize(text).map(termKey));
  return onlyTerm(query).tokens.every((token) => {
    const key = termKey(token);
    return isPrefixKey(key) ? [...keys].some((indexed) => indexed.startsWith(key)) : keys.has(key);
  });
}

describe("matching a query term in a text (index proposes, text check decides)", () => {
  it.each([
    // Scripts, both ways.
    ["simplified query, traditional text", "北約秘書長表示", "北约", true],
    ["traditional query, simplified text", "北约秘书长表示", "北約", true],
    ["谢尔曼 finds 謝爾曼", "美國副國務卿謝爾曼說", "谢尔曼", true],
    ["謝爾曼 finds 谢尔曼", "美国副国务卿谢尔曼说", "謝爾曼", true],
    // Latin words.
    ["NATO finds nato", "北约(nato)峰会", "NATO", true],
    ["nato finds NATO", "北约（NATO）峰会", "nato", true],
    ["full-width text ＮＡＴＯ", "ＮＡＴＯ峰会", "nato", true],
    ["full-width query ＮＡＴＯ", "the NATO summit", "ＮＡＴＯ", true],
    ["a word is not found inside another", "the senator said", "nato", false],
    ["words of 3+ letters match as prefixes", "Iranian officials", "iran", true],
    ["shorter words do not", "United Nations", "un", false],
    ["a short word is found whole", "the UN said", "un", true],
    // Name dots ‧ · • ・ are one.
    ["‧ in the text, · in the query", "副国务卿温迪‧谢尔曼说", "温迪·谢尔曼", true],
    ["· in the text, • in the query", "温迪·谢尔曼说", "温迪•谢尔曼", true],
    ["・ in the text, ‧ in the query", "温迪・谢尔曼说", "温迪‧谢尔曼", true],
    ["• in the text, ・ in the query", "温迪•谢尔曼说", "温迪・谢尔曼", true],
    // Digits kept.
    ["a digit before Han", "长达7小时的会议", "7小时", true],
    ["full-width digits", "２０２２年１月", "2022年", true],
    ["a date", "2022年1月10日，美国", "1月10日", true],
    ["a number is not found inside a longer one", "20221 people", "2022", false],
    // Names that a word segmenter splits (斯托尔/滕/贝格, 里/亚/布/科夫) are found whole.
    ["北约 inside a sentence", "俄罗斯则坚持要求北约停止东扩", "北约", true],
    ["乌克兰 inside a sentence", "并停止对乌克兰和前苏联其它地区的训练", "乌克兰", true],
    ["谢尔曼 inside a sentence", "领导美国代表团进行谈判的副国务卿温迪‧谢尔曼说", "谢尔曼", true],
    ["里亚布科夫 inside a sentence", "在会谈结束后，里亚布科夫表示没有进展", "里亚布科夫", true],
    ["斯托尔滕贝格 inside a sentence", "北约秘书长斯托尔滕贝格表示", "斯托尔滕贝格", true],
    // Exact: sharing characters is not enough.
    ["谢尔曼 is not 谢尔盖", "俄罗斯副外长谢尔盖·里亚布科夫", "谢尔曼", false],
    ["舍曼 is not 谢尔曼", "副国务卿谢尔曼说", "舍曼", false],
    ["北约 is not 北京条约", "北京条约", "北约", false],
    // One character.
    ["one character starting a run", "美国总统", "美", true],
    ["one character ending a run", "他访问了美", "美", true],
    ["one character absent", "英国首相", "美", false],
  ])("%s: %s / %s → %s", (_case, text, query, found) => {
    expect(containsTerm(foldText(text), onlyTerm(query))).toBe(found);
    if (found) expect(proposes(text, query)).toBe(true);
  });
});

describe("anchored search (a rarer unit of the term scanned for first) finds the same match", () => {
  const plain = (folded: string, term: QueryTerm, from: number) => {
    // The plain scan: every occurrence from `from`, the first one at a word boundary.
    for (let at = folded.indexOf(term.text, from); at >= 0; at = folded.indexOf(term.text, at + 1))
      if (
        nextMatch(folded.slice(at), term, 0) === 0 &&
        (at === 0 || nextMatch(folded, term, at) === at)
      )
        return at;
    return -1;
  };
  it.each([
    ["the term first, the rarer unit later", "中共病毒中共病毒", "中共病毒"],
    ["the tail occurs before the whole term", "病毒传播，中共隐瞒，中共病毒扩散", "中共病毒"],
    ["the tail at the very start (no room for the head)", "病毒与中共病毒", "中共病毒"],
    ["only the head", "中共中央", "中共病毒"],
    ["overlapping occurrences", "大纪元大纪元元", "大纪元"],
    ["a word at a boundary after a word inside another", "senator nato", "nato"],
    ["a number inside a longer one, then whole", "20221 and 2022年", "2022"],
    ["absent", "美国总统", "习近平"],
    ["an astral character in the term", "记者𠮷野说𠮷野家", "𠮷野家"],
  ])("%s", (_case, text, query) => {
    const folded = foldText(text);
    const term = onlyTerm(query);
    for (let anchor = 0; anchor < term.text.length; anchor++) {
      for (let from = 0; from <= folded.length; from++) {
        expect(nextMatch(folded, term, from, anchor)).toBe(nextMatch(folded, term, from, 0));
      }
    }
    expect(nextMatch(folded, term, 0, 0)).toBe(plain(folded, term, 0));
  });

  it.each([
    ["the rarest unit of the sample", "中共病毒", ["中共中央，中共政府，病毒，病危"], 3],
    ["the first of equals", "华盛顿", ["华盛顿"], 0],
    ["no sample: the first unit", "华盛顿", [], 0],
    ["a surrogate pair is never split (the other unit, however frequent)", "𠮷野", ["野野野𠮷"], 2],
    ["one unit", "美", ["美国"], 0],
    // 习 (U+4E60) is searched for by its byte 0x60, which every 性 (U+6027) has too.
    ["stops by byte, not by unit", "习近", ["性性性性习近"], 1],
  ])("anchorOf: %s", (_case, text, sample, anchor) => {
    expect(anchorOf(text, sample)).toBe(anchor);
  });
});

describe("index tokens", () => {
  it.each([
    [
      "a Han run gives its bigrams and its last character",
      "北约峰会",
      ["北约", "约峰", "峰会", "会"],
    ],
    ["runs end at punctuation and Latin", "北约（NATO）东扩", ["北约", "约", "nato", "东扩", "扩"]],
    ["a lone character", "美、英", ["美", "英"]],
    ["words and digits, lower case", "COVID-19疫苗", ["covid", "19", "疫苗", "苗"]],
    ["name dots split runs", "温迪‧谢尔曼", ["温迪", "迪", "谢尔", "尔曼", "曼"]],
  ])("%s: %s", (_case, text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it.each([
    ["北约（NATO）秘书长斯托尔滕贝格说，北约不会关闭大门。"],
    ["2022年1月10日，美国副国务卿温迪‧谢尔曼（Wendy Sherman，又译舍曼）说。"],
    ["ＣＯＶＩＤ-19 Omicron 变种 Ça va 〇 Ελλάδα"],
    ["謝爾曼與北約、烏克蘭，and the U.S."],
    [""],
  ])("the bulk counter makes the same terms as tokenize: %s", (text) => {
    const expected = new Map<string, number>();
    for (const token of tokenize(text))
      expected.set(termKey(token), (expected.get(termKey(token)) ?? 0) + 1);
    const counter = new TermCounter();
    counter.count(foldText(text));
    const counted = new Map<string, number>();
    for (const id of counter.touched) {
      const term = counter.terms[id] as number | string;
      counted.set(typeof term === "number" ? numericTermKey(term) : term, counter.countOf(id));
    }
    expect(counted).toEqual(expected);
  });

  it("keys Han characters as upper-case base-36 (the tree branches on few symbols), words as they are", () => {
    expect(termKey("北约")).toMatch(/^[A-V][0-9A-Z]{5}$/);
    expect(termKey("约")).toMatch(/^[A-V][0-9A-Z]{2}$/);
    expect(termKey("北约").startsWith(termKey("北"))).toBe(true);
    expect(termKey("nato")).toBe("nato");
    expect(keyText(termKey("斯托"))).toBe("斯托");
    expect(keyText("nato")).toBe("nato");
  });

  it.each([
    ["美", true],
    ["北约", false],
    ["nato", true],
    ["un", false],
    ["2022", false],
    ["g7", false],
  ])("prefix look-up for %s: %s", (token, prefix) => {
    expect(isPrefixKey(termKey(token))).toBe(prefix);
  });
});

describe("queries", () => {
  it.each([
    ["bigrams only for a Han run", "斯托尔滕贝格", ["斯托", "托尔", "尔滕", "滕贝", "贝格"]],
    ["a lone character", "美", ["美"]],
    ["traditional folded", "北約", ["北约"]],
    ["a word and digits", "COVID-19", ["covid", "19"]],
    ["repeated bigrams once", "哈哈哈", ["哈哈"]],
  ])("%s: %s", (_case, query, tokens) => {
    expect(queryTokens(query)).toEqual(tokens);
  });

  it.each([
    ["whitespace", "北约 乌克兰", ["北约", "乌克兰"]],
    [
      "ideographic space and commas",
      "北约\u3000乌克兰，谢尔曼、NATO",
      ["北约", "乌克兰", "谢尔曼", "nato"],
    ],
    ["the same term in both scripts once", "北约 北約", ["北约"]],
    ["punctuation trimmed, punctuation-only dropped", "“北约” ！！ 。", ["北约"]],
    ["nothing to search", "！？ ……", []],
  ])("splits on %s", (_case, query, texts) => {
    expect(parseQuery(query).map((term) => term.text)).toEqual(texts);
  });

  it("finds every match, with its range", () => {
    const text = "北约（NATO）说，北約与nato";
    expect(matchRanges(foldText(text), onlyTerm("北约"))).toEqual([
      [0, 2],
      [10, 12],
    ]);
    expect(matchRanges(foldText(text), onlyTerm("NATO"))).toEqual([
      [3, 7],
      [13, 17],
    ]);
  });
});
