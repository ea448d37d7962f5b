import { alternation, lexicon, wordSet } from "../text/lexicon.js";
import {
  COMPOUND_SURNAMES,
  ORGANISATION_SUFFIX,
  SURNAMES,
  TRANSLITERATION_CHARS,
} from "../text/names.js";
import { foldNumerals, quantityKind, vagueCounts } from "../text/numerals.js";
import { segmenter } from "../text/text.js";
import type { QuestionType } from "./question.js";

/**
 * Answer typing: whether a sentence (folded) holds the kind of thing a question asks for: a
 * person for 谁, a quantity of time for 多久, a number in the asked unit for 多少, a date or time
 * for 何时, a place for 哪里, a reason (by structure: 由于, 因, 为了, 所以, 于是…) for 为什么.
 * Dates are removed before counts are looked for, so 「7月30日」 is no answer to 多少; then the
 * figures are read in digits (src/text/numerals.ts: 八千多个 → 8000多个, 3万2,000 → 32000), and a
 * vague count (几艘, 数十名, 多枚) is no figure.
 */

const DATE_EXPRESSIONS =
  /[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[日号]|\d{4}\s*年(\d{1,2}\s*月)?(\d{1,2}\s*[日号])?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]?|\d{1,2}\s*月(份|底|初|中)?|\d{1,2}\s*[日号]|[上下本]?(周|星期)[一二三四五六日天]|\d{1,2}\s*[点时:：]\s*\d{0,2}\s*分?/g;
/** A length of time, or a time ago (两周前, 三年以前): what 多久以前 asks. */
const DURATION_OR_AGO = new RegExp(
  `(\\d+(\\.\\d+)?|[一二两三四五六七八九十百千半]+)\\s*(多)?(个)?(半)?\\s*(${alternation("ask-duration-units")})`,
);
/** 多久更新一次, 多长时间开一次会: how often, asked as a length of time between two times. */
export const FREQUENCY_ASKED = /(多久|多长时间|多少天|几天)[^,，。?？]{0,8}一次/;
/** How often: 每周, 每隔两天, 每6个月, 一周一次. */
const FREQUENCY =
  /每隔?\s*(\d+|[一二两三四五六七八九十半]+)?\s*(个)?(天|日|周|星期|礼拜|月|年|小时|分钟|秒|季度?)|[一二两三四五六七八九十\d]+(个)?(天|日|周|星期|月|年|小时)[一两二三\d]+次/;
/** Whether the sentence says how often something is done (每周更新一次). */
export function holdsFrequency(folded: string): boolean {
  return FREQUENCY.test(folded);
}

/** Whether the sentence gives a time ago or a length of time (for 多久以前). */
export function holdsTimeAgo(folded: string): boolean {
  return DURATION_OR_AGO.test(numericText(folded));
}
/** A length of time; 两周前, 三年以前 is a point in time (ago), no length. */
const DURATION = new RegExp(
  `(\\d+(\\.\\d+)?|[一二两三四五六七八九十百千半]+)\\s*(多)?(个)?(半)?\\s*(${alternation("ask-duration-units")})(?!\\s*[以之]?前(?![往进线来]))|(\\d+|[一二两三四五六七八九十]+)\\s*个半月`,
);
/**
 * A figure once numerals are folded to digits (vague counts stay in Han characters); a Han figure
 * with its power that no unit follows (人口仅一百万); a fraction (三分之一); a household (五口之家:
 * five people).
 */
const NUMBER =
  /\d|百分之|[一二三四五六七八九十]分之[一二三四五六七八九十]|(?<![几数])[一二两三四五六七八九十][百千万亿]|[一二两三四五六七八九十]口之家|一家[一二两三四五六七八九十]口/;
const TIME =
  /\d{4}\s*年|[〇零一二三四五六七八九]{4}年|[一二三四五六七八九十]{1,2}月([一二三四五六七八九十]{1,3}[日号])?|\d{1,2}\s*月|\d{1,2}\s*[日号]|周[一二三四五六日末]|星期[一二三四五六日天]|[昨今明前]天|[上下本这](周|星期|个?月)|[去今明前]年|凌晨|上午|下午|晚上|早上|早晨|中午|傍晚|深夜|当天|当晚|日前|近日|年底|年初|月底|月初|\d{1,2}\s*[点时:：]|之前|之后|以来/;
const REASON =
  /因为|由于|因(?!此|而)|理由|原因|因此|所以|为了|于是|旨在|出于|鉴于|导致|以便|之所以|源于|归因|起因|以免|为此|被称为|不满|涉嫌|违反|担心/;
const PLACE_SUFFIX = new RegExp(
  `[\\u4e00-\\u9fff]{1,8}(${alternation("ask-place-suffixes")})|在[\\u4e00-\\u9fff]{2,8}(举行|召开|举办|发生|进行)`,
);
const PLACES = wordSet("places");
/** Ordinary words jieba's dictionary tags as names (康复, 高薪, 亚军): no person. */
const NOT_PERSON_WORDS = wordSet("ask-not-person-words");
/** A place named after a person or a title, its ending cut off by jieba (伯爵 城, 中山 路). */
const PLACE_NAME_ENDINGS = wordSet("place-name-endings");

/** A word ending in a title (国务卿, 前市长, 发言人). */
const PERSON_TITLE_WORD = new RegExp(`(${alternation("ask-person-titles")})$`);
const NAME_WITH_DOT = /[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}/g;
const CAPITALISED_FULL_NAME = /[A-Z][a-z]+ ([A-Z][a-z]+)/g;

/** Whether a dotted name (威廉·林奇) is the question's own person written in full (林奇). */
function dottedNameOfQuestion(name: string, questionWords: Set<string>): boolean {
  for (const word of questionWords)
    if (word.length >= 2 && /^[\u4e00-\u9fff]+$/.test(word) && name.includes(word)) return true;
  return false;
}

/**
 * Whether a Latin name is a gloss in brackets of what stands right before it: the question's own
 * name (乌比拉（Donny Ubiera）) or a title (《萨克拉门托蜜蜂报》（Sacramento Bee）), no new person.
 */
