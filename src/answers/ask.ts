import type { Article } from "../articles/article.js";
import { UserError } from "../errors.js";
import { alternation, lexicon, wordSet } from "../text/lexicon.js";
import { contentWords, countHan, foldText, isHanCode, segmenter } from "../text/text.js";
import { type Candidate, candidateSentences, sameContent } from "./summary.js";

/**
 * Answers a question with the one to three sentences of the candidate articles that best answer
 * it. Extractive: each answer is a whole sentence of an article, with its paragraph number.
 *
 * A sentence is scored by how much of the question's content it covers (folded text, so either
 * script and any case match; exact words count fully, a few news synonyms nearly as much, shared
 * characters of a word a little; rarer words weigh more), how close together the matched words
 * sit, and whether it holds the kind of thing the question asks for: a person for 谁, a duration
 * for 多久, a number for 多少/几, a date or time for 何时, a place for 哪里, a reason for 为什么.
 * When nothing covers the question well, there are no answers and `reason` says so.
 */

export interface AnswerSentence {
  text: string;
  articleId: string;
  /** 1-based paragraph number in the article. */
  paragraph: number;
  score: number;
}

export interface AskResult {
  answers: AnswerSentence[];
  /** Why there is no answer, in Chinese, safe to show. */
  reason?: string;
}

export type QuestionType = "person" | "duration" | "number" | "time" | "place" | "reason" | "other";

export interface QuestionTerm {
  /** Folded (simplified, lower-case) word. */
  word: string;
  /** Other words that count as a match, folded. */
  synonyms: string[];
  /** Weight from the word's length and kind, before rarity. */
  weight: number;
}

export interface ParsedQuestion {
  type: QuestionType;
  terms: QuestionTerm[];
}

export const MAX_ANSWERS = 3;
export const NO_ANSWER = "没有找到能回答这个问题的句子。";

// ---------------------------------------------------------------------------------------------
// Questions

/** Question types, tried in order; the first that matches wins. Patterns run on folded text. */
const TYPE_PATTERNS: [QuestionType, RegExp][] = [
  ["reason", /为什么|为何|什么原因|原因是什么|出于什么|因为什么|怎么会|\bwhy\b/],
  [
    "duration",
    /多久|多长时间|多长的时间|多少(个)?(小时|钟头|分钟|天|周|星期|个月|月|年)|几(个)?(小时|钟头|分钟|天|周|星期|个月|年)|\bhow long\b/,
  ],
  [
    "time",
    /什么时候|什么时间|何时|哪天|哪一天|哪日|哪年|哪一年|哪个月|几月|几号|几日|几点|\bwhen\b|\bwhat time\b/,
  ],
  [
    "place",
    /在哪里|在哪儿|哪里|哪儿|在哪|何处|何地|什么地方|哪个(国家|城市|地方|省|州|地区)|哪座|哪国|\bwhere\b/,
  ],
  ["person", /谁|哪位|哪些人|什么人|何人|哪个人|\bwho\b|\bwhom\b/],
  [
    "number",
    /多少|几(个|名|位|次|人|岁|成|十|百|千|万|项|座|家|辆|架|枚|种|条|起|例|倍|艘|所)|多大|多高|多远|多重|多深|多长|\bhow (many|much)\b/,
  ],
];

/**
 * Question words and particles, removed before the content words are taken: a question word
 * followed by a measure word and 人 (多少名人, 几个人), the words of lexicon/ask-question-words.txt,
 * 几 with an optional measure word, and English question and function words.
 */
const QUESTION_WORDS = new RegExp(
  `多少(个|名|位)?人|几(个|名|位)?人|${alternation("ask-question-words")}|几(个)?|\\b(why|how long|how many|how much|when|what time|where|who|whom|what|which|how|did|does|do|is|are|was|were|the|a|an|of|to|in|on|at|for|from|with|about|by|and|or|say|said|says|want|wants|tell|told)\\b`,
  "g",
);

/** Verbs too light to carry a question (俄罗斯要求北约做什么 → 俄罗斯 要求 北约). */
const LIGHT_WORDS = wordSet("ask-light-words");
/** Words that help a little but cannot carry a question alone. */
const WEAK_WORDS = wordSet("ask-weak-words");

/**
 * Groups of words that news writing uses for the same thing (folded, simplified), one group an
 * entry of lexicon/ask-synonyms.txt. A question word in a group also matches the others, for a
 * little less than itself.
 */
const SYNONYM_GROUPS: string[][] = lexicon("ask-synonyms").entries.map((entry) => [
  entry.term,
  ...entry.fields,
]);

