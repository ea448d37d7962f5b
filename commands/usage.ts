import type { Locale } from "../src/app/i18n.js";
import { type AnyCommand, type OptionSpec, optionsOn, type Surface } from "./spec.js";

/**
 * Usage lines generated from the command specs: the CLI's (`search <query> [--limit N]`), the
 * console's (`/search 关键词 [limit:N]`) and Discord's help (`/搜索 关键词 [数量]`).
 */

const PLACEHOLDER: Record<string, string> = { integer: "N", string: "TEXT" };

function optionUsage(option: OptionSpec, surface: Surface, locale: Locale): string {
  const label =
    surface === "discord"
      ? option.names[locale]
      : option.positional
        ? surface === "cli"
          ? `<${option.name}>`
          : option.names[locale]
        : surface === "cli"
          ? `--${option.name} ${option.type === "integer" ? "N" : (PLACEHOLDER[option.type] ?? "")}`
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

/** One line per command: its usage, padded, then its description. */
export function usageLines(
  commands: readonly AnyCommand[],
  surface: Surface,
  locale: Locale,
): string[] {
  const usages = commands.map((command) => usage(command, surface, locale));
  const width = Math.max(...usages.map((text) => text.length));
  return commands.map((command, index) => {
    const text = usages[index] ?? "";
    const description = command.descriptions[locale];
    return surface === "discord"
      ? `\`${text}\` — ${description}`
      : `  ${text.padEnd(width)}  ${description}`;
  });
}
