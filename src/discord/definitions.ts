import {
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandIntegerOption,
  type SlashCommandStringOption,
} from "discord.js";
import { commandsOn } from "../../commands/index.js";
import {
  type AnyCommand,
  describeOption,
  type IntegerOptionSpec,
  type OptionSpec,
  optionsOn,
  type StringOptionSpec,
} from "../../commands/spec.js";
import type { Localized } from "../app/i18n.js";
import { assertValidCommands } from "./validate.js";

/** The slash commands as registered with Discord, built from the command specs. */

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

function localizedDescriptions(option: OptionSpec): Localized {
  const fill = (text: string) => describeOption(option, text, "discord");
  return {
    "zh-CN": fill(option.descriptions["zh-CN"]),
    "zh-TW": fill(option.descriptions["zh-TW"]),
    "en-US": fill(option.descriptions["en-US"]),
  };
}

function common<T extends SlashCommandStringOption | SlashCommandIntegerOption>(
  builder: T,
  option: OptionSpec,
): T {
  const descriptions = localizedDescriptions(option);
  builder
    .setName(option.name)
    .setNameLocalizations(option.names)
    .setDescription(descriptions["zh-CN"])
    .setDescriptionLocalizations(descriptions);
  if (option.required) builder.setRequired(true);
  return builder;
}

function stringOption(builder: SlashCommandStringOption, option: StringOptionSpec) {
  common(builder, option).setMaxLength(option.maxLength);
  if (option.autocomplete) builder.setAutocomplete(true);
  return builder;
}

function integerOption(builder: SlashCommandIntegerOption, option: IntegerOptionSpec) {
  common(builder, option)
    .setMinValue(option.min)
    .setMaxValue(option.discordMax ?? option.max);
  if (option.autocomplete) builder.setAutocomplete(true);
  return builder;
}

export function discordDefinition(command: AnyCommand): CommandDefinition {
  const builder = new SlashCommandBuilder()
    .setName(command.name)
    .setNameLocalizations(command.names)
    .setDescription(command.descriptions["zh-CN"])
    .setDescriptionLocalizations(command.descriptions);
  for (const option of optionsOn(command, "discord")) {
    if (option.type === "integer") builder.addIntegerOption((o) => integerOption(o, option));
    else builder.addStringOption((o) => stringOption(o, option));
  }
  return builder.toJSON();
}

/** Every command offered on Discord, validated once when first built. */
export interface DiscordCommand {
  spec: AnyCommand;
  definition: CommandDefinition;
}

export const DISCORD_COMMANDS: ReadonlyMap<string, DiscordCommand> = new Map(
  commandsOn("discord").map((spec) => [spec.name, { spec, definition: discordDefinition(spec) }]),
);

export function discordDefinitions(): CommandDefinition[] {
  return [...DISCORD_COMMANDS.values()].map((command) => command.definition);
}

assertValidCommands(discordDefinitions());