const SYNONYMS = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) {
  for (const word of group) {
    const others = group.filter((other) => other !== word);
    SYNONYMS.set(word, [...(SYNONYMS.get(word) ?? []), ...others]);
  }
}

function termWeight(word: string): number {
  if (WEAK_WORDS.has(word)) return 0.3;
  if (/^[\d.,%]+$/.test(word)) return 1.2;
  if (!isHanCode(word.charCodeAt(0))) return word.length >= 3 ? 1.2 : 0.8;
  if (word.length === 1) return 0.4;
  if (word.length === 2) return 1;
  return 1.3;
}

/** The type of a question and its content words. */
export function parseQuestion(question: string): ParsedQuestion {
  const folded = foldText(question).trim();
  const type = TYPE_PATTERNS.find(([, pattern]) => pattern.test(folded))?.[0] ?? "other";
  const stripped = folded.replace(QUESTION_WORDS, " ");
  const seen = new Set<string>();
  const terms: QuestionTerm[] = [];
  for (const word of contentWords(stripped)) {
    if (LIGHT_WORDS.has(word) || seen.has(word)) continue;
    seen.add(word);
    terms.push({ word, synonyms: SYNONYMS.get(word) ?? [], weight: termWeight(word) });
  }
  return { type, terms };
}

// ---------------------------------------------------------------------------------------------
// Evidence of what the question asks for

const DATE_EXPRESSIONS =
  /[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[日号]|\d{4}\s*年(\d{1,2}\s*月)?(\d{1,2}\s*[日号])?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]?|\d{1,2}\s*月(份|底|初|中)?|[上下本]?(周|星期)[一二三四五六日天]/g;
const DURATION = new RegExp(
  `(\\d+(\\.\\d+)?|[一二两三四五六七八九十百千半数几多]+)\\s*(多)?(个)?(半)?\\s*(${alternation("ask-duration-units")})`,
);
const NUMBER = new RegExp(
  `\\d|[一二两三四五六七八九十百千万亿]+\\s*(${alternation("ask-measure-words")})|百分之`,
);
const TIME =
  /\d{4}\s*年|[〇零一二三四五六七八九]{4}年|[一二三四五六七八九十]{1,2}月([一二三四五六七八九十]{1,3}[日号])?|\d{1,2}\s*月|\d{1,2}\s*[日号]|周[一二三四五六日末]|星期[一二三四五六日天]|[昨今明前]天|[上下本这](周|星期|个?月)|[去今明前]年|凌晨|上午|下午|晚上|早上|早晨|中午|傍晚|深夜|当天|当晚|日前|近日|年底|年初|月底|月初|\d{1,2}\s*[点时:：]|之前|之后|以来/;
const REASON =
  /因为|由于|理由是|原因|因此|所以|为了|旨在|出于|鉴于|导致|以便|之所以|是为|源于|归因|起因|引起|引发/;
const PLACE_SUFFIX = new RegExp(
  `[\\u4e00-\\u9fff]{1,8}(${alternation("ask-place-suffixes")})|在[\\u4e00-\\u9fff]{2,8}(举行|召开|举办|发生|进行)`,
);
const PERSON_TITLE = new RegExp(`(${alternation("ask-person-titles")})[\\u4e00-\\u9fff]{2,4}`);
const NAME_WITH_DOT = /[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}/;
/** Two capitalised Latin words in the original text: Wendy Sherman. */
const CAPITALISED_FULL_NAME = /[A-Z][a-z]+ [A-Z][a-z]+/;

function withoutDates(folded: string): string {
  return folded.replace(DATE_EXPRESSIONS, " ");
}

/** Whether a sentence names a person (beyond the people the question itself names). */
function namesPerson(sentence: Candidate, questionWords: Set<string>): boolean {
  if (NAME_WITH_DOT.test(sentence.folded) || CAPITALISED_FULL_NAME.test(sentence.clean))
    return true;
  if (PERSON_TITLE.test(sentence.folded)) return true;
  for (const { word, tag } of segmenter().tag(sentence.folded, true)) {
    if (tag.startsWith("nr") && word.length >= 2 && !questionWords.has(word)) return true;
  }
  return false;
}

function namesPlace(sentence: Candidate, questionWords: Set<string>): boolean {
  if (PLACE_SUFFIX.test(sentence.folded)) return true;
  for (const { word, tag } of segmenter().tag(sentence.folded, true)) {
    if (tag === "ns" && word.length >= 2 && !questionWords.has(word)) return true;
  }
  return false;
}

