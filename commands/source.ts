import { SlashCommandBuilder } from "discord.js";
import { localized } from "../src/app/i18n.js";
import { runSource, suggestArticles } from "../src/app/service.js";
import { renderSource } from "../src/discord/render.js";
import { articleOption, resolveArticleArg } from "./options.js";
import { type BotCommand, pick, stringArg } from "./types.js";

const name = localized("原文", "source");
const description = localized(
  "文章的原文链接（默认最新的一篇）",
  "The link to an article's source (the newest by default)",
  "文章的原文連結（預設最新的一篇）",
);

export const source: BotCommand = {
  definition: new SlashCommandBuilder()
    .setName("source")
    .setNameLocalizations(name)
    .setDescription(description["zh-CN"])
    .setDescriptionLocalizations(description)
    .addStringOption(articleOption)
    .toJSON(),
  execute({ archive, locale }, args, page) {
    return pick(
      renderSource(
        runSource(archive, { article: resolveArticleArg(archive, stringArg(args, "article")) }),
        locale,
      ),
      page,
    );
  },
  autocomplete({ archive }, option, typed) {
    return option === "article" ? suggestArticles(archive, typed) : [];
  },
};
