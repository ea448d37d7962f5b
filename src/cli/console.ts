import { clearLine, createInterface, cursorTo, type Interface } from "node:readline";
import { commandsOn, findCommand } from "../../commands/index.js";
import { usageLines } from "../../commands/usage.js";
import { format } from "../app/i18n.js";
import type { Markup } from "../app/service.js";
import type { Archive } from "../articles/archive.js";
import type { Logger } from "../logger.js";
import { answerLine, cliLocale, splitLine } from "./command-line.js";

/**
 * The local console (`npm start` without a token): a person types `/summary`, `/quotes 谢尔曼`,
 * `/search 北约`, `/ask …` and sees the same answers as the CLI prints, a page at a time. Options
 * are written as on the command line (`--article n13495457`) or as in Discord
 * (`article:n13495457`). Tab completes commands, people and articles.
 */

const EXIT = new Set(["/exit", "/quit", "exit", "quit"]);
const MORE = new Set(["/more", "more", "/next", "/更多"]);
/** Lines of an answer shown at once; the rest waits for /more. */
export const CONSOLE_PAGE_LINES = 40;

export function consoleHelp(): string {
  return [
    format(cliLocale(), "help.console"),
    "",
    ...usageLines(commandsOn("console"), "console", cliLocale()),
    "",
    format(cliLocale(), "help.more", { example: "/help search" }),
  ].join("\n");
}

/** Console command names, with their slash, for completion. */
function consoleCommands(): string[] {
  return [...commandsOn("console").map((command) => `/${command.name}`), "/more", "/exit"];
}

const indent = (line: string) => line.length - line.trimStart().length;

/**
 * Splits an answer into pages of about `size` lines without cutting an item: a line indented
 * more than the line that began its item (a snippet, a link) belongs to that item.
 */
export function pageLines(text: string, size = CONSOLE_PAGE_LINES): string[] {
  const lines = text.split("\n");
  if (lines.length <= size) return [text];
  const pages: string[][] = [[]];
  // The first line is the answer's heading; items start on the next.
  let itemIndent = Number.POSITIVE_INFINITY;
  for (const [index, line] of lines.entries()) {
    const page = pages[pages.length - 1] as string[];
    const continues = indent(line) > itemIndent;
    if (!continues && index > 0) itemIndent = indent(line);
    if (page.length >= size && !continues) pages.push([line]);
    else page.push(line);
  }
  return pages.map((page) => page.join("\n"));
}

/**
 * The console marks a search's matches with two private-use characters rather than markdown, so
 * that asterisks in a query or in article text (`**北约**`) are shown as typed, never as bold.
 */
const MARK_OPEN = "\uE000";
const MARK_CLOSE = "\uE001";
export const CONSOLE_MARKUP: Markup = {
  mark: (text) => `${MARK_OPEN}${text}${MARK_CLOSE}`,
  escape: (text) => text,
};

/** Control characters a terminal would act on (escape sequences, bells), but not lines or tabs. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * An answer for a terminal: what it quotes (a query, article text) stripped of control
 * characters, and the matches bold where the terminal can show it, else unmarked.
 */
export function terminalText(text: string, bold: boolean): string {
  return text
    .replace(CONTROL, "")
    .replaceAll(MARK_OPEN, bold ? "\x1b[1m" : "")
    .replaceAll(MARK_CLOSE, bold ? "\x1b[22m" : "");
}

/** A console conversation: one answer at a time, its further pages kept for /more. */
export class ConsoleConversation {
  private pending: string[] = [];
  private pageCount = 0;
  /** The command line of the list's next page (more search results, articles), for /more. */
  private nextLine: string[] | undefined;

  constructor(
    private readonly archive: () => Archive,
    private readonly logger: Logger,
    private readonly bold = false,
  ) {}

  /** The text for one line, or undefined for a line that ends the session. */
  answer(line: string): string | undefined {
    const trimmed = line.trim();
    if (!trimmed) return "";
    if (EXIT.has(trimmed)) return undefined;
    if (MORE.has(trimmed)) {
      const page = this.nextPage();
      if (page !== undefined) return page;
      return this.nextLine ? this.run(this.nextLine) : format(cliLocale(), "console.noMore");
    }
    if (/^[/／]?(帮助|\?|？)$/.test(trimmed)) return consoleHelp();
    return this.run(splitLine(trimmed));
  }

  private run(argv: string[]): string {
    const { output, next } = answerLine(this.archive(), argv, false, this.logger, {
      surface: "console",
      help: consoleHelp,
      markup: CONSOLE_MARKUP,
    });
    const pages = pageLines(terminalText(output, this.bold));
    this.pending = pages.slice(1);
    this.pageCount = pages.length;
    this.nextLine = next;
    return this.withFooter(pages[0] ?? "");
  }

  private nextPage(): string | undefined {
    const page = this.pending.shift();
    return page === undefined ? undefined : this.withFooter(page);
  }

  private withFooter(page: string): string {
    if (this.pending.length === 0 && this.nextLine)
      return `${page}\n${format(cliLocale(), "console.moreResults")}`;
    if (this.pageCount <= 1) return page;
    const shown = this.pageCount - this.pending.length;
    return this.pending.length > 0
      ? `${page}\n${format(cliLocale(), "console.more", { page: shown, pages: this.pageCount })}`
      : page;
  }
}

