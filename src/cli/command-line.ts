import { COMMANDS, closestCommand, commandsOn, findCommand } from "../../commands/index.js";
import { type AnyCommand, runCommand, type Surface } from "../../commands/spec.js";
import { commandHelpLines, usageLines } from "../../commands/usage.js";
import { DEFAULT_LOCALE, format, type Locale, type MessageCode } from "../app/i18n.js";
import type { Answer, Markup } from "../app/service.js";
import type { Archive } from "../articles/archive.js";
import { systemLocale } from "../config.js";
import { describeError, isUserError, UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import { renderPlain } from "./plain.js";

/**
 * Command lines (`search 北约 --limit 5 --json`) parsed by the command specs and answered by their
 * handlers: shared by the CLI and the local console. Options are `--name value`, `--name=value`
 * or, as in Discord, `name:value`; an unknown option is an error.
 */

/** Options every line may carry, whatever the command. */
const GLOBAL_FLAGS = new Set(["json", "help", "h"]);

export type TextSurface = Extract<Surface, "cli" | "console">;

export interface ParsedCommand {
  command: AnyCommand;
  /** Option values as typed, by option name; the bare words fill the positional option. */
  values: Record<string, string | undefined>;
  /** How each option given was named (`--limit`, `数量`), for errors that name it. */
  labels: Record<string, string>;
  json: boolean;
  help: boolean;
}

export interface GlobalOptions {
  json: boolean;
  seeds?: string;
  /** Everything else, for the command. */
  rest: string[];
}

function optionToken(arg: string): { name: string; value?: string } | undefined {
  const match = /^--([^=]+)(?:=([\s\S]*))?$/.exec(arg);
  if (match) return { name: (match[1] as string).toLowerCase(), value: match[2] };
  if (arg === "-h") return { name: "h" };
  return undefined;
}

/**
 * Takes `--json`, `--help` and `--seeds DIR` (or `--seeds=DIR`) out of a command line; help itself
 * is answered by `helpLine` before this.
 */
export function globalOptions(argv: readonly string[]): GlobalOptions {
  const options: GlobalOptions = { json: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const option = optionToken(arg);
    if (option?.name === "json") options.json = true;
    else if (option?.name === "help" || option?.name === "h") continue;
    else if (option?.name === "seeds") {
      const value = option.value ?? argv[++i];
      if (value === undefined || value === "")
        throw new UserError("option.needsValue", { option: "--seeds" });
      options.seeds = value;
    } else options.rest.push(arg);
  }
  return options;
}

/** The first word that is not an option or an option's value: the command, if there is one. */
export function commandWordIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const option = optionToken(argv[i] as string);
    if (!option) return i;
    if (option.value === undefined && !GLOBAL_FLAGS.has(option.name)) i++;
  }
  return -1;
}

/**
 * The command word as people type it: a leading `/` or `／`, full-width letters, and a command
 * run together with what follows (`/quotes谢尔曼`, `/search北约`).
 */
