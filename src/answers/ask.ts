import { format } from "../app/messages/index.js";
import type { Article } from "../articles/article.js";
import { UserError } from "../errors.js";
import { alternation, lexicon, wordList } from "../text/lexicon.js";
import { countHan, foldText, isHanCode } from "../text/text.js";
import { foldedArticleText } from "./article-text.js";
import { associatedWords } from "./associations.js";
import { expandEnglish, linkLatinNames } from "./english.js";
import {
  askedCode,
  askedDurationUnit,
  askedMeasure,
  askedQuarter,
  askedRankMeasure,
  countsAnything,
  countsOnlyAsked,
  countsThing,
  durationInOtherUnit,
  FREQUENCY_ASKED,
  holdsAnswerType,
  holdsCode,
  holdsFigure,
  holdsFrequency,
  holdsRank,
  holdsTimeAgo,
  holdsTimeUnit,
  holdsUnit,
  mentionsDeath,
  namesHead,
  namesPlaceOfKind,
  namesQuarter,
  onlyExpected,
  onlyVagueCount,
  onlyVagueIn,
  otherCountry,
  otherDate,
  otherFigure,
  otherOrdinal,
  questionFigures,
  resolveRelativeDates,
  STRICT_UNITS,
  sharesOfPeople,
  statesOutcome,
  unnamedHead,
  withoutSurnameOnly,
} from "./evidence.js";
import { type CoOccurrence, impliesPlace } from "./implied-places.js";
import {
  foldQuestion,
  numeralVariants,
  type ParsedQuestion,
  parseQuestion,
  type QuestionTerm,
  type QuestionType,
} from "./question.js";
import { type KnownName, repairNames } from "./question-names.js";
import { RECENT_ARTICLES, RecentMap } from "./recent.js";
import { type Candidate, candidateSentences, sameContent } from "./summary.js";

/**
 * Answers a question with the one to three sentences of the candidate articles that best answer
 * it. Extractive: each answer is a whole sentence of an article, with its paragraph number.
 *
 * Every sentence of the candidate articles is scored by the question's content it covers itself
 * and with its context (the neighbouring sentences, the article's title and lead), each word
 * weighted by its rarity (over the archive when known, else over the candidates; a word found
 * nowhere weighs nothing); a sentence that holds what the question asks for (a count in the asked
 * unit, a date, a person, a reason…) gains. The best sentence that passes wins: enough of the
 * question covered, the asked type present for counts and dates, and the question's specific
 * anchors (a year, a number, a person, a place, a Latin name) present in the evidence; else the
 * answer is a refusal that says what is missing.
 */

export { expandEnglish } from "./english.js";
export type { ParsedQuestion, QuestionTerm, QuestionType } from "./question.js";
export { parseQuestion } from "./question.js";

export interface AnswerSentence {
  text: string;
  articleId: string;
  /** 1-based paragraph number in the article. */
  paragraph: number;
  score: number;
}

/** Why there is no answer, as data for a message catalog. */
export interface AskRefusal {
  code:
    | "ask.none"
    | "ask.noKeywords"
    | "ask.noArticles"
    | "ask.anchorMissing"
    | "ask.vagueCount"
    | `ask.missing.${string}`
    | "ask.noMatch";
  params: Record<string, string>;
}

export interface AskResult {
  answers: AnswerSentence[];
  /** Why there is no answer, in Chinese, safe to show. */
  reason?: string;
  /** The same as data (code and parameters). */
  refusal?: AskRefusal;
}

/** How rare a word is across the whole archive. */
export interface Rarity {
  /** How many articles hold the (folded) word. */
  documentFrequency(word: string): number;
  /** How many articles there are. */
  documents: number;
}

export interface AskOptions {
  /** At most this many answers (1–3, default 3). */
  limit?: number;
  /** Answer from this article only (its id). */
  article?: string;
  /** Archive-wide rarity of words; without it, rarity is taken over the candidates. */
  rarity?: Rarity;
  /** The question already parsed (and expanded) by the caller. */
  parsed?: ParsedQuestion;
  /** Whether a word is a name the archive knows (its people directory). */
  knownName?: KnownName;
}

export const MAX_ANSWERS = 3;

// ---------------------------------------------------------------------------------------------
// Matching

const SYNONYM_STRENGTH = 0.8;
const PARTIAL_STRENGTH = 0.3;
/** A learned association (data/word-associations.txt): a paraphrase, or only a neighbour. */
const RELATED_STRENGTH = 0.4;
/** Learned neighbours at least this similar are soft matches. */
const RELATED_SIMILARITY = 0.65;
const RELATED_COUNT = 3;

interface Match {
  strength: number;
  start: number;
  end: number;
}

const NO_MATCH: Match = { strength: 0, start: -1, end: -1 };

function findLatinWord(folded: string, word: string): number {
  let from = 0;
  for (;;) {
    const at = folded.indexOf(word, from);
    if (at < 0) return -1;
    const before = folded[at - 1] ?? " ";
    const after = folded[at + word.length] ?? " ";
    // A figure goes on past a decimal point or a thousands comma (10 is not in 10.9 nor 1,200).
    const figure =
      /\d$/.test(word) && /^[.,]\d/.test(folded.slice(at + word.length, at + word.length + 2));
    const figureBefore = /^\d/.test(word) && /\d[.,]$/.test(folded.slice(Math.max(0, at - 2), at));
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after) && !figure && !figureBefore) return at;
    from = at + 1;
  }
}

