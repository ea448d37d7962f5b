import { MAX_ANSWERS } from "../answers/ask.js";
import { askArchive } from "../answers/retrieval.js";
import { MAX_SUMMARY_SENTENCES, summarize } from "../answers/summary.js";
import type { Archive } from "../articles/archive.js";
import { type Article, type ArticleRef, articleRef } from "../articles/article.js";
import { UserError } from "../errors.js";
import type { Quote } from "../quotes/quotes.js";
import { MAX_QUERY_LENGTH } from "../search/analyzer.js";
import { markSnippet } from "../search/search.js";
import { foldText } from "../text/text.js";
import { format, type Locale, type Message } from "./messages/index.js";

/**
 * One function per command, each returning the stable JSON contract of that command. The CLI
 * prints these, the console and Discord render them. Bad arguments throw UserError.
 */

export interface Markup {
  /** Marks a matched term in a snippet. */
  mark: (text: string) => string;
  /** Escapes article text around the marks (Discord markdown, say). */
  escape: (text: string) => string;
}

export const PLAIN_MARKUP: Markup = { mark: (text) => `**${text}**`, escape: (text) => text };

/**
 * Every limit on what a command accepts, in one place (the core's own where it has one); the
 * command specs declare their options with these.
 */
export const LIMITS = {
  query: MAX_QUERY_LENGTH,
  searchResults: 200,
  /** Results one Discord /search pages through. */
  discordSearchResults: 50,
  summarySentences: MAX_SUMMARY_SENTENCES,
  question: 300,
  person: 100,
  /** An article named by id, number, link or part of its title. */
  article: 100,
  articlesPerPage: 100,
  people: 1000,
  page: 10_000,
  askAnswers: MAX_ANSWERS,
} as const;

export const DEFAULTS = {
  searchResults: 10,
  summarySentences: 3,
  articlesPerPage: 10,
  people: 25,
  askAnswers: 3,
} as const;

export interface ArticlesAnswer {
  command: "articles";
  total: number;
  page: number;
  pages: number;
  articles: ArticleRef[];
}

export function runArticles(
  archive: Archive,
  options: { page?: number; limit?: number } = {},
): ArticlesAnswer {
  const limit = checkInteger(
    "limit",
    options.limit ?? DEFAULTS.articlesPerPage,
    1,
    LIMITS.articlesPerPage,
  );
  const total = archive.size;
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = checkInteger("page", options.page ?? 1, 1, LIMITS.page);
  if (page > pages) throw new UserError("page.beyondEnd", { page, pages });
  const start = (page - 1) * limit;
  return {
    command: "articles",
    total,
    page,
    pages,
    articles: archive.articles.slice(start, start + limit).map(articleRef),
  };
}

export interface SourceAnswer {
  command: "source";
  article: ArticleRef;
}

export function runSource(
  archive: Archive,
  options: { article?: string | null } = {},
): SourceAnswer {
  return { command: "source", article: articleRef(archive.resolve(options.article)) };
}

export interface SearchAnswer {
  command: "search";
  query: string;
  total: number;
  page: number;
  limit: number;
  results: Array<ArticleRef & { score: number; snippets: string[] }>;
  suggestions: string[];
}

export function runSearch(
  archive: Archive,
  options: { query: string; limit?: number; page?: number },
  markup: Markup = PLAIN_MARKUP,
): SearchAnswer {
  const query = options.query.trim();
  if (!query) throw new UserError("search.empty");
  if (query.length > LIMITS.query)
    throw new UserError("search.tooLong", { length: query.length, max: LIMITS.query });
  const limit = checkInteger(
    "limit",
    options.limit ?? DEFAULTS.searchResults,
    1,
    LIMITS.searchResults,
  );
  const page = checkInteger("page", options.page ?? 1, 1, LIMITS.page);
  checkSearchWords(archive, query);
  const found = archive.search.search(query, { limit, offset: (page - 1) * limit });
  const pages = Math.ceil(found.total / limit);
  if (found.total > 0 && page > pages) throw new UserError("page.beyondEnd", { page, pages });
  const results = found.hits.flatMap((hit) => {
    const article = archive.get(hit.id);
    if (!article) return [];
    return [
      {
        ...articleRef(article),
        score: Math.round(hit.score * 1000) / 1000,
        snippets: hit.snippets.map((snippet) => markSnippet(snippet, markup.mark, markup.escape)),
      },
    ];
  });
  return {
    command: "search",
    query,
    total: found.total,
    page,
    limit,
    results,
    suggestions: found.suggestions,
  };
}

/** Search-engine operators, which the index does not take: it finds articles with every term. */
const OPERATOR_WORD = /^(?:OR|AND|NOT)$/;
const EXCLUDED_WORD = /^[-－]\S/;
const LINK = /^(?:https?:\/\/|www\.)\S+$/i;
const ARTICLE_ID = /^n?\d{5,}$/i;

