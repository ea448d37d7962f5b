import { localized } from "../src/app/i18n.js";
import { DEFAULTS, LIMITS, runSummary, suggestArticles } from "../src/app/service.js";
import { articleOption, resolveArticleArg } from "./options.js";
import { defineCommand } from "./spec.js";

export const summary = defineCommand({
  name: "summary",
  names: localized("摘要", "summary"),
  descriptions: localized(
    "一篇文章的摘要（默认最新的一篇，三句）",
    "A summary of an article (the newest by default, three sentences)",
    "一篇文章的摘要（預設最新的一篇，三句）",
  ),
  options: [
    articleOption(true),
    {
      name: "sentences",
      type: "integer",
      names: localized("句数", "sentences", "句數"),
      descriptions: localized(
        "摘要的句数（{min}–{max}，默认 {default}）",
        "How many sentences ({min}–{max}, default {default})",
        "摘要的句數（{min}–{max}，預設 {default}）",
      ),
      min: 1,
      max: LIMITS.summarySentences,
      default: DEFAULTS.summarySentences,
    },
  ],
  run(context, { article, sentences }) {
    return runSummary(context.archive, { article: resolveArticleArg(context, article), sentences });
  },
  autocomplete({ archive }, option, typed) {
    return option === "article" ? suggestArticles(archive, typed) : [];
  },
});
