import { alternation, lexicon, wordSet } from "../text/lexicon.js";
import { isNotPerson, isPlaceName } from "../text/names.js";
import { HAN_DIGITS } from "../text/numerals.js";
import { regionalForms, regionalWordSpans } from "../text/regional.js";
import { foldText, isHanCode, segmenter } from "../text/text.js";

/**
 * Question analysis for /ask: what kind of thing a question asks for (its answer type and unit),
 * its content words with their weights and synonyms, and its anchors: the specific year, number,
 * person, place or Latin name the answer must be about. Runs on the shared text pipeline (folded
 * text, jieba with part-of-speech tags).
 */

export type QuestionType = "person" | "duration" | "number" | "time" | "place" | "reason" | "other";

/** `name`: a word jieba does not know (众泰, 张明) that the candidate articles write. */
export type AnchorKind = "year" | "number" | "person" | "place" | "organisation" | "latin" | "name";

export interface QuestionTerm {
  /** Folded (simplified, lower-case) word. */
  word: string;
  /** Other words that count as a match, folded. */
  synonyms: string[];
  /** Weight from the word's length and kind, before rarity. */
  weight: number;
  /** Words the archive uses in the same contexts (learned), matched softly. */
  related?: string[];
  /** Set when the word is a specific anchor the evidence must hold. */
  anchor?: AnchorKind;
  /** Latin word of an English question (matched as a whole word). */
  latin?: boolean;
  /** As written in the question, when its case matters (US, FDA). */
  written?: string;
  /** jieba's part-of-speech tag of the word in the question (nr, ns, v…). */
  tag?: string;
}

export interface ParsedQuestion {
  type: QuestionType;
  /**
   * The unit a number question counts in (份, 人, 国, %), or the precision a time question asks
   * for (年: a year, 日: a day), when it names one.
   */
  unit?: string;
  /** The kind of thing a which-question names (哪家医院 → 医院): the answer names one. */
  head?: string;
  /**
   * What a number question counts when it names it right after 多少/几 (多少名职工 → 职工,
   * 几枚导弹 → 导弹): the answer's number must count that, not something else.
   */
  counted?: string;
  /**
   * The question words right next to the question word (哪天正式完成 → 正式, 完成; 谁领导了代表团
   * → 领导): what is asked about; the answer sentence must hold one of them.
   */
  focus: string[];
  /**
   * For a time question, the words after the question word (哪天正式完成 → 正式, 完成; 几月几号
   * 见面 → 见面): the event whose date is asked.
   */
  event?: string[];
  /**
   * The kind of place a where-question names (哪个国家 → 国, 哪座城市 → 市, 哪个州 → 州): the
   * answer names a place of that kind, not the noun itself (在泰国 answers 哪个国家).
   */
  placeKind?: PlaceKind;
  /**
   * An ordinal the question names with the character after it (第一大股东 → 第一大, 第四季度 →
   * 第四季): an answer about another one of the series (第三大, 第三季) answers another question.
   */
  ordinal?: string;
  /** The question asks for several things (哪些症状, 哪几个机构): the answer lists them. */
  list?: boolean;
  /**
   * How many things a list question asks for, with its measure (哪三条 → 三条, 哪两种 → 两种): a
   * sentence giving only that (就三条, 两种相互竞争的理论) announces the list the next one names.
   */
  listCount?: string;
  /** A person question that asks for the name itself (叫什么名字, 是谁, 哪位): the answer names one. */
  asksName?: boolean;
  /**
   * The question asks how something turned out (最后有没有否决, 后来被罢免了吗, 最终判了几年,
   * 宣布回购了吗): a plan or an expectation of the act is no answer.
   */
  asksOutcome?: boolean;
  /** A question for a thing's name (医院以前叫什么名字, 第一部电影叫什么, what is it called). */
  asksThingName?: boolean;
  /**
   * Phrases the question quotes (“台湾在印太地区”研讨会, 《好丈夫》): a title or slogan copied
   * from the story, which the answering article must hold as written.
   */
  quoted?: string[];
  terms: QuestionTerm[];
  /** Whether the question is written in English (Latin letters, no Han). */
  english: boolean;
  /** The folded question without its question and frame words (terms are cut from it). */
  text: string;
}

/**
 * A question for a person's name (吉林市长叫什么名字, 喷漆的人被抓了吗，叫什么名字): a noun of a
 * person before 叫什么/名字 (not 人民医院…叫什么名字, a thing's name).
 */