/**
 * A query that would be searched as something else than its writer meant: a link or an article
 * id (searched as fragments of digits and letters), or operators (`OR`, `-word`) searched as
 * words. Each gets the reason instead of an answer that says nothing matched, or that matches
 * what was meant to be excluded.
 */
function checkSearchWords(archive: Archive, query: string): void {
  const isLink = LINK.test(query);
  if (isLink || ARTICLE_ID.test(query)) {
    const article = articleNamedBy(archive, query);
    if (article)
      throw new UserError(isLink ? "search.isArticleLink" : "search.isArticleId", {
        query,
        title: article.title,
      });
    if (isLink) throw new UserError("search.isLink");
  }
  const words = query.split(/\s+/);
  const operator = (word: string) =>
    EXCLUDED_WORD.test(word) || (words.length > 1 && OPERATOR_WORD.test(word));
  if (words.some(operator)) throw new UserError("search.operators");
}

export interface SummaryAnswer {
  command: "summary";
  article: ArticleRef;
  sentences: string[];
  /** How many sentences were asked for (the summary has fewer when the article gives fewer). */
  requested: number;
}

export function runSummary(
  archive: Archive,
  options: { article?: string | null; sentences?: number } = {},
): SummaryAnswer {
  const count = checkInteger(
    "sentences",
    options.sentences ?? DEFAULTS.summarySentences,
    1,
    LIMITS.summarySentences,
  );
  const article = archive.resolve(options.article);
  return {
    command: "summary",
    article: articleRef(article),
    sentences: summarize(article, count),
    requested: count,
  };
}

/** Says so when the summary has fewer sentences than were asked for; empty otherwise. */
export function summaryFewer(answer: SummaryAnswer, locale: Locale): string {
  return answer.sentences.length < answer.requested
    ? format(locale, "summary.fewer", {
        count: answer.sentences.length,
        requested: answer.requested,
      })
    : "";
}

export interface QuotesAnswer {
  command: "quotes";
  person: string;
  /** The one article the quotes were looked for in, when restricted to one. */
  article?: ArticleRef;
  matched: Array<{ name: string; aliases: string[] }>;
  quotes: Array<Omit<Quote, "url"> & { url: string | null; title: string }>;
}

export function runQuotes(
  archive: Archive,
  options: { person: string; article?: string | null },
): QuotesAnswer {
  const person = bareName(options.person);
  if (!person) throw new UserError("quotes.empty");
  if (person.length > LIMITS.person)
    throw new UserError("quotes.nameTooLong", { length: person.length, max: LIMITS.person });
  const article = options.article ? archive.resolve(options.article) : undefined;
  const matched = archive.people.find(person);
  // An English name also finds the Chinese name the archive writes it for (Putin → 普京), but a
  // whole name (Ned Price) never brings in someone the archive knows by another one (Brian Price,
  // also 普赖斯): their words are not this person's.
  if (/\p{Script=Latin}/u.test(person))
    for (const chinese of archive.search.englishNames.chineseFor(person, { people: true }))
      for (const found of archive.people.find(chinese))
        if (!matched.includes(found) && !knownByAnotherFullName(found, person)) matched.push(found);
  if (matched.length === 0) {
    // Two people of one name (科尔曼 and 科尔曼) are one suggestion: the name is what is typed.
    const suggestions = [...new Set(archive.people.suggest(person, 5))];
    throw new UserError("quotes.notFound", { person }, [
      suggestions.length > 0
        ? { code: "quotes.didYouMean", params: { names: suggestions } }
        : { code: "quotes.anySpelling" },
    ]);
  }
  // A person quoted a thousand times is quoted a few times an article: each title looked up once.
  const titles = new Map<string, string>();
  const titleOf = (id: string) => {
    let title = titles.get(id);
    if (title === undefined) {
      title = archive.get(id)?.title ?? "";
      titles.set(id, title);
    }
    return title;
  };
  const found = matched
    .flatMap((match) => archive.people.quotesOf(match, article ? { articleId: article.id } : {}))
    // Written out, not spread: spreading thousands of quotes was most of a long answer's time.
    .map((quote) => ({
      speaker: quote.speaker,
      text: quote.text,
      kind: quote.kind,
      paragraph: quote.paragraph,
      articleId: quote.articleId,
      url: quote.url,
      title: titleOf(quote.articleId),
    }));
  // Quotes first, then the person's interview answers grouped per article.
  const interviewsByArticle = new Map<string, typeof found>();
  for (const quote of found) {
    if (quote.kind !== "interview") continue;
    const group = interviewsByArticle.get(quote.articleId);
    if (group) group.push(quote);
    else interviewsByArticle.set(quote.articleId, [quote]);
  }
  const quotes = [
    ...found.filter((quote) => quote.kind !== "interview"),
    ...[...interviewsByArticle.values()].flat(),
  ];
  return {
    command: "quotes",
    person,
    ...(article ? { article: articleRef(article) } : {}),
    matched: matched.map((match) => ({ name: match.name, aliases: match.aliases })),
    quotes,
  };
}

