import type { SlashCommandStringOption } from "discord.js";
import { localized } from "../src/app/i18n.js";
import { suggestArticles } from "../src/app/service.js";
import type { Archive } from "../src/articles/archive.js";

/** The `article` option shared by /summary, /quotes and /source: autocompleted, optional. */
export function articleOption(option: SlashCommandStringOption): SlashCommandStringOption {
  const description = localized(
    "文章：输入标题的一部分、编号或日期（默认最新的一篇）",
    "Article: type part of its title, its id or date (default: the newest)",
    "文章：輸入標題的一部分、編號或日期（預設最新的一篇）",
  );
  return option
    .setName("article")
    .setNameLocalizations(localized("文章", "article"))
    .setDescription(description["zh-CN"])
    .setDescriptionLocalizations(description)
    .setMaxLength(100)
    .setAutocomplete(true);
}

/**
 * What a member typed into an `article` option without picking a suggestion (part of a title,
 * a date) names an article when exactly one matches; otherwise the value goes to the core as it
 * is (an id, a number, a link, or something the core will say it cannot find).
 */
export function resolveArticleArg(archive: Archive, value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "" || archive.get(value)) return value;
  const matches = suggestArticles(archive, value, 2);
  return matches.length === 1 ? matches[0]?.value : value;
}