const PERSON_NAME_ASKED = new RegExp(
  [
    `(?:人(?!民)|者|男的|女的|男子|女子|男孩|女孩|少年|[市省州县镇村区]长|官员|主席|总统|总理|部长|老板|主编|父亲|母亲|妻子|丈夫|老婆|老公|太太|儿子|女儿|${alternation("ask-person-nouns")})(?:[^?？。]{0,10}?(?:叫什么|什么名字|名字是什么|姓名)|是谁|是哪位)`,
    // 枪手, 球员, 嫌犯 right before 叫什么 (not 员工内购的房企叫什么).
    "(?:手|员|嫌犯)(?:的)?(?:名字|姓名)?(?:叫什么|叫啥|是谁)",
    // A title right before 叫什么 (那个教练叫什么, 总编辑叫什么名字; not 代表团叫什么).
    `(?:${alternation("person-titles")})(?:的)?(?:名字|姓名)?(?:叫什么|叫啥)`,
    // The person's identity (接替他的是谁, 五名球员都是谁), not 给谁, 被谁 (a group may answer).
    "是谁|谁(会|将|可能)?(是|成为)|都有谁|是哪几位",
    "\\bwhat is (his|her|their) name\\b",
    // Which activists, which congressman: the answer names them (not "two activists").
    "\\bwhich ([\\w-]+ ){0,3}(congress\\w*|senators?|officials?|lawmakers?|ministers?|reporters?|journalists?|\\w+ists|\\w*m[ae]n|\\w*wom[ae]n|person|people|researchers?)\\b",
  ].join("|"),
);

/**
 * Measure words that also open common words, each with the characters that make it such a word:
 * 几部 but not 几部门, 几台 but not 几台湾. Shared by the number question and its unit.
 */
const GUARDED_MEASURES =
  "部(?![门分长])|本(?![地人国土月年周届市])|首(?![都相长次先脑])|批(?![评准])|层(?![面级次])|级(?![别])|台(?![湾北南中东])|楼(?![盘市房价宇道梯顶])";

/** Question types, tried in order; the first that matches wins. Patterns run on folded text. */
const TYPE_PATTERNS: [QuestionType, RegExp][] = [
  ["reason", /为什么|为何|什么原因|原因是什么|出于什么|因为什么|怎么会|\bwhy\b/],
  [
    "duration",
    /多久|多长时间|多长的时间|多少(个)?(小时|钟头|分钟|天|周|星期|个月|月|年)(?![然气空津下安主价线堂地轻级纪龄代度薪货])|(?<!哪)几(个)?(小时|钟头|分钟|天|周|星期|个月|年)(?![前后然气空津下安主价线堂地轻级纪龄代度薪货])|\bhow long\b|\bhow many (years|months|weeks|days|hours|minutes)\b/,
  ],
  [
    "time",
    /什么时候|什么时间|何时|哪几(天|日|年|个月|月)|哪天|哪一天|哪日|哪年|哪一年|哪个月|几月|几号|几日|几点|\bwhen\b|\bwhat time\b|\bwhat (year|date|day)\b|\bwhich (year|date|day)\b/,
  ],
  [
    "place",
    /在哪里|在哪儿|哪里|哪儿|在哪|何处|何地|什么地方|哪(个|片|座|一|些)?(国家|城市|地方|省|州|地区|海|县|市|国)(?![长官民])|哪座|\bwhere\b|\bwhich (country|city|province|state|place)\b/,
  ],
  [
    "person",
    /谁|哪位|哪些人|什么人|何人|哪个人|哪(个|位|名)[\u4e00-\u9fff]{0,3}(官员|人士|议员|州长|市长|主任|主席|部长|学者|记者|高管|官|人)|(人士|官员|主任|主席|部长|州长|议员)叫什么|\bwho\b|\bwhom\b|\bwhich ([\w-]+ ){0,3}(congress\w*|senators?|officials?|lawmakers?|leaders?|ministers?|reporters?|journalists?|spokes\w*|\w+ists?|\w*m[ae]n|\w*wom[ae]n|person|people|experts?|president|governor|mayor|director|ceo|judge|doctors?|officers?|professor|scholars?|analysts?|researchers?|author|writer)\b/,
  ],
  ["person", PERSON_NAME_ASKED],
  [
    "number",
    new RegExp(
      String.raw`多少|(?<!哪)几(个|名|位|次|人|岁|成|十|百|千|万|项|座|家|辆|架|枚|种|条|起|例|倍|艘|所|份|国|天|口|具|只|篇|张|句|场|届|轮|棵|颗|块|栋|剂|针|吨|斤|${GUARDED_MEASURES})|百分之几|多大|多高|多远|多重|多深|多长|比例|\bhow (many|much|old)\b|\bwhat (percentage|share|proportion)\b`,
    ),
  ],
];

/** Nouns naming a sum of money (lexicon/ask-money-nouns.txt): 多少援助, 收了多少贿赂. */
const MONEY_NOUNS = alternation("ask-money-nouns");