/**
 * A matched person as a heading shows them: under the name the member typed when it is one of the
 * person's names (`/quotes 谢尔曼` heads 谢尔曼, not the 舍曼 more articles write; 謝爾曼 and
 * `wendy sherman` match 谢尔曼 and Wendy Sherman as the articles write them), else under the
 * most used form; the other names follow.
 */
export function headedBy(
  match: { name: string; aliases: string[] },
  typed: string,
): { name: string; aliases: string[] } {
  const names = [match.name, ...match.aliases];
  const wanted = typed.trim();
  const folded = foldText(wanted);
  const chosen =
    names.find((name) => name === wanted) ?? names.find((name) => foldText(name) === folded);
  if (!chosen || chosen === match.name) return match;
  return { name: chosen, aliases: names.filter((name) => name !== chosen) };
}

/** A Latin full name: two words or more (Ned Price, Kay-Achim Schönbach). */
const LATIN_FULL_NAME =
  /^\p{Script=Latin}[\p{Script=Latin}.'-]*(?:\s+\p{Script=Latin}[\p{Script=Latin}.'-]*)+$/u;

/** Whether someone has a Latin full name, and it is not the full name typed. */
function knownByAnotherFullName(
  person: { name: string; aliases: string[] },
  typed: string,
): boolean {
  if (!LATIN_FULL_NAME.test(typed)) return false;
  const wanted = foldText(typed);
  const fullNames = [person.name, ...person.aliases].filter((name) => LATIN_FULL_NAME.test(name));
  return fullNames.length > 0 && !fullNames.some((name) => foldText(name) === wanted);
}

/**
 * A name as typed, without the marks around it a member adds (“谢尔曼”, 谢尔曼？, 《谢尔曼》) or
 * spaces; a name's own dots (温迪‧谢尔曼) are inside it, never at its ends.
 */
export function bareName(typed: string): string {
  return typed.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, "");
}

export interface PeopleAnswer {
  command: "people";
  /** The start of a name the list was narrowed to, when one was given. */
  prefix?: string;
  people: Array<{ name: string; aliases: string[]; quoteCount: number; articleCount: number }>;
}

export function runPeople(
  archive: Archive,
  options: { prefix?: string; limit?: number } = {},
): PeopleAnswer {
  const limit = checkInteger("limit", options.limit ?? DEFAULTS.people, 1, LIMITS.people);
  const prefix = options.prefix?.trim() || undefined;
  const people = archive.people.list(prefix, limit);
  return {
    command: "people",
    ...(prefix ? { prefix } : {}),
    people: people.map((person) => ({
      name: person.name,
      aliases: person.aliases,
      quoteCount: person.quoteCount,
      articleCount: person.articleCount,
    })),
  };
}

export interface AskAnswer {
  command: "ask";
  question: string;
  /** The one article the question was asked about, when it was restricted to one. */
  article?: ArticleRef;
  answers: Array<{ text: string; articleId: string; title: string; url: string | null }>;
  /** Why nothing answers, in Simplified Chinese (the CLI's contract), and as a message. */
  reason?: string;
  refusal?: Message;
}

/**
 * Answers a question from the articles its words appear in, or, given `article` (an id, number
 * or link, as /summary takes), from that one article alone.
 */
export function runAsk(
  archive: Archive,
  options: { question: string; article?: string | null; limit?: number },
): AskAnswer {
  const typed = options.question.trim();
  if (!typed) throw new UserError("ask.empty");
  if (typed.length > LIMITS.question)
    throw new UserError("ask.tooLong", { length: typed.length, max: LIMITS.question });
  const limit = checkInteger("limit", options.limit ?? DEFAULTS.askAnswers, 1, LIMITS.askAnswers);
  // An article's link or id pasted into the question names the article the question is about.
  const { question, named } = articleInQuestion(archive, typed);
  if (!question) throw new UserError("ask.empty");
  const restricted = options.article?.trim() ? archive.resolve(options.article) : named;
  const result = askArchive(archive, question, { limit, article: restricted?.id });
  // A question with nothing to look for is a mistake in the question, not an unanswered one.
  if (result.refusal?.code === "ask.noKeywords") throw new UserError("ask.noKeywords");
  const answers = result.answers.flatMap((answer) => {
    const article = archive.get(answer.articleId);
    return article
      ? [{ text: answer.text, articleId: article.id, title: article.title, url: article.url }]
      : [];
  });
  return {
    command: "ask",
    question,
    ...(restricted ? { article: articleRef(restricted) } : {}),
    answers,
    ...(answers.length === 0 ? refusalOf(result.refusal) : {}),
  };
}

