import { describe, expect, it } from "vitest";
import { resolveArticleArg } from "../../commands/options.js";
import type { Surface } from "../../commands/spec.js";
import { Archive } from "../../src/articles/archive.js";
import { describeError, isUserError } from "../../src/errors.js";
import { makeArticle } from "../helpers.js";

const archive = Archive.fromArticles([
  makeArticle({
    id: "n80000001",
    title: "北约外长会议在布鲁塞尔举行",
    date: "2022-01-05",
    paragraphs: ["北约外长开会。"],
  }),
  makeArticle({
    id: "n80000002",
    title: "北约秘书长谈乌克兰",
    date: "2022-01-06",
    paragraphs: ["秘书长说话。"],
  }),
  makeArticle({
    id: "n80000003",
    title: "台湾出口创新高",
    date: "2022-01-06",
    paragraphs: ["出口增长。"],
  }),
]);

function outcome(surface: Surface, typed: string): string {
  try {
    return `→ ${resolveArticleArg({ archive, surface }, typed)}`;
  } catch (error) {
    if (!isUserError(error)) throw error;
    return describeError(error, "zh-CN").join(" ");
  }
}

describe("resolveArticleArg: what a member typed into an article option", () => {
  it.each([
    // An id, a number or a link goes to the core as it is.
    ["discord", "n80000001", "→ n80000001"],
    ["console", "80000003", "→ 80000003"],
    // Part of one title, or a date of one article: that article.
    ["discord", "布鲁塞尔", "→ n80000001"],
    ["console", "台湾出口", "→ n80000003"],
    ["console", "2022-01-05", "→ n80000001"],
    // Several match: they are named, newest first (as the archive lists them), not "not found".
    [
      "discord",
      "北约",
      "不止一篇文章符合“北约”，例如：2022-01-06 北约秘书长谈乌克兰（n80000002）、2022-01-05 北约外长会议在布鲁塞尔举行（n80000001）。 请从列表中选一篇，或输入文章编号（例如 n80000002）。",
    ],
    [
      "console",
      "2022-01-06",
      "不止一篇文章符合“2022-01-06”，例如：2022-01-06 台湾出口创新高（n80000003）、2022-01-06 北约秘书长谈乌克兰（n80000002）。 请从列表中选一篇，或输入文章编号（例如 n80000003）。",
    ],
    // Nothing matches: the core says it cannot find it.
    ["discord", "日内瓦", "→ 日内瓦"],
    // The command line takes ids, numbers and links only (a stable interface for scripts).
    ["cli", "北约", "→ 北约"],
    ["cli", "布鲁塞尔", "→ 布鲁塞尔"],
  ] as const)("%s: %s %s", (surface, typed, expected) => {
    expect(outcome(surface, typed)).toBe(expected);
  });

  it("shows at most three of many matches", () => {
    const many = Archive.fromArticles(
      Array.from({ length: 8 }, (_, i) =>
        makeArticle({ id: `n8100000${i}`, title: `测试稿${i}`, paragraphs: ["正文。"] }),
      ),
    );
    try {
      resolveArticleArg({ archive: many, surface: "discord" }, "测试稿");
      expect.unreachable();
    } catch (error) {
      if (!isUserError(error)) throw error;
      expect(error.code).toBe("article.ambiguous");
      expect(error.params.choices).toHaveLength(3);
    }
  });
});