/** 1 when the sentence holds what the question asks for, 0 when not, for typed questions. */
function evidence(type: QuestionType, sentence: Candidate, questionWords: Set<string>): number {
  switch (type) {
    case "duration":
      return DURATION.test(withoutDates(sentence.folded)) ? 1 : 0;
    case "number":
      return NUMBER.test(withoutDates(sentence.folded)) ? 1 : 0;
    case "time":
      return TIME.test(sentence.folded) ? 1 : 0;
    case "reason":
      return REASON.test(sentence.folded) ? 1 : 0;
    case "person":
      return namesPerson(sentence, questionWords) ? 1 : 0;
    case "place":
      return namesPlace(sentence, questionWords) ? 1 : 0;
    default:
      return 1;
  }
}

/** Types whose answer must hold the thing asked for; the others only lose some score without it. */
const STRICT_TYPES = new Set<QuestionType>(["duration", "number", "time"]);

// ---------------------------------------------------------------------------------------------
// Matching

interface Match {
  /** 1 exact, 0.8 synonym, up to 0.3 for shared characters, 0 none. */
  strength: number;
  /** Where the match starts and ends in the folded sentence (exact and synonym matches). */
  start: number;
  end: number;
}

const SYNONYM_STRENGTH = 0.8;
const PARTIAL_STRENGTH = 0.3;

function matchTerm(term: QuestionTerm, folded: string): Match {
  const at = folded.indexOf(term.word);
  if (at >= 0) return { strength: 1, start: at, end: at + term.word.length };
  for (const synonym of term.synonyms) {
    if (synonym.length === 1 && term.word.length > 1) continue; // 率, 俄: too loose on their own
    const found = /^[a-z]/.test(synonym) ? findLatinWord(folded, synonym) : folded.indexOf(synonym);
    if (found >= 0)
      return { strength: SYNONYM_STRENGTH, start: found, end: found + synonym.length };
  }
  if (term.word.length >= 2 && isHanCode(term.word.charCodeAt(0))) {
    let shared = 0;
    for (const char of term.word) if (folded.includes(char)) shared++;
    const share = shared / term.word.length;
    if (share >= 0.5) return { strength: PARTIAL_STRENGTH * share, start: -1, end: -1 };
  }
  return { strength: 0, start: -1, end: -1 };
}

function findLatinWord(folded: string, word: string): number {
  let from = 0;
  for (;;) {
    const at = folded.indexOf(word, from);
    if (at < 0) return -1;
    const before = folded[at - 1] ?? " ";
    const after = folded[at + word.length] ?? " ";
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return at;
    from = at + 1;
  }
}

interface Scored {
  article: Article;
  articleOrder: number;
  sentence: Candidate;
  coverage: number;
  exact: boolean;
  proximity: number;
  score: number;
}

/** Minimum coverage of the question's (weighted) content for a sentence to be an answer. */
const MIN_COVERAGE = 0.5;
const MIN_SCORE = 0.5;
/** Answers after the first must score at least this share of the best. */
const RELATIVE_FLOOR = 0.75;
/** How many of the best-covering sentences get the (slower) type check. */
const TYPE_CHECKED = 40;

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ANSWERS) {
    throw new UserError("ask.answerCount", { max: MAX_ANSWERS, value: String(limit) });
  }
}

/**
 * The sentences of the candidate articles that best answer a question, best first (at most
 * `limit`, default 3). Candidates may come from several articles; order them by relevance (ties
 * go to the earlier article).
 */
