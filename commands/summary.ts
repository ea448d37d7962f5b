import { SlashCommandBuilder } from "discord.js";
import { localized } from "../src/app/i18n.js";
import { LIMITS, runSummary, suggestArticles } from "../src/app/service.js";
import { renderSummary } from "../src/discord/render.js";
import { articleOption, resolveArticleArg } from "./options.js";
import { type BotCommand, integerArg, pick, stringArg } from "./types.js";

const name = localized("摘要", "summary");
const description = localized(
  "一篇文章的摘要（默认最新的一篇，三句）",
  "A summary of an article (the newest by default, three sentences)",
  "一篇文章的摘要（預設最新的一篇，三句）",
);

export const summary: BotCommand = {
  definition: new SlashCommandBuilder()
    .setName("summary")
    .setNameLocalizations(name)
    .setDescription(description["zh-CN"])
    .setDescriptionLocalizations(description)
    .addStringOption(articleOption)
    .addIntegerOption((option) =>
      option
        .setName("sentences")
        .setNameLocalizations(localized("句数", "sentences", "句數"))
        .setDescription(`摘要的句数（1–${LIMITS.summarySentences}，默认 3）`)
        .setDescriptionLocalizations(
          localized(
            `摘要的句数（1–${LIMITS.summarySentences}，默认 3）`,
            `How many sentences (1–${LIMITS.summarySentences}, default 3)`,
            `摘要的句數（1–${LIMITS.summarySentences}，預設 3）`,
          ),
        )
        .setMinValue(1)
        .setMaxValue(LIMITS.summarySentences),
    )
    .toJSON(),
  execute({ archive, locale }, args, page) {
    const answer = runSummary(archive, {
      article: resolveArticleArg(archive, stringArg(args, "article")),
      sentences: integerArg(args, "sentences") ?? 3,
    });
    return pick(renderSummary(answer, locale), page);
  },
  autocomplete({ archive }, option, typed) {
    return option === "article" ? suggestArticles(archive, typed) : [];
  },
};
