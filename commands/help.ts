import { type APIApplicationCommandOption, SlashCommandBuilder } from "discord.js";
import { type Locale, localized, t } from "../src/app/i18n.js";
import { COLOUR } from "../src/discord/render.js";
import type { BotCommand, CommandDefinition } from "./types.js";

const name = localized("帮助", "help", "說明");
const description = localized("怎样使用读报", "How to use dubao", "怎樣使用讀報");

function localizedName(
  item: { name: string; name_localizations?: Record<string, string | null> | null },
  locale: Locale,
) {
  return item.name_localizations?.[locale] ?? item.name;
}

function localizedDescription(
  item: { description: string; description_localizations?: Record<string, string | null> | null },
  locale: Locale,
) {
  return item.description_localizations?.[locale] ?? item.description;
}

/**
 * One line per command, e.g. `/quotes person [article]` and its description, in the member's
 * locale; `names: "base"` keeps the English names the local console accepts.
 */
export function helpLines(
  definitions: CommandDefinition[],
  locale: Locale,
  names: "localized" | "base" = "localized",
): string[] {
  const nameOf = (item: Parameters<typeof localizedName>[0]) =>
    names === "base" ? item.name : localizedName(item, locale);
  return definitions.map((definition) => {
    const options = ((definition.options ?? []) as APIApplicationCommandOption[]).map((option) => {
      const label = nameOf(option);
      return "required" in option && option.required ? label : `[${label}]`;
    });
    const usage = [`/${nameOf(definition)}`, ...options].join(" ");
    return `\`${usage}\` — ${localizedDescription(definition, locale)}`;
  });
}

/** /help, listing the commands `list` returns (given lazily, as /help is one of them). */
export function createHelp(list: () => BotCommand[]): BotCommand {
  return {
    definition: new SlashCommandBuilder()
      .setName("help")
      .setNameLocalizations(name)
      .setDescription(description["zh-CN"])
      .setDescriptionLocalizations(description)
      .toJSON(),
    execute({ locale }, _args, _page) {
      const m = t(locale);
      const lines = helpLines(
        list().map((command) => command.definition),
        locale,
      );
      return {
        view: {
          embed: {
            title: m.helpTitle,
            color: COLOUR,
            description: [m.helpIntro, "", ...lines].join("\n"),
            footer: { text: m.helpFooter },
          },
          links: [],
        },
        page: 1,
        pages: 1,
      };
    },
  };
}