export function answerQuestion(
  question: string,
  candidates: Article[],
  options: { limit?: number } = {},
): AskResult {
  const limit = options.limit ?? MAX_ANSWERS;
  checkLimit(limit);
  const parsed = parseQuestion(question);
  if (parsed.terms.length === 0) {
    return {
      answers: [],
      reason: "这个问题里没有可以查找的关键词，请换个说法，例如：谁领导了美国代表团？",
    };
  }
  if (candidates.length === 0) return { answers: [], reason: `${NO_ANSWER}没有相关的文章。` };

  // Rarer words weigh more: inverse paragraph frequency over the candidates. Only paragraphs
  // that hold at least one question word (or a synonym) are split into sentences.
  const paragraphs: { article: Article; articleOrder: number; folded: string }[] = [];
  const seenArticles = new Set<string>();
  candidates.forEach((article, articleOrder) => {
    if (seenArticles.has(article.id)) return;
    seenArticles.add(article.id);
    for (const paragraph of article.paragraphs) {
      paragraphs.push({ article, articleOrder, folded: foldText(paragraph) });
    }
  });
  const weights = parsed.terms.map((term) => {
    let df = 0;
    for (const { folded } of paragraphs) if (matchTerm(term, folded).strength >= 1) df++;
    const idf = Math.log(1 + paragraphs.length / (1 + df));
    return term.weight * Math.max(0.5, Math.min(idf, 4));
  });
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const mentions = (folded: string) =>
    parsed.terms.some((term) => matchTerm(term, folded).strength >= SYNONYM_STRENGTH);
  const pool: { article: Article; articleOrder: number; sentence: Candidate }[] = [];
  seenArticles.clear();
  candidates.forEach((article, articleOrder) => {
    if (seenArticles.has(article.id)) return;
    seenArticles.add(article.id);
    for (const sentence of candidateSentences(article, Number.POSITIVE_INFINITY, mentions)) {
      pool.push({ article, articleOrder, sentence });
    }
  });
  const questionWords = new Set(parsed.terms.flatMap((t) => [t.word, ...t.synonyms]));

  let scored: Scored[] = [];
  for (const entry of pool) {
    const matches = parsed.terms.map((term) => matchTerm(term, entry.sentence.folded));
    let covered = 0;
    matches.forEach((match, i) => {
      covered += (weights[i] as number) * match.strength;
    });
    const coverage = totalWeight > 0 ? covered / totalWeight : 0;
    const exact = matches.some((m) => m.strength >= SYNONYM_STRENGTH);
    if (coverage === 0) continue;
    scored.push({ ...entry, coverage, exact, proximity: proximity(matches), score: coverage });
  }
  scored.sort((a, b) => b.coverage - a.coverage);
  scored = scored.slice(0, TYPE_CHECKED);

  // Context: how much of the question the sentence's whole article (title included) covers.
  const articleCoverage = new Map<string, number>();
  for (const item of scored) {
    if (!articleCoverage.has(item.article.id)) {
      const text = foldText([item.article.title, ...item.article.paragraphs].join("\n"));
      const hit = parsed.terms.reduce(
        (sum, term, i) => sum + (weights[i] as number) * matchTerm(term, text).strength,
        0,
      );
      articleCoverage.set(item.article.id, totalWeight > 0 ? hit / totalWeight : 0);
    }
    const found = evidence(parsed.type, item.sentence, questionWords);
    const typeFactor =
      parsed.type === "other" ? 1 : found ? 1.25 : STRICT_TYPES.has(parsed.type) ? 0 : 0.6;
    const size = countHan(item.sentence.clean);
    const sizeFactor = size < 8 ? 0.7 : size > 160 ? 0.9 : 1;
    item.score =
      (item.coverage + 0.15 * item.proximity + 0.2 * (articleCoverage.get(item.article.id) ?? 0)) *
      typeFactor *
      sizeFactor;
  }

  scored.sort(
    (a, b) =>
      b.score - a.score || a.articleOrder - b.articleOrder || a.sentence.index - b.sentence.index,
  );
  const best = scored[0];
  if (!best || !goodEnough(best)) {
    const matched = scored.some((item) => item.exact && item.coverage >= MIN_COVERAGE);
    return { answers: [], reason: `${NO_ANSWER}${hint(parsed, matched)}` };
  }
  const answers: AnswerSentence[] = [];
  for (const item of scored) {
    if (answers.length >= limit) break;
    if (!goodEnough(item)) continue;
    if (item.score < RELATIVE_FLOOR * best.score) break;
    if (answers.some((answer) => sameContent(answer.text, item.sentence.clean))) continue;
    answers.push({
      text: item.sentence.clean,
      articleId: item.article.id,
      paragraph: item.sentence.paragraph,
      score: Math.round(item.score * 1000) / 1000,
    });
  }
  return { answers };
}

/** Whether a scored sentence is good enough to be an answer at all. */
function goodEnough(item: Scored): boolean {
  return item.exact && item.coverage >= MIN_COVERAGE && item.score >= MIN_SCORE;
}

/** 0..1: how tightly the exactly matched words sit together in the sentence. */
function proximity(matches: Match[]): number {
  const found = matches.filter((m) => m.start >= 0);
  if (found.length < 2) return 0;
  const start = Math.min(...found.map((m) => m.start));
  const end = Math.max(...found.map((m) => m.end));
  const covered = found.reduce((sum, m) => sum + (m.end - m.start), 0);
  return Math.min(1, covered / Math.max(1, end - start));
}

function hint(parsed: ParsedQuestion, matched: boolean): string {
  const words = parsed.terms.map((t) => t.word).join("、");
  if (!matched) return `（文章里没有同时提到这些词：${words}。）`;
  const asked: Partial<Record<QuestionType, string>> = {
    person: "人名",
    duration: "时长",
    number: "数字",
    time: "时间",
    place: "地点",
    reason: "原因",
  };
  const kind = asked[parsed.type];
  return kind
    ? `（提到 ${words} 的句子里没有问题问的${kind}。）`
    : `（提到 ${words} 的句子都不够切题。）`;
}
