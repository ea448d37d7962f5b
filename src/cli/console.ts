import { createInterface, type Interface } from "node:readline";
import { suggestArticles, suggestPeople } from "../app/service.js";
import type { Archive } from "../articles/archive.js";
import type { Logger } from "../logger.js";
import { answerLine, splitLine } from "./command-line.js";

/**
 * The local console (`npm start` without a token): a person types `/summary`, `/quotes 谢尔曼`,
 * `/search 北约`, `/ask …` and sees the same answers as the CLI prints. Options are written as on
 * the command line (`--article n13495457`) or as in Discord (`article:n13495457`). Tab completes
 * commands, people and articles.
 */

const CONSOLE_COMMANDS = [
  "/search",
  "/summary",
  "/quotes",
  "/ask",
  "/source",
  "/articles",
  "/people",
  "/help",
  "/exit",
];
const EXIT = new Set(["/exit", "/quit", "exit", "quit"]);

export function consoleHelp(): string {
  return [
    "读报 dubao 本地控制台。输入命令，例如：/summary、/quotes 谢尔曼、/search 北约、/ask 谁领导了美国代表团？",
    "命令与 CLI 相同（开头的 / 可省略）；选项可写作 --article n13495457，也可像 Discord 一样写作 article:n13495457。",
    "Tab 键补全命令、人名和文章编号；/exit 退出。",
    "",
    "  /search 词语 [limit:N] [page:P]        搜索文章（所有词都要出现；简繁皆可）",
    "  /summary [article:编号] [sentences:N]  文章摘要（默认最新一篇，3 句）",
    "  /quotes 人名 [article:编号]            某人说过的话（中文、英文、繁体名字皆可）",
    "  /people [前缀]                         说过话的人物",
    "  /ask 问题                              用文章中的句子回答问题",
    "  /source [article:编号]                 原文链接",
    "  /articles [page:P]                     文章列表，最新在前",
  ].join("\n");
}

/** Turns Discord-style `name:value` options into `--name value`. */
export function consoleArgs(line: string): string[] {
  const args = splitLine(line.trim());
  const out: string[] = [];
  for (const arg of args) {
    const match = /^(article|limit|sentences|page):(.+)$/.exec(arg);
    if (match) out.push(`--${match[1]}`, match[2] as string);
    else out.push(arg);
  }
  return out;
}

/** The text the console prints for one line, or undefined for a line that ends the session. */
export function consoleAnswer(archive: Archive, line: string, logger: Logger): string | undefined {
  const trimmed = line.trim();
  if (!trimmed) return "";
  if (EXIT.has(trimmed)) return undefined;
  if (/^\/?(help|帮助|\?)$/.test(trimmed)) return consoleHelp();
  const args = consoleArgs(trimmed);
  return answerLine(archive, args, false, logger).output;
}

/**
 * readline completion: `[candidates, the text they replace]`. Commands complete the whole line;
 * people (for /quotes, by any alias) and article ids (for article options) complete the last word.
 */
export function consoleComplete(archive: Archive, line: string): [string[], string] {
  if (!line.includes(" ")) {
    const typed = line.startsWith("/") ? line : `/${line}`;
    const hits = CONSOLE_COMMANDS.filter((command) => command.startsWith(typed));
    return [hits.length > 0 ? hits : CONSOLE_COMMANDS, line];
  }
  const lastSpace = line.lastIndexOf(" ");
  const word = line.slice(lastSpace + 1);
  const before = line.slice(0, lastSpace).trim();
  const command = before.split(/\s+/)[0]?.replace(/^\//, "");
  const articleValue = word.startsWith("article:");
  if (
    before.endsWith("--article") ||
    articleValue ||
    (command && ["summary", "source"].includes(command) && before === `/${command}`)
  ) {
    const prefix = articleValue ? "article:" : "";
    const typed = word.slice(prefix.length);
    return [suggestArticles(archive, typed, 25).map((choice) => `${prefix}${choice.value}`), word];
  }
  if (command === "quotes" && before === "/quotes") {
    return [suggestPeople(archive, word, 25).map((choice) => choice.value), word];
  }
  return [[], word];
}

export interface ConsoleSession {
  /** Resolves when the person leaves (/exit, end of input, Ctrl-C). */
  closed: Promise<void>;
  close(): void;
}

/** Runs the console over a pair of streams (stdin/stdout by default). */
export function startConsole(
  archive: () => Archive,
  logger: Logger,
  streams: {
    input?: NodeJS.ReadableStream;
    output?: NodeJS.WritableStream;
    terminal?: boolean;
  } = {},
): ConsoleSession {
  const output = streams.output ?? process.stdout;
  const rl: Interface = createInterface({
    input: streams.input ?? process.stdin,
    output,
    terminal: streams.terminal ?? Boolean((output as NodeJS.WriteStream).isTTY),
    prompt: "读报> ",
    completer: (line: string) => consoleComplete(archive(), line),
    historySize: 200,
  });
  const closed = new Promise<void>((resolve) => rl.once("close", () => resolve()));
  output.write(`读报 dubao：已载入 ${archive().size} 篇文章。输入 /help 查看命令，/exit 退出。\n`);
  rl.prompt();
  rl.on("line", (line) => {
    let text: string | undefined;
    try {
      text = consoleAnswer(archive(), line, logger);
    } catch (error) {
      logger.error("Console command failed", error);
      text = "出错了（详见日志）。";
    }
    if (text === undefined) {
      rl.close();
      return;
    }
    if (text) output.write(`${text}\n`);
    rl.prompt();
  });
  rl.on("SIGINT", () => rl.close());
  return { closed, close: () => rl.close() };
}
