import { localized } from "../src/app/i18n.js";
import { LIMITS, runAsk, suggestArticles } from "../src/app/service.js";
import { articleOption, resolveArticleArg } from "./options.js";
import { defineCommand } from "./spec.js";

export const ask = defineCommand({
  name: "ask",
  names: localized("提问", "ask", "提問"),
  descriptions: localized(
    "提一个问题，从文章中找出回答它的句子",
    "Ask a question; get the sentences of the articles that answer it",
    "提一個問題，從文章中找出回答它的句子",
  ),
  options: [
    {
      name: "question",
      type: "string",
      names: localized("问题", "question", "問題"),
      descriptions: localized(
        "你的问题，例如：谁领导了美国代表团？",
        "Your question, e.g. 谁领导了美国代表团？",
        "你的問題，例如：誰領導了美國代表團？",
      ),
      required: true,
      positional: true,
      maxLength: LIMITS.question,
    },
    {
      ...articleOption(),
      descriptions: localized(
        "只在这篇文章里找答案：输入标题的一部分、编号或日期（默认所有文章）",
        "Answer from this article only: type part of its title, its id or date (default: all)",
        "只在這篇文章裡找答案：輸入標題的一部分、編號或日期（預設所有文章）",
      ),
    },
  ],
  run(context, { question, article }) {
    return runAsk(context.archive, { question, article: resolveArticleArg(context, article) });
  },
  autocomplete({ archive }, option, typed) {
    return option === "article" ? suggestArticles(archive, typed) : [];
  },
});