function glossOfKnown(original: string, at: number, questionWords: Set<string>): boolean {
  const before = original.slice(Math.max(0, at - 60), at);
  const bracket = /^(.*?)[(（][^()（）]{0,40}$/.exec(before);
  if (!bracket) return false;
  const head = bracket[1] as string;
  if (/[》」”]$/.test(head)) return true;
  // 加州公路巡警队（California Highway Patrol）: the English name of a body just named.
  if (ORGANISATION_SUFFIX.has(head.slice(-1))) return true;
  for (const word of questionWords)
    if (word.length >= 2 && /[\u4e00-\u9fff]$/.test(word) && head.endsWith(word)) return true;
  return false;
}
/** The last word of a capitalised pair that names a body or a place (Cleveland Clinic), no person. */
const NOT_PERSON_LAST =
  /^(Clinic|Hospital|University|College|Institute|Center|Centre|Times|Post|News|Journal|Street|Avenue|Road|Park|Group|Company|Bank|House|Council|Committee|Agency|Department|Office|Court|School|Church|Club|Foundation|Association|Party|Airlines|Valley|Island|State|County|City|Square|Station|Airport|Museum|Library|Act|Bill|Law|Report|Review|Media|Network|Channel|Service|Services|Motors|Holdings|Capital|Partners|Fund|Board|Commission|Force|Army|Navy|Guard|Police|Prison|Hotel|Tower|Mall|Market|Exchange)$/;

/** Whether the text holds a capitalised pair that is not a body's or a place's name (Sean Hannity). */
function latinFullName(original: string, questionWords: Set<string>): boolean {
  for (const match of original.matchAll(CAPITALISED_FULL_NAME))
    if (
      !NOT_PERSON_LAST.test(match[1] as string) &&
      !glossOfKnown(original, match.index ?? 0, questionWords)
    )
      return true;
  return false;
}

/** A figure after `numericText`: digits, a range (200至300), 多/余/来 (about), a power left over. */
const QUANTITY = "\\d+(\\.\\d+)?(至\\d+)?\\s*(多|余|来|几)?\\s*(万|亿|千|百)?\\s*";
const UNIT_EVIDENCE: Record<string, RegExp> = {
  "%": /\d+(\.\d+)?\s*[%％]|百分之|\d成(?![功为立本员长])|\d+(\.\d+)?\s*个百分点|[一二三四五六七八九十]分之[一二三四五六七八九]|半数|一半|多数|大多数|\d+(\.\d+)?倍/,
  岁: new RegExp(`${QUANTITY}(周)?岁|享年|高龄`),
  // 多大 of a person or a thing: an age, an area or a length (48岁, 10平米, 500英尺).
  大小: new RegExp(
    `${QUANTITY}(周)?岁|享年|高龄|${QUANTITY}(多)?(平方米|平米|平方公尺|平方英尺|平方公里|平方英里|公顷|亩|英亩|坪|米|公尺|英尺|公里)`,
  ),
  钱: new RegExp(
    `${QUANTITY}(多)?(美元|元|欧元|美分|欧分|便士|英镑|港元|港币|澳元|日元|台币|新台币|镑|块|人民币|美金|卢布)|[$¥€£]\\s*\\d`,
  ),
  // A household counts people too: 五口之家, 一家五口, 三口人 (not 一口气, 口罩).
  人: new RegExp(
    [
      `${QUANTITY}(个|名|位|例)?(人(?!民)|名|位(?!数)|例|员工|学生|议员|民众|居民|市民|村民|网民|家庭|户)`,
      "([\\d一二两三四五六七八九十]+)口(之家|人)|一家[\\d一二两三四五六七八九十]+口",
      // 30多个不明身份的人: a few words describe the people between the count and 人.
      `${QUANTITY}(个|名|位)[\\u4e00-\\u9fff]{1,6}?的人(?!民)`,
      // A population figure: 人口约21亿, 人口合计仅一百万.
      "人口[^,，。;；]{0,6}?(\\d|(?<![几数])[一二两三四五六七八九十][百千万亿])",
    ].join("|"),
  ),
  // 有多长, 多高, 多远, 多深: a figure in a unit of length, or of time for how long (全长4公里,
  // 高五米, 6,200英里, 为期三个月).
  长度: new RegExp(
    `${QUANTITY}(多)?(个)?(米|公尺|公里|千米|英里|英尺|尺|厘米|公分|毫米|码|海里|层|天|周|星期|个月|月|年|小时|钟头|分钟|秒)`,
  ),
  // 多高, 多深, 多宽: a figure in a unit of length or of storeys (高五米, 深3公里, 58层).
  尺寸: new RegExp(`${QUANTITY}(多)?(米|公尺|公里|千米|英里|英尺|尺|厘米|公分|毫米|码|海里|层|楼)`),
  // 95个中低收入国家: a few words may stand between 个 and 国家.
  国: new RegExp(`${QUANTITY}(个[\\u4e00-\\u9fff]{0,5}?)?(国|国家|成员国|经济体)`),
};

function withoutDates(folded: string): string {
  return folded.replace(DATE_EXPRESSIONS, " ");
}

/**
 * 另一个, 其中一名, 唯一: 一 that picks one out rather than counting; 前一天, 后一年: the day or
 * year before or after, a point in time and no length of it.
 */
const NOT_A_COUNT = /(另|其中|每|这|那|同|任何|唯|第)一|[前后]一(?=[天日晚夜周年]|个月)/g;

const numericCache = new Map<string, string>();

/**
 * A folded sentence as the count checks read it: dates and 一 that picks one out (另一个)
 * removed, figures in digits (八千多个 → 8000多个, 一百万份 → 1000000份).
 */
export function numericText(folded: string): string {
  let text = numericCache.get(folded);
  if (text === undefined) {
    text = foldNumerals(withoutDates(folded).replace(NOT_A_COUNT, " "));
    if (numericCache.size >= 20_000) numericCache.clear();
    numericCache.set(folded, text);
  }
  return text;
}

/** The sentence's vague count (几艘, 数十名, 多枚) when it gives no figure, else undefined. */
export function onlyVagueCount(folded: string): string | undefined {
  const numeric = numericText(folded);
  return quantityKind(numeric) === "vague" ? vagueCounts(numeric)[0] : undefined;
}

/** Whether a sentence holds a count in the unit (份, 枚, 人, %, 国, 岁, 钱), dates left out. */
export function holdsUnit(folded: string, unit: string): boolean {
  const text = numericText(folded);
  const pattern = UNIT_EVIDENCE[unit] ?? new RegExp(`${QUANTITY}(个)?${unit}`);
  return pattern.test(text);
}

const YEAR = /\d{4}\s*年|[〇零一二三四五六七八九]{4}年|[去今明前]年/;
/** A day: a date of the month or a day named by the day of writing; a weekday alone (周三, 另行通知) is none. */
const DAY =
  /\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,3}[日号]|[昨今明前]天|当天|当日|\d{1,2}\s*月\s*\d{1,2}/;

