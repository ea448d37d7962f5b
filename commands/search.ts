import { localized } from "../src/app/i18n.js";
import { DEFAULTS, LIMITS, runSearch } from "../src/app/service.js";
import { pageOption } from "./options.js";
import { defineCommand } from "./spec.js";

export const search = defineCommand({
  name: "search",
  names: localized("搜索", "search", "搜尋"),
  descriptions: localized(
    "在文章中搜索词语，如人名、地名、机构或英文词",
    "Search the articles for words: people, places, organisations, English terms",
    "在文章中搜尋詞語，如人名、地名、機構或英文詞",
  ),
  options: [
    {
      name: "query",
      type: "string",
      names: localized("关键词", "query", "關鍵字"),
      descriptions: localized(
        "要搜索的词，例如：北约、谢尔曼、NATO",
        "Words to find, e.g. 北约, 谢尔曼, NATO",
        "要搜尋的詞，例如：北約、謝爾曼、NATO",
      ),
      required: true,
      positional: true,
      maxLength: LIMITS.query,
    },
    {
      name: "limit",
      type: "integer",
      names: localized("数量", "limit", "數量"),
      descriptions: localized(
        "最多显示多少篇（{min}–{max}，默认 {default}）",
        "How many articles at most ({min}–{max}, default {default})",
        "最多顯示多少篇（{min}–{max}，預設 {default}）",
      ),
      min: 1,
      max: LIMITS.searchResults,
      discordMax: LIMITS.discordSearchResults,
      default: DEFAULTS.searchResults,
    },
    // Discord pages through the results with buttons instead.
    pageOption({ textOnly: true }),
  ],
  run({ archive, markup }, { query, limit, page }) {
    return runSearch(archive, { query, limit, page }, markup);
  },
});