/** The unit a number question asks in: 多少份 → 份, 几个国家 → 国, 多大比例 → %. */
const UNIT_PATTERNS: [RegExp, string][] = [
  [
    /比例|百分之|百分比|占比|份额|占有率|(多少|几)成(?![员功立本])|(?<![汇频效])率[\u4e00-\u9fff]{0,6}?多少(?![人个名位次])|\bpercent|\bpercentage\b|\bshare\b/,
    "%",
  ],
  [/(多少|几)(个)?(国家|国)|\bhow many countries\b/, "国"],
  // 规模有多大, 面积多大: the size of a thing, not an age.
  [/几岁|多大(年纪|岁数)|年龄|\bhow old\b/, "岁"],
  // 他死的时候多大, 隔离病房有多大: an age or a size (10平米), whichever the thing has.
  [/(?<!(规模|面积|金额|幅度|力度|范围|影响|损失|体积|容量|差距|数额|市场)(有|是)?)多大$/, "大小"],
  [
    // A price or wage asked for (运价是多少, 收盘价是多少, 房价跌到多少): an amount of money,
    // not a share (not 房价跌了多少, which a percentage may answer).
    new RegExp(
      String.raw`(价|价格|工资|薪水|月薪|年薪|罚款|罚金|租金|票价|学费|市值)(是|为|约|大约|大概|现在|跌到|涨到|降到|升到|达到)?多少(?![人个名位])|多少钱|多少(美元|元|万元|亿|欧元|英镑|港元|澳元|日元)|多少(?![人个名位])[\u4e00-\u9fff]{0,4}?(${MONEY_NOUNS})(?![的率])|(${MONEY_NOUNS})(是|为|有|约|大约|大概|共|一共|总共)?多少(?![人个名位年天次])|\bhow much\b.*\b(pay|cost|price|worth|money|fund|dollar)`,
    ),
    "钱",
  ],
  [
    /(多少|几)(个|名|位|口)?(人|员工|学生|名|位)|(多少|几)(名|位)|多少[\u4e00-\u9fff]{0,4}?(人员|居民|访民|学生|职工|医护|官员|议员|士兵|患者|人)|\bhow many (\w+ )?(people|persons|civilians|residents|citizens|workers|employees|students|journalists|reporters|patients|soldiers|troops|officers|members|lawmakers|children|victims|protesters|activists)\b/,
    "人",
  ],
  // 有多长, 多高, 多远, 多深: a length, height, distance or depth (or how long a time lasts),
  // not any figure (not 良品率有多高, a share).
  // 多高, 多深, 多宽: a height, depth or width, never a time (国殇之柱有多高 is not answered by
  // 「摆放了24年」).
  [/(?<![率价额值量数比]有?)多(高|深|宽)(?!时间|的时间)/, "尺寸"],
  [/(?<![率价额值量数比]有?)多(长|远)(?!时间|的时间)/, "长度"],
  // How many times: a count of occasions, as 几次 (35次提到自由).
  [/\bhow many times\b/, "次"],
  [
    new RegExp(
      `(?:多少|几)(份|枚|架|艘|辆|次|例|座|家|项|条|起|倍|所|场|只|头|吨|公里|平方米|平米|票|张|剂|针|具|篇|棵|颗|栋|届|轮|${GUARDED_MEASURES})`,
    ),
    "$1",
  ],
];

export type PlaceKind = "国" | "市" | "省" | "州" | "县";

/** 哪个国家, 哪座城市, 哪些州: the kind of place asked for. */
const PLACE_KIND = /哪(?:个|一|座|些|几个)?(国家|城市|省份|省|州|县|市|国)/;
const PLACE_KINDS: Record<string, PlaceKind> = {
  国家: "国",
  国: "国",
  城市: "市",
  市: "市",
  省份: "省",
  省: "省",
  州: "州",
  县: "县",
};

/** 第一大, 第四季, 第二任: an ordinal and the character after it (not 第几). */
const ORDINAL = /第(?:[一二三四五六七八九十]{1,3}|\d{1,3})[\u4e00-\u9fff]/;

/**
 * How something turned out: 最后, 最终 before what happened (not 最后一次, 最后的, 最终需求 is a
 * noun; 后来 mostly orders a story, 后来自己办的媒体), or a yes/no question on a past act (有没有
 * 否决, 被罢免了吗; not 会不会, a forecast).
 */
