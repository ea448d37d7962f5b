import { type APIEmbed, escapeMarkdown } from "discord.js";
import { commandsOn, findCommand } from "../../commands/index.js";
import { commandHelpLines, usageLines } from "../../commands/usage.js";
import { format, type Locale } from "../app/i18n.js";
import {
  type Answer,
  type ArticlesAnswer,
  type AskAnswer,
  headedBy,
  LIMITS,
  type Markup,
  type QuotesAnswer,
  type SearchAnswer,
  type SourceAnswer,
  type SummaryAnswer,
  summaryFewer,
} from "../app/service.js";
import type { ArticleRef } from "../articles/article.js";
import { interviewsPerArticle } from "../quotes/model.js";
import { lastSentenceEnd } from "../text/sentences.js";

/**
 * Renders the core's answers as Discord embeds within Discord's limits, split into pages that
 * never cut a character (no lone surrogate) or a quote. Article text is escaped so that its
 * asterisks, underscores, `<@id>` and the like show as written; the marks the search adds stay.
 * Lengths are counted in UTF-16 units, which is never less than what Discord counts.
 */

export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  embeds: 10,
} as const;

/** At most this many results, quotes or answers on one page, so each can have a link button. */
export const ITEMS_PER_PAGE = 5;
/** Discord's limit on a button label. */
const BUTTON_LABEL = 80;
/** Embed colour (the blue of a newspaper masthead). */
export const COLOUR = 0x1f5fa8;

export interface LinkButton {
  label: string;
  url: string;
}

/** A button that opens a question about one article (「就此文提问」). */
export interface AskButton {
  articleId: string;
  label: string;
}

export interface PageView {
  embed: APIEmbed;
  /** Link buttons to the articles the page quotes (at most 5). */
  links: LinkButton[];
  /** Question buttons for the articles the page shows (at most 5). */
  asks?: AskButton[];
}

/** The renderers' words in one locale, from the catalogs. */
function messages(locale: Locale) {
  const text = (code: Parameters<typeof format>[1], params?: Parameters<typeof format>[2]) =>
    format(locale, code, params);
  return {
    page: (page: number, pages: number) => text("ui.page", { page, pages }),
    source: text("ui.source"),
    noLink: text("ui.noLink"),
    paragraph: (n: number) => text("ui.paragraph", { n }),
    searchTitle: (query: string, total: number) =>
      text("search.title", { query: escapeTyped(query), total }),
    searchNone: (query: string) => text("search.none", { query: escapeTyped(query) }),
    searchTry: (words: string) => text("search.try", { words }),
    summaryOf: text("summary.label"),
    quotesTitle: (who: string, count: number) => text("quotes.title", { who, count }),
    quotesNone: (who: string) => text("quotes.none", { who }),
    quoteKind: {
      partial: text("quotes.kind.partial"),
      reported: text("quotes.kind.reported"),
      interview: text("quotes.kind.interview"),
    },
    askTitle: (question: string) => text("ask.title", { question: escapeTyped(question) }),
    askNone: text("ask.none"),
    askAbout: (title: string) => text("ask.about", { title }),
    askButton: text("ask.button"),
    askButtonFor: (n: number) => text("ask.buttonFor", { n }),
    articlesTitle: (total: number) => text("articles.title", { total }),
    articlesNone: text("articles.none"),
  };
}

/**
 * Escapes Discord markdown in article text and in what a member typed (a query, a name, a
 * question echoed back), and mention syntax, so that `**`, `<@id>` and `@everyone` show as
 * written and never ping: a zero-width space after the `@` of `@everyone` and `@here`.
 */
