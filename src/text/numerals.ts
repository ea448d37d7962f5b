import { wordList } from "./lexicon.js";

/**
 * Numbers as Chinese news writes them, read the same way in questions and in sentences: Han
 * numerals (八千, 二万四千, 一百万, 十六, 两), digits with a Han power of ten (1.2万, 3万2,000,
 * 100万) and grouped digits (3,000). `foldNumerals` rewrites each definite figure in digits
 * (八千多个 → 8000多个, 3万2,000次 → 32000次, 两三百人 → 200至300人) and leaves vague counts
 * built on 几/数 (几艘, 数十名, 数百人) as written: they give no figure. `quantityKind` tells a
 * figure (exact or bounded: 约, 近, 逾, 上千, 十余) from a vague count.
 */

/** Each Han digit's value (两 is 2, 〇 is 0). */
export const HAN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_POWERS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/**
 * The value of a numeral in Han characters, digits or both (十六 → 16, 二万四千 → 24000, 一百万 →
 * 1000000, 1.2万 → 12000, 3万2,000 → 32000, 3,000 → 3000), or undefined when it is not one.
 */
export function numeralValue(text: string): number | undefined {
  const source = text.replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
  if (!source) return undefined;
  let total = 0;
  let section = 0;
  let pending: number | undefined;
  /** The power of ten just before a Han digit (二万四: 四 is 4000; 一百五: 五 is 50). */
  let lastPower = 0;
  let bareDigit = false;
  let i = 0;
  while (i < source.length) {
    const char = source.charAt(i);
    const digits = /^\d+(\.\d+)?/.exec(source.slice(i));
    if (digits) {
      if (pending !== undefined) return undefined;
      pending = Number(digits[0]);
      bareDigit = false;
      i += digits[0].length;
      continue;
    }
    i++;
    if (char === "零" || char === "〇") {
      lastPower = 0;
      continue;
    }
    if (char in HAN_DIGITS) {
      if (pending !== undefined) return undefined;
      pending = HAN_DIGITS[char];
      bareDigit = lastPower > 0;
      continue;
    }
    const small = SMALL_POWERS[char];
    if (small !== undefined) {
      section += (pending ?? 1) * small;
      pending = undefined;
      lastPower = small;
      continue;
    }
    const large = LARGE_POWERS[char];
    if (large === undefined) return undefined;
    // 万 alone (上万, 数以万计) is ten thousand.
    const value = section + (pending ?? (section === 0 ? 1 : 0));
    if (large === 100_000_000) total = (total + value) * large;
    else total += value * large;
    if (total === 0) return undefined;
    section = 0;
    pending = undefined;
    lastPower = large;
  }
  if (pending !== undefined && bareDigit && lastPower >= 100) pending *= lastPower / 10;
  return total + section + (pending ?? 0);
}

/** Han numeral characters and digits that may make up one figure. */
const RUN = /(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿])+/g;
/** What may stand between a figure and its unit: 多, 余, 来 (about), 几 (十几个). */
const APPROX_AFTER = "[多余来几]?";

let unitPattern: RegExp | undefined;

/** A unit or measure word right after a figure (and 多/余 between). */
function unitAfter(): RegExp {
  if (!unitPattern) {
    const units = [
      ...wordList("ask-measure-words"),
      ...wordList("ask-duration-units"),
      ...wordList("numeral-units"),
    ].sort((a, b) => b.length - a.length);
    unitPattern = new RegExp(`^${APPROX_AFTER}(?:${units.join("|")}|%|％|以)`);
  }
  return unitPattern;
}

/** Two digits in a row give a range (两三百 → 200 to 300, 一两个 → 1 to 2, 七八千 → 7000 to 8000). */
const RANGE = /^([一二两三四五六七八九])([二两三四五六七八九])([十百千万亿]*)$/;

/**
 * Rewrites the definite figures of a text in digits (八千多个 → 8000多个, 一百万份 → 1000000份,
 * 3万2,000次 → 32000次, 1.2万 → 12000, 两三百 → 200至300); a Han numeral only before a unit
 * (idioms and words such as 十分, 万一 stay as written). A figure right after 几 or 数 (几十,
 * 数百) is a vague count and stays as written; 第 keeps ordinals (第一) as written.
 */
export function foldNumerals(text: string): string {
  return text.replace(RUN, (run, offset: number) => {
    const before = text.charAt(offset - 1);
    const after = text.slice(offset + run.length);
    if (/[几数第]/.test(before)) return run;
    const han = !/\d/.test(run);
    // 数以万计 and 成千上万: stock phrases for tens of thousands and thousands.
    if (han && before === "以" && text.charAt(offset - 2) === "数" && after.startsWith("计"))
      return String(numeralValue(run) ?? run);
    // 上千, 近百, 逾万: a bare power of ten after a bound is a figure (not 天上七彩).
    const bounded = /[上近逾超约达]$/.test(before) && /^[十百千万亿]+$/.test(run);
    // 零部件: 零 alone is a word.
    if (/^[零〇]+$/.test(run)) return run;
    if (han && !bounded && !unitAfter().test(after)) return run;
    // 一 alone before a measure word is mostly an article (一名记者说), not a count of one.
    if (run === "一") return run;
    const range = RANGE.exec(run);
    if (range) {
      const power = range[3] ? (numeralValue(`一${range[3]}`) ?? 1) : 1;
      const low = (HAN_DIGITS[range[1] as string] as number) * power;
      const high = (HAN_DIGITS[range[2] as string] as number) * power;
      return high > low ? `${low}至${high}` : run;
    }
    // 万 or 亿 alone is a figure only after a bound (上万); else a word (万人空巷).
    if (/^[万亿]$/.test(run) && !bounded) return run;
    const value = numeralValue(run);
    if (value === undefined) return run;
    return String(value);
  });
}

export type QuantityKind = "figure" | "vague";

/** A vague count: 几/数/多/若干 before a unit or a power of ten (几艘, 数十名, 多枚, 若干人). */
const VAGUE =
  /(?:几|(?<![多大])数|若干|(?<![大很许])多(?!数))(?:十|百|千|万|亿)*(?=[\u4e00-\u9fff])/y;

/** The vague counts of a folded text (after `foldNumerals`): 几艘, 数十名, 多枚. */
export function vagueCounts(numeric: string): string[] {
  const unit = unitAfter();
  const found: string[] = [];
  for (let at = 0; at < numeric.length; at++) {
    VAGUE.lastIndex = at;
    const match = VAGUE.exec(numeric);
    if (!match) continue;
    const rest = numeric.slice(at + match[0].length);
    const measure = unit.exec(rest);
    if (!measure) continue;
    found.push(match[0] + measure[0]);
    at += match[0].length + measure[0].length - 1;
  }
  return found;
}

/**
 * Whether a folded text (after `foldNumerals`) states a figure, only a vague count, or neither.
 * 「数十名」 and 「几艘」 are vague; 「上1000」, 「近100」, 「10余」, 「约3000」 are figures.
 */
export function quantityKind(numeric: string): QuantityKind | undefined {
  if (/\d/.test(numeric)) return "figure";
  return vagueCounts(numeric).length > 0 ? "vague" : undefined;
}