function splitCommandWord(word: string, surface: TextSurface): [string, string | undefined] {
  const normalized = word.normalize("NFKC").replace(/^\//, "");
  if (findCommand(normalized, surface)) return [normalized, undefined];
  const glued = /^([a-z]+)([^a-z][\s\S]*)$/i.exec(normalized);
  if (glued && findCommand(glued[1] as string, surface)) {
    return [glued[1] as string, glued[2]];
  }
  // A Chinese command name run together with what follows (`/搜索北约`, `/引語謝爾曼`).
  const chinese = commandsOn(surface)
    .flatMap((command) => Object.values(command.names))
    .filter((name) => /^\p{Script=Han}/u.test(name) && normalized.startsWith(name))
    .sort((a, b) => b.length - a.length)[0];
  if (chinese && normalized.length > chinese.length)
    return [chinese, normalized.slice(chinese.length)];
  return [normalized, undefined];
}

function unknownCommand(word: string, surface: TextSurface): UserError {
  const slash = surface === "console" ? "/" : "";
  const known = commandsOn(surface).map((command) => `${slash}${command.name}`);
  if (surface === "console") known.push("/exit");
  const close = closestCommand(word.replace(/^[/／]/, ""), surface);
  return new UserError("command.unknown", { command: word }, [
    ...(close
      ? [{ code: "command.didYouMean", params: { suggestion: `${slash}${close.name}` } }]
      : []),
    { code: "command.known", params: { commands: known } },
  ]);
}

/** Every option name of every command: `limit:3` is an option even where it is not one. */
const ANY_OPTION = new Set(
  COMMANDS.flatMap((command) => command.options.map((option) => option.name)),
);

function unknownOption(command: AnyCommand, option: string): UserError {
  const known = command.options.map((item) => `--${item.name}`);
  return known.length > 0
    ? new UserError("option.unknown", { option, command: command.name, known })
    : new UserError("option.unknownNone", { option, command: command.name });
}

/** Splits a command line by the command's spec; throws UserError with a one-line reason. */
export function parseCommand(argv: readonly string[], surface: TextSurface = "cli"): ParsedCommand {
  const at = commandWordIndex(argv);
  if (at < 0) throw new UserError("command.none");
  const typed = argv[at] as string;
  const [name, glued] = splitCommandWord(typed, surface);
  const command = findCommand(name, surface);
  if (!command) throw unknownCommand(typed, surface);
  const byName = new Map(command.options.map((option) => [option.name, option]));
  const values: Record<string, string | undefined> = {};
  const labels: Record<string, string> = {};
  const words: string[] = glued ? [glued] : [];
  let json = false;
  let help = false;
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const option = optionToken(arg);
    if (option) {
      if (option.name === "json") json = true;
      else if (option.name === "help" || option.name === "h") help = true;
      else if (option.name === "seeds") i += option.value === undefined ? 1 : 0;
      else if (byName.has(option.name)) {
        // `--limit -1` is a value; `--limit --json` is a missing one.
        const value = option.value ?? (rest[i + 1]?.startsWith("--") ? undefined : rest[++i]);
        if (value === undefined) throw new UserError("option.needsValue", { option: arg });
        values[option.name] = value;
        labels[option.name] = `--${option.name}`;
      } else throw unknownOption(command, arg);
      continue;
    }
    const discordStyle = /^([a-z]+|\p{Script=Han}+)[:：]([\s\S]+)$/iu.exec(arg);
    const optionName = discordStyle?.[1]?.toLowerCase();
    // Named as in Discord, in English or as a Chinese client shows it (`数量:5`, `文章:n13495457`).
    const named =
      optionName === undefined
        ? undefined
        : (byName.get(optionName) ??
          command.options.find((option) => Object.values(option.names).includes(optionName)));
    if (named) {
      values[named.name] = discordStyle?.[2] as string;
      labels[named.name] = discordStyle?.[1] as string;
    } else if (optionName !== undefined && ANY_OPTION.has(optionName))
      throw unknownOption(command, `${optionName}:`);
    else words.push(arg);
  }
  const positional = command.options.find((option) => option.positional);
  if (positional && words.length > 0 && values[positional.name] === undefined) {
    values[positional.name] = words.join(" ");
    // A bare word is named as the usage shows it: `页` in the console, `page` on the command line.
    labels[positional.name] =
      surface === "console" ? positional.names[DEFAULT_LOCALE] : positional.name;
  }
  return { command, values, labels, json, help };
}

/**
 * The CLI's language: Chinese, as the server speaks it (traditional where the environment's locale
 * is Taiwan's, Hong Kong's or Macau's), with the English beside it in the usage.
 */
export function cliLocale(setting: string = systemLocale()): Locale {
  return /^zh[_-](?:TW|HK|MO)|hant/i.test(setting) ? "zh-TW" : "zh-CN";
}

const ENGLISH: Locale = "en-US";

/** `npm run cli` usage, generated from the command specs: Chinese, the English beside it. */
export function cliUsage(locale: Locale = cliLocale()): string {
  const both = (code: MessageCode) => [format(locale, code), format(ENGLISH, code)];
  return [
    ...both("cli.usage"),
    ...usageLines(commandsOn("cli"), "cli", locale, ENGLISH),
    ...both("cli.options"),
    ...both("cli.stdin"),
    ...both("cli.helpOne"),
  ].join("\n");
}

/** Help for one command on a text surface: the console's in Chinese, the CLI's with English. */
export function commandHelp(command: AnyCommand, surface: TextSurface): string {
  return surface === "cli"
    ? commandHelpLines(command, "cli", cliLocale(), ENGLISH).join("\n")
    : commandHelpLines(command, "console", cliLocale()).join("\n");
}

/**
 * The answer to a line that only asks for help (`--help`, `help search`, `search --help`), which
 * needs no articles; undefined for any other line.
 */
