import type { Locale, Localized } from "../src/app/i18n.js";
import type { Answer, Choice, Markup } from "../src/app/service.js";
import type { Archive } from "../src/articles/archive.js";
import { UserError } from "../src/errors.js";

/**
 * One command, declared once: its name and localisations, its options with their types and
 * limits, and a handler that receives typed options and returns data (the command's JSON answer).
 * The Discord definitions (src/discord/definitions.ts), the CLI's options and usage and the
 * console's help (src/cli/) are generated from these declarations. Nothing of Discord here.
 */

interface OptionBase<Name extends string> {
  name: Name;
  names: Localized;
  /** May use `{min}`, `{max}` and `{default}`, filled from the option's own limits. */
  descriptions: Localized;
  required?: boolean;
  /** On the command line and in the console, the bare words fill this option. */
  positional?: boolean;
  /** Offered on the command line and in the console only, not on Discord. */
  textOnly?: boolean;
  autocomplete?: boolean;
  /** What the usage shows for the value (`--article ID`); N for numbers, TEXT otherwise. */
  placeholder?: string;
}

export interface StringOptionSpec<Name extends string = string> extends OptionBase<Name> {
  type: "string";
  maxLength: number;
}

export interface IntegerOptionSpec<Name extends string = string> extends OptionBase<Name> {
  type: "integer";
  min: number;
  max: number;
  default?: number;
  /** A lower maximum on Discord, where results are paged into a message. */
  discordMax?: number;
}

export type OptionSpec = StringOptionSpec | IntegerOptionSpec;

/** What a handler works with: the archive, where it runs, how the adapter marks matches. */
export interface CommandContext {
  archive: Archive;
  surface: Surface;
  markup?: Markup;
}

type OptionValue<Option> = Option extends { type: "integer" } ? number : string;
type AlwaysGiven<Option> = Option extends { required: true }
  ? true
  : Option extends { default: number }
    ? true
    : false;

/** The handler's arguments, inferred from the options declared (`ArgumentsOf<typeof search>`). */
export type OptionsArguments<Options extends readonly OptionSpec[]> = {
  [Option in Options[number] as Option["name"]]: AlwaysGiven<Option> extends true
    ? OptionValue<Option>
    : OptionValue<Option> | undefined;
};

export type ArgumentsOf<Command> =
  Command extends CommandSpec<infer Options, infer _Answer> ? OptionsArguments<Options> : never;

export interface CommandSpec<
  Options extends readonly OptionSpec[] = readonly OptionSpec[],
  Answer = unknown,
> {
  name: string;
  names: Localized;
  descriptions: Localized;
  options: Options;
  /** Where the command is offered (default: everywhere). */
  surfaces?: readonly Surface[];
  run(context: CommandContext, args: OptionsArguments<Options>): Answer;
  /** Suggestions for an option declared with `autocomplete`, by option name. */
  autocomplete?(context: CommandContext, option: string, typed: string): Choice[];
}

export type Surface = "discord" | "cli" | "console";

/** Declares a command; option names and types are inferred for the handler. */
export function defineCommand<const Options extends readonly OptionSpec[], Answer>(
  spec: CommandSpec<Options, Answer>,
): CommandSpec<Options, Answer> {
  return spec;
}

/** Any command of the registry: every handler returns one of the command answers. */
export type AnyCommand = CommandSpec<readonly OptionSpec[], Answer>;

export function offeredOn(command: AnyCommand, surface: Surface): boolean {
  return !command.surfaces || command.surfaces.includes(surface);
}

/** The options a surface shows: Discord leaves out the text-only ones. */
export function optionsOn(command: AnyCommand, surface: Surface): readonly OptionSpec[] {
  return surface === "discord"
    ? command.options.filter((option) => !option.textOnly)
    : command.options;
}

/** The option's description with its limits filled in, for a surface. */
export function describeOption(option: OptionSpec, text: string, surface: Surface): string {
  if (option.type !== "integer") return text;
  const max = surface === "discord" ? (option.discordMax ?? option.max) : option.max;
  return text
    .replaceAll("{min}", String(option.min))
    .replaceAll("{max}", String(max))
    .replaceAll("{default}", String(option.default ?? ""));
}

/** Full-width digits and minus signs (１０, －１) as typed with a Chinese input method. */
function halfWidthDigits(text: string): string {
  return text.replace(/[０-９－]/g, (char) =>
    char === "－" ? "-" : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

/**
 * How each option was named where the value came from (`数量`, `--limit`, `limit`), by option
 * name, so that an error names the option as the member typed or saw it.
 */
export type OptionLabels = Readonly<Record<string, string>>;

/**
 * One integer option's value, from a number or text; UserError when it is not one in range, naming
 * the option by `label` (as the member typed or saw it; default its name).
 */
export function readInteger(
  option: IntegerOptionSpec,
  raw: string | number,
  label: string = option.name,
): number {
  let value: number;
  if (typeof raw === "number") {
    value = raw;
  } else {
    const text = halfWidthDigits(raw.trim());
    if (!/^[-+]?\d+$/.test(text))
      throw new UserError("option.notInteger", { option: label, value: raw });
    value = Number(text);
  }
  if (!Number.isSafeInteger(value))
    throw new UserError("option.notInteger", { option: label, value: String(raw) });
  if (value < option.min || value > option.max) {
    throw option.max >= Number.MAX_SAFE_INTEGER
      ? new UserError("option.atLeast", { option: label, min: option.min })
      : new UserError("option.range", { option: label, min: option.min, max: option.max });
  }
  return value;
}

/** Raw option values (from Discord, the command line, the console) as the handler's arguments. */
export function readArguments<Options extends readonly OptionSpec[]>(
  command: CommandSpec<Options, unknown>,
  raw: Readonly<Record<string, string | number | undefined>>,
  labels: OptionLabels = {},
): OptionsArguments<Options> {
  const args: Record<string, string | number | undefined> = {};
  for (const option of command.options) {
    const value = raw[option.name];
    const given = value !== undefined && !(typeof value === "string" && value.trim() === "");
    if (option.type === "integer") {
      args[option.name] = given ? readInteger(option, value, labels[option.name]) : option.default;
    } else {
      args[option.name] = given ? String(value) : option.required ? "" : undefined;
    }
  }
  return args as OptionsArguments<Options>;
}

/** Reads the raw values and runs the handler. */
export function runCommand(
  command: AnyCommand,
  context: CommandContext,
  raw: Readonly<Record<string, string | number | undefined>>,
  labels: OptionLabels = {},
): Answer {
  return command.run(context, readArguments(command, raw, labels));
}

/** The options as a Discord client shows them in a locale (`数量`, `limit`), for errors. */
export function localLabels(command: AnyCommand, locale: Locale): OptionLabels {
  return Object.fromEntries(command.options.map((option) => [option.name, option.names[locale]]));
}
