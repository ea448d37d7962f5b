import { COMMANDS, closestCommand, commandsOn, findCommand } from "../../commands/index.js";
import { type AnyCommand, runCommand, type Surface } from "../../commands/spec.js";
import { usageLines } from "../../commands/usage.js";
import type { Answer } from "../app/service.js";
import type { Archive } from "../articles/archive.js";
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
  json: boolean;
  help: boolean;
}

export interface GlobalOptions {
  json: boolean;
  help: boolean;
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

/** Takes `--json`, `--help` and `--seeds DIR` (or `--seeds=DIR`) out of a command line. */
export function globalOptions(argv: readonly string[]): GlobalOptions {
  const options: GlobalOptions = { json: false, help: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const option = optionToken(arg);
    if (option?.name === "json") options.json = true;
    else if (option?.name === "help" || option?.name === "h") options.help = true;
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
    if (named) values[named.name] = discordStyle?.[2] as string;
    else if (optionName !== undefined && ANY_OPTION.has(optionName))
      throw unknownOption(command, `${optionName}:`);
    else words.push(arg);
  }
  const positional = command.options.find((option) => option.positional);
  if (positional && words.length > 0 && values[positional.name] === undefined) {
    values[positional.name] = words.join(" ");
  }
  return { command, values, json, help };
}

/** `npm run cli` usage, generated from the command specs. */
export function cliUsage(): string {
  return [
    "usage: cli <command> [words] [--seeds DIR] [--json]",
    ...usageLines(commandsOn("cli"), "cli", "en-US"),
    "Options take --name value, --name=value or name:value.",
    "With no command, reads one command per line from standard input.",
  ].join("\n");
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

/** The one-line error for a failed command (`{"command": …, "error": …}` with --json). */
export function errorLine(command: string | null, error: unknown, json: boolean): string {
  const message = isUserError(error)
    ? describeError(error, "zh-CN").join(" ")
    : "出错了（详见日志）。";
  return json ? JSON.stringify({ command, error: message }) : `error: ${message}`;
}

/** Runs one command line; returns the text to print and whether it failed. */
export function answerLine(
  archive: Archive,
  argv: readonly string[],
  json: boolean,
  logger: Logger,
  options: { surface?: TextSurface; help?: () => string } = {},
): LineAnswer {
  const surface = options.surface ?? "cli";
  const at = commandWordIndex(argv);
  let commandWord: string | null = at >= 0 ? (argv[at] as string) : null;
  const wantsJson = json || argv.includes("--json");
  try {
    const parsed = parseCommand(argv, surface);
    commandWord = parsed.command.name;
    const usage = options.help ?? cliUsage;
    if (parsed.help || parsed.command.name === "help") return { output: usage(), ok: true };
    const answer = runCommand(parsed.command, { archive, surface }, parsed.values);
    const next = nextPageLine(parsed, answer);
    return {
      output: wantsJson || parsed.json ? JSON.stringify(answer) : renderPlain(answer),
      ok: true,
      ...(next ? { next } : {}),
    };
  } catch (error) {
    if (!isUserError(error)) logger.error(`Command failed: ${argv.join(" ")}`, error);
    return { output: errorLine(commandWord, error, wantsJson), ok: false };
  }
}

/** Splits a line of standard input into arguments, honouring simple quotes. */
export function splitLine(line: string): string[] {
  const args: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) args.push(match[1] ?? match[2] ?? match[3] ?? "");
  return args;
}