export function helpLine(
  argv: readonly string[],
  surface: TextSurface = "cli",
  usage: () => string = cliUsage,
): string | undefined {
  const at = commandWordIndex(argv);
  if (at < 0) return argv.some((arg) => arg === "--help" || arg === "-h") ? usage() : undefined;
  let parsed: ParsedCommand;
  try {
    parsed = parseCommand(argv, surface);
  } catch {
    return undefined;
  }
  if (parsed.command.name !== "help" && !parsed.help) return undefined;
  if (parsed.command.name !== "help") return commandHelp(parsed.command, surface);
  const typed = parsed.values.command?.trim();
  if (!typed) return usage();
  const topic = findCommand(typed.normalize("NFKC").replace(/^\//, ""), surface);
  return topic ? commandHelp(topic, surface) : undefined;
}

export interface LineAnswer {
  /** What to print. */
  output: string;
  ok: boolean;
  /** The command line of the next page, when the answer is a list with more after it. */
  next?: string[];
}

/** The next page of a paged list (search results, the articles), as a command line. */
function nextPageLine(parsed: ParsedCommand, answer: Answer): string[] | undefined {
  let page: number;
  if (answer.command === "search" && answer.page * answer.limit < answer.total) page = answer.page;
  else if (answer.command === "articles" && answer.page < answer.pages) page = answer.page;
  else return undefined;
  const values = { ...parsed.values, page: String(page + 1) };
  return [
    parsed.command.name,
    ...Object.entries(values).flatMap(([name, value]) =>
      value === undefined ? [] : [`--${name}`, value],
    ),
  ];
}

/**
 * Sentences on one line: Chinese ones run on after their full-width stop (`找不到文章 n1。用 /文章…`),
 * others take a space.
 */
export function joinSentences(sentences: readonly string[]): string {
  return sentences.reduce(
    (line, sentence) =>
      line === ""
        ? sentence
        : /[。？！：；）」』”]$/.test(line)
          ? line + sentence
          : `${line} ${sentence}`,
    "",
  );
}

/**
 * The one-line error for a failed command (`{"command": …, "error": …}` with --json): `error: …`
 * on the command line (for scripts), `错误：…` in the console, where a person reads it.
 */
export function errorLine(
  command: string | null,
  error: unknown,
  json: boolean,
  surface: TextSurface = "cli",
  locale: Locale = cliLocale(),
): string {
  const message = isUserError(error)
    ? joinSentences(describeError(error, locale))
    : format(locale, "console.failed");
  if (json) return JSON.stringify({ command, error: message });
  return surface === "console" ? format(locale, "console.error", { message }) : `error: ${message}`;
}

/** Runs one command line; returns the text to print and whether it failed. */
export function answerLine(
  archive: Archive,
  argv: readonly string[],
  json: boolean,
  logger: Logger,
  options: { surface?: TextSurface; help?: () => string; markup?: Markup } = {},
): LineAnswer {
  const surface = options.surface ?? "cli";
  const at = commandWordIndex(argv);
  let commandWord: string | null = at >= 0 ? (argv[at] as string) : null;
  const wantsJson = json || argv.includes("--json");
  const usage = options.help ?? cliUsage;
  const help = helpLine(argv, surface, usage);
  if (help !== undefined) return { output: help, ok: true };
  try {
    const parsed = parseCommand(argv, surface);
    commandWord = parsed.command.name;
    const answer = runCommand(
      parsed.command,
      { archive, surface, ...(options.markup ? { markup: options.markup } : {}) },
      parsed.values,
      parsed.labels,
    );
    if (answer.command === "help") {
      const topic = answer.topic ? findCommand(answer.topic, surface) : undefined;
      return { output: topic ? commandHelp(topic, surface) : usage(), ok: true };
    }
    const next = nextPageLine(parsed, answer);
    return {
      output: wantsJson || parsed.json ? JSON.stringify(answer) : renderPlain(answer, cliLocale()),
      ok: true,
      ...(next ? { next } : {}),
    };
  } catch (error) {
    if (!isUserError(error)) logger.error(`Command failed: ${argv.join(" ")}`, error);
    return { output: errorLine(commandWord, error, wantsJson, surface), ok: false };
  }
}

/** Splits a line of standard input into arguments, honouring simple quotes. */
export function splitLine(line: string): string[] {
  const args: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) args.push(match[1] ?? match[2] ?? match[3] ?? "");
  return args;
}
