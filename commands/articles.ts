import { SlashCommandBuilder } from "discord.js";
import { localized } from "../src/app/i18n.js";
import { runArticles } from "../src/app/service.js";
import { renderArticles } from "../src/discord/render.js";
import type { BotCommand } from "./types.js";

/** Articles listed on one page of /articles. */
export const ARTICLES_PER_PAGE = 10;
const name = localized("文章", "articles");
const description = localized(
  "已载入的文章，最新的在前",
  "The loaded articles, newest first",
  "已載入的文章，最新的在前",
);

export const articles: BotCommand = {
  definition: new SlashCommandBuilder()
    .setName("articles")
    .setNameLocalizations(name)
    .setDescription(description["zh-CN"])
    .setDescriptionLocalizations(description)
    .toJSON(),
  execute({ archive, locale }, _args, page) {
    const pages = Math.max(1, Math.ceil(archive.size / ARTICLES_PER_PAGE));
    const shown = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
    const answer = runArticles(archive, { page: shown, limit: ARTICLES_PER_PAGE });
    const view = renderArticles(answer, locale)[0];
    if (!view) throw new Error("renderArticles returned no page");
    return { view, page: answer.page, pages: answer.pages };
  },
};
