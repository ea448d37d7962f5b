import type { Locale } from "../src/app/i18n.js";
import { type AnyCommand, type OptionSpec, optionsOn, type Surface } from "./spec.js";

/**
 * Usage lines generated from the command specs: the CLI's (`search <query> [--limit N]`), the
 * console's (`/search 关键词 [limit:N]`) and Discord's help (`/搜索 关键词 [数量]`).
 */

function optionUsage(option: OptionSpec, surface: Surface, locale: Locale): string {
  const label =
    surface === "discord"
      ? option.names[locale]
      : option.positional
        ? surface === "cli"
          ? `<${option.name}>`
          : option.names[locale]
        : surface === "cli"
          ? `--${option.name} ${option.placeholder ?? (option.type === "integer" ? "N" : "TEXT")}`
          : `${option.name}:${option.names[locale]}`;
  return option.required ? label : `[${label}]`;
}

/** `search <query> [--limit N] [--page N]` and the like, for one command on one surface. */
export function usage(command: AnyCommand, surface: Surface, locale: Locale): string {
  const name = surface === "discord" ? command.names[locale] : command.name;
  const options = optionsOn(command, surface);
  // Positional options first, as they are typed.
  const ordered = [
    ...options.filter((option) => option.positional),
    ...options.filter((option) => !option.positional),
  ];
  return [
    surface === "cli" ? name : `/${name}`,
    ...ordered.map((option) => optionUsage(option, surface, locale)),
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

/** One line per command: its usage, padded, then its description. */
export function usageLines(
  commands: readonly AnyCommand[],
  surface: Surface,
  locale: Locale,
): string[] {
  const usages = commands.map((command) => usage(command, surface, locale));
  const width = Math.max(...usages.map(displayWidth));
  return commands.map((command, index) => {
    const text = usages[index] ?? "";
    const description = command.descriptions[locale];
    return surface === "discord"
      ? `\`${text}\` — ${description}`
      : `  ${text}${" ".repeat(width - displayWidth(text))}  ${description}`;
  });
}
