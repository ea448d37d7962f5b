import { askArchive } from "../answers/retrieval.js";
import { summarize } from "../answers/summary.js";
import type { Archive } from "../articles/archive.js";
import { type Article, type ArticleRef, articleRef } from "../articles/article.js";
import { UserError } from "../errors.js";
import type { Quote } from "../quotes/quotes.js";
import { markSnippet } from "../search/search.js";
import { foldText } from "../text/text.js";

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

export const LIMITS = {
  query: 200,
  searchResults: 200,
  summarySentences: 10,
  question: 300,
  person: 100,
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
  const limit = checkInteger("limit", options.limit ?? 10, 1, 100);
  const total = archive.size;
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = checkInteger("page", options.page ?? 1, 1, Number.MAX_SAFE_INTEGER);
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
  if (!query) throw new UserError("请输入要搜索的词，例如：北约、谢尔曼、NATO。");
  if (query.length > LIMITS.query)
    throw new UserError(`搜索词太长（${query.length} 字），最多 ${LIMITS.query} 字。`);
  const limit = checkInteger("limit", options.limit ?? 10, 1, LIMITS.searchResults);
  const page = checkInteger("page", options.page ?? 1, 1, 10_000);
  const found = archive.search.search(query, { limit, offset: (page - 1) * limit });
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

export interface SummaryAnswer {
  command: "summary";
  article: ArticleRef;
  sentences: string[];
}

export function runSummary(
  archive: Archive,
  options: { article?: string | null; sentences?: number } = {},
): SummaryAnswer {
  const count = checkInteger("sentences", options.sentences ?? 3, 1, LIMITS.summarySentences);
  const article = archive.resolve(options.article);
  return { command: "summary", article: articleRef(article), sentences: summarize(article, count) };
}

export interface QuotesAnswer {
  command: "quotes";
  person: string;
  matched: Array<{ name: string; aliases: string[] }>;
  quotes: Array<Omit<Quote, "url"> & { url: string | null; title: string }>;
}

export function runQuotes(
  archive: Archive,
  options: { person: string; article?: string | null },
): QuotesAnswer {
  const person = options.person.trim();
  if (!person) throw new UserError("请输入人名，例如：谢尔曼、Sherman。");
  if (person.length > LIMITS.person)
    throw new UserError(`人名太长（${person.length} 字），最多 ${LIMITS.person} 字。`);
  const article = options.article ? archive.resolve(options.article) : undefined;
  const matched = archive.people.find(person);
  if (matched.length === 0) {
    const suggestions = archive.people.suggest(person, 5);
    throw new UserError(
      `没有找到 ${person} 的引语。`,
      suggestions.length > 0
        ? [`你是不是要找：${suggestions.join("、")}`]
        : ["用 /quotes 时输入人名的任一写法（中文、英文或繁体）。"],
    );
  }
  const quotes = matched
    .flatMap((match) => archive.people.quotesOf(match, article ? { articleId: article.id } : {}))
    .map((quote) => ({ ...quote, title: archive.get(quote.articleId)?.title ?? "" }));
  return {
    command: "quotes",
    person,
    matched: matched.map((match) => ({ name: match.name, aliases: match.aliases })),
    quotes,
  };
}

export interface PeopleAnswer {
  command: "people";
  people: Array<{ name: string; aliases: string[]; quoteCount: number }>;
}

export function runPeople(
  archive: Archive,
  options: { prefix?: string; limit?: number } = {},
): PeopleAnswer {
  const limit = checkInteger("limit", options.limit ?? 25, 1, 1000);
  const people = archive.people.list(options.prefix?.trim() || undefined, limit);
  return {
    command: "people",
    people: people.map((person) => ({
      name: person.name,
      aliases: person.aliases,
      quoteCount: person.quoteCount,
    })),
  };
}

export interface AskAnswer {
  command: "ask";
  question: string;
  answers: Array<{ text: string; articleId: string; title: string; url: string | null }>;
  reason?: string;
}

export function runAsk(archive: Archive, options: { question: string; limit?: number }): AskAnswer {
  const question = options.question.trim();
  if (!question) throw new UserError("请输入问题，例如：谁领导了美国代表团？");
  if (question.length > LIMITS.question)
    throw new UserError(`问题太长（${question.length} 字），最多 ${LIMITS.question} 字。`);
  const limit = checkInteger("limit", options.limit ?? 3, 1, 3);
  const result = askArchive(archive, question, { limit });
  const answers = result.answers.flatMap((answer) => {
    const article = archive.get(answer.articleId);
    return article
      ? [{ text: answer.text, articleId: article.id, title: article.title, url: article.url }]
      : [];
  });
  return {
    command: "ask",
    question,
    answers,
    ...(answers.length === 0 ? { reason: result.reason ?? "没有找到能回答这个问题的句子。" } : {}),
  };
}

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
    choices.push({ name: clip(`${article.date ?? "?"} ${article.title}`, 100), value: article.id });
    if (choices.length >= limit) break;
  }
  return choices;
}

/** Autocomplete for person options: known speakers by any alias, most quoted first. */
export function suggestPeople(archive: Archive, typed: string, limit = 25): Choice[] {
  return archive.people.list(typed.trim() || undefined, limit).map((person) => {
    const others = person.aliases.filter((alias) => alias !== person.name).slice(0, 2);
    const label = others.length > 0 ? `${person.name}（${others.join("、")}）` : person.name;
    return { name: clip(`${label} · ${person.quoteCount}`, 100), value: clip(person.name, 100) };
  });
}

/** Cuts at a code point boundary, adding an ellipsis when it cuts. */
export function clip(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, max - 1).join("")}…`;
}

function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserError(
      `${name} 必须是 ${min} 到 ${max === Number.MAX_SAFE_INTEGER ? "更大" : max} 之间的整数。`,
    );
  }
  return value;
}