export function escapeArticleText(text: string): string {
  return escapeMarkdown(text, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  })
    .replace(/<(?=[@#:]|a:|t:|\/)/g, "\\<")
    .replace(/\]\(/g, "]\\(")
    .replace(/@(?=everyone|here)/gi, "@\u200b");
}

/** What a member typed, echoed back in a title or a message: escaped like article text. */
export const escapeTyped = escapeArticleText;

/** Markup for `runSearch` from Discord: article text escaped, matches in bold. */
export const DISCORD_MARKUP: Markup = { mark: (text) => `**${text}**`, escape: escapeArticleText };

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair, adding "…" when it cuts. */
export function clipUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

function linkText(title: string): string {
  return escapeArticleText(title).replace(/[[\]]/g, "\\$&");
}

function linkUrl(url: string): string {
  return url.replace(
    /[()\s]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

/** `[title](url)` when the article has a link, else the escaped title. */
export function articleLink(article: { title: string; url: string | null }): string {
  return article.url
    ? `[${linkText(article.title)}](${linkUrl(article.url)})`
    : linkText(article.title);
}

function describe(article: ArticleRef): string {
  return [article.date, article.id].filter(Boolean).join(" · ");
}

function linkButton(article: { title: string; url: string | null }): LinkButton[] {
  return article.url ? [{ label: clipUnits(article.title, 40), url: article.url }] : [];
}

function distinctLinks(links: LinkButton[]): LinkButton[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    if (seen.has(link.url)) return false;
    seen.add(link.url);
    return true;
  });
}

function distinctAsks(asks: AskButton[]): AskButton[] {
  const seen = new Set<string>();
  return asks.filter((ask) => {
    if (seen.has(ask.articleId)) return false;
    seen.add(ask.articleId);
    return true;
  });
}

/**
 * Splits one block that is longer than `budget` at line breaks, then at sentence ends outside
 * quotation marks, and only as a last resort (a single quoted passage longer than the budget) at a
 * code point boundary.
 */
export function splitBlock(block: string, budget: number): string[] {
  if (block.length <= budget) return [block];
  const pieces: string[] = [];
  let rest = block;
  while (rest.length > budget) {
    const window = rest.slice(0, budget);
    let cut = window.lastIndexOf("\n") + 1;
    if (cut <= 0) cut = lastSentenceEnd(window);
    if (cut <= 0) {
      cut = budget;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut--;
    }
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n+/, "");
  }
  if (rest) pieces.push(rest);
  return pieces.filter((piece) => piece.length > 0);
}

/**
 * Packs blocks into pages: each page's blocks, joined by a blank line, fit in `budget` units, at
 * most `perPage` blocks a page; a block is never split unless it alone exceeds the budget.
 */
export function packBlocks<T extends { text: string }>(
  blocks: T[],
  budget: number,
  perPage = Number.POSITIVE_INFINITY,
): T[][] {
  const pages: T[][] = [];
  let current: T[] = [];
  let used = 0;
  const separator = 2;
  for (const block of blocks) {
    for (const text of splitBlock(block.text, budget)) {
      const piece = { ...block, text };
      const cost = (current.length > 0 ? separator : 0) + text.length;
      if (current.length > 0 && (used + cost > budget || current.length >= perPage)) {
        pages.push(current);
        current = [];
        used = 0;
      }
      used += (current.length > 0 ? separator : 0) + text.length;
      current.push(piece);
    }
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

interface Block {
  text: string;
  links: LinkButton[];
  asks?: AskButton[];
}

function pagesOf(
  header: { title: string; url?: string | undefined; intro?: string },
  blocks: Block[],
  locale: Locale,
  perPage = ITEMS_PER_PAGE,
  footerExtra?: string,
): PageView[] {
  const intro = header.intro ? `${header.intro}\n\n` : "";
  const packed = packBlocks(blocks, EMBED_LIMITS.description - intro.length, perPage);
  if (packed.length === 0) packed.push([]);
  return packed.map((page, index) => {
    const footer = [
      packed.length > 1 ? format(locale, "ui.page", { page: index + 1, pages: packed.length }) : "",
      footerExtra ?? "",
    ]
      .filter(Boolean)
      .join(" · ");
    const embed: APIEmbed = {
      title: clipUnits(header.title, EMBED_LIMITS.title),
      description: clipUnits(
        `${intro}${page.map((block) => block.text).join("\n\n")}`,
        EMBED_LIMITS.description,
      ),
      color: COLOUR,
      ...(header.url ? { url: header.url } : {}),
      ...(footer ? { footer: { text: clipUnits(footer, EMBED_LIMITS.footer) } } : {}),
    };
    const asks = distinctAsks(page.flatMap((block) => block.asks ?? [])).slice(0, 5);
    return {
      embed,
      links: distinctLinks(page.flatMap((block) => block.links)).slice(0, 5),
      ...(asks.length > 0 ? { asks } : {}),
    };
  });
}

export function renderSearch(answer: SearchAnswer, locale: Locale): PageView[] {
  const m = messages(locale);
  if (answer.results.length === 0) {
    const tips =
      answer.suggestions.length > 0
        ? m.searchTry(answer.suggestions.map(escapeArticleText).join("、"))
        : "";
    return [
      {
        embed: {
          title: clipUnits(m.searchNone(answer.query), EMBED_LIMITS.title),
          color: COLOUR,
          ...(tips ? { description: clipUnits(tips, EMBED_LIMITS.description) } : {}),
        },
        links: [],
      },
    ];
  }
  const first = (answer.page - 1) * answer.limit + 1;
  const blocks = answer.results.map((result, index) => ({
    text: [
      `**${first + index}.** ${articleLink(result)}`,
      describe(result),
      ...result.snippets.map((snippet) => `> ${snippet.replace(/\n+/g, " ")}`),
    ]
      .filter(Boolean)
      .join("\n"),
    links: linkButton(result),
    asks: [{ articleId: result.id, label: m.askButtonFor(first + index) }],
  }));
  // One question button per result shown (a page shows at most five, Discord's row of buttons);
  // a page of one result gets the plain label.
  return pagesOf(
    { title: m.searchTitle(answer.query, answer.total) },
    blocks,
    locale,
    ITEMS_PER_PAGE,
    searchShown(answer, locale),
  ).map((page) =>
    page.asks?.length === 1
      ? { ...page, asks: page.asks.map((ask) => ({ ...ask, label: m.askButton })) }
      : page,
  );
}

/**
 * When a search found more than it shows (Discord has no page option: a member sees `limit`
 * results), says so, and how to see more while the limit can still be raised.
 */
function searchShown(answer: SearchAnswer, locale: Locale): string | undefined {
  const shown = answer.results.length;
  if (answer.page !== 1 || answer.total <= shown) return undefined;
  const limit = findCommand("search", "discord")?.options.find((option) => option.name === "limit");
  if (shown >= LIMITS.discordSearchResults || !limit)
    return format(locale, "search.shownFirst", { shown });
  return format(locale, "search.raiseLimit", {
    shown,
    option: limit.names[locale],
    max: LIMITS.discordSearchResults,
  });
}

export function renderSummary(answer: SummaryAnswer, locale: Locale): PageView[] {
  const m = messages(locale);
  const blocks = answer.sentences.map((sentence, index) => ({
    text: `**${index + 1}.** ${escapeArticleText(sentence)}`,
    links: linkButton(answer.article),
  }));
  return pagesOf(
    {
      title: escapeArticleText(answer.article.title),
      url: answer.article.url ?? undefined,
      intro: `**${m.summaryOf}** · ${describe(answer.article)}`,
    },
    blocks,
    locale,
    Number.POSITIVE_INFINITY,
    [answer.article.url ? "" : m.noLink, summaryFewer(answer, locale)]
      .filter(Boolean)
      .join(" · ") || undefined,
  ).map((page) => ({
    ...page,
    links: linkButton(answer.article).map((link) => ({ ...link, label: m.source })),
    asks: [{ articleId: answer.article.id, label: m.askButton }],
  }));
}

export function renderQuotes(answer: QuotesAnswer, locale: Locale): PageView[] {
  const m = messages(locale);
  const who = answer.matched
    .map((match) => headedBy(match, answer.person))
    .map((match) => {
      const others = match.aliases.filter((alias) => alias !== match.name).slice(0, 3);
      return escapeArticleText(
        others.length > 0
          ? format(locale, "plain.aliases", { name: match.name, aliases: others })
          : match.name,
      );
    })
    .join(format(locale, "plain.groupSeparator"));
  const about = answer.article ? m.askAbout(articleLink(answer.article)) : "";
  if (answer.quotes.length === 0) {
    return [
      {
        embed: {
          title: clipUnits(m.quotesNone(who || escapeTyped(answer.person)), EMBED_LIMITS.title),
          color: COLOUR,
          ...(about ? { description: clipUnits(about, EMBED_LIMITS.description) } : {}),
        },
        links: [],
      },
    ];
  }
  const interviewBlocks = interviewsPerArticle(answer.quotes).map((quote) => ({
    text: `— ${escapeArticleText(quote.speaker)}（${m.quoteKind.interview}）· ${[
      quote.title ? articleLink({ title: quote.title, url: quote.url }) : "",
      m.paragraph(quote.paragraph),
    ]
      .filter(Boolean)
      .join(" · ")}`,
    links: linkButton({ title: quote.title, url: quote.url }),
  }));
  const quoteBlocks = answer.quotes
    .filter((quote) => quote.kind !== "interview")
    .map((quote) => {
      const kind =
        quote.kind === "partial"
          ? m.quoteKind.partial
          : quote.kind === "reported"
            ? m.quoteKind.reported
            : "";
      const source = [
        quote.title ? articleLink({ title: quote.title, url: quote.url }) : "",
        m.paragraph(quote.paragraph),
      ]
        .filter(Boolean)
        .join(" · ");
      return {
        text: `> ${escapeArticleText(quote.text).replace(/\n+/g, " ")}\n— ${escapeArticleText(quote.speaker)}${kind ? `（${kind}）` : ""} · ${source}`,
        links: linkButton({ title: quote.title, url: quote.url }),
      };
    });
  const blocks = [...quoteBlocks, ...interviewBlocks];
  return pagesOf(
    { title: m.quotesTitle(who, answer.quotes.length), ...(about ? { intro: about } : {}) },
    blocks,
    locale,
  );
}

export function renderSource(answer: SourceAnswer, locale: Locale): PageView[] {
  const m = messages(locale);
  const article = answer.article;
  return [
    {
      embed: {
        title: clipUnits(escapeArticleText(article.title), EMBED_LIMITS.title),
        color: COLOUR,
        ...(article.url ? { url: article.url } : {}),
        description: [describe(article), article.url ? `<${article.url}>` : m.noLink]
          .filter(Boolean)
          .join("\n"),
      },
      links: linkButton(article).map((link) => ({ ...link, label: m.source })),
    },
  ];
}

export function renderAsk(answer: AskAnswer, locale: Locale): PageView[] {
  const m = messages(locale);
  const title = m.askTitle(answer.question);
  const about = answer.article ? m.askAbout(articleLink(answer.article)) : "";
  if (answer.answers.length === 0) {
    return [
      {
        embed: {
          title: clipUnits(title, EMBED_LIMITS.title),
          color: COLOUR,
          description: clipUnits(
            [
              about,
              escapeArticleText(
                answer.refusal
                  ? format(locale, answer.refusal.code, answer.refusal.params)
                  : m.askNone,
              ),
            ]
              .filter(Boolean)
              .join("\n\n"),
            EMBED_LIMITS.description,
          ),
        },
        links: [],
      },
    ];
  }
  const blocks = answer.answers.map((item, index) => ({
    text: `**${index + 1}.** ${escapeArticleText(item.text)}\n— ${articleLink(item)}`,
    links: linkButton(item),
  }));
  return pagesOf({ title, ...(about ? { intro: about } : {}) }, blocks, locale);
}

export function renderArticles(answer: ArticlesAnswer, locale: Locale): PageView[] {
  const m = messages(locale);
  if (answer.total === 0) return [{ embed: { title: m.articlesNone, color: COLOUR }, links: [] }];
  const lines = answer.articles.map(
    (article) => `\`${article.date ?? "????-??-??"}\` ${articleLink(article)} · \`${article.id}\``,
  );
  const description = packBlocks(
    lines.map((text) => ({ text })),
    EMBED_LIMITS.description,
  )[0]
    ?.map((line) => line.text)
    .join("\n");
  return [
    {
      embed: {
        title: m.articlesTitle(answer.total),
        color: COLOUR,
        description: description ?? "",
        ...(answer.pages > 1 ? { footer: { text: m.page(answer.page, answer.pages) } } : {}),
      },
      links: [],
    },
  ];
}

/**
 * /help: the commands offered on Discord, with their options, in the member's locale; or, given a
 * topic (`/help command:search`), that one command with each of its options and their limits.
 */
export function renderHelp(locale: Locale, topic?: string): PageView[] {
  const command = topic ? findCommand(topic, "discord") : undefined;
  if (command) {
    const [usageLine, ...rest] = commandHelpLines(command, "discord", locale);
    return [
      {
        embed: {
          title: clipUnits(`/${command.names[locale]}`, EMBED_LIMITS.title),
          color: COLOUR,
          description: clipUnits([usageLine, ...rest].join("\n"), EMBED_LIMITS.description),
          footer: { text: format(locale, "help.footer") },
        },
        links: [],
      },
    ];
  }
  const helpCommand = findCommand("help", "discord");
  const optionName = helpCommand?.options[0]?.names[locale] ?? "command";
  const example = `\`/${helpCommand?.names[locale] ?? "help"} ${optionName}:${findCommand("search", "discord")?.names[locale] ?? "search"}\``;
  return [
    {
      embed: {
        title: format(locale, "help.title"),
        color: COLOUR,
        description: [
          format(locale, "help.intro"),
          "",
          ...usageLines(commandsOn("discord"), "discord", locale),
          "",
          format(locale, "help.more", { example }),
        ].join("\n"),
        footer: { text: format(locale, "help.footer") },
      },
      links: [],
    },
  ];
}

/** Any command's answer as the pages of its Discord reply. */
export function renderAnswer(answer: Answer, locale: Locale): PageView[] {
  switch (answer.command) {
    case "search":
      return renderSearch(answer, locale);
    case "summary":
      return renderSummary(answer, locale);
    case "quotes":
      return renderQuotes(answer, locale);
    case "ask":
      return renderAsk(answer, locale);
    case "source":
      return renderSource(answer, locale);
    case "articles":
      return renderArticles(answer, locale);
    case "help":
      return renderHelp(locale, answer.topic);
    case "people":
      throw new Error("/people is not offered on Discord");
  }
}

/** Total characters Discord counts toward the 6,000 limit of a message's embeds. */
export function embedLength(embeds: APIEmbed[]): number {
  let total = 0;
  for (const embed of embeds) {
    total += (embed.title ?? "").length + (embed.description ?? "").length;
    total += (embed.footer?.text ?? "").length + (embed.author?.name ?? "").length;
    for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  }
  return total;
}

export { BUTTON_LABEL };
