import { localized } from "../src/app/i18n.js";
import { DEFAULTS, LIMITS, runArticles } from "../src/app/service.js";
import { pageOption } from "./options.js";
import { defineCommand } from "./spec.js";

export const articles = defineCommand({
  name: "articles",
  names: localized("文章", "articles"),
  descriptions: localized(
    "已载入的文章，最新的在前",
    "The loaded articles, newest first",
    "已載入的文章，最新的在前",
  ),
  options: [
    pageOption({ positional: true }),
    {
      name: "limit",
      type: "integer",
      names: localized("数量", "limit", "數量"),
      descriptions: localized(
        "每页多少篇（{min}–{max}，默认 {default}）",
        "Articles a page ({min}–{max}, default {default})",
        "每頁多少篇（{min}–{max}，預設 {default}）",
      ),
      min: 1,
      max: LIMITS.articlesPerPage,
      default: DEFAULTS.articlesPerPage,
      textOnly: true,
    },
  ],
  run({ archive }, { page, limit }) {
    return runArticles(archive, { page, limit });
  },
});