const OUTCOME_ASKED = /(最后|最终)(?![一的“"「]|需求|阶段)|有没有|[了过]吗[？?]?$|是否已/;

/** A thing's name asked for (a person's name is a person question, above). */
const THING_NAME_ASKED = /叫什么|叫啥|什么名字|名字是什么|名称是什么|\bcalled\b|\bname of\b/;

/** 哪家医院, 哪个看守所, 哪所大学: the noun after 哪 and a measure word. */
const HEAD_NOUN =
  /哪(个|家|所|座|间|条|只|支|位|名)([\u4e00-\u9fff]{2}[所院馆局厂校区市省县站台队]?)/;

/**
 * 哪家澳洲公司: a place before the noun says where the thing is; the noun after it is the head
 * (公司), matched again after the place.
 */
function placeBeforeHead(match: RegExpExecArray | null, folded: string): RegExpExecArray | null {
  const noun = match?.[2];
  if (!match || !noun || !isPlaceName(noun.slice(0, 2))) return match;
  const rest = folded.slice(match.index + match[0].length - noun.length + 2);
  const after = /^[\u4e00-\u9fff]{2}[所院馆局厂校区市省县站台队]?/.exec(rest);
  if (!after || isPlaceName(after[0].slice(0, 2))) return match;
  const shifted = [match[0], match[1], after[0]] as unknown as RegExpExecArray;
  shifted.index = match.index;
  return shifted;
}

/**
 * 房企叫什么名字, 那本书叫什么: the thing whose name is asked; the answer names one (not
 * 某TOP5房企, 该书).
 */
const NAME_OF_THING = /([\u4e00-\u9fff]{2})(?:的名字|的名称)?(?:叫什么|叫啥|是什么名字|名称是什么)/;

/** The word when jieba takes it for a noun (房企, 电影; not 以前). */
function nounOf(word: string | undefined): string | undefined {
  if (!word) return undefined;
  const tags = segmenter().tag(word, true);
  return tags.length === 1 && /^(n|x)/.test(tags[0]?.tag ?? "") ? word : undefined;
}

/** Question words and particles, removed before the content words are taken. */
const QUESTION_WORDS = new RegExp(
  `多少(个|名|位|口)?人(?!口)|几(个|名|位|口)?人(?!口)|多少个|叫什么名字|叫什么|叫啥|${alternation("ask-question-words")}|几(个)?`,
  "g",
);
/** Frame words (那天, 一口气) and a demonstrative or 哪 before a measure word (那次, 哪片). */
const FRAMES = new RegExp(
  `${alternation("ask-question-frames")}|[这那哪](一)?(片|次|份|批|盘|场|回|件|起|位|名|家|座|条|所|只|个|些|种|项|届|轮|波|段|封|篇|顿|张|本|部(?!分)|则|句|通(?![过知])|期(?!间)|栋|幅|首|笔|趟|番)|[这那](几)(样|天|个|位|名|次|年|种|家)`,
  "g",
);

const SHARE_WORDS = new Set(["比例", "百分比", "占比", "百分之", "成"]);
const LIGHT_WORDS = wordSet("ask-light-words");
const WEAK_WORDS = wordSet("ask-weak-words");
const ENGLISH_FUNCTION_WORDS = wordSet("ask-english-function-words");
/** Titles written capitalised before an English name (Governor, Senator). */
const ENGLISH_TITLES = wordSet("ask-english-titles");
const STOP_WORDS = wordSet("stop-words");
/** English number words and the ways Chinese news writes them (two → 2, 二, 两). */
const ENGLISH_NUMBERS = new Map(
  lexicon("ask-english-numbers").entries.map((entry) => [entry.term, entry.fields]),
);

/** Synonym groups (lexicon/ask-synonyms.txt): a word of a group also matches the others. */
const SYNONYMS = new Map<string, string[]>();
for (const entry of lexicon("ask-synonyms").entries) {
  const group = [entry.term, ...entry.fields];
  for (const word of group) {
    const others = group.filter((other) => other !== word);
    SYNONYMS.set(word, [...(SYNONYMS.get(word) ?? []), ...others]);
  }
}

const DIGIT_HAN = "零一二三四五六七八九";

/** A Han numeral below 100 as a number (十六 → 16, 两 → 2), or undefined. */
export function hanNumberValue(text: string): number | undefined {
  if (/^[零〇一二两三四五六七八九]$/.test(text)) return HAN_DIGITS[text];
  const match = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (!match) return undefined;
  const tens = match[1] ? (HAN_DIGITS[match[1]] as number) : 1;
  const ones = match[2] ? (HAN_DIGITS[match[2]] as number) : 0;
  return tens * 10 + ones;
}

function hanNumeral(value: number): string {
  if (value < 10) return DIGIT_HAN[value] as string;
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? "" : DIGIT_HAN[tens]}十${ones ? DIGIT_HAN[ones] : ""}`;
}

/**
 * The other ways news writes a word holding a small number: 八强 ↔ 8强, 十六 ↔ 16, 两 ↔ 二.
 * Only numbers below 100 and words of at most 6 characters.
 */
export function numeralVariants(word: string): string[] {
  if (word.length > 6) return [];
  const out = new Set<string>();
  const arabic = word.replace(/[零〇一二两三四五六七八九十]+/g, (run) => {
    const value = hanNumberValue(run);
    return value === undefined ? run : String(value);
  });
  if (arabic !== word && /\d/.test(arabic)) out.add(arabic);
  const han = word.replace(/\d{1,2}/g, (run) => hanNumeral(Number(run)));
  if (han !== word) out.add(han);
  if (word.includes("两")) out.add(word.replaceAll("两", "二"));
  out.delete(word);
  return [...out];
}

/** A figure of four digits or more as news groups it (2000 → 2,000): 2000美元 is 2,000美元. */
export function grouped(word: string): string[] {
  if (!/^\d{4,}$/.test(word) || word.startsWith("0")) return [];
  return [word.replace(/\B(?=(\d{3})+(?!\d))/g, ",")];
}

function termWeight(word: string): number {
  if (WEAK_WORDS.has(word)) return 0.3;
  if (/^[\d.,%]+$/.test(word)) return 1.2;
  if (!isHanCode(word.charCodeAt(0))) return word.length >= 3 ? 1.2 : 0.8;
  if (word.length === 1) return 0.4;
  if (word.length === 2) return 1;
  return 1.3;
}

/** Verb-object phrases jieba's dictionary tags as places (上街, 回国): no place anchor. */
const NOT_PLACES = wordSet("ask-not-places");
const NOT_PERSON_WORDS = wordSet("ask-not-person-words");

/** The anchor kind of a word from its form and its jieba tag. */
function anchorKind(word: string, tag: string): AnchorKind | undefined {
  if (/^(19|20)\d\d(年)?$/.test(word)) return "year";
  if (/^\d+(\.\d+)?$/.test(word)) return "number";
  // A code of letters and digits (P4, H1N1, F-16) names one thing: matched as written.
  if (/^[a-z]+-?\d+[a-z\d]*$|^\d+[a-z]+$/.test(word)) return "latin";
  if (word.length < 2) return undefined;
  // 白宫, 宁可, 乌克兰: ordinary words, places and bodies jieba's dictionary tags as names.
  if (tag.startsWith("nr"))
    return NOT_PERSON_WORDS.has(word) || isNotPerson(word)
      ? isPlaceName(word)
        ? "place"
        : undefined
      : "person";
  if (tag === "ns") return NOT_PLACES.has(word) ? undefined : "place";
  if (tag === "nt") return "organisation";
  return undefined;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

const ENGLISH_SCALES: Record<string, number> = { million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * A number before million, billion or trillion as Chinese news writes it, in 万, 亿 or 万亿
 * ($900 billion → 9000亿, 9,000亿; 2 million → 200万; 1.5 billion → 15亿), else none.
 */
export function scaledNumber(number: string, next: string | undefined): string[] {
  const scale = ENGLISH_SCALES[next?.toLowerCase() ?? ""];
  const value = Number(number.replaceAll(",", "")) * (scale ?? 0);
  if (!scale || !Number.isFinite(value) || value <= 0) return [];
  const [count, unit] =
    value >= 1e12
      ? [value / 1e12, "万亿"]
      : value >= 1e8
        ? [value / 1e8, "亿"]
        : [value / 1e4, "万"];
  const plain = String(Math.round(count * 100) / 100);
  const grouped =
    Math.round(count * 100) / 100 >= 1000
      ? (Math.round(count * 100) / 100).toLocaleString("en-US")
      : plain;
  return [...new Set([`${plain}${unit}`, `${grouped}${unit}`])];
}

/** Words of an English question: capitalised runs (Vincent Shu) kept as one Latin name. */
function englishTerms(question: string): QuestionTerm[] {
  const terms: QuestionTerm[] = [];
  const seen = new Set<string>();
  const push = (term: QuestionTerm) => {
    if (seen.has(term.word)) return;
    seen.add(term.word);
    terms.push(term);
  };
  const tokens =
    question.match(/\d*[A-Za-z][A-Za-z0-9'-]*[A-Za-z0-9]|[A-Za-z]|\d+(?:[.,]\d+)*%?/g) ?? [];
  let run: string[] = [];
  const flush = () => {
    // A title before a name is a word of the question, the rest the name (Governor Phil Murphy).
    if (run.length >= 2 && ENGLISH_TITLES.has((run[0] as string).toLowerCase())) {
      const title = foldText(run.shift() as string);
      push({ word: title, synonyms: [], weight: 0.8, latin: true });
    }
    if (run.length >= 2) {
      // News writes a Latin name once in full, then by surname (Vincent Shu → Shu).
      const surname = foldText(run[run.length - 1] as string);
      const personal =
        surname.length >= 3 &&
        /^[A-Z][a-z]/.test(run[0] as string) &&
        run.every((word) => /^[A-Z]/.test(word));
      push({
        word: foldText(run.join(" ")),
        synonyms: personal ? [surname] : [],
        weight: 1.5,
        anchor: "latin",
        latin: true,
      });
    } else if (run.length === 1) {
      const written = run[0] as string;
      const word = foldText(written);
      const month = MONTHS.indexOf(word);
      if (month >= 0) {
        // Chinese news writes months in digits: March → 3月.
        push({ word: `${month + 1}月`, synonyms: [], weight: 1 });
        run = [];
        return;
      }
      if (!ENGLISH_FUNCTION_WORDS.has(word))
        push({ word, synonyms: [], weight: 1.2, anchor: "latin", latin: true, written });
    }
    run = [];
  };
  tokens.forEach((token, i) => {
    // A capitalised word continues a name even when it is a function word elsewhere (Liu He).
    const capitalised =
      /^[A-Z]/.test(token) &&
      i > 0 &&
      (run.length > 0 || !ENGLISH_FUNCTION_WORDS.has(token.toLowerCase()));
    const acronym = /^[A-Z]{2,}$/.test(token);
    if (capitalised || acronym) {
      run.push(token.replace(/'s$/, ""));
      return;
    }
    // "of" inside a name (Pillar of Shame, University of Hong Kong) when a capital follows.
    if (run.length > 0 && /^(of|and|&)$/.test(token) && /^[A-Z]/.test(tokens[i + 1] ?? "")) {
      run.push(token);
      return;
    }
    flush();
    const word = foldText(token.replace(/'s$/, ""));
    if (/[a-z]/.test(word) && /\d/.test(word)) {
      // A code written in letters and digits (a flight number, 9Dashline) matches as written.
      push({ word, synonyms: [], weight: 1.5, anchor: "latin", latin: true });
      return;
    }
    if (/^\d/.test(word)) {
      push({
        word,
        synonyms: scaledNumber(word, tokens[i + 1]),
        weight: 1.2,
        anchor: /^(19|20)\d\d$/.test(word) ? "year" : "number",
      });
      return;
    }
    const number = ENGLISH_NUMBERS.get(word);
    if (number) {
      push({ word, synonyms: [...number], weight: 0.4, latin: true });
      return;
    }
    if (ENGLISH_FUNCTION_WORDS.has(word) || word.length < 2) return;
    push({ word, synonyms: [], weight: 0.8, latin: true });
  });
  flush();
  return terms;
}

const GLUED_ENDS = wordSet("ask-glued-ends");
const GLUED_STARTS = wordSet("ask-glued-starts");

/**
 * An unknown word (x) jieba's HMM glued from a light verb or particle and its neighbour (营有 in
 * 教育营有多少组, 要造 in 澳洲要造几艘, 被关): written nowhere as such, yet rare enough to weigh
 * most of the question. The glued character is cut off; what is left keeps the unknown tag (a
 * name such as 姚俊 in 姚俊是 stays one).
 */
export function unglueUnknown(token: { word: string; tag: string }): { word: string; tag: string } {
  let { word } = token;
  if (token.tag !== "x" || word.length < 2 || word.length > 4 || !/^[\u4e00-\u9fff]+$/.test(word))
    return token;
  if (GLUED_ENDS.has(word.slice(-1))) word = word.slice(0, -1);
  if (word.length >= 2 && GLUED_STARTS.has(word.charAt(0))) word = word.slice(1);
  return word === token.word ? token : { word, tag: "x" };
}

/**
 * A place jieba's dictionary glued to the word after it (美国进口 in 不让美国进口哪些东西): the
 * place and the word, each what it is. Only when the whole is no place the lists know and the
 * rest is a word of the dictionary on its own.
 */
export function splitGluedPlace(token: {
  word: string;
  tag: string;
}): { word: string; tag: string }[] {
  const { word, tag } = token;
  if (tag !== "ns" || word.length < 4 || isPlaceName(word)) return [token];
  for (const cut of [3, 2]) {
    const place = word.slice(0, cut);
    const rest = word.slice(cut);
    if (rest.length < 2 || !isPlaceName(place)) continue;
    const tagged = segmenter().tag(rest, false);
    const only = tagged.length === 1 ? tagged[0] : undefined;
    if (only && only.word === rest && only.tag !== "ns") return [{ word: place, tag: "ns" }, only];
  }
  return [token];
}

/** Characters jieba glues to a neighbouring word (和川 普 for 和 川普, 普京说): cut off again. */
const GLUED_TO_NEIGHBOUR = /^[和跟与同及对向在被把给让从的是说称有也都就还]$/;

/**
 * Tokens with every word of lexicon/regional-variants.txt whole (纽 泽西 → 纽泽西, 和川 普 → 和
 * 川普): jieba's dictionary knows the mainland forms, the Taiwan and Hong Kong ones it often cuts
 * apart, and a word cut apart matches neither usage. A word is joined only over whole tokens,
 * or with a function character glued to it cut off; never out of the middle of a longer word
 * (查德 in 理查德, 马里 in 马里兰).
 */
export function joinRegionalWords(
  tokens: { word: string; tag: string }[],
): { word: string; tag: string; regional?: boolean }[] {
  const text = tokens.map((token) => token.word).join("");
  const spans = regionalWordSpans(text);
  if (spans.length === 0) return tokens;
  const starts: number[] = [];
  let at = 0;
  for (const token of tokens) {
    starts.push(at);
    at += token.word.length;
  }
  const out: { word: string; tag: string; regional?: boolean }[] = [];
  let next = 0;
  for (const { start, end } of spans) {
    const first = starts.findLastIndex((s) => s <= start);
    const last = starts.findLastIndex((s) => s < end);
    if (first < next || first < 0) continue;
    const head = text.slice(starts[first] as number, start);
    const tailEnd = (starts[last] as number) + (tokens[last] as { word: string }).word.length;
    const tail = text.slice(end, tailEnd);
    if ((head && !GLUED_TO_NEIGHBOUR.test(head)) || (tail && !GLUED_TO_NEIGHBOUR.test(tail)))
      continue;
    if (first === last && !head && !tail) continue;
    out.push(...tokens.slice(next, first));
    if (head) out.push({ word: head, tag: "p" });
    const inside = tokens.slice(first, last + 1);
    const tag = inside.find((token) => /^n[rst]/.test(token.tag))?.tag ?? "n";
    out.push({ word: text.slice(start, end), tag, regional: true });
    if (tail) out.push({ word: tail, tag: "u" });
    next = last + 1;
  }
  out.push(...tokens.slice(next));
  return out;
}

/** Taiwan forms folding keeps (等著, 回覆) and the mainland forms articles write (lexicon/ask-taiwan-forms.txt). */
const TAIWAN_FORMS = new Map(
  lexicon("ask-taiwan-forms").entries.map((entry) => [entry.term, entry.fields[0] as string]),
);
const TAIWAN_FORM = new RegExp([...TAIWAN_FORMS.keys()].join("|"), "g");

/**
 * A question folded as /ask reads it: simplified and lower case, with the words a Taiwan question
 * writes in characters folding keeps (等著 → 等着, 回覆 → 回复) in the articles' mainland form.
 */
export function foldQuestion(question: string): string {
  const folded = foldText(question);
  return /[著覆瞭]/.test(folded)
    ? folded.replace(TAIWAN_FORM, (form) => TAIWAN_FORMS.get(form) ?? form)
    : folded;
}

/** The type, unit, content words and anchors of a question. */
export function parseQuestion(question: string): ParsedQuestion {
  const folded = foldQuestion(question).trim();
  const matches = TYPE_PATTERNS.map(([kind, pattern]) => [kind, pattern.exec(folded)] as const);
  // An English question asks by its first question word: a clause after it may hold another
  // (How many followers did he have when his posts were wiped: a count, not a time).
  const typeMatch = /[\u4e00-\u9fff]/.test(folded)
    ? matches.find(([, match]) => match)
    : matches
        .filter(([, match]) => match)
        .sort(([, a], [, b]) => (a?.index ?? 0) - (b?.index ?? 0))[0];
  const type: QuestionType = typeMatch?.[0] ?? "other";
  let unit: string | undefined;
  if (type === "number") {
    const bare = folded.replace(/[?？!！。.\s]+$/, "");
    for (const [pattern, value] of UNIT_PATTERNS) {
      const match = pattern.exec(bare);
      if (match) {
        unit = value === "$1" ? (match[1] as string) : value;
        break;
      }
    }
  }
  if (type === "time") {
    if (/哪一?年|什么年份|几几年|\b(what|which) year\b|\bin what year\b/.test(folded)) unit = "年";
    else if (/哪[一几]?天|哪几?日|几月几[号日]|几号|\b(what|which) (date|day)\b/.test(folded))
      unit = "日";
  }
  const ordinal = ORDINAL.exec(folded)?.[0];
  const kindMatch = type === "place" ? PLACE_KIND.exec(folded) : null;
  const placeKind = kindMatch ? PLACE_KINDS[kindMatch[1] as string] : undefined;
  // 哪个国家, 哪个州议会: the place's kind is checked by placeKind, not as a noun to name.
  const nounHead = placeBeforeHead(HEAD_NOUN.exec(folded), folded);
  // 哪个地方, 哪个地区: any place answers, no noun of that name is asked for.
  const genericPlace = type === "place" && /^(地方|地区|位置|地点)/.test(nounHead?.[2] ?? "");
  // 哪个月的工资, 哪个星期: a time asked, no noun to name (the time checks read it).
  const timeHead = /^(月|年|天|日|周|星期|礼拜|季|时候)/.test(nounHead?.[2] ?? "");
  const head =
    ((kindMatch && nounHead && nounHead.index === kindMatch.index) || genericPlace || timeHead
      ? undefined
      : nounHead?.[2]) ?? (type === "person" ? undefined : nounOf(NAME_OF_THING.exec(folded)?.[1]));
  const english = /[a-z]/.test(folded) && !/[\u4e00-\u9fff]/.test(folded);
  if (english) {
    const asksName = type === "person" && PERSON_NAME_ASKED.test(folded);
    return {
      type,
      unit,
      terms: englishTerms(question),
      english,
      text: folded,
      focus: [],
      ...(asksName ? { asksName } : {}),
      ...(type === "other" && THING_NAME_ASKED.test(folded) ? { asksThingName: true } : {}),
    };
  }

  const quoted = [...folded.matchAll(/[“"「《『]([^”"」》』]{2,30})[”"」》』]/g)].map(
    (match) => match[1] as string,
  );
  const stripped = folded.replace(FRAMES, " ").replace(QUESTION_WORDS, " ");
  const seen = new Set<string>();
  const terms: QuestionTerm[] = [];
  for (const { word: raw, tag } of joinRegionalWords(segmenter().tag(stripped, true)).flatMap(
    (token) => (token.regional ? [token] : splitGluedPlace(token).map(unglueUnknown)),
  )) {
    const word = raw.trim();
    if (!word || STOP_WORDS.has(word) || LIGHT_WORDS.has(word) || seen.has(word)) continue;
    if (!/[\p{L}\p{N}]/u.test(word)) continue;
    if (word.length === 1 && !isHanCode(word.charCodeAt(0))) continue;
    // A unit the question asks in (份, 人; 比例 for %) is what the answer counts, not a word
    // it repeats (15% answers 多大比例 without 比例).
    if (word === unit || (unit === "%" && SHARE_WORDS.has(word))) continue;
    // 哪个国家: the answer names the country (泰国), it does not repeat 国家.
    if (kindMatch && word === kindMatch[1]) continue;
    seen.add(word);
    const synonyms = [
      ...(SYNONYMS.get(word) ?? []),
      ...regionalForms(word),
      ...numeralVariants(word),
      ...grouped(word),
    ];
    const anchor = anchorKind(word, tag);
    const term: QuestionTerm = { word, synonyms, weight: termWeight(word), tag };
    if (anchor) term.anchor = anchor;
    terms.push(term);
  }
  const counted = type === "number" ? countedThing(folded, terms, unit) : "";
  const asked = typeMatch?.[1];
  const focus = asked && !counted ? focusWords(folded, asked.index, asked[0].length, terms) : [];
  const event =
    type === "time" && asked
      ? terms
          .filter((term) => !term.anchor && folded.indexOf(term.word, asked.index) >= 0)
          .map((term) => term.word)
      : [];
  const listCount = LIST_COUNT.exec(folded)?.[1]?.replace(/^二/, "两");
  return {
    type,
    unit,
    head,
    terms,
    english,
    text: stripped,
    focus,
    ...(event.length > 0 ? { event } : {}),
    ...(placeKind ? { placeKind } : {}),
    ...(ordinal ? { ordinal } : {}),
    ...(LIST_ASKED.test(folded) ? { list: true } : {}),
    ...(listCount ? { listCount } : {}),
    ...(quoted.length > 0 ? { quoted } : {}),
    ...(type === "person" && PERSON_NAME_ASKED.test(folded) ? { asksName: true } : {}),
    ...(type === "other" && THING_NAME_ASKED.test(folded) ? { asksThingName: true } : {}),
    ...(OUTCOME_ASKED.test(folded) ? { asksOutcome: true } : {}),
    ...(counted ? { counted } : {}),
  };
}

/** A question for several things: 哪些, 哪几个, or a count of them (哪两个, 哪三条). */
const LIST_ASKED = /哪些|哪几|哪[两二三四五六七八九十][个种条项位名家类部件点样方国]/;
/** The count of a list question with its measure (哪三条 → 三条). */
const LIST_COUNT = /哪([两二三四五六七八九十][个种条项位名家类部件点样方国])/;

/** Particles between a question word and the words it asks about (是在哪, 哪天正式, 被判了几年). */
const FOCUS_PARTICLES =
  /^[是在了的要会将被于到从给把过还又才都也就]+|[是在了的要会将被于到从给把过还又才都也就]+$/g;

/** The question's words right before and right after the question word. */
function focusWords(folded: string, at: number, length: number, terms: QuestionTerm[]): string[] {
  const before = folded.slice(0, at).replace(FOCUS_PARTICLES, "");
  const after = folded.slice(at + length).replace(FOCUS_PARTICLES, "");
  const out: string[] = [];
  const last = terms.find((term) => before.endsWith(term.word) && !term.anchor);
  const next = terms.find((term) => after.startsWith(term.word) && !term.anchor);
  for (const term of [last, next])
    if (term && !WEAK_WORDS.has(term.word) && !LIGHT_WORDS.has(term.word)) out.push(term.word);
  return out;
}

const COUNT_WORD = new RegExp(`(多少|几)(${alternation("ask-measure-words")})?`);

/**
 * The thing a number question counts: the question words right after 多少/几 and a measure word
 * (多少名职工 → 职工, 多少中国留学生 → 中国留学生: a second word only when it is a noun). None
 * for 多少人, money and shares (多少钱, 多大比例), where the unit says what is counted.
 */
export function countedThing(folded: string, terms: QuestionTerm[], unit?: string): string {
  // An age counts years of a life: 几岁那年 has no thing counted after it.
  if (unit === "钱" || unit === "%" || unit === "岁" || unit === "大小") return "";
  // 多少阅读量, 多少人数, 多少金额: the noun is the magnitude itself, not a thing counted.
  const magnitude = /[量数额率值价费]$/;
  const match = COUNT_WORD.exec(folded);
  if (!match || match[2] === "人") return "";
  let after = folded.slice(match.index + match[0].length);
  let counted = "";
  for (let n = 0; n < 2; n++) {
    const term = terms.find((t) => t.word.length + counted.length <= 5 && after.startsWith(t.word));
    // 多少个跟平壤…有关的代表: a preposition or an adverb opens a clause, no noun counted.
    if (!term || (n === 0 && /^[pcdu]/.test(term.tag ?? ""))) break;
    if (n > 0 && !/^(n|vn)/.test(term.tag ?? "")) break;
    counted += term.word;
    after = after.slice(term.word.length);
  }
  return counted.length >= 2 && !magnitude.test(counted) ? counted : "";
}
