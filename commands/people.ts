import { localized } from "../src/app/i18n.js";
import { DEFAULTS, LIMITS, runPeople, suggestPeople } from "../src/app/service.js";
import { defineCommand } from "./spec.js";

export const people = defineCommand({
  name: "people",
  names: localized("人物", "people"),
  // Ranked by the articles that quote them, then by their quotes (src/quotes/people.ts).
  descriptions: localized(
    "说过话的人物，被最多文章引用的在前",
    "The people quoted, those quoted in the most articles first",
    "說過話的人物，被最多文章引用的在前",
  ),
  surfaces: ["cli", "console"],
  options: [
    {
      name: "prefix",
      type: "string",
      names: localized("前缀", "prefix", "前綴"),
      descriptions: localized(
        "名字的开头，例如：谢",
        "The start of a name, e.g. 谢",
        "名字的開頭，例如：謝",
      ),
      positional: true,
      maxLength: LIMITS.person,
      autocomplete: true,
    },
    {
      name: "limit",
      type: "integer",
      names: localized("数量", "limit", "數量"),
      descriptions: localized(
        "最多列出多少人（{min}–{max}，默认 {default}）",
        "How many people at most ({min}–{max}, default {default})",
        "最多列出多少人（{min}–{max}，預設 {default}）",
      ),
      min: 1,
      max: LIMITS.people,
      default: DEFAULTS.people,
    },
  ],
  run({ archive }, { prefix, limit }) {
    return runPeople(archive, { prefix, limit });
  },
  autocomplete({ archive }, option, typed) {
    return option === "prefix" ? suggestPeople(archive, typed) : [];
  },
});
