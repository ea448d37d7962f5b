import { localized } from "../src/app/i18n.js";
import { runSource, suggestArticles } from "../src/app/service.js";
import { articleOption, resolveArticleArg } from "./options.js";
import { defineCommand } from "./spec.js";

export const source = defineCommand({
  name: "source",
  names: localized("原文", "source"),
  descriptions: localized(
    "文章的原文链接（默认最新的一篇）",
    "The link to an article's source (the newest by default)",
    "文章的原文連結（預設最新的一篇）",
  ),
  options: [articleOption(true)],
  run(context, { article }) {
    return runSource(context.archive, { article: resolveArticleArg(context, article) });
  },
  autocomplete({ archive }, option, typed) {
    return option === "article" ? suggestArticles(archive, typed) : [];
  },
});