/** One line's answer without paging state (the first page of it). */
export function consoleAnswer(archive: Archive, line: string, logger: Logger): string | undefined {
  return new ConsoleConversation(() => archive, logger).answer(line);
}

/**
 * readline completion: `[candidates, the text they replace]`. Commands complete the whole line
 * (with the space after them); an option its command declares with autocomplete (the person of
 * /quotes, an article) completes the last word, whether written bare, as `--article …` or as
 * `article:…`.
 */
export function consoleComplete(archive: Archive, line: string): [string[], string] {
  if (!line.includes(" ")) {
    const typed = `/${line.normalize("NFKC").replace(/^\//, "")}`;
    const commands = consoleCommands();
    const hits = commands.filter((command) => command.startsWith(typed));
    return [(hits.length > 0 ? hits : commands).map((command) => `${command} `), line];
  }
  const lastSpace = line.lastIndexOf(" ");
  const word = line.slice(lastSpace + 1);
  const before = line.slice(0, lastSpace).trim();
  const [commandWord = "", ...earlier] = before.split(/\s+/);
  const command = findCommand(commandWord.normalize("NFKC").replace(/^\//, ""), "console");
  if (!command?.autocomplete) return [[], word];
  const named = /^([a-z]+)[:：]/i.exec(word);
  const flag = /^--([a-z]+)$/i.exec(earlier.at(-1) ?? "");
  const option = named
    ? command.options.find((item) => item.name === named[1]?.toLowerCase())
    : flag
      ? command.options.find((item) => item.name === flag[1]?.toLowerCase())
      : earlier.length === 0
        ? command.options.find((item) => item.positional)
        : undefined;
  if (!option?.autocomplete) return [[], word];
  const prefix = named?.[0] ?? "";
  const choices = command.autocomplete(
    { archive, surface: "console" },
    option.name,
    word.slice(prefix.length),
  );
  return [choices.map((choice) => `${prefix}${choice.value}`), word];
}

export interface ConsoleSession {
  /** Resolves when the person leaves (/exit, end of input, Ctrl-C on an empty line). */
  closed: Promise<void>;
  close(): void;
  /** Prints text above the prompt and redraws the prompt with what was being typed. */
  printAbove(text: string): void;
}

type WritableWithTty = NodeJS.WritableStream & {
  isTTY?: boolean;
  hasColors?: () => boolean;
};

/**
 * Runs the console over a pair of streams (stdin/stdout by default). On a terminal, log lines
 * written to `logStream` (stderr by default) appear above the prompt, which is then redrawn.
 */
export function startConsole(
  archive: () => Archive,
  logger: Logger,
  streams: {
    input?: NodeJS.ReadableStream;
    output?: NodeJS.WritableStream;
    terminal?: boolean;
    logStream?: NodeJS.WritableStream;
  } = {},
): ConsoleSession {
  const output = (streams.output ?? process.stdout) as WritableWithTty;
  const terminal = streams.terminal ?? Boolean(output.isTTY);
  const rl: Interface = createInterface({
    input: streams.input ?? process.stdin,
    output,
    terminal,
    prompt: "读报> ",
    completer: (line: string) => consoleComplete(archive(), line),
    historySize: 200,
  });
  const conversation = new ConsoleConversation(
    archive,
    logger,
    terminal && (output.hasColors?.() ?? false),
  );
  let open = true;
  const closed = new Promise<void>((resolve) =>
    rl.once("close", () => {
      open = false;
      restoreLog();
      resolve();
    }),
  );
  const above = (write: () => void) => {
    if (!open || !terminal) return write();
    clearLine(output, 0);
    cursorTo(output, 0);
    write();
    rl.prompt(true);
  };
  const printAbove = (text: string) =>
    above(() => output.write(text.endsWith("\n") ? text : `${text}\n`));
  const restoreLog = terminal ? aroundWrites(streams.logStream ?? process.stderr, above) : () => {};
  output.write(`${format(cliLocale(), "console.ready", { count: archive().size })}\n`);
  rl.prompt();
  rl.on("line", (line) => {
    let text: string | undefined;
    try {
      text = conversation.answer(line);
    } catch (error) {
      logger.error("Console command failed", error);
      text = format(cliLocale(), "console.failed");
    }
    if (text === undefined) {
      rl.close();
      return;
    }
    if (text) output.write(`${text}\n`);
    rl.prompt();
  });
  rl.on("SIGINT", () => {
    // A half-typed line is cleared; Ctrl-C on an empty line leaves.
    if (rl.line.length === 0) {
      rl.close();
      return;
    }
    rl.write(null, { ctrl: true, name: "u" });
    output.write(`\n${format(cliLocale(), "console.interrupt")}\n`);
    rl.prompt();
  });
  return { closed, close: () => rl.close(), printAbove };
}

/** Runs every write to a stream (the log) through `around`; returns the undo. */
function aroundWrites(
  stream: NodeJS.WritableStream,
  around: (write: () => void) => void,
): () => void {
  const original = stream.write;
  stream.write = function (this: NodeJS.WritableStream, ...args: unknown[]) {
    let written = true;
    around(() => {
      written = (original as (...args: unknown[]) => boolean).apply(stream, args);
    });
    return written;
  } as typeof stream.write;
  return () => {
    stream.write = original;
  };
}