function find(folded: string, word: string): number {
  return /^[a-z0-9]/.test(word) || /[a-z0-9]$/.test(word)
    ? findLatinWord(folded, word)
    : folded.indexOf(word);
}

function matchTerm(term: QuestionTerm, folded: string): Match {
  const at = find(folded, term.word);
  if (at >= 0) return { strength: 1, start: at, end: at + term.word.length };
  for (const synonym of term.synonyms) {
    // 率, 俄: too loose on their own; a numeral (two → 两) is what it is.
    if (synonym.length === 1 && term.word.length > 1 && !/[\d一二两三四五六七八九十]/.test(synonym))
      continue;
    const found = find(folded, synonym);
    if (found >= 0)
      return { strength: SYNONYM_STRENGTH, start: found, end: found + synonym.length };
  }
  for (const related of term.related ?? []) {
    const found = folded.indexOf(related);
    if (found >= 0)
      return { strength: RELATED_STRENGTH, start: found, end: found + related.length };
  }
  if (term.word.length >= 2 && isHanCode(term.word.charCodeAt(0))) {
    let shared = 0;
    for (const char of term.word) if (folded.includes(char)) shared++;
    const share = shared / term.word.length;
    if (share >= 0.5) return { strength: PARTIAL_STRENGTH * share, start: -1, end: -1 };
  }
  return NO_MATCH;
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

// ---------------------------------------------------------------------------------------------
// Articles as evidence

interface Evidence {
  article: Article;
  order: number;
  sentences: Candidate[];
  /** Folded title and first paragraph. */
  titleLead: string;
  /** Folded title and all paragraphs. */
  full: string;
}

const sentenceCache = new RecentMap<Article, Candidate[]>(RECENT_ARTICLES);

function sentencesOf(article: Article): Candidate[] {
  let sentences = sentenceCache.get(article);
  if (!sentences) {
    sentences = candidateSentences(article);
    sentenceCache.set(article, sentences);
  }
  return sentences;
}

const titleLeadCache = new RecentMap<Article, string>(RECENT_ARTICLES);

function titleLeadText(article: Article): string {
  let text = titleLeadCache.get(article);
  if (text === undefined) {
    text = foldText(`${article.title}\n${article.paragraphs[0] ?? ""}`);
    titleLeadCache.set(article, text);
  }
  return text;
}

function evidenceOf(article: Article, order: number): Evidence {
  return {
    article,
    order,
    sentences: sentencesOf(article),
    titleLead: titleLeadText(article),
    full: foldedArticleText(article),
  };
}

// ---------------------------------------------------------------------------------------------
// Scoring

interface Scored {
  evidence: Evidence;
  sentence: Candidate;
  /** The sentence before it in its article, if any. */
  previous: Candidate | undefined;
  own: number;
  context: number;
  typed: boolean;
  /** The question asks for a count, a date or a strict unit and the sentence has none. */
  untyped: boolean;
  /** Share of the question's weight the whole article covers. */
  article: number;
  missing?: string;
  score: number;
}

/**
 * A sentence whose subject is a singular personal pronoun near its start (他28岁时搬到基隆,
 * 但他后来…, 她提到…): it speaks of the person a sentence just before names.
 */
const REFERRING_SUBJECT = /^[^，。,;；“”"]{0,6}?[他她](?![们人])/;
/**
 * A sentence that asks (…因为什么？, 主持人：…有没有做什么？) or opens a list (两种可能：): the
 * answer is the sentence after it, which takes its words as its own context.
 */
const OPENS_ANSWER = /[？?:：][”"」』]?$/;
/** A sentence that asks (a question mark last, or before a closing quotation mark). */
const ASKS = /[？?][”"」』]?$/;
/** How much the words of the sentence a continuation answers count as its own. */
const CONTINUED_STRENGTH = 0.8;
/** A sentence giving the reason for the claim just before it (…之后进行测试。因为他们想…). */
const GIVES_REASON_BEFORE = /^(因为|这是因为|是因为|主要是因为|原因是|原因在于)/;
/** A sentence asking why (…要你入党，因为什么？): the next one gives the reason. */
const ASKS_WHY = /(为什么|为何|因为什么|什么原因|原因是什么|怎么回事)[呢吗]?[？?][”"」』]?$/;
/**
 * For a when, how-many or why question, how much of the sentence's own share moves to its
 * context: the sentence with the date, the figure or the reason often names the event only by
 * reference (这些种子今年7月9日返抵地球, 他28岁时搬到基隆, 之所以离开), while the sentences
 * restating the event without it cover more of the question.
 */
const CONTEXT_SHIFT: Partial<Record<QuestionType, number>> = {
  time: 0.4,
  number: 0.2,
  reason: 0.2,
};
/**
 * Score lost by an article's opening sentence for a what, how, why or where question: the lead
 * restates the story (the rally, the attack, the bill), the detail asked about is told after it.
 */
const LEAD_PENALTY = 0.05;
const LEAD_PENALISED = new Set<QuestionType>(["other", "reason", "place"]);
/** Score lost by a sentence that is itself a question: it restates what is asked, answers nothing. */
const QUESTION_PENALTY = 0.2;
/** How much a person the pronoun refers to counts as named in the sentence. */
const REFERRED_STRENGTH = 0.8;
/** How much a question word in the article's title or lead counts for each of its sentences. */
const TITLE_LEAD_CONTEXT = 0.6;
/**
 * Share of the question's weight a sentence must cover with its context to be an answer: a
 * sanity floor, not the refusal rule. Refusals rest on structure: an anchor of the question (a
 * year, number, name, place, quoted title) absent from the evidence, or the asked type (a figure
 * in the asked unit, a person's name, a named instance of 哪家X) absent from the sentence. At
 * 0.6 the floor refused reworded dev questions (bench/ask/dev-paraphrase.json: 送给 for 捐赠,
 * 嫁给 for 丈夫) that it answered in dev's own wording.
 */
const MIN_CONTEXT = 0.5;
/**
 * The same for an English question: a dictionary translation misses many of the words the
 * article uses (trip → 旅程 where the article says 访问), so less of it can be covered.
 */
const MIN_CONTEXT_ENGLISH = 0.45;
/** …and with its own words (a sentence that repeats nothing of the question needs its type). */
const MIN_OWN = 0.12;
/** Score lost by a sentence without the asked person, place or reason. */
const UNTYPED_PENALTY = -0.25;
/**
 * Score lost by a sentence without a reason's structure for 为什么: a sentence restating the
 * event asked about covers the question's words best, the reason sits in another sentence.
 */
const REASONLESS_PENALTY = -0.6;
/** Score lost by a sentence that names no instance of a which-question's noun (哪家医院). */
const HEAD_PENALTY = 0.15;
/** Score gained or lost by a sentence that names something, for a question asking a thing's name. */
const NAMING_BONUS = 0.15;
const NAMING = /名为|叫做|称为|被称|更名|改名|命名|取名|原名|前身|简称|全称/;
/** A statement's verb or occasion: its date is the statement's, not the event's it reports. */
const STATEMENT = /说|称|宣布|表示|透露|指出|声称|简报会|记者会|发布会|接受[^，。]{0,12}采访/;
/** Score gained by a sentence that enumerates, for a question asking which ones (哪些). */
const LIST_BONUS = 0.1;
/** A sentence that enumerates: a list's comma, 包括, a colon, 第一…第二, 一是…二是. */
const ENUMERATES = /、|包括|[:：]|第一.{0,60}?第二|一是.{0,60}?二是|首先.{0,60}?其次/;
/** Two things named: joined by 和, 与, 及 (曼钦和西内马), or as any list. */
const NAMES_TWO = new RegExp(`${ENUMERATES.source}|[和与及跟]`);
/** A kind of sum of money: a figure of another kind (营业收入 for 净利润) does not answer it. */
const MONEY_KIND = new RegExp(`(${alternation("ask-money-kinds")})$`);
/** Collective nouns for a body of people (警力, 兵力): a count of people answers 多少警力. */
const COLLECTIVES = wordList("ask-people-collectives");
/** Nouns a question counts and the nouns a report counts them by (病人 → 病例). */
const COUNTED_EQUIVALENTS = lexicon("ask-counted-equivalents").entries.map(
  (entry) => [entry.term, entry.fields] as const,
);
/** Score lost by a sentence without any of the question's focus words (哪天正式完成 → 完成). */
const FOCUS_PENALTY = 0.12;
/**
 * Score lost, for a when-question, by a sentence without any word of the asked event (哪年去世 →
 * 去世): its date is another event's (1947年…育有儿子), however much of the story it restates.
 */
const EVENTLESS_PENALTY = 0.12;
/**
 * Score lost, for 哪天, by a sentence dating only by weekday or 当天 (周三早些时候) when the day of
 * the month is what is asked: the sentence that writes it (周三（4月1日）) answers better.
 */
const WEEKDAY_ONLY_PENALTY = 0.15;
/** A day of the month written out (4月1日, 22日, （23日）). */
const DAY_OF_MONTH = /\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,3}[日号]|\d{1,2}\s*月\s*\d{1,2}/;
/**
 * Score gained by a sentence holding words the question quotes (说“她很忙，我们都很忙”的人是谁,
 * “三年了，我已麻木了”喷在几个亭上): the quoted words tie the question to that very sentence.
 */
const QUOTED_BONUS = 0.15;
/** Words a question quotes as said or written (4 characters or more; titles in 《》 are not). */
const QUOTED_WORDS = /[“"「『]([^“”"「」『』《》]{4,30})[”"」』]/g;
/** Answers after the first may come from articles covering this much less of the question. */
const ARTICLE_SLACK = 0.2;
/** Answers after the first must score at least this share of the best. */
const RELATIVE_FLOOR = 0.75;
/** How many of the best-covering sentences get the (slower) type check. */
const TYPE_CHECKED = 60;

const STRICT_TYPES = new Set<QuestionType>(["duration", "number", "time"]);

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ANSWERS) {
    throw new UserError("ask.answerCount", { max: MAX_ANSWERS, value: String(limit) });
  }
}

function termWeights(terms: QuestionTerm[], evidence: Evidence[], rarity?: Rarity): number[] {
  return terms.map((term) => {
    const forms = [term.word, ...term.synonyms];
    let idf: number;
    if (rarity) {
      const df = Math.max(...forms.map((form) => rarity.documentFrequency(form)));
      if (df === 0) return 0;
      idf = Math.log(1 + rarity.documents / (1 + df));
    } else {
      let df = 0;
      let total = 0;
      for (const item of evidence) {
        for (const sentence of item.sentences) {
          total++;
          if (matchTerm(term, sentence.folded).strength >= SYNONYM_STRENGTH) df++;
        }
      }
      if (df === 0 && !evidence.some((item) => matchTerm(term, item.titleLead).strength >= 1))
        return 0;
      idf = Math.log(1 + total / (1 + df));
    }
    return term.weight * Math.max(0.5, Math.min(idf, 6));
  });
}

/**
 * The sentences of the candidate articles that best answer a question, best first (at most
 * `limit`, default 3). Candidates may come from several articles; order them by relevance (ties
 * go to the earlier article).
 */
export function answerQuestion(
  question: string,
  candidates: Article[],
  options: AskOptions = {},
): AskResult {
  const limit = options.limit ?? MAX_ANSWERS;
  checkLimit(limit);
  const parsed = options.parsed ?? parseQuestion(question);
  if (!options.parsed && parsed.english && !options.rarity) {
    const texts = candidates.map(foldedArticleText);
    expandEnglish(parsed, (word) => texts.filter((text) => text.includes(word)).length);
  }
  if (parsed.terms.length === 0) {
    return refuse({ code: "ask.noKeywords", params: {} });
  }
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  for (const article of candidates) {
    if (seen.has(article.id) || (options.article && article.id !== options.article)) continue;
    seen.add(article.id);
    evidence.push(evidenceOf(article, evidence.length));
  }
  if (evidence.length === 0) return refuse({ code: "ask.noArticles", params: {} });

  const terms = repairNames(
    parsed,
    evidence.map((item) => item.full),
    options.knownName,
  );
  if (parsed.english)
    linkLatinNames(
      terms,
      evidence.map((item) => item.article),
    );
  for (const term of terms) {
    if (term.anchor || term.latin || term.related) continue;
    term.related = associatedWords(term.word, RELATED_SIMILARITY)
      .slice(0, RELATED_COUNT)
      .map((entry) => entry.word);
  }
  const weights = termWeights(terms, evidence, options.rarity);
  const total = weights.reduce((a, b) => a + b, 0);
  const words = terms.map((term) => term.word).join("、");
  if (total === 0) return refuse({ code: "ask.none", params: {} });

  // Names of people among the question's words: a later sentence may refer to them by 他, 她.
  const personal = terms.map(
    (term) =>
      !term.latin &&
      (term.anchor === "person" || term.anchor === "name" || /^nr/.test(term.tag ?? "")),
  );
  // 哪三条 answered by 「就三条。」 then 「这三条就是说：…」: a sentence giving the count of the
  // list without its items announces it, the next one names them.
  const listForms =
    !parsed.english && parsed.listCount
      ? [parsed.listCount, ...numeralVariants(parsed.listCount)]
      : [];
  const enumerates = listForms[0]?.startsWith("两") ? NAMES_TWO : ENUMERATES;
  const announcesList = (sentence: Candidate | undefined): boolean =>
    sentence !== undefined &&
    listForms.some((form) => sentence.folded.includes(form)) &&
    !enumerates.test(sentence.folded.replace(/[:：]$/, ""));
  const asksYear = !parsed.english && terms.some((term) => term.anchor === "year");
  let scored: Scored[] = [];
  for (const item of evidence) {
    const articleShare =
      terms.reduce(
        (sum, term, i) => sum + (weights[i] as number) * matchTerm(term, item.full).strength,
        0,
      ) / total;
    const titleLead = terms.map((term) => matchTerm(term, item.titleLead).strength);
    // 2021年 asked, 今年 written in an article of 2021: the year is named (a relative date).
    const perSentence = item.sentences.map((sentence) => {
      const dated = asksYear ? resolveRelativeDates(sentence.folded, item.article.date) : "";
      return terms.map((term) =>
        matchTerm(term, asksYear && term.anchor === "year" ? dated : sentence.folded),
      );
    });
    item.sentences.forEach((sentence, j) => {
      const here = perSentence[j] as Match[];
      const before = perSentence[j - 1];
      const after = perSentence[j + 1];
      const earlier = perSentence[j - 2];
      const referring = REFERRING_SUBJECT.test(sentence.folded);
      const previous = item.sentences[j - 1];
      // The answer to a question just asked, or the reason for the claim just made: the
      // sentence before states what it is about, as if in its own words.
      const continues =
        !parsed.english &&
        previous !== undefined &&
        (GIVES_REASON_BEFORE.test(sentence.folded) ||
          (announcesList(previous) && previous.paragraph === sentence.paragraph));
      const answersBefore =
        continues ||
        (!parsed.english && previous !== undefined && OPENS_ANSWER.test(previous.clean));
      let own = 0;
      let context = 0;
      terms.forEach((_, i) => {
        const w = weights[i] as number;
        let mine = (here[i] as Match).strength;
        // 「他28岁时搬到基隆」 after 「岸田几太郎1867年出生于…」: the pronoun is the person the
        // sentence before names.
        if (
          referring &&
          personal[i] &&
          mine < REFERRED_STRENGTH &&
          ((before?.[i]?.strength ?? 0) >= 1 || (earlier?.[i]?.strength ?? 0) >= 1)
        )
          mine = REFERRED_STRENGTH;
        const near = Math.max(before?.[i]?.strength ?? 0, after?.[i]?.strength ?? 0);
        const asked = answersBefore ? (before?.[i]?.strength ?? 0) : 0;
        own += w * Math.max(mine, continues ? CONTINUED_STRENGTH * asked : 0);
        context +=
          w * Math.max(mine, asked, 0.6 * near, TITLE_LEAD_CONTEXT * (titleLead[i] as number));
      });
      if (context === 0) return;
      own /= total;
      context /= total;
      const score = 0.5 * own + 0.5 * context + 0.15 * proximity(here) - 0.01 * item.order;
      scored.push({
        evidence: item,
        sentence,
        previous,
        own,
        context,
        typed: false,
        untyped: false,
        article: articleShare,
        score,
      });
    });
  }
  scored.sort((a, b) => b.score - a.score);
  scored = scored.slice(0, TYPE_CHECKED);

  const questionWords = new Set(terms.flatMap((t) => [t.word, ...t.synonyms]));
  const anchors = terms
    .map((term, i) => ({ term, weight: weights[i] as number }))
    .filter(({ term }) => term.anchor);
  // 多少警力: a body of people, counted by head in any noun (200名警员).
  const collective = COLLECTIVES.some((noun) => parsed.counted?.endsWith(noun));
  const unit = collective ? "人" : parsed.unit;
  const counted = collective ? [] : countedForms(parsed, terms);
  const ordinalForms = parsed.ordinal ? numeralVariants(parsed.ordinal) : [];
  const quarter = parsed.english ? [] : askedQuarter(foldQuestion(question));
  // 叫什么名字, 全名: the name itself (是谁 may be answered by a body, 信访办带走的).
  const namesAsked =
    parsed.asksName === true &&
    !parsed.english &&
    /名字|姓名|全名|叫什么|叫啥/.test(foldQuestion(question));
  const focus = terms.filter((term) => parsed.focus.includes(term.word));
  const event = terms.filter((term) => parsed.event?.includes(term.word));
  // 死了多少人, 有多少人死亡, 遇难人数, how many were killed: a count of people is an answer
  // only beside a death.
  const asksDeaths =
    parsed.type === "number" &&
    (parsed.unit === "人" || terms.some((term) => term.word.endsWith("人数"))) &&
    terms.some(
      (term) =>
        mentionsDeath(term.word) ||
        (parsed.english === true && /^(die|died|dead|killed|deaths?)$/.test(term.word)),
    );
  const foldedQuestion = foldQuestion(question);
  // 网址是什么, 舷号是多少: the code itself (lexicon/ask-code-nouns.txt).
  const code = parsed.english ? undefined : askedCode(foldedQuestion);
  const quotedWords = parsed.english
    ? []
    : [...foldedQuestion.matchAll(QUOTED_WORDS)].map((match) => match[1] as string);
  const measure = askedMeasure(foldedQuestion);
  const figures = parsed.english ? [] : questionFigures(foldedQuestion);
  const rankMeasure = askedRankMeasure(foldedQuestion);
  const durationUnit = parsed.type === "duration" ? askedDurationUnit(foldedQuestion) : undefined;
  const asksOften = parsed.type === "duration" && FREQUENCY_ASKED.test(foldedQuestion);
  const asksAgo =
    parsed.type === "duration" && /(多久|多长时间|几个?[年月天周])[以之]?前/.test(foldedQuestion);
  // A count or a length of time of another country than the asked one answers nothing.
  const figureQuestion =
    !parsed.english && (parsed.type === "number" || parsed.type === "duration");
  const countries = terms
    .filter((term) => term.anchor === "place")
    .map((term) => ({ word: term.word, forms: [term.word, ...term.synonyms] }));
  for (const item of scored) {
    const { sentence } = item;
    item.typed = holdsAnswerType(parsed.type, sentence.clean, sentence.folded, questionWords);
    // 叫什么名字 answered by 「民众王女士说」: the name is kept back.
    if (item.typed && namesAsked)
      item.typed = holdsAnswerType(
        "person",
        withoutSurnameOnly(sentence.clean),
        withoutSurnameOnly(sentence.folded),
        questionWords,
      );
    // 「…要你入党，因为什么？」 then 「它觉得就是党培养了你。」: the answer to a why asked just before.
    if (!item.typed && parsed.type === "reason" && !parsed.english)
      item.typed = ASKS_WHY.test(item.previous?.clean ?? "");
    // 多久以前 asks a time ago: 两周前 answers it.
    if (!item.typed && asksAgo) item.typed = holdsTimeAgo(sentence.folded);
    // 多久更新一次 asks how often: 每周 answers it.
    if (!item.typed && asksOften) item.typed = holdsFrequency(sentence.folded);
    // The number must count what was asked (几枚导弹: not 四千多枚火箭弹).
    if (item.typed && counted.length > 0) item.typed = countsThing(sentence.folded, counted);
    if (item.typed && asksDeaths) item.typed = mentionsDeath(sentence.folded);
    // 哪个国家: a place of that kind (泰国), not any place (曼谷机场) nor the word 国家.
    if (item.typed && parsed.placeKind)
      item.typed = namesPlaceOfKind(sentence.folded, parsed.placeKind, questionWords);
    if (item.typed && unit) {
      // 多少发烧病人 answered by 「170万的发烧病例」: the counted people themselves, or a share of them.
      item.typed =
        parsed.type === "time"
          ? holdsTimeUnit(sentence.folded, unit)
          : holdsUnit(sentence.folded, unit) ||
            (unit === "人" &&
              counted.length > 0 &&
              (sharesOfPeople(sentence.folded, counted) || countsThing(sentence.folded, counted)));
    }
    // 这15次里有几次 answered by 「进行了15次」: the question's own figure.
    if (
      item.typed &&
      parsed.type === "number" &&
      unit &&
      countsOnlyAsked(sentence.folded, unit, figures)
    )
      item.typed = false;
    // 几只鸡腿 answered by 「买了几只鸡腿」: the article gives no figure.
    const vagueCount = measure !== undefined && onlyVagueIn(sentence.folded, measure);
    if (item.typed && vagueCount) item.typed = false;
    // 当了多少年 answered by 「行程为两个小时」: the length of something else.
    if (item.typed && durationUnit && durationInOtherUnit(sentence.folded, durationUnit))
      item.typed = false;
    const headless =
      parsed.head !== undefined && !namesHead(sentence.folded, parsed.head, questionWords);
    if (headless) item.score -= HEAD_PENALTY;
    const strict =
      STRICT_TYPES.has(parsed.type) ||
      parsed.asksName === true ||
      (unit !== undefined && (parsed.type === "time" || STRICT_UNITS.has(unit)));
    // 哪家医院 with no named hospital in the sentence (nor a 某医院): not an answer. A person
    // may be named under another title (哪个官员 → 副总理刘鹤): there it only weighs.
    item.untyped =
      (strict && !item.typed) ||
      vagueCount ||
      // 胃癌是第几期 answered by 「确诊患上胃癌」: no place in an order.
      (rankMeasure !== undefined && !holdsRank(sentence.folded, rankMeasure)) ||
      // 几头牛 that the parser read as no count: a figure in the measure answers it.
      (measure !== undefined && parsed.type === "other" && !countsAnything(sentence.folded)) ||
      (parsed.placeKind !== undefined && !item.typed) ||
      (headless && parsed.type !== "person") ||
      (parsed.head !== undefined && unnamedHead(sentence.folded, parsed.head));
    // 网址是什么 answered by 「正在启动一个网站」: the address is not written.
    if (code && !holdsCode(sentence.folded, code)) item.untyped = true;
    // 最后有没有否决 answered by 「敦促州长否决」: a plan or a call is no outcome.
    if (parsed.asksOutcome && !parsed.english && onlyExpected(sentence.folded)) item.untyped = true;
    // A sentence about what is asked holds one of the words next to the question word.
    if (
      focus.length > 0 &&
      !focus.some((term) => matchTerm(term, sentence.folded).strength >= RELATED_STRENGTH)
    ) {
      item.score -= FOCUS_PENALTY;
      // 净利润是多少: a sum of money answers only beside the kind of sum asked (not 营业收入).
      if (parsed.unit === "钱" && focus.some((term) => MONEY_KIND.test(term.word)))
        item.untyped = true;
    }
    if (
      parsed.type === "time" &&
      !parsed.english &&
      event.length > 0 &&
      !event.some((term) => matchTerm(term, sentence.folded).strength >= RELATED_STRENGTH)
    )
      item.score -= EVENTLESS_PENALTY;
    if (
      parsed.type === "time" &&
      !parsed.english &&
      unit === "日" &&
      !DAY_OF_MONTH.test(sentence.folded)
    )
      item.score -= WEEKDAY_ONLY_PENALTY;
    // 哪天正式完成 answered by 「30日宣布将并购」: without the asked event, a date beside a
    // statement is the statement's date (an announcement, a briefing, an interview).
    if (
      event.length > 0 &&
      STATEMENT.test(sentence.folded) &&
      !event.some((term) => matchTerm(term, sentence.folded).strength > 0)
    )
      item.untyped = true;
    // 叫什么名字 for a thing: the sentence that names it (更名为, 称为, a title in quotes), not
    // the one restating the story about the thing.
    if (parsed.asksThingName)
      item.score += NAMING.test(sentence.folded) ? NAMING_BONUS : -NAMING_BONUS;
    // 哪些 asks for a list: a sentence that enumerates (、, 包括, a colon) answers it better.
    if (announcesList(sentence)) item.score -= LIST_BONUS;
    else if (parsed.list && enumerates.test(sentence.folded)) item.score += LIST_BONUS;
    const typeBonus =
      parsed.type === "other"
        ? 0
        : item.typed
          ? 0.15
          : strict
            ? -1
            : parsed.type === "reason"
              ? REASONLESS_PENALTY
              : UNTYPED_PENALTY;
    if (quotedWords.some((words) => sentence.folded.includes(words))) item.score += QUOTED_BONUS;
    if (!parsed.english && ASKS.test(sentence.clean)) item.score -= QUESTION_PENALTY;
    if (!parsed.english) {
      item.score += (CONTEXT_SHIFT[parsed.type] ?? 0) * (item.context - item.own);
      if (LEAD_PENALISED.has(parsed.type) && item.evidence.sentences[0] === sentence)
        item.score -= LEAD_PENALTY;
    }
    const size = countHan(sentence.clean);
    const sizePenalty = size < 8 ? 0.1 : size > 160 ? 0.05 : 0;
    item.score += typeBonus - sizePenalty;
    item.missing =
      parsed.quoted?.find((phrase) => !item.evidence.full.includes(phrase)) ??
      missingAnchor(anchors, item, parsed.text, parsed.english, options.rarity);
    // 第一大股东 answered by 「第三大流通股东」, 第四季度 by 「第三季度」: another of the series.
    if (
      item.missing === undefined &&
      parsed.ordinal &&
      otherOrdinal(sentence.folded, parsed.ordinal, ordinalForms)
    )
      item.missing = parsed.ordinal;
    // 第四季度净利润 answered by the year's 「全年净利润」: the asked one of the series is
    // named neither in the sentence nor beside it nor in the title.
    if (
      item.missing === undefined &&
      parsed.ordinal?.endsWith("季") &&
      !ordinalNear(item, [parsed.ordinal, parsed.ordinal.slice(1), ...ordinalForms])
    )
      item.missing = parsed.ordinal;
    // 一季度净利润 answered by 「前三季度…净利润」: the asked quarter named nowhere near.
    if (
      item.missing === undefined &&
      quarter.length > 0 &&
      !namesQuarter(windowText(item), quarter) &&
      !namesQuarter(item.evidence.titleLead, quarter)
    )
      item.missing = quarter[0];
    // 28纳米的良品率 answered by the 14nm one, 5年期 by 30年期: a figure of the question
    // named neither in the sentence nor beside it nor in the title.
    if (item.missing === undefined && figures.length > 0) {
      const window = windowText(item);
      item.missing = figures.find(
        (figure) => !holdsFigure(window, figure) && !holdsFigure(item.evidence.titleLead, figure),
      );
    }
    // 1月25日新增了多少 answered by the figure of 1月14日: another day's, month's or year's.
    if (item.missing === undefined) item.missing = otherDate(foldedQuestion, sentence.folded);
    // 30年期 answered by 「15年期固定利率…」: another member of the series the question names.
    if (item.missing === undefined) item.missing = otherFigure(foldedQuestion, sentence.folded);
    // 朝鲜死了多少人 answered by 「香港…有193人死亡」: another country's figure.
    if (item.missing === undefined && figureQuestion)
      item.missing = otherCountry(sentence.folded, countries);
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.evidence.order - b.evidence.order ||
      a.sentence.index - b.sentence.index,
  );

  const floor = parsed.english ? MIN_CONTEXT_ENGLISH : MIN_CONTEXT;
  // 最后有没有否决 where the sentence most about it reports only the plan (敦促州长否决): the
  // article was written before the outcome; only a sentence saying it was done or not answers.
  const pendingFirst =
    parsed.asksOutcome === true && !parsed.english && scored[0] !== undefined
      ? onlyExpected(scored[0].sentence.folded)
      : false;
  const passing = scored.filter(
    (item) =>
      passes(item, parsed.type, floor) && (!pendingFirst || statesOutcome(item.sentence.folded)),
  );
  const best = passing[0];
  if (!best) return explainRefusal(scored, parsed, words, floor);
  const answers: AnswerSentence[] = [];
  for (const item of passing) {
    if (answers.length >= limit) break;
    if (item.score < RELATIVE_FLOOR * best.score) break;
    // Another article that holds less of the question is about something else.
    if (item.article < best.article - ARTICLE_SLACK) continue;
    if (answers.some((answer) => sameContent(answer.text, item.sentence.clean))) continue;
    answers.push({
      text: item.sentence.clean,
      articleId: item.evidence.article.id,
      paragraph: item.sentence.paragraph,
      score: Math.round(item.score * 1000) / 1000,
    });
  }
  return { answers };
}

/** The forms of the thing a number question counts: the words, its last word, their synonyms. */
function countedForms(parsed: ParsedQuestion, terms: QuestionTerm[]): string[] {
  if (!parsed.counted) return [];
  const forms = new Set([parsed.counted, ...numeralVariants(parsed.counted)]);
  const last = terms.find((term) => parsed.counted?.endsWith(term.word));
  if (last && last.word.length >= 2) {
    forms.add(last.word);
    for (const synonym of last.synonyms) if (synonym.length >= 2) forms.add(synonym);
  }
  // The head of a longer noun counts too (众议员 → 议员: 50名众议院两党议员).
  if (parsed.counted.length >= 3) forms.add(parsed.counted.slice(-2));
  // 发烧病人 counted as 发烧病例, 病例 (lexicon/ask-counted-equivalents.txt).
  for (const form of [...forms])
    for (const [noun, others] of COUNTED_EQUIVALENTS)
      if (form.endsWith(noun))
        for (const other of others) {
          forms.add(form.slice(0, form.length - noun.length) + other);
          if (other.length >= 2) forms.add(other);
        }
  return [...forms];
}

/** The sentence with its neighbours (folded). */
function windowText(item: Scored): string {
  const sentences = item.evidence.sentences;
  const at = sentences.indexOf(item.sentence);
  return [sentences[at - 1], item.sentence, sentences[at + 1]]
    .map((s) => s?.folded ?? "")
    .join("\n");
}

/** Whether the sentence, a neighbour or the title and lead names the ordinal (第四季, 第4季). */
function ordinalNear(item: Scored, forms: string[]): boolean {
  const window = windowText(item);
  return forms.some((form) => window.includes(form) || item.evidence.titleLead.includes(form));
}

/** The first anchor of the question the sentence's evidence lacks, if any. */
function missingAnchor(
  anchors: { term: QuestionTerm; weight: number }[],
  item: Scored,
  text: string,
  english: boolean,
  archive?: CoOccurrence,
): string | undefined {
  for (const { term } of anchors) {
    if (term.anchor === "year" || term.anchor === "number") {
      // A figure must be near the answer: another year's figure answers another question.
      const sentences = item.evidence.sentences;
      const at = sentences.indexOf(item.sentence);
      const near = [sentences[at - 1], item.sentence, sentences[at + 1]]
        .map((s) => s?.folded ?? "")
        .join("\n");
      // 去年9月 in an article of 2022 names 2021 and 9月 (a relative date written out).
      const window = english ? near : resolveRelativeDates(near, item.evidence.article.date);
      // 10月23日 asked, 上周五（23日） written in an article of 2020-10-26: the day's month.
      const day =
        term.anchor === "number" &&
        new RegExp(`(?<!\\d)${term.word}月(\\d{1,2})[日号]`).exec(text)?.[1];
      if (
        day &&
        !english &&
        resolveRelativeDates(near, item.evidence.article.date, true).includes(
          `${term.word}月${day}日`,
        )
      )
        continue;
      // The article's own year, which its dates leave out (2月11日), unless another is named.
      const ownYear = item.evidence.article.date?.startsWith(term.word.slice(0, 4));
      if (term.anchor === "year" && ownYear && !/\d{4}\s*年/.test(window)) continue;
      if (
        matchTerm(term, window).strength < SYNONYM_STRENGTH &&
        matchTerm(term, item.evidence.titleLead).strength < SYNONYM_STRENGTH
      )
        return term.word;
    } else if (
      !anchorIn(term, item.evidence.full) &&
      !gluedAnchor(term, text, item.evidence.full) &&
      !(
        term.anchor === "place" &&
        archive &&
        impliesPlace(item.evidence.article, term.word, archive)
      )
    ) {
      return term.word;
    }
  }
  return undefined;
}

/**
 * Whether a name, place or organisation anchor occurs in an article. jieba sometimes glues a
 * neighbouring character to a name (跟中共, 俄罗斯人, 原计划): a word of three or more characters
 * also counts as found when it is without its first or its last character.
 */
function gluedAnchor(term: QuestionTerm, question: string, folded: string): boolean {
  const { word } = term;
  const at = question.indexOf(word);
  if (term.latin || at < 0) return false;
  for (let start = Math.max(0, at - 2); start <= at + word.length - 1; start++) {
    const window = question.slice(start, start + 3);
    const overlap = Math.min(start + 3, at + word.length) - Math.max(start, at);
    if (window.length < 3 || overlap <= 0 || overlap >= word.length) continue;
    if (!/^[\u4e00-\u9fff]{3}$/.test(window)) continue;
    if (folded.includes(window)) return true;
  }
  return false;
}

function anchorIn(term: QuestionTerm, folded: string): boolean {
  if (matchTerm(term, folded).strength >= SYNONYM_STRENGTH) return true;
  const { word } = term;
  if (term.latin || word.length < 3) return false;
  return folded.includes(word.slice(1)) || folded.includes(word.slice(0, -1));
}

function passes(item: Scored, type: QuestionType, floor: number): boolean {
  if (item.missing !== undefined || item.untyped) return false;
  if (item.context < floor || item.article < floor) return false;
  if (item.own >= MIN_OWN) return true;
  return type !== "other" && item.typed;
}

function explainRefusal(
  scored: Scored[],
  parsed: ParsedQuestion,
  words: string,
  floor: number,
): AskResult {
  const covering = scored.filter((item) => item.context >= floor);
  // 有几艘, 多少人 where the article says only 几艘, 数十名: say that it gives no figure.
  if (parsed.type === "number") {
    for (const item of covering) {
      if (item.missing !== undefined) continue;
      const count = onlyVagueCount(item.sentence.folded);
      if (count) return refuse({ code: "ask.vagueCount", params: { words, count } });
    }
  }
  const anchorMissing = covering.find((item) => item.missing !== undefined);
  if (
    covering.length > 0 &&
    covering.every((item) => item.missing !== undefined) &&
    anchorMissing
  ) {
    const anchor = anchorMissing.missing as string;
    return refuse({ code: "ask.anchorMissing", params: { anchor } });
  }
  const askedTypes: readonly QuestionType[] = [
    "person",
    "duration",
    "number",
    "time",
    "place",
    "reason",
  ];
  if (covering.length > 0 && askedTypes.includes(parsed.type)) {
    return refuse({ code: `ask.missing.${parsed.type}`, params: { words } });
  }
  return refuse({ code: "ask.noMatch", params: { words } });
}

function refuse(refusal: AskRefusal): AskResult {
  return { answers: [], reason: format("zh-CN", refusal.code, refusal.params), refusal };
}
