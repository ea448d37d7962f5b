import type { Answer } from "../app/service.js";

const link = (url: string | null) => url ?? "（无原文链接）";
const dated = (title: string, date: string | null) => `${title}${date ? `（${date}）` : ""}`;

/** Renders a command's answer as readable plain text, for the CLI and the local console. */
export function renderPlain(answer: Answer): string {
  switch (answer.command) {
    case "articles":
      return [
        `共 ${answer.total} 篇文章，第 ${answer.page}/${answer.pages} 页：`,
        ...answer.articles.map((a) => `  ${a.date ?? "????-??-??"}  ${a.id}  ${a.title}`),
      ].join("\n");
    case "source":
      return `${dated(answer.article.title, answer.article.date)}\n${link(answer.article.url)}`;
    case "search": {
      if (answer.total === 0) {
        const tips =
          answer.suggestions.length > 0 ? `\n试试：${answer.suggestions.join("、")}` : "";
        return `没有找到包含“${answer.query}”的文章。${tips}`;
      }
      const first = (answer.page - 1) * answer.limit + 1;
      return [
        `“${answer.query}”共找到 ${answer.total} 篇文章（第 ${first}–${first + answer.results.length - 1} 篇）：`,
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
        `${dated(answer.article.title, answer.article.date)} 摘要：`,
        ...answer.sentences.map((s, i) => `${i + 1}. ${s}`),
        link(answer.article.url),
      ].join("\n");
    case "quotes": {
      const who = answer.matched
        .map((m) => (m.aliases.length > 0 ? `${m.name}（${m.aliases.join("、")}）` : m.name))
        .join("；");
      if (answer.quotes.length === 0) return `${who}：没有找到引语。`;
      return [
        `${who}，共 ${answer.quotes.length} 条引语：`,
        ...answer.quotes.map(
          (q) =>
            `「${q.text}」 —— ${q.speaker}${q.kind === "direct" ? "" : q.kind === "partial" ? "（部分引语）" : "（转述）"}\n   ${q.title} 第 ${q.paragraph} 段 ${link(q.url)}`,
        ),
      ].join("\n");
    }
    case "people":
      if (answer.people.length === 0) return "没有找到人物。";
      return answer.people
        .map(
          (p) =>
            `${p.name}${p.aliases.length > 0 ? `（${p.aliases.join("、")}）` : ""}：${p.quoteCount} 条引语`,
        )
        .join("\n");
    case "help":
      return "";
    case "ask":
      if (answer.answers.length === 0) return answer.reason ?? "没有找到答案。";
      return [
        `问：${answer.question}`,
        ...answer.answers.map((a, i) => `${i + 1}. ${a.text}\n   —— ${a.title} ${link(a.url)}`),
      ].join("\n");
  }
}
