import { ApplicationCommandOptionType } from "discord.js";
import { LOCALES } from "../app/i18n.js";
import type { CommandDefinition } from "./definitions.js";

/**
 * Discord's rules for a chat-input command, checked before registering (and at start-up) so a
 * malformed command module fails loudly here rather than as a 400 from Discord or a command that
 * silently never appears. Also the project's own rule: every name and description is localised
 * for zh-CN, zh-TW and en-US.
 */

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const DISCORD_LOCALES = new Set([
  "id",
  "da",
  "de",
  "en-GB",
  "en-US",
  "es-ES",
  "es-419",
  "fr",
  "hr",
  "it",
  "lt",
  "hu",
  "nl",
  "no",
  "pl",
  "pt-BR",
  "ro",
  "fi",
  "sv-SE",
  "vi",
  "tr",
  "cs",
  "el",
  "bg",
  "ru",
  "uk",
  "hi",
  "th",
  "zh-CN",
  "ja",
  "zh-TW",
  "ko",
]);
const OPTION_TYPES = new Set(
  Object.values(ApplicationCommandOptionType).filter((value) => typeof value === "number"),
);
const MAX_COMMAND_CHARACTERS = 4000;

export class CommandDefinitionError extends Error {
  override readonly name = "CommandDefinitionError";
}

interface Named {
  name?: unknown;
  description?: unknown;
  name_localizations?: Record<string, string | null> | null;
  description_localizations?: Record<string, string | null> | null;
}

function checkName(where: string, value: unknown, problems: string[]): void {
  if (typeof value !== "string" || !NAME.test(value)) {
    problems.push(`${where}: name ${JSON.stringify(value)} must be 1–32 letters, digits, - or _`);
  } else if (value !== value.toLowerCase()) {
    problems.push(`${where}: name ${JSON.stringify(value)} must be lower case`);
  }
}

function checkDescription(where: string, value: unknown, problems: string[]): void {
  if (typeof value !== "string" || value.length < 1 || value.length > 100) {
    problems.push(
      `${where}: description must be 1–100 characters (has ${typeof value === "string" ? value.length : "none"})`,
    );
  }
}

function checkLocalized(where: string, item: Named, problems: string[]): void {
  for (const [field, check] of [
    ["name_localizations", checkName],
    ["description_localizations", checkDescription],
  ] as const) {
    const map = item[field] ?? {};
    for (const [locale, value] of Object.entries(map)) {
      if (!DISCORD_LOCALES.has(locale))
        problems.push(`${where}: ${field} has unknown locale ${locale}`);
      if (value !== null) check(`${where} (${locale})`, value, problems);
    }
    for (const locale of LOCALES) {
      if (!map[locale]) problems.push(`${where}: ${field} lacks ${locale}`);
    }
  }
}

function characters(
  item: Named & { options?: unknown[]; choices?: Array<{ name: string; value: unknown }> },
): number {
  let total = String(item.name ?? "").length + String(item.description ?? "").length;
  const longest = (map?: Record<string, string | null> | null) =>
    Math.max(0, ...Object.values(map ?? {}).map((value) => (value ?? "").length));
  total += longest(item.name_localizations) + longest(item.description_localizations);
  for (const choice of item.choices ?? [])
    total += choice.name.length + String(choice.value).length;
  for (const option of (item.options ?? []) as Named[]) total += characters(option);
  return total;
}

/** Every problem with one command definition; empty when it is fine. */
export function commandProblems(definition: CommandDefinition): string[] {
  const problems: string[] = [];
  const where = `/${String(definition?.name)}`;
  if (!definition || typeof definition !== "object") return [`${where}: not an object`];
  if (definition.type !== undefined && definition.type !== 1)
    problems.push(`${where}: type must be 1 (chat input)`);
  checkName(where, definition.name, problems);
  checkDescription(where, definition.description, problems);
  checkLocalized(where, definition, problems);
  const options = (definition.options ?? []) as unknown as Array<Record<string, unknown> & Named>;
  if (options.length > 25) problems.push(`${where}: more than 25 options`);
  const seen = new Set<string>();
  let optionalSeen = false;
  options.forEach((option, index) => {
    const at = `${where} option ${index + 1} (${String(option.name)})`;
    checkName(at, option.name, problems);
    checkDescription(at, option.description, problems);
    checkLocalized(at, option, problems);
    if (typeof option.name === "string") {
      if (seen.has(option.name)) problems.push(`${at}: duplicate option name`);
      seen.add(option.name);
    }
    if (!OPTION_TYPES.has(option.type as number) || option.type === 1 || option.type === 2) {
      problems.push(`${at}: unsupported option type ${String(option.type)}`);
    }
    if (option.required) {
      if (optionalSeen)
        problems.push(`${at}: a required option must come before every optional one`);
    } else {
      optionalSeen = true;
    }
    const choices = option.choices as unknown[] | undefined;
    if (choices && choices.length > 25) problems.push(`${at}: more than 25 choices`);
    if (choices?.length && option.autocomplete)
      problems.push(`${at}: autocomplete cannot have choices`);
    if (option.autocomplete && ![3, 4, 10].includes(option.type as number)) {
      problems.push(`${at}: autocomplete needs a string, integer or number option`);
    }
    const low = (key: string) => option[key] as number | undefined;
    if (option.type === ApplicationCommandOptionType.String) {
      const min = low("min_length");
      const max = low("max_length");
      if (min !== undefined && (min < 0 || min > 6000))
        problems.push(`${at}: min_length must be 0–6000`);
      if (max !== undefined && (max < 1 || max > 6000))
        problems.push(`${at}: max_length must be 1–6000`);
      if (min !== undefined && max !== undefined && min > max)
        problems.push(`${at}: min_length is more than max_length`);
    }
    const min = low("min_value");
    const max = low("max_value");
    if (min !== undefined && max !== undefined && min > max)
      problems.push(`${at}: min_value is more than max_value`);
  });
  const total = characters(definition as Named & { options?: unknown[] });
  if (total > MAX_COMMAND_CHARACTERS)
    problems.push(`${where}: ${total} characters, more than ${MAX_COMMAND_CHARACTERS}`);
  return problems;
}

/** Throws a CommandDefinitionError naming every problem of every malformed command. */
export function assertValidCommands(definitions: CommandDefinition[]): void {
  const problems = definitions.flatMap((definition) => commandProblems(definition));
  const names = new Set<string>();
  for (const definition of definitions) {
    if (names.has(definition.name))
      problems.push(`/${definition.name}: two commands have this name`);
    names.add(definition.name);
  }
  if (definitions.length > 100) problems.push("more than 100 commands");
  if (problems.length > 0) {
    throw new CommandDefinitionError(`Malformed command module:\n  ${problems.join("\n  ")}`);
  }
}
