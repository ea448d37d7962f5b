import { SlashCommandBuilder } from "discord.js";
import { localized } from "../src/app/i18n.js";
import { LIMITS, runQuotes, suggestArticles, suggestPeople } from "../src/app/service.js";
import { renderQuotes } from "../src/discord/render.js";
import { articleOption, resolveArticleArg } from "./options.js";
import { type BotCommand, pick, stringArg } from "./types.js";

const name = localized("引语", "quotes", "引語");
const description = localized(
  "某人在文章中说过的话",
  "What a person said in the articles",
  "某人在文章中說過的話",
);

export const quotes: BotCommand = {
  definition: new SlashCommandBuilder()
    .setName("quotes")
    .setNameLocalizations(name)
    .setDescription(description["zh-CN"])
    .setDescriptionLocalizations(description)
    .addStringOption((option) =>
      option
        .setName("person")
        .setNameLocalizations(localized("人物", "person"))
        .setDescription("人名的任一写法：谢尔曼、Sherman、謝爾曼")
        .setDescriptionLocalizations(
          localized(
            "人名的任一写法：谢尔曼、Sherman、謝爾曼",
            "Any spelling of the name: 谢尔曼, Sherman, 謝爾曼",
            "人名的任一寫法：謝爾曼、Sherman、谢尔曼",
          ),
        )
        .setRequired(true)
        .setMaxLength(LIMITS.person)
        .setAutocomplete(true),
    )
    .addStringOption(articleOption)
    .toJSON(),
  execute({ archive, locale }, args, page) {
    const answer = runQuotes(archive, {
      person: stringArg(args, "person") ?? "",
      article: resolveArticleArg(archive, stringArg(args, "article")),
    });
    return pick(renderQuotes(answer, locale), page);
  },
  autocomplete({ archive }, option, typed) {
    if (option === "person") return suggestPeople(archive, typed);
    if (option === "article") return suggestArticles(archive, typed);
    return [];
  },
};