/** Whether a sentence dates to the asked precision: a year (年) or a day (日). */
export function holdsTimeUnit(folded: string, unit: string): boolean {
  return unit === "年" ? YEAR.test(folded) : unit === "日" ? DAY.test(folded) : true;
}

/** Whether the noun at `at` in the sentence stands after a name of one (某某医院, not 该医院). */
function namedBefore(folded: string, at: number): boolean {
  const before = folded.slice(Math.max(0, at - 6), at);
  // 格雷西的大学生涯, 某TOP5房企, 该医院: the noun is there, no name of one; nor after a verb or
  // preposition of movement (转看守所, 关押在监狱里, 送进医院), a measure word of people (一名孕妇)
  // or a conjunction (观众及电台听众; not 和, which ends names: 协和医院).
  return (
    /[\u4e00-\u9fffa-z0-9]$/.test(before) &&
    !/[的之个所家这那该此其各每某本转进入到在去送押关回往至从于名位与及或了]$/.test(before) &&
    !/[某该]/.test(before)
  );
}

/** Endings of words naming an instance of a which-question's noun (lexicon/ask-head-instances.txt). */
const HEAD_INSTANCES = new Map(
  lexicon("ask-head-instances").entries.map((entry) => [entry.term, entry.fields]),
);
/** News agencies, companies, platforms and banks (lexicon/organisations.txt). */
const KNOWN_ORGANISATIONS = lexicon("organisations")
  .entries.filter((entry) => /^(news agencies|companies and platforms|banks)/.test(entry.note))
  .map((entry) => entry.term)
  .filter((term) => term.length >= 2);
/** A platform as the channel something is posted on (在微博发文, 发抖音, 用微信): no instance named. */
const CHANNEL_BEFORE = /[在过从经上发用]$/;

/** Whether the sentence names a known organisation the question does not (阿里巴巴, 彭博社). */
function namesOrganisation(folded: string, question: string): boolean {
  for (const name of KNOWN_ORGANISATIONS) {
    if (question.includes(name)) continue;
    for (let at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + 1))
      if (!CHANNEL_BEFORE.test(folded.slice(Math.max(0, at - 1), at))) return true;
  }
  return false;
}
/** Words ending in a one-character ending that name no instance (企业 is not an industry). */
const GENERIC_ENDINGS =
  /(企|就|失|创|毕|作|营|专|事|职|产|行|商|工|农|物|学)业$|社会$|网络$|网站$|上网$/;

/**
 * Whether a word of the sentence ends in `ending` after a name of one (沃达丰集团, 第83集团军):
 * a one-character ending only as the end of a word of three or more (服务业, 彭博社).
 */
function namesByEnding(folded: string, ending: string, question: string): boolean {
  if (ending.length >= 2) {
    if (question.includes(ending)) return false;
    for (let at = folded.indexOf(ending); at >= 0; at = folded.indexOf(ending, at + 1))
      if (namedBefore(folded, at)) return true;
    return false;
  }
  for (const token of tagged(folded)) {
    const word = token.word;
    if (
      word.length >= 3 &&
      word.endsWith(ending) &&
      !GENERIC_ENDINGS.test(word) &&
      !question.includes(word)
    )
      return true;
  }
  return false;
}

/**
 * Whether a sentence names one of the things a which-question asks for (哪家医院 → 某某医院), with
 * the noun itself or a word naming one of its kind (哪家公司 → 沃达丰集团 or 阿里巴巴, 哪个行业 →
 * 制造业) that is none of the question's own words.
 */
export function namesHead(
  folded: string,
  head: string,
  questionWords: ReadonlySet<string> = new Set(),
): boolean {
  for (let at = folded.indexOf(head); at >= 0; at = folded.indexOf(head, at + 1))
    if (namedBefore(folded, at)) return true;
  const question = [...questionWords].join(" ");
  for (const ending of HEAD_INSTANCES.get(head) ?? []) {
    if (ending === "@organisation") {
      if (namesOrganisation(folded, question)) return true;
    } else if (namesByEnding(folded, ending, question)) return true;
  }
  return false;
}

/**
 * A number after the thing, linked by 有, 为, 达, 约… (确诊病例为32例, 用户数有1065.4万户), or
 * right after it with its measure word, the noun's head between (划定封控区283个, 本土确诊病例151例),
 * the clause ending there (not 拦截4,500枚来袭火箭弹: the count of what follows).
 */
const COUNT_AFTER = new RegExp(
  [
    "^[^,，。;；]{0,4}?(有|为|达|共|约|是|数|超过|逾|近|增至|降至)[^,，。;；]{0,2}?(\\d|[两二三四五六七八九十百千万]+[万亿千百十]?\\s*[个名位人例枚架艘辆份家所座项起次])",
    `^[\\u4e00-\\u9fff]{0,4}?\\d+(\\.\\d+)?\\s*(多|余)?\\s*[万亿千百]?\\s*(${alternation("ask-measure-words")})(?=[,，。;；、)）\\s]|$)`,
  ].join("|"),
);
/**
 * A figure: digits (not in a code of letters and digits: P4, H1N1, COVID-19), or Han numerals not
 * after 几/数 (数十 is vague), not 多数.
 */
const NUMERAL =
  /(?<![a-zA-Z\d.-])\d+(?:[.,]\d+)*(?![a-zA-Z])|(?<![几数])[一二两三四五六七八九十百千万亿]+/g;

/** An age or a length of time right after a number: what it measures is no count. */
const SPAN_AFTER_NUMBER = /^\s*([至到~-]\s*\d+)?\s*(多|余)?\s*(周岁|岁|年|个月|天|小时|分钟)/;

/**
 * Whether a sentence counts the thing (its forms: 职工, 留学生…): a number (dates left out) with
 * the thing at most ten characters after it in the same clause (1,200名职工, 约2千名来自东部的
 * 学员) or the thing before it, linked by a verb (确诊病例为32例, 用户数有1065.4万户).
 */
