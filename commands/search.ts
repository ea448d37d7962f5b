import { SlashCommandBuilder } from "discord.js";
import { localized } from "../src/app/i18n.js";
import { LIMITS, runSearch } from "../src/app/service.js";
import { DISCORD_MARKUP, renderSearch } from "../src/discord/render.js";
import { type BotCommand, integerArg, pick, stringArg } from "./types.js";

/** The most results one /search shows (over its pages). */
export const SEARCH_MAX_RESULTS = 50;
const name = localized("搜索", "search", "搜尋");
const description = localized(
  "在文章中搜索词语，如人名、地名、机构或英文词",
  "Search the articles for words: people, places, organisations, English terms",
  "在文章中搜尋詞語，如人名、地名、機構或英文詞",
);

export const search: BotCommand = {
  definition: new SlashCommandBuilder()
    .setName("search")
    .setNameLocalizations(name)
    .setDescription(description["zh-CN"])
    .setDescriptionLocalizations(description)
    .addStringOption((option) =>
      option
        .setName("query")
        .setNameLocalizations(localized("关键词", "query", "關鍵字"))
        .setDescription("要搜索的词，例如：北约、谢尔曼、NATO")
        .setDescriptionLocalizations(
          localized(
            "要搜索的词，例如：北约、谢尔曼、NATO",
            "Words to find, e.g. 北约, 谢尔曼, NATO",
            "要搜尋的詞，例如：北約、謝爾曼、NATO",
          ),
        )
        .setRequired(true)
        .setMaxLength(LIMITS.query),
    )
    .addIntegerOption((option) =>
      option
        .setName("limit")
        .setNameLocalizations(localized("数量", "limit", "數量"))
        .setDescription(`最多显示多少篇（1–${SEARCH_MAX_RESULTS}，默认 10）`)
        .setDescriptionLocalizations(
          localized(
            `最多显示多少篇（1–${SEARCH_MAX_RESULTS}，默认 10）`,
            `How many articles at most (1–${SEARCH_MAX_RESULTS}, default 10)`,
            `最多顯示多少篇（1–${SEARCH_MAX_RESULTS}，預設 10）`,
          ),
        )
        .setMinValue(1)
        .setMaxValue(SEARCH_MAX_RESULTS),
    )
    .toJSON(),
  execute({ archive, locale }, args, page) {
    const answer = runSearch(
      archive,
      { query: stringArg(args, "query") ?? "", limit: integerArg(args, "limit") ?? 10 },
      DISCORD_MARKUP,
    );
    return pick(renderSearch(answer, locale), page);
  },
};
