import { localized } from "../src/app/i18n.js";
import { LIMITS, runQuotes, suggestArticles, suggestPeople } from "../src/app/service.js";
import { articleOption, resolveArticleArg } from "./options.js";
import { defineCommand } from "./spec.js";

export const quotes = defineCommand({
  name: "quotes",
  names: localized("引语", "quotes", "引語"),
  descriptions: localized(
    "某人在文章中说过的话",
    "What a person said in the articles",
    "某人在文章中說過的話",
  ),
  options: [
    {
      name: "person",
      type: "string",
      names: localized("人物", "person"),
      descriptions: localized(
        "人名的任一写法：谢尔曼、Sherman、謝爾曼",
        "Any spelling of the name: 谢尔曼, Sherman, 謝爾曼",
        "人名的任一寫法：謝爾曼、Sherman、谢尔曼",
      ),
      required: true,
      positional: true,
      maxLength: LIMITS.person,
      autocomplete: true,
    },
    articleOption(),
  ],
  run(context, { person, article }) {
    return runQuotes(context.archive, { person, article: resolveArticleArg(context, article) });
  },
  autocomplete({ archive }, option, typed) {
    if (option === "person") return suggestPeople(archive, typed);
    if (option === "article") return suggestArticles(archive, typed);
    return [];
  },
});
