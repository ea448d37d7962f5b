import { format, type Locale, type Localized } from "../src/app/i18n.js";
import {
  type AnyCommand,
  describeOption,
  type OptionSpec,
  optionsOn,
  type Surface,
} from "./spec.js";

/**
 * Usage lines generated from the command specs: the CLI's (`search <query> [--limit N]`), the
 * console's (`/search 关键词 [limit:N]`) and Discord's help (`/搜索 关键词 [数量]`).
 */

function optionUsage(option: OptionSpec, surface: Surface, locale: Locale): string {
  const label = optionLabel(option, surface, locale);
  const typed =
    surface === "cli" && !option.positional
      ? `${label} ${option.placeholder ?? (option.type === "integer" ? "N" : "TEXT")}`
      : label;
  return option.required ? typed : `[${typed}]`;
}

/** A command's options on a surface in the order they are typed: positional ones first. */
function typedOrder(command: AnyCommand, surface: Surface): OptionSpec[] {
  const options = optionsOn(command, surface);
  return [
    ...options.filter((option) => option.positional),
    ...options.filter((option) => !option.positional),
  ];
}

/** `search <query> [--limit N] [--page N]` and the like, for one command on one surface. */
export function usage(command: AnyCommand, surface: Surface, locale: Locale): string {
  const name = surface === "discord" ? command.names[locale] : command.name;
  return [
    surface === "cli" ? name : `/${name}`,
    ...typedOrder(command, surface).map((option) => optionUsage(option, surface, locale)),
  ].join(" ");
}

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns a text takes in a terminal: Chinese characters and full-width forms take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/**
 * One line per command: its usage, padded, then its description; with `also` (text surfaces), the
 * description in that second locale on the line below, lined up with the first.
 */
export function usageLines(
  commands: readonly AnyCommand[],
  surface: Surface,
  locale: Locale,
  also?: Locale,
): string[] {
  const usages = commands.map((command) => usage(command, surface, locale));
  const width = Math.max(...usages.map(displayWidth));
  return commands.map((command, index) => {
    const text = usages[index] ?? "";
    const description = command.descriptions[locale];
    if (surface === "discord") return `\`${text}\` — ${description}`;
    const line = `  ${text}${" ".repeat(width - displayWidth(text))}  ${description}`;
    return also && also !== locale
      ? `${line}\n${" ".repeat(width + 4)}${command.descriptions[also]}`
      : line;
  });
}

/** How an option is named in one command's help: as it is typed on the surface. */
function optionLabel(option: OptionSpec, surface: Surface, locale: Locale): string {
  if (surface === "discord") return option.names[locale];
  if (surface === "cli") return option.positional ? `<${option.name}>` : `--${option.name}`;
  return option.positional ? option.names[locale] : `${option.name}:${option.names[locale]}`;
}

/**
 * Help for one command (`/help search`): its usage, what it does, and each option with what it
 * takes and its limits. `also` adds a second locale's descriptions beside the first (the CLI shows
 * Chinese with the English beside it).
 */
export function commandHelpLines(
  command: AnyCommand,
  surface: Surface,
  locale: Locale,
  also?: Locale,
): string[] {
  // The second locale's text goes on the line below, lined up with the first.
  const both = (
    texts: Localized,
    indent: number,
    fill: (text: string, in_: Locale) => string = (text) => text,
  ) =>
    also && also !== locale
      ? `${fill(texts[locale], locale)}\n${" ".repeat(indent)}${fill(texts[also], also)}`
      : fill(texts[locale], locale);
  const ordered = typedOrder(command, surface);
  const labels = ordered.map((option) => optionLabel(option, surface, locale));
  const width = Math.max(0, ...labels.map(displayWidth));
  const quote = (text: string) => (surface === "discord" ? `\`${text}\`` : text);
  return [
    quote(usage(command, surface, locale)),
    both(command.descriptions, 0),
    ...ordered.map((option, index) => {
      const label = labels[index] ?? option.name;
      const pad = surface === "discord" ? "" : " ".repeat(width - displayWidth(label));
      const describe = (text: string, in_: Locale) =>
        `${describeOption(option, text, surface)}${option.required ? format(in_, "help.required") : ""}`;
      return `  ${quote(label)}${pad}  ${both(option.descriptions, width + 4, describe)}`;
    }),
  ];
}
