import { toTraditional } from "../text/text.js";

/**
 * The bot's own words (labels, errors, help) in the three locales it speaks. Article text and
 * the core's answers are never translated; the core's user-facing errors are Simplified Chinese
 * and are converted to Traditional for zh-TW members.
 */

export const LOCALES = ["zh-CN", "zh-TW", "en-US"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

/** Maps a Discord locale (`interaction.locale`: `zh-CN`, `zh-TW`, `en-GB`, `fr`…) to ours. */
export function pickLocale(discordLocale: string | null | undefined): Locale {
  if (!discordLocale) return DEFAULT_LOCALE;
  const lower = discordLocale.toLowerCase();
  if (lower === "zh-tw" || lower === "zh-hk" || lower === "zh-hant") return "zh-TW";
  if (lower.startsWith("zh")) return "zh-CN";
  if (lower.startsWith("en")) return "en-US";
  return DEFAULT_LOCALE;
}

interface Messages {
  /** Footer page counter. */
  page: (page: number, pages: number) => string;
  previous: string;
  next: string;
  source: string;
  noLink: string;
  paragraph: (n: number) => string;
  searchTitle: (query: string, total: number) => string;
  searchNone: (query: string) => string;
  searchTry: (words: string) => string;
  summaryOf: string;
  quotesTitle: (who: string, count: number) => string;
  quotesNone: (who: string) => string;
  quoteKind: { partial: string; reported: string };
  askTitle: (question: string) => string;
  askNone: string;
  articlesTitle: (total: number) => string;
  articlesNone: string;
  helpTitle: string;
  helpIntro: string;
  helpFooter: string;
  /** Generic answer to anything that is not the member's fault. */
  internalError: string;
  notYours: (owner: string) => string;
  expired: string;
  unknownCommand: string;
  unknownButton: string;
}

const zhCN: Messages = {
  page: (page, pages) => `第 ${page}/${pages} 页`,
  previous: "上一页",
  next: "下一页",
  source: "原文",
  noLink: "（无原文链接）",
  paragraph: (n) => `第 ${n} 段`,
  searchTitle: (query, total) => `搜索“${query}”：找到 ${total} 篇文章`,
  searchNone: (query) => `没有找到包含“${query}”的文章。`,
  searchTry: (words) => `试试：${words}`,
  summaryOf: "摘要",
  quotesTitle: (who, count) => `${who}：${count} 条引语`,
  quotesNone: (who) => `${who}：没有找到引语。`,
  quoteKind: { partial: "部分引语", reported: "转述" },
  askTitle: (question) => `问：${question}`,
  askNone: "没有找到能回答这个问题的句子。",
  articlesTitle: (total) => `文章列表（共 ${total} 篇，最新的在前）`,
  articlesNone: "还没有载入任何文章。",
  helpTitle: "读报 dubao：使用说明",
  helpIntro:
    "我读新闻文章，回答以下命令。文章参数可以输入标题的一部分、编号或日期，再从列表中选择。",
  helpFooter: "回答只来自已载入的文章，并附原文链接。",
  internalError: "出错了，这次没能回答。请稍后再试。",
  notYours: (owner) => `只有 ${owner} 可以翻页。请自己执行这个命令。`,
  expired: "这些按钮已过期，请重新执行命令。",
  unknownCommand: "不认识这个命令。请用 /help 查看可用的命令。",
  unknownButton: "这个按钮已失效。",
};

const enUS: Messages = {
  page: (page, pages) => `Page ${page}/${pages}`,
  previous: "Previous",
  next: "Next",
  source: "Source",
  noLink: "(no source link)",
  paragraph: (n) => `paragraph ${n}`,
  searchTitle: (query, total) =>
    `Search “${query}”: ${total} ${total === 1 ? "article" : "articles"}`,
  searchNone: (query) => `No article contains “${query}”.`,
  searchTry: (words) => `Try: ${words}`,
  summaryOf: "Summary",
  quotesTitle: (who, count) => `${who}: ${count} ${count === 1 ? "quote" : "quotes"}`,
  quotesNone: (who) => `${who}: no quotes found.`,
  quoteKind: { partial: "partial quote", reported: "reported speech" },
  askTitle: (question) => `Q: ${question}`,
  askNone: "No sentence found that answers this question.",
  articlesTitle: (total) => `Articles (${total}, newest first)`,
  articlesNone: "No articles are loaded yet.",
  helpTitle: "dubao (读报): help",
  helpIntro:
    "I read Chinese news articles and answer these commands. For an article option, type part of a title, an id or a date and pick from the list.",
  helpFooter: "Answers come only from the loaded articles, with a link to the source.",
  internalError: "Something went wrong and I could not answer. Please try again later.",
  notYours: (owner) => `Only ${owner} can turn these pages. Run the command yourself.`,
  expired: "These buttons have expired. Please run the command again.",
  unknownCommand: "Unknown command. Use /help to see what I can do.",
  unknownButton: "This button no longer works.",
};

/** Traditional Chinese as written in Taiwan (hand-written: 搜尋, 連結, 頁). */
const zhTW: Messages = {
  page: (page, pages) => `第 ${page}/${pages} 頁`,
  previous: "上一頁",
  next: "下一頁",
  source: "原文",
  noLink: "（無原文連結）",
  paragraph: (n) => `第 ${n} 段`,
  searchTitle: (query, total) => `搜尋「${query}」：找到 ${total} 篇文章`,
  searchNone: (query) => `沒有找到包含「${query}」的文章。`,
  searchTry: (words) => `試試：${words}`,
  summaryOf: "摘要",
  quotesTitle: (who, count) => `${who}：${count} 則引語`,
  quotesNone: (who) => `${who}：沒有找到引語。`,
  quoteKind: { partial: "部分引語", reported: "轉述" },
  askTitle: (question) => `問：${question}`,
  askNone: "沒有找到能回答這個問題的句子。",
  articlesTitle: (total) => `文章列表（共 ${total} 篇，最新的在前）`,
  articlesNone: "還沒有載入任何文章。",
  helpTitle: "讀報 dubao：使用說明",
  helpIntro:
    "我閱讀新聞文章，回答以下指令。文章參數可以輸入標題的一部分、編號或日期，再從清單中選擇。",
  helpFooter: "回答只來自已載入的文章，並附原文連結。",
  internalError: "出了點問題，這次沒能回答。請稍後再試。",
  notYours: (owner) => `只有 ${owner} 可以翻頁。請自己執行這個指令。`,
  expired: "這些按鈕已過期，請重新執行指令。",
  unknownCommand: "不認識這個指令。請用 /help 查看可用的指令。",
  unknownButton: "這個按鈕已失效。",
};

const MESSAGES: Record<Locale, Messages> = { "zh-CN": zhCN, "zh-TW": zhTW, "en-US": enUS };

export function t(locale: Locale): Messages {
  return MESSAGES[locale];
}

/**
 * The core's user-facing messages (src/service.ts, src/archive.ts) in English, by pattern. A
 * message with no pattern here stays in Chinese rather than being guessed at.
 */
const CORE_IN_ENGLISH: Array<[RegExp, string]> = [
  [/^请输入要搜索的词，例如：(.+)。$/, "Type something to search for, e.g. $1."],
  [
    /^搜索词太长（(\d+) 字），最多 (\d+) 字。$/,
    "The query is too long ($1 characters; at most $2).",
  ],
  [/^搜索词里没有可以搜索的文字或词语。$/, "The query has no words or characters to search for."],
  [/^搜索词太多，最多 (\d+) 个。$/, "The query has too many terms (at most $1)."],
  [/^请输入人名，例如：(.+)。$/, "Type a name, e.g. $1."],
  [/^人名太长（(\d+) 字），最多 (\d+) 字。$/, "The name is too long ($1 characters; at most $2)."],
  [/^没有找到 (.+) 的引语。$/, "No quotes found for $1."],
  [/^你是不是要找：(.+)$/, "Did you mean: $1"],
  [
    /^用 \/quotes 时输入人名的任一写法（中文、英文或繁体）。$/,
    "Type any spelling of the name: Chinese, English or traditional script.",
  ],
  [/^请输入问题，例如：(.+)$/, "Type a question, e.g. $1"],
  [
    /^问题太长（(\d+) 字），最多 (\d+) 字。$/,
    "The question is too long ($1 characters; at most $2).",
  ],
  [/^找不到文章 (.+)。$/, "No article $1."],
  [
    /^用 \/articles 查看文章列表，或用 \/search 搜索。$/,
    "Use /articles to list the articles, or /search to find one.",
  ],
  [/^还没有载入任何文章。$/, "No articles are loaded yet."],
  [/^(\w+) 必须是 (\d+) 到 (\d+|更大) 之间的整数。$/, "$1 must be a whole number from $2 to $3."],
];

/** A message from the core (Simplified Chinese), line by line, in the member's locale. */
export function localizeCoreText(text: string, locale: Locale): string {
  if (locale === "zh-TW") return toTraditional(text);
  if (locale !== "en-US") return text;
  return text
    .split("\n")
    .map((line) => {
      for (const [pattern, english] of CORE_IN_ENGLISH) {
        if (pattern.test(line))
          return line.replace(pattern, english).replace(" to 更大", " or more");
      }
      return line;
    })
    .join("\n");
}

/** Names and descriptions of the commands and their options, for registration. */
export interface Localized {
  "zh-CN": string;
  "zh-TW": string;
  "en-US": string;
}

export function localized(zh: string, en: string, tw?: string): Localized {
  return { "zh-CN": zh, "zh-TW": tw ?? toTraditional(zh), "en-US": en };
}
