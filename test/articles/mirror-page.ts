import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArticle } from "../../src/articles/parse.js";

/** Pages in the mirror's format and the saved pages of test/fixtures/parse, for the parse tests. */

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = (name: string) => readFileSync(join(root, "test/fixtures/parse", name), "utf8");
export const parseFixture = (name: string) => parseArticle(fixture(name), name);

/** A minimal page in the mirror's format around some body HTML. */
export function page(body: string, options: { title?: string; link?: string } = {}): string {
  const title = options.title ?? "测试标题";
  const link = options.link ?? "https://www.epochtimes.com/gb/22/1/10/n10000001.htm";
  return `### ${title}\n\n---\n\n<div class="post_content" id="artbody" itemprop="articleBody">\n${body}\n</div>\n\n---\n\n原文链接（需翻墙）：${link}\n`;
}

export const paragraphsOf = (body: string) => parseArticle(page(body), "t.md").paragraphs;