/**
 * The question without an article's link or id written before or after it (`https://…/n13495457.htm
 * 谁领导了代表团？`), and that article; a link or id no article has stays in the question.
 */
function articleInQuestion(
  archive: Archive,
  question: string,
): { question: string; named?: Article } {
  const words = question.split(/\s+/);
  for (const at of [0, words.length - 1]) {
    const article = articleNamedBy(archive, words[at] as string);
    if (!article) continue;
    words.splice(at, 1);
    return { question: words.join(" "), named: article };
  }
  return { question };
}

/** The article a word names when it is an article's link or id (N13495457 as n13495457). */
function articleNamedBy(archive: Archive, word: string): Article | undefined {
  if (LINK.test(word)) return archive.get(word);
  return ARTICLE_ID.test(word) ? archive.get(word.toLowerCase()) : undefined;
}

function refusalOf(refusal: Message = { code: "ask.none" }): { reason: string; refusal: Message } {
  return { reason: format("zh-CN", refusal.code, refusal.params), refusal };
}

export interface HelpAnswer {
  command: "help";
  /** The one command to explain (`/help search`), by its name; absent: every command. */
  topic?: string;
}

/** Every command's answer. */
export type Answer =
  | ArticlesAnswer
  | SourceAnswer
  | SearchAnswer
  | SummaryAnswer
  | QuotesAnswer
  | PeopleAnswer
  | AskAnswer
  | HelpAnswer;

export interface Choice {
  name: string;
  value: string;
}

/** Folded titles, computed once per article rather than on every autocomplete keystroke. */
const foldedTitles = new WeakMap<Article, string>();

function foldedTitle(article: Article): string {
  let folded = foldedTitles.get(article);
  if (folded === undefined) {
    folded = foldText(article.title);
    foldedTitles.set(article, folded);
  }
  return folded;
}

/** Autocomplete for article options: newest first, narrowed by part of a title, an id or a date. */
export function suggestArticles(archive: Archive, typed: string, limit = 25): Choice[] {
  const choiceOf = (article: Article) => ({
    name: clip(`${article.date ?? "?"} ${article.title}`, 100),
    value: article.id,
  });
  // A pasted link names its article, though no title, id or date contains the link.
  const linked = LINK.test(typed.trim()) ? archive.get(typed.trim()) : undefined;
  if (linked) return [choiceOf(linked)];
  const needle = foldText(typed.trim());
  const choices: Choice[] = [];
  for (const article of archive.articles) {
    if (
      needle &&
      !foldedTitle(article).includes(needle) &&
      !article.id.includes(needle) &&
      !(article.date ?? "").includes(needle)
    )
      continue;
    choices.push(choiceOf(article));
    if (choices.length >= limit) break;
  }
  return choices;
}

/** Autocomplete for person options: known speakers by any alias, most quoted first. */
export function suggestPeople(archive: Archive, typed: string, limit = 25): Choice[] {
  const wanted = typed.trim();
  const people = archive.people.list(wanted || undefined, limit);
  // `Put` offers 普京 where the archive writes 普京（Vladimir Putin）.
  if (people.length < limit && /\p{Script=Latin}/u.test(wanted)) {
    const seen = new Set(people.map((person) => person.name));
    for (const chinese of archive.search.englishNames.chineseForPrefix(wanted, { people: true })) {
      for (const person of archive.people.find(chinese)) {
        if (people.length >= limit || seen.has(person.name)) continue;
        seen.add(person.name);
        people.push(person);
      }
    }
  }
  const folded = foldText(wanted);
  return people.map((person) => {
    const names = [person.name, ...person.aliases];
    // Offered under the name being typed (谢尔 → 谢尔曼, not 舍曼), when that name is theirs alone,
    // so that the answer is headed as the member wrote it and finds the same person.
    const typedName = folded ? names.find((name) => foldText(name).startsWith(folded)) : undefined;
    const shown =
      typedName &&
      typedName !== person.name &&
      archive.people.find(typedName).every((found) => found.name === person.name)
        ? typedName
        : person.name;
    const others = names.filter((name) => name !== shown).slice(0, 2);
    const label = others.length > 0 ? `${shown}（${others.join("、")}）` : shown;
    return { name: clip(`${label} · ${person.quoteCount}`, 100), value: clip(shown, 100) };
  });
}

/** Cuts at a code point boundary, adding an ellipsis when it cuts. */
export function clip(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, max - 1).join("")}…`;
}

function checkInteger(option: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new UserError("option.range", { option, min, max });
  return value;
}
