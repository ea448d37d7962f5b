import { localized } from "../src/app/i18n.js";
import { clip, LIMITS, suggestArticles } from "../src/app/service.js";
import { UserError } from "../src/errors.js";
import type { CommandContext, IntegerOptionSpec, StringOptionSpec } from "./spec.js";

/** The `article` option shared by /summary, /quotes and /source: autocompleted, optional. */
export function articleOption(positional = false): StringOptionSpec<"article"> {
  return {
    name: "article",
    type: "string",
    names: localized("文章", "article"),
    descriptions: localized(
      "文章：输入标题的一部分、编号或日期（默认最新的一篇）",
      "Article: type part of its title, its id or date (default: the newest)",
      "文章：輸入標題的一部分、編號或日期（預設最新的一篇）",
    ),
    maxLength: LIMITS.article,
    autocomplete: true,
    positional,
    placeholder: "ID",
  };
}

/** The `page` option of a paged answer: /articles takes it as a bare word, /search from text only. */
export function pageOption(
  where: Pick<IntegerOptionSpec, "positional" | "textOnly">,
): IntegerOptionSpec<"page"> & { default: number } {
  return {
    name: "page",
    type: "integer",
    names: localized("页", "page", "頁"),
    descriptions: localized("第几页（默认 1）", "Which page (default 1)", "第幾頁（預設 1）"),
    min: 1,
    max: LIMITS.page,
    default: 1,
    ...where,
  };
}

/** Articles named in the message when what was typed matches several. */
const AMBIGUOUS_SHOWN = 3;

/**
 * What a member typed into an `article` option without picking a suggestion (part of a title, a
 * date), on Discord or in the console, names an article when exactly one matches; when several
 * match, the member is shown a few and asked to pick one, rather than told there is none. On the
 * command line, and when nothing matches, the value goes to the core as it is (an id, a number, a
 * link, or something the core will say it cannot find).
 */
export function resolveArticleArg(
  { archive, surface }: CommandContext,
  value: string | undefined,
): string | undefined {
  if (surface === "cli") return value;
  if (value === undefined || value.trim() === "" || archive.get(value)) return value;
  const matches = suggestArticles(archive, value, AMBIGUOUS_SHOWN + 1);
  if (matches.length === 1) return matches[0]?.value;
  if (matches.length > 1)
    throw new UserError(
      "article.ambiguous",
      {
        typed: clip(value.trim(), 60),
        choices: matches
          .slice(0, AMBIGUOUS_SHOWN)
          .map((match) => `${match.name}（${match.value}）`),
      },
      [{ code: "article.pickOne", params: { id: matches[0]?.value ?? "" } }],
    );
  return value;
}