export function countsThing(folded: string, forms: readonly string[]): boolean {
  const text = numericText(folded);
  // 往返航班 counted as 航班: 往返 may stand in the gap too (200多个区域和国际往返客运航班).
  const modifiers = forms.flatMap((long) =>
    forms
      .filter((short) => short !== long && long.endsWith(short))
      .map((short) => long.slice(0, -short.length)),
  );
  for (const form of forms) {
    let at = text.indexOf(form);
    while (at >= 0) {
      const before = text.slice(Math.max(0, at - 20), at);
      const after = text.slice(at + form.length, at + form.length + 12);
      for (const number of before.matchAll(NUMERAL)) {
        // 一名, 一位 before a noun is mostly an article (一名中国留学生说), not a count.
        if (number[0] === "一") continue;
        const gap = before.slice((number.index ?? 0) + number[0].length);
        // 18至60岁的预备役军人, 3年来的工人: an age or a span of time, no count of them.
        if (SPAN_AFTER_NUMBER.test(gap)) continue;
        // A model's code or a name in quotes may stand between (45架CH-46E“海上骑士”直升机).
        const words = modifiers
          .reduce((rest, modifier) => rest.replace(modifier, ""), gap)
          .replace(/[a-z\d.\-“”"「」\s]/gi, "");
        if (words.length <= 10 && !/[,，。;；:：]/.test(gap)) return true;
      }
      if (COUNT_AFTER.test(after)) return true;
      at = text.indexOf(form, at + 1);
    }
  }
  return false;
}

/**
 * Whether the sentence gives the share of the very people a question counts (多少日本人不喜欢
 * → 90%的日本人): a figure in % right before them. A share of other people answers nothing.
 */
export function sharesOfPeople(folded: string, forms: readonly string[]): boolean {
  const text = numericText(folded);
  return forms.some((form) => new RegExp(`(\\d+(\\.\\d+)?\\s*[%％]|\\d成)的?${form}`).test(text));
}

/**
 * Whether the sentence is about another member of the question's series: it writes 第三大 or
 * 第3季 and not the asked 第一大 / 第四季 (`ordinal` and its other writings, 第4季).
 */
export function otherOrdinal(folded: string, ordinal: string, forms: readonly string[]): boolean {
  if ([ordinal, ...forms].some((form) => folded.includes(form))) return false;
  const follow = ordinal.slice(-1);
  return new RegExp(`第(?:[一二三四五六七八九十]{1,3}|\\d{1,3})${follow}`).test(folded);
}

interface DateParts {
  years: string[];
  months: string[];
  /** Days as `month/day`, the month empty when the text writes the day alone (25日). */
  days: string[];
}

function dateParts(folded: string, latinYears: boolean): DateParts {
  const years = [
    ...folded.matchAll(
      latinYears ? /(?<!\d)((?:19|20)\d\d)(?!\d)/g : /(?<!\d)((?:19|20)\d\d)\s*年/g,
    ),
  ].map((m) => m[1] as string);
  const days: string[] = [];
  const months: string[] = [];
  for (const m of folded.matchAll(/(?<![\d.])(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?/g)) {
    months.push(String(Number(m[1])));
    if (m[2]) days.push(`${Number(m[1])}/${Number(m[2])}`);
  }
  for (const m of folded.matchAll(/(?<![\d.月]|月\s*)(\d{1,2})\s*[日号]/g))
    days.push(`/${Number(m[1])}`);
  return { years, months, days };
}

/**
 * A date a figure is compared with or counted from (比8月份的水平, 较2019年同期, 自2020年2月以来):
 * the baseline, not the date the sentence reports.
 */
const BASELINE_DATE =
  /(?:比|较|自|从|相比|对比|高于|低于)\s*(?:(?:19|20)\d\d\s*年)?(?:\d{1,2}\s*月份?)?(?:\d{1,2}\s*[日号])?|(?:(?:19|20)\d\d\s*年)?(?:\d{1,2}\s*月份?)?(?:\d{1,2}\s*[日号])?(?:以来|同期)/g;

/** 从11月4日至9日: the 从 of a span of dates, whose first day is reported, no baseline. */
const RANGE_START =
  /[从自](?=\s*(?:(?:19|20)\d\d\s*年)?(?:\d{1,2}\s*月份?)?(?:\d{1,2}\s*[日号])\s*(?:至|到|~|-))/g;

function sameDay(asked: string, named: string): boolean {
  const [am, ad] = asked.split("/");
  const [nm, nd] = named.split("/");
  return ad === nd && (am === "" || nm === "" || am === nm);
}

/**
 * The date the question names (a year, a month, a day) when the sentence names another date of
 * the same kind and not the asked one: 黑龙江1月25日新增了多少 answered by 「1月14日确诊病例…」,
 * 10月零售额 by 「较2019年9月上涨」, 2021年 by a 2019 figure. Each is a figure of another day,
 * month or year; a sentence naming no date of that kind is left to the other checks.
 */
export function otherDate(question: string, folded: string): string | undefined {
  const asked = dateParts(question.replace(BASELINE_DATE, " "), !/[\u4e00-\u9fff]/.test(question));
  const named = dateParts(folded.replace(RANGE_START, "").replace(BASELINE_DATE, " "), false);
  for (const day of asked.days) {
    if (named.days.length > 0 && !named.days.some((other) => sameDay(day, other))) {
      const [month, date] = day.split("/");
      return `${month ? `${month}月` : ""}${date}日`;
    }
  }
  if (asked.days.length === 0) {
    for (const month of asked.months) {
      if (named.months.length > 0 && !named.months.includes(month)) return `${month}月`;
    }
  }
  if (asked.years.length > 0 && named.years.length > 0) {
    if (!asked.years.some((year) => named.years.includes(year))) return `${asked.years[0]}年`;
  }
  return undefined;
}

/** A figure and the two characters after it in a question (30年期, 3.5万亿): a member of a series. */
const FIGURE_WITH_UNIT = /(?<![\d.])(\d+(?:\.\d+)?)([\u4e00-\u9fff]{2})/g;

/**
 * The figure the question names with the word after it (30年期) when the sentence names that word
 * only after other figures (15年期固定利率): it reports another member of the series, not the
 * asked one. Dates are left to `otherDate`.
 */
export function otherFigure(question: string, sentence: string): string | undefined {
  // 2,000美元 is the 2000美元 the question writes.
  const folded = sentence.replace(/(\d),(?=\d{3})/g, "$1");
  for (const match of question.replace(/(\d),(?=\d{3})/g, "$1").matchAll(FIGURE_WITH_UNIT)) {
    const [asked, figure, unit] = match as unknown as [string, string, string];
    if (/^[年月日号]/.test(unit) && !/^年期/.test(unit)) continue;
    if (folded.includes(asked)) continue;
    const others = [...folded.matchAll(new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)${unit}`, "g"))];
    if (others.length > 0 && others.every((other) => other[1] !== figure)) return figure;
  }
  return undefined;
}

/** Whether the sentence holds the noun only as an unnamed one (某TOP5房企, 该医院, 上述房企). */
export function unnamedHead(folded: string, head: string): boolean {
  let at = folded.indexOf(head);
  if (at < 0) return false;
  let from = 0;
  while (at >= 0) {
    const before = folded.slice(Math.max(from, at - 8), at);
    if (!/(某|该|上述|此|这家|那家|一家)[^，。,;；]{0,5}$/.test(before)) return false;
    from = at + head.length;
    at = folded.indexOf(head, from);
  }
  return true;
}

const DEATH = new RegExp(alternation("ask-death-words"));

/** Whether a word or sentence speaks of dying (死, 遇难, 丧生, 去世; lexicon/ask-death-words.txt). */
export function mentionsDeath(folded: string): boolean {
  return DEATH.test(folded);
}

/** Units that an answer must be in: a figure in another unit answers something else. */
export const STRICT_UNITS = new Set(["%", "岁", "大小", "钱", "国", "人"]);

/** jieba's tagged words of recent sentences (the same candidates come back question after question). */
const tagCache = new Map<string, { word: string; tag: string }[]>();
const TAG_CACHE_SIZE = 20_000;

function tagged(folded: string): { word: string; tag: string }[] {
  let tags = tagCache.get(folded);
  if (!tags) {
    tags = segmenter().tag(folded, true);
    if (tagCache.size >= TAG_CACHE_SIZE) tagCache.clear();
    tagCache.set(folded, tags);
  }
  return tags;
}

/** A title's name: a word jieba takes for a name, or an unknown word (its x) of two to four. */
function isNameToken(token: { word: string; tag: string }): boolean {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(token.word)) return false;
  return token.tag.startsWith("nr") || token.tag === "x";
}

/**
 * Whether a word jieba tags as a name has a name's shape: a transliteration (nrt) written in
 * transliteration characters (布林肯, not 换人, 令人), a Chinese name (nr) starting with a surname
 * or a transliteration character (崔天凯, 罗斯).
 */
function nameShaped(word: string, tag: string): boolean {
  const first = word.charAt(0);
  if (tag === "nrt") return [...word].every((char) => TRANSLITERATION_CHARS.has(char));
  // 严肃处理: a four-character Chinese word is a name only after a two-character surname.
  if (word.length >= 4 && !COMPOUND_SURNAMES.some((surname) => word.startsWith(surname)))
    return false;
  return SURNAMES.has(first) || TRANSLITERATION_CHARS.has(first);
}

/**
 * Whether a word jieba's dictionary tags as a name is used as a verb or adjective (自行谢幕,
 * 已麻木了): after an adverb or a pronoun such as 自行, or before 了.
 */
function predicate(tokens: { word: string; tag: string }[], i: number): boolean {
  const before = tokens[i - 1]?.tag ?? "";
  const after = tokens[i + 1]?.tag ?? "";
  return before === "d" || before === "r" || after === "ul";
}

/**
 * Whether the token is part of a place cut in two (白 罗斯 → 白罗斯, 罗斯 福州 is no place) or
 * a place's name before its ending (伯爵 城, 格林 县).
 */
function inPlace(tokens: { word: string }[], i: number): boolean {
  const word = (tokens[i] as { word: string }).word;
  const before = tokens[i - 1]?.word ?? "";
  const after = tokens[i + 1]?.word ?? "";
  return PLACES.has(before + word) || PLACES.has(word + after) || PLACE_NAME_ENDINGS.has(after);
}

/**
 * Whether the sentence names a person beyond those the question names: a name with a name dot,
 * a Latin full name, a word jieba tags as a name, or a title followed by a name (市长王某某; not
 * 「吉林市长被免职」, where the title is followed by a verb).
 */
function namesPerson(original: string, folded: string, questionWords: Set<string>): boolean {
  for (const match of folded.matchAll(NAME_WITH_DOT))
    if (!dottedNameOfQuestion(match[0], questionWords)) return true;
  if (latinFullName(original, questionWords)) return true;
  const tokens = tagged(folded);
  const known = knownSpans(folded, questionWords);
  // 乌 比拉 of the question's 乌比拉, 威廉 of 威廉·林奇, 萨克拉门托 of 《萨克拉门托蜜蜂报》.
  const knownToken: boolean[] = [];
  let offset = 0;
  for (const { word } of tokens) {
    const start = folded.indexOf(word, offset);
    if (start >= 0) offset = start + word.length;
    knownToken.push(
      start >= 0 && known.some(([from, to]) => start >= from && start + word.length <= to),
    );
  }
  for (let i = 0; i < tokens.length; i++) {
    const { word, tag } = tokens[i] as { word: string; tag: string };
    const next = tokens[i + 1];
    // 发言人赵立坚, 研究员冯儒莎博士: a name right after a title.
    if (
      next &&
      !knownToken[i + 1] &&
      PERSON_TITLE_WORD.test(word) &&
      isNameToken(next) &&
      !questionWords.has(next.word)
    )
      return true;
    if (knownToken[i]) continue;
    // jieba tags transliterated places as names too (乌克兰, 白罗斯): those are no person.
    if (
      tag.startsWith("nr") &&
      word.length >= 2 &&
      !questionWords.has(word) &&
      !PLACES.has(word) &&
      !NOT_PERSON_WORDS.has(word) &&
      nameShaped(word, tag) &&
      !inPlace(tokens, i) &&
      !predicate(tokens, i)
    )
      return true;
    // A three-character word jieba does not know that starts with a surname (陈正坤, 陈长海).
    if (tag === "x" && /^[\u4e00-\u9fff]{3}$/.test(word) && SURNAMES.has(word.charAt(0)))
      if (!questionWords.has(word)) return true;
    // A surname jieba cut off its given name (陈 长海, 布 林肯).
    if (
      tag.startsWith("nr") &&
      word.length === 1 &&
      SURNAMES.has(word) &&
      next &&
      /^[\u4e00-\u9fff]{1,2}$/.test(next.word) &&
      /^(n|x)/.test(next.tag) &&
      !questionWords.has(word + next.word)
    )
      return true;
    // …or right before a title (冯儒莎博士).
    if (
      next &&
      PERSON_TITLE_WORD.test(next.word) &&
      tag === "x" &&
      SURNAMES.has(word.charAt(0)) &&
      isNameToken({ word, tag }) &&
      !questionWords.has(word)
    )
      return true;
  }
  return false;
}

/**
 * Stretches of the sentence that name no new person: the question's own words (乌比拉, 修正草案),
 * a dotted name holding one (威廉·林奇 for 林奇), a title in book brackets (《萨克拉门托蜜蜂报》).
 */
function knownSpans(folded: string, questionWords: Set<string>): [number, number][] {
  const spans: [number, number][] = [];
  for (const word of questionWords) {
    if (word.length < 2) continue;
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1))
      spans.push([at, at + word.length]);
  }
  for (const match of folded.matchAll(NAME_WITH_DOT))
    if (dottedNameOfQuestion(match[0], questionWords))
      spans.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
  for (const match of folded.matchAll(/《[^》]{1,30}》/g))
    spans.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
  return spans;
}

/** 城市, 该州, 全省, 外县: the kind's noun, not a place's name. */
const GENERIC_PLACE = /^[城都本该全各此外他我其两多每邻同一二三四五六七八九十](市|州|省|县)$/;
/** The entries of lexicon/places.txt whose section note starts so. */
function placesSection(note: string): Set<string> {
  return new Set(
    lexicon("places")
      .entries.filter((entry) => entry.note.startsWith(note))
      .map((entry) => entry.term),
  );
}
/** 当地, 全国, 两岸 (lexicon/places.txt): place words that name no particular place. */
const PLACE_WORDS = placesSection("place words");
/** Countries, regions and continents (the first section of lexicon/places.txt). */
const COUNTRIES = placesSection("countries");

/**
 * Whether the sentence names a place of the asked kind (哪个国家 → 泰国, 哪座城市 → 米兰 or
 * 波莫纳市, 哪个州 → 威斯康辛州) that the question does not name itself.
 */
export function namesPlaceOfKind(
  folded: string,
  kind: string,
  questionWords: Set<string>,
): boolean {
  const tokens = tagged(folded);
  for (let i = 0; i < tokens.length; i++) {
    const { word, tag } = tokens[i] as { word: string; tag: string };
    if (word.length < 2 || questionWords.has(word)) continue;
    const next = tokens[i + 1]?.word;
    if (kind === "国") {
      // 泰国, 澳大利亚; 瑞典王国: a country by the list or its ending, not a city (曼谷).
      if (COUNTRIES.has(word) || (tag === "ns" && word.endsWith("国"))) return true;
    } else if (
      kind === "市" &&
      tag === "ns" &&
      !COUNTRIES.has(word) &&
      !PLACE_WORDS.has(word) &&
      !GENERIC_PLACE.test(word) &&
      !/[省州县]$/.test(word)
    ) {
      // A city by its name alone (米兰, 德黑兰): jieba's place, not a country or a province.
      return true;
    }
    if (kind !== "国") {
      // 威斯康辛州, 威斯康辛 州: the name with the kind's ending.
      if (word.endsWith(kind) && /^[\u4e00-\u9fff]+$/.test(word) && !GENERIC_PLACE.test(word))
        return true;
      if (next === kind && /^(ns|nr|x)/.test(tag) && !questionWords.has(word + kind)) return true;
    }
  }
  return false;
}

/**
 * The country or region a figure question names (朝鲜这波疫情死了多少人: its forms, 朝鲜 and its
 * synonyms) when the sentence names another one and none of its forms (香港共报告了…193人死亡):
 * the figure is the other place's.
 */
export function otherCountry(
  folded: string,
  asked: readonly { word: string; forms: readonly string[] }[],
): string | undefined {
  const countries = asked.filter((place) => COUNTRIES.has(place.word));
  if (countries.length === 0) return undefined;
  if (countries.some((place) => place.forms.some((form) => folded.includes(form))))
    return undefined;
  const named = new Set(asked.flatMap((place) => place.forms));
  // Only a clause with a figure binds it to a country (not 这是欧洲…最大规模 beside 部署了20万名
  // 士兵); a continent (欧洲, 亚洲) is no other country.
  for (const clause of folded.split(/[,，;；。]/)) {
    if (!/(?<!第)\d/.test(numericText(clause))) continue;
    for (const { word } of tagged(clause))
      if (COUNTRIES.has(word) && !named.has(word) && !word.endsWith("洲"))
        return countries[0]?.word;
  }
  return undefined;
}

function namesPlace(folded: string, questionWords: Set<string>): boolean {
  if (PLACE_SUFFIX.test(folded)) return true;
  for (const { word, tag } of tagged(folded)) {
    if (tag === "ns" && word.length >= 2 && !questionWords.has(word)) return true;
  }
  return false;
}

/** Whether the sentence holds what a question of this type asks for. */
export function holdsAnswerType(
  type: QuestionType,
  original: string,
  folded: string,
  questionWords: Set<string>,
): boolean {
  switch (type) {
    case "duration":
      // 同一天, 另一年: a day picked out, not a length of time.
      return (
        DURATION.test(withoutDates(folded).replace(NOT_A_COUNT, " ")) ||
        DURATION.test(numericText(folded))
      );
    case "number":
      return NUMBER.test(numericText(folded));
    case "time":
      return TIME.test(folded);
    case "reason":
      return REASON.test(folded);
    case "person":
      return namesPerson(original, folded, questionWords);
    case "place":
      return namesPlace(folded, questionWords);
    default:
      return true;
  }
}

/** The measure word right after 几 or 多少 (几只 → 只, 多少个人 → 人), if the question has one. */
export function askedMeasure(question: string): string | undefined {
  // 哪几个, 第几任, 几比几: a list, a rank, a score, no count.
  if (/[几少][^，。？?]{0,3}[比对][几多]/.test(question)) return undefined;
  const match = /(?<![哪第])(?:几|多少)个?([\u4e00-\u9fff])/.exec(question);
  const measure = match?.[1];
  // 多少钱, 几年, 几点: a sum, a time or a duration, which the other checks read; 几乎, 几十.
  if (!measure || /[钱年月天日号点时周岁分秒乎何十百千万亿]/.test(measure)) return undefined;
  return measure;
}

/**
 * Whether the sentence counts the measure only vaguely (买了几只鸡腿, 数十只白头鹰, 多名): a 几,
 * 数 or 多 count and no figure in the measure. The asked figure is not there.
 */
export function onlyVagueIn(folded: string, measure: string): boolean {
  const text = numericText(folded);
  const vague = new RegExp(`(?:[几数]|若干)[十百千万亿]*${measure}|(?<![\\d十百千万])多${measure}`);
  const exact = new RegExp(
    `\\d+(?:\\.\\d+)?\\s*(?:多|余|来)?\\s*[万亿千百十]?\\s*(?:个)?${measure}`,
  );
  return vague.test(text) && !exact.test(text);
}

/** The unit a how-long question asks in (多少年 → 年, 几个月 → 月, 几个小时 → 小时). */
export function askedDurationUnit(question: string): string | undefined {
  return /(?:多少|几)个?(年|月|天|日|周|星期|小时|钟头|分钟|秒)/.exec(question)?.[1];
}

/** Units of a duration that may answer a question asking in a unit (多少年: 18个月 answers). */
const DURATION_ANSWERS: Record<string, string[]> = {
  年: ["年", "月", "世纪"],
  月: ["月", "年", "周", "星期", "天"],
  天: ["天", "日", "周", "星期", "月", "小时", "昼夜"],
  日: ["天", "日", "周", "星期", "月", "小时", "昼夜"],
  周: ["周", "星期", "天", "月"],
  星期: ["周", "星期", "天", "月"],
  小时: ["小时", "钟头", "分钟", "天", "昼夜"],
  钟头: ["小时", "钟头", "分钟", "天"],
  分钟: ["分钟", "小时", "钟头", "秒"],
  秒: ["秒", "分钟"],
};
const DURATION_ALL = new RegExp(DURATION.source, "g");

/**
 * Whether the sentence's durations are all in units that cannot answer the asked one (多少年
 * answered by 两个小时, 三分钟): a length of something else. A sentence with no duration is
 * left to the other checks.
 */
export function durationInOtherUnit(folded: string, asked: string): boolean {
  const accepted = DURATION_ANSWERS[asked];
  if (!accepted) return false;
  const text = numericText(folded);
  const found = [...text.matchAll(DURATION_ALL)].map((m) => m[0]);
  if (found.length === 0) return false;
  return !found.some((duration) => accepted.some((unit) => duration.includes(unit)));
}

/**
 * Whether the sentence gives a figure in the measure (三头牛, 1,200只, 两块金牌); 一 alone is
 * mostly an article (一只白头鹰都会引起轰动), no count.
 */
export function countsInMeasure(folded: string, measure: string): boolean {
  const text = numericText(folded);
  const exact = new RegExp(
    `(\\d+(?:\\.\\d+)?)\\s*(?:多|余|来)?\\s*([万亿千百十]?)\\s*(?:个)?${measure}`,
    "g",
  );
  for (const match of text.matchAll(exact)) if (match[1] !== "1" || match[2]) return true;
  return false;
}

/** Whether the sentence gives any figure above one with a measure after it (5个名额, 两枚). */
export function countsAnything(folded: string): boolean {
  return countsInMeasure(folded, "[\\u4e00-\\u9fff]");
}

/**
 * The figures a question names that are no date and no part of a name (28纳米, 5年期, 37个交易日;
 * not 2021年, 7月19日, AB455, 7-Eleven): each is a detail the answer must share.
 */
export function questionFigures(question: string): string[] {
  const text = question
    .replace(/[a-z][a-z0-9-]*\d[a-z0-9-]*|\d+-?[a-z][a-z0-9-]*/g, " ")
    .replace(
      /(?:19|20)\d\d\s*年?|\d{1,2}\s*月份?|\d{1,2}\s*[日号]|\d{1,2}\s*[点时:：]\s*\d{0,2}/g,
      " ",
    );
  // 前11个月 (written 1至11月), 3.5万亿 (35000亿): a span of months or a large sum has many writings.
  return [...new Set(text.match(/\d+(?:\.\d+)?(?!\s*(?:个?月|[万亿千百]|\d|\.\d))/g) ?? [])];
}

/** Whether a text holds the figure as a whole number, dates left out (28 in 28纳米, not in 128, 2.8 nor 5月). */
export function holdsFigure(folded: string, figure: string): boolean {
  const escaped = figure.replace(".", "\\.");
  const pattern = new RegExp(`(?<![\\d.])${escaped}(?![\\d]|\\.\\d)`);
  return pattern.test(numericText(folded));
}

/** The measure of a which-one-in-order question (第几期 → 期, 第几任 → 任, 排第几名 → 名). */
export function askedRankMeasure(question: string): string | undefined {
  return /第几([\u4e00-\u9fff])/.exec(question)?.[1];
}

/** Whether the sentence gives a place in an order (第3期, 第二十七任, 排名第三, 三期). */
export function holdsRank(folded: string, measure: string): boolean {
  return (
    /第\s*[\d一二两三四五六七八九十百]+/.test(folded) ||
    new RegExp(`[\\d一二两三四五六七八九十]\\s*${measure}`).test(folded)
  );
}

/** Relative dates (去年, 上个月) with the field they count in and their offset (ask-relative-dates). */
const RELATIVE_DATES = new Map(
  lexicon("ask-relative-dates").entries.map(
    (entry) => [entry.term, { field: entry.fields[0], offset: Number(entry.fields[1]) }] as const,
  ),
);
const RELATIVE_DATE = new RegExp(
  [...RELATIVE_DATES.keys()].sort((a, b) => b.length - a.length).join("|"),
  "g",
);
/** A day of the month written without its month (上周五（23日）, 23日晚). */
const BARE_DAY = /(?<![\d月.])(\d{1,2})\s*[日号]/g;

/**
 * A folded text with the dates it writes relative to the article's date written out after them:
 * in an article of 2022-05-21, 去年9月 → 去年(2021年)9月, 上个月 → 上个月(2022年4月), and with
 * `days`, a day without its month (周五（20日）) takes the month it falls in (2022年5月20日; a day
 * after the article's own is of the month before). A question naming the year or the month is
 * then answered by a sentence that names it only relative to the day of writing. Without a date,
 * the text as is.
 */
export function resolveRelativeDates(
  folded: string,
  date: string | null | undefined,
  days = false,
): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? "");
  if (!parts) return folded;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  const monthOf = (offset: number) => {
    const index = year * 12 + (month - 1) + offset;
    return `${Math.floor(index / 12)}年${(index % 12) + 1}月`;
  };
  const dated = days
    ? folded.replace(BARE_DAY, (match, named: string) =>
        Number(named) >= 1 && Number(named) <= 31
          ? `${monthOf(Number(named) > day ? -1 : 0)}${match}`
          : match,
      )
    : folded;
  return dated.replace(RELATIVE_DATE, (word) => {
    const relative = RELATIVE_DATES.get(word);
    if (!relative) return word;
    return relative.field === "year"
      ? `${word}(${year + relative.offset}年)`
      : `${word}(${monthOf(relative.offset)})`;
  });
}

const OUTCOME_MARKERS = lexicon("ask-outcome-markers").entries;
const PENDING = new RegExp(
  OUTCOME_MARKERS.filter((entry) => entry.fields[0] === "pending")
    .map((entry) => entry.term)
    .join("|"),
);
const STATED = new RegExp(
  OUTCOME_MARKERS.filter((entry) => entry.fields[0] === "stated")
    .map((entry) => entry.term)
    .join("|"),
);
const NEITHER = new RegExp(
  OUTCOME_MARKERS.filter((entry) => entry.fields[0] === "none")
    .map((entry) => entry.term)
    .join("|"),
  "g",
);

/**
 * Whether a sentence reports only the expectation of an act, not how it turned out: a planned,
 * urged or possible act (将签署, 敦促州长否决, 正在收集反馈, 也可能采取行动) with nothing done or
 * reported as not done (已, 没有, 未; lexicon/ask-outcome-markers.txt).
 */
/** Whether a sentence says the act was done or not done (已, 没有, 未, 终于). */
export function statesOutcome(folded: string): boolean {
  return STATED.test(folded.replace(NEITHER, " "));
}

export function onlyExpected(folded: string): boolean {
  const text = folded.replace(NEITHER, " ");
  return PENDING.test(text) && !STATED.test(text);
}

/** A person named by surname and a polite form only (王女士, 李先生): news keeps the name back. */
const SURNAME_ONLY = /([\u4e00-\u9fff])(先生|女士|小姐|太太)/g;

/**
 * The sentence with every person named only by surname and a polite form (王女士, 李先生) written
 * as 某人: news keeps such a person's name back, so a question asking the name (叫什么名字) is
 * not answered by it.
 */
export function withoutSurnameOnly(text: string): string {
  return text.replace(SURNAME_ONLY, (match, surname: string) =>
    SURNAMES.has(surname) ? "某人" : match,
  );
}

const QUARTER_DIGITS: Record<string, string> = { 一: "1", 二: "2", 三: "3", 四: "4" };

/**
 * The writings of a quarter the question names without 第 (一季度, 1季度, 首季; 第一季度 is an
 * ordinal, 前三季度 a span): 一季, 第1季, Q1…; else none.
 */
export function askedQuarter(question: string): string[] {
  const match = /(?<![第前\d一二三四])([一二三四1-4])季度?|首季/.exec(question);
  if (!match) return [];
  const written = match[1] ?? "一";
  const digit = QUARTER_DIGITS[written] ?? written;
  const han = Object.keys(QUARTER_DIGITS).find((key) => QUARTER_DIGITS[key] === digit) ?? written;
  return [`${han}季`, `${digit}季`, `q${digit}`, ...(digit === "1" ? ["首季"] : [])];
}

/**
 * Whether a text names the quarter by one of its writings, not inside a span of quarters (前三季度
 * is no third quarter).
 */
export function namesQuarter(folded: string, forms: readonly string[]): boolean {
  return forms.some((form) => {
    for (let at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1))
      if (folded[at - 1] !== "前") return true;
    return false;
  });
}

/** A count in a unit (15次, 3个国家), one pattern per unit asked (matchAll copies it). */
const COUNT_IN_UNIT = new Map<string, RegExp>();

/**
 * Whether every count in the asked unit the sentence gives is a figure the question itself names
 * (这15次试射里有几次是洲际导弹 answered by 「已进行了15次导弹试验」): it restates what is asked
 * and answers nothing. Units the checks read otherwise (%, 钱, 长度, 国) are left alone.
 */
export function countsOnlyAsked(folded: string, unit: string, figures: readonly string[]): boolean {
  if (figures.length === 0 || unit in UNIT_EVIDENCE) return false;
  let countOf = COUNT_IN_UNIT.get(unit);
  if (!countOf) {
    countOf = new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(?:多|余|来)?\\s*(?:个)?${unit}`, "g");
    COUNT_IN_UNIT.set(unit, countOf);
  }
  const counts = [...numericText(folded).matchAll(countOf)].map((match) => match[1] as string);
  return counts.length > 0 && counts.every((count) => figures.includes(count));
}

/** Nouns of codes (网址, 号码, 舷号) and the kind of code that answers each (lexicon/ask-code-nouns.txt). */
const CODE_NOUNS = new Map(
  lexicon("ask-code-nouns").entries.map((entry) => [entry.term, entry.fields[0] as string]),
);
const CODE_NOUN = [...CODE_NOUNS.keys()].sort((a, b) => b.length - a.length).join("|");
/** 网址是什么, 号码是多少, 什么网址, 哪个编号: a code asked for by its noun. */
const CODE_ASKED = new RegExp(
  `(${CODE_NOUN})(?:是|为)?(?:多少|(?<!为)什么|几号|啥|哪个)|(?:什么|哪个)(${CODE_NOUN})`,
);
/** A web address or an e-mail: www…, http…, a domain (mamagrizzly.org), …@…. */
const URL =
  /https?:|www\.|[a-z0-9-]+\.(?:com|org|net|gov|edu|cn|tw|hk|us|uk|io|info)\b|[a-z0-9._-]+@[a-z0-9-]+\./;
/** A telephone number: two groups of digits joined by a dash or a space, or seven digits or more. */
const PHONE = /\d{2,}[-－—\s]\d{3,}|(?<!\d)\d{7,}(?!\d)/;

/** The noun and kind of the code a question asks for (网址 → url), if it asks for one. */
export function askedCode(question: string): { noun: string; kind: string } | undefined {
  const match = CODE_ASKED.exec(question);
  const noun = match?.[1] ?? match?.[2];
  return noun ? { noun, kind: CODE_NOUNS.get(noun) as string } : undefined;
}

/**
 * Whether the sentence writes the code asked for: an address for url, a telephone number for
 * phone, else the noun (or 号) followed by a code of digits or Latin letters (舷号为815; not
 * 「815型侦察舰」, a class, nor 「启动一个网站」, which names no address).
 */
export function holdsCode(folded: string, code: { noun: string; kind: string }): boolean {
  if (code.kind === "url") return URL.test(folded);
  if (code.kind === "phone") return PHONE.test(folded);
  const noun = code.noun.replace(/[()]/g, "");
  return new RegExp(`(?:${noun}|号)[^,，。;；]{0,4}?[a-z0-9]`).test(folded);
}
