import { format, type Locale, type MessageCode } from "../app/i18n.js";
import type { MessageParams } from "../app/messages/index.js";
import { type Answer, headedBy, summaryFewer } from "../app/service.js";
import { interviewsPerArticle } from "../quotes/model.js";

/** Renders a command's answer as readable plain text, for the CLI and the local console. */
export function renderPlain(answer: Answer, locale: Locale = "zh-CN"): string {
  const text = (code: MessageCode, params?: MessageParams) => format(locale, code, params);
  const link = (url: string | null) => url ?? text("ui.noLink");
  const dated = (title: string, date: string | null) =>
    date ? text("plain.dated", { title, date }) : title;
  const withAliases = (name: string, aliases: string[]) =>
    aliases.length > 0 ? text("plain.aliases", { name, aliases }) : name;
  switch (answer.command) {
    case "articles":
      return [
        text("plain.articles", { total: answer.total, page: answer.page, pages: answer.pages }),
        ...answer.articles.map((a) => `  ${a.date ?? "????-??-??"}  ${a.id}  ${a.title}`),
      ].join("\n");
    case "source":
      return `${dated(answer.article.title, answer.article.date)}\n${link(answer.article.url)}`;
    case "search": {
      if (answer.total === 0) {
        const tips =
          answer.suggestions.length > 0
            ? `\n${text("search.try", { words: answer.suggestions })}`
            : "";
        return `${text("search.none", { query: answer.query })}${tips}`;
      }
      const first = (answer.page - 1) * answer.limit + 1;
      const last = first + answer.results.length - 1;
      return [
        text("plain.searchTitle", { query: answer.query, total: answer.total, first, last }),
        ...answer.results.map((r, i) =>
          [
            `${first + i}. ${dated(r.title, r.date)}  [${r.id}]`,
            ...r.snippets.map((s) => `   ${s}`),
            `   ${link(r.url)}`,
          ].join("\n"),
        ),
      ].join("\n");
    }
    case "summary":
      return [
        text("plain.summaryTitle", { article: dated(answer.article.title, answer.article.date) }),
        ...answer.sentences.map((s, i) => `${i + 1}. ${s}`),
        ...[summaryFewer(answer, locale)].filter(Boolean),
        link(answer.article.url),
      ].join("\n");
    case "quotes": {
      const who = answer.matched
        .map((m) => headedBy(m, answer.person))
        .map((m) => withAliases(m.name, m.aliases))
        .join(text("plain.groupSeparator"));
      const about = answer.article ? [text("ask.about", { title: answer.article.title })] : [];
      if (answer.quotes.length === 0) return [...about, text("quotes.none", { who })].join("\n");
      return [
        text("plain.quotesTitle", { who, count: answer.quotes.length }),
        ...about,
        ...answer.quotes
          .filter((q) => q.kind !== "interview")
          .concat(interviewsPerArticle(answer.quotes))
          .map((q) => {
            const kind =
              q.kind === "direct"
                ? ""
                : text("plain.aside", {
                    text: text(`quotes.kind.${q.kind}` as const),
                  });
            if (q.kind === "interview")
              return `—— ${q.speaker}${kind}\n   ${text("plain.quoteSource", {
                title: q.title,
                paragraph: text("ui.paragraph", { n: q.paragraph }),
                url: link(q.url),
              })}`;
            const source = text("plain.quoteSource", {
              title: q.title,
              paragraph: text("ui.paragraph", { n: q.paragraph }),
              url: link(q.url),
            });
            return `「${q.text}」 —— ${q.speaker}${kind}\n   ${source}`;
          }),
      ].join("\n");
    }
    case "people":
      if (answer.people.length === 0)
        return answer.prefix
          ? text("plain.peopleNoneWith", { prefix: answer.prefix })
          : text("plain.peopleNone");
      return answer.people
        .map((p) =>
          text("plain.person", {
            person: withAliases(p.name, p.aliases),
            articles: p.articleCount,
            count: p.quoteCount,
          }),
        )
        .join("\n");
    case "help":
      return "";
    case "ask": {
      const about = answer.article ? [text("ask.about", { title: answer.article.title })] : [];
      if (answer.answers.length === 0)
        return [
          text("ask.title", { question: answer.question }),
          ...about,
          answer.reason ?? text("plain.askNone"),
        ].join("\n");
      return [
        text("ask.title", { question: answer.question }),
        ...about,
        ...answer.answers.map((a, i) => `${i + 1}. ${a.text}\n   —— ${a.title} ${link(a.url)}`),
      ].join("\n");
    }
  }
}
