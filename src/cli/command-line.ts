import { parseArgs } from "node:util";
import {
  runArticles,
  runAsk,
  runPeople,
  runQuotes,
  runSearch,
  runSource,
  runSummary,
} from "../app/service.js";
import type { Archive } from "../articles/archive.js";
import { isUserError, UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import { type Answer, renderPlain } from "./plain.js";

/**
 * Command lines (`search 北约 --limit 5 --json`) parsed and answered through src/service.ts: shared
 * by the CLI and the local console.
 */

const COMMANDS = ["articles", "source", "search", "summary", "quotes", "people", "ask"] as const;
type CommandName = (typeof COMMANDS)[number];

const OPTIONS = {
  json: { type: "boolean" },
  seeds: { type: "string" },
  limit: { type: "string" },
  page: { type: "string" },
  article: { type: "string" },
  sentences: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export const USAGE = `usage: cli <command> [words] [--seeds DIR] [--json]
  articles [--page P] [--limit N]          newest first
  source [--article ID]                    an article's link (default: the newest)
  search <query> [--limit N] [--page P]    articles matching every term
  summary [--article ID] [--sentences N]   an extractive summary (default: the newest, 3 sentences)
  quotes <person> [--article ID]           what a person said
  people [prefix]                          known speakers
  ask <question>                           sentences that answer a question
With no command, reads one command per line from standard input.`;

export interface ParsedCommand {
  command: CommandName;
  words: string;
  values: {
    json?: boolean;
    seeds?: string;
    limit?: string;
    page?: string;
    article?: string;
    sentences?: string;
    help?: boolean;
  };
}

/** Splits a command line; throws UserError with a one-line reason. */
export function parseCommand(argv: string[]): ParsedCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError((error as Error).message.split("\n")[0] ?? "bad option");
  }
  const [commandWord = "", ...words] = parsed.positionals;
  const command = commandWord.replace(/^\//, "").toLowerCase();
  if (!COMMANDS.includes(command as CommandName)) {
    throw new UserError(
      commandWord
        ? `unknown command: ${commandWord} (known: ${COMMANDS.join(", ")})`
        : "no command given",
    );
  }
  return {
    command: command as CommandName,
    words: words.join(" "),
    values: parsed.values,
  };
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim()))
    throw new UserError(`--${name} takes a whole number, not "${value}"`);
  return Number(value);
}

export function execute(archive: Archive, { command, words, values }: ParsedCommand): Answer {
  switch (command) {
    case "articles":
      return runArticles(archive, {
        page: integer("page", values.page),
        limit: integer("limit", values.limit),
      });
    case "source":
      return runSource(archive, { article: values.article ?? (words || undefined) });
    case "search":
      return runSearch(archive, {
        query: words,
        limit: integer("limit", values.limit),
        page: integer("page", values.page),
      });
    case "summary":
      return runSummary(archive, {
        article: values.article ?? (words || undefined),
        sentences: integer("sentences", values.sentences),
      });
    case "quotes":
      return runQuotes(archive, { person: words, article: values.article });
    case "people":
      return runPeople(archive, { prefix: words, limit: integer("limit", values.limit) });
    case "ask":
      return runAsk(archive, { question: words });
  }
}

/** Runs one command line; returns the text to print and whether it failed. */
export function answerLine(
  archive: Archive,
  argv: string[],
  json: boolean,
  logger: Logger,
): { output: string; ok: boolean } {
  let commandWord = argv.find((arg) => !arg.startsWith("-")) ?? "";
  try {
    const parsed = parseCommand(argv);
    commandWord = parsed.command;
    if (parsed.values.help) return { output: USAGE, ok: true };
    const answer = execute(archive, parsed);
    return {
      output: json || parsed.values.json ? JSON.stringify(answer) : renderPlain(answer),
      ok: true,
    };
  } catch (error) {
    const message = isUserError(error)
      ? [error.message, ...error.hints].join(" ")
      : "internal error (see the log)";
    if (!isUserError(error)) logger.error(`Command failed: ${argv.join(" ")}`, error);
    const wantsJson = json || argv.includes("--json");
    return {
      output: wantsJson
        ? JSON.stringify({ command: commandWord || null, error: message })
        : `error: ${message}`,
      ok: false,
    };
  }
}

/** Splits a line of standard input into arguments, honouring simple quotes. */
export function splitLine(line: string): string[] {
  const args: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) args.push(match[1] ?? match[2] ?? match[3] ?? "");
  return args;
}
