import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import * as OpenCC from "opencc-js";

/**
 * Shared text utilities for Chinese news text. `foldText` is the one normal form used for
 * matching anywhere in the project (search, people, quotes, ask): simplified script, half-width
 * ASCII, one name dot, lower-case Latin. It maps one UTF-16 unit to one, so offsets found in the
 * folded text are offsets in the original.
 */

// Each converter holds tens of megabytes of dictionaries: built on first use only.
type Convert = (text: string) => string;
let t2s: Convert | undefined;
let s2t: Convert | undefined;
const traditionalToSimplified = (text: string): string => {
  const convert: Convert = t2s ?? OpenCC.Converter({ from: "t", to: "cn" });
  t2s = convert;
  return convert(text);
};
const simplifiedToTraditional = (text: string): string => {
  const convert: Convert = s2t ?? OpenCC.Converter({ from: "cn", to: "t" });
  s2t = convert;
  return convert(text);
};

/** Middle dots used between the parts of a transliterated name: ‧ · • ・ ･ ‧ and the hyphenation point. */
export const NAME_DOTS = "·‧•・･∙⋅‐";
export const NAME_DOT = "·";
const NAME_DOT_SET = new Set(NAME_DOTS);

const foldCache = new Map<number, number>();

function foldCode(code: number): number {
  // Full-width ASCII (ＮＡＴＯ, ０-９) to half-width, the ideographic space to a space.
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x3000) return 0x20;
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code < 0x80) return code;
  const cached = foldCache.get(code);
  if (cached !== undefined) return cached;
  let folded = code;
  const char = String.fromCharCode(code);
  if (NAME_DOT_SET.has(char)) folded = NAME_DOT.charCodeAt(0);
  else if (code >= 0xd800 && code <= 0xdfff) folded = code;
  else if (isHanCode(code)) {
    const simplified = traditionalToSimplified(char);
    if (simplified.length === 1) folded = simplified.charCodeAt(0);
  } else if (code >= 0xc0 && code <= 0x24f) {
    const lower = char.toLowerCase();
    if (lower.length === 1) folded = lower.charCodeAt(0);
  }
  foldCache.set(code, folded);
  return folded;
}

/** Simplified, half-width, lower-case, one name dot; the same length as the input. */
export function foldText(text: string): string {
  let out = "";
  let changedFrom = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = foldCode(code);
    if (folded !== code) {
      changedFrom = i;
      break;
    }
  }
  if (changedFrom < 0) return text;
  out = text.slice(0, changedFrom);
  const codes: number[] = [];
  for (let i = changedFrom; i < text.length; i++) {
    codes.push(foldCode(text.charCodeAt(i)));
    if (codes.length >= 4096) {
      out += String.fromCharCode(...codes);
      codes.length = 0;
    }
  }
  return out + String.fromCharCode(...codes);
}

/** Phrase-aware traditional → simplified conversion, for display and aliases (may change length). */
export function toSimplified(text: string): string {
  return traditionalToSimplified(text);
}

/** Simplified → traditional (Taiwan standard characters). */
export function toTraditional(text: string): string {
  return simplifiedToTraditional(text);
}

export function isHanCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3007
  );
}

export function isHan(char: string): boolean {
  return char.length > 0 && isHanCode(char.charCodeAt(0));
}

export const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]+/g;

/** How many characters of the text are Han ideographs. */
export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isHanCode(text.charCodeAt(i))) n++;
  return n;
}

/**
 * Guesses the script of a text by counting characters that change under t→s conversion
 * (traditional-only) against those that change under s→t (simplified-only).
 */
export function detectScript(text: string): "gb" | "b5" {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  let traditionalOnly = 0;
  let simplifiedOnly = 0;
  for (const char of sample) {
    const code = char.charCodeAt(0);
    if (!isHanCode(code)) continue;
    if (foldCode(code) !== code) traditionalOnly++;
    else if (simplifiedToTraditional(char) !== char) simplifiedOnly++;
  }
  return traditionalOnly > simplifiedOnly ? "b5" : "gb";
}

let jieba: Jieba | undefined;

export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Words of a text as jieba cuts it (HMM on, so unknown names tend to stay whole). */
export function segmentWords(text: string): string[] {
  return segmenter().cut(text, true);
}

/** A small stop list of function words and punctuation-like tokens, for similarity and questions. */
export const STOP_WORDS = new Set(
  (
    "的 了 在 是 和 与 及 或 也 都 而 并 但 就 对 将 把 被 让 从 向 以 为 于 之 其 这 那 这个 那个 这些 那些 一个 一些 " +
    "有 没有 不 没 很 还 又 已 已经 曾 会 能 要 可 可以 可能 等 等等 个 位 名 说 表示 称 指出 他 她 它 他们 她们 我们 你们 " +
    "我 你 自己 什么 谁 哪 哪里 哪个 哪些 怎么 怎样 如何 为什么 多少 多久 几 吗 呢 吧 啊 么 是否 何时 什么时候 " +
    "上 下 中 后 前 时 年 月 日 此 该 各 每 即 则 因 因为 所以 如果 虽然 但是 而且 以及 并且 对于 关于 由于 通过 " +
    "进行 根据 据 称 报导 报道 大纪元 记者"
  ).split(" "),
);

/** Content words of a text: folded, segmented, without stop words and single non-Han characters. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const word of segmentWords(foldText(text))) {
    const trimmed = word.trim();
    if (!trimmed || STOP_WORDS.has(trimmed)) continue;
    if (!/[\p{L}\p{N}]/u.test(trimmed)) continue;
    if (trimmed.length === 1 && !isHan(trimmed)) continue;
    words.push(trimmed);
  }
  return words;
}
