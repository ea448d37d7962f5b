import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractQuotes, type QuoteKind } from "../../src/quotes/quotes.js";
import { makeArticle } from "../helpers.js";

const here = join(dirname(fileURLToPath(import.meta.url)), "..");

interface Case {
  name: string;
  title?: string;
  paragraphs: string[];
  expect: { speaker: string; text: string; kind: QuoteKind; paragraph: number }[];
}

const fixture = JSON.parse(
  readFileSync(join(here, "fixtures", "quotes", "speaker-labels.json"), "utf8"),
) as { cases: Case[] };

describe("extractQuotes: `名字：` paragraphs, transcript or not", () => {
  it.each(fixture.cases.map((c, i) => [c.name, c, i] as const))("%s", (_name, c, i) => {
    const article = makeArticle({
      id: `n${3000 + i}`,
      title: c.title ?? "测试",
      date: "2022-01-10",
      paragraphs: c.paragraphs,
      url: `https://www.epochtimes.com/gb/22/1/10/n${3000 + i}.htm`,
    });
    const got = extractQuotes(article).quotes.map(({ speaker, text, kind, paragraph }) => ({
      speaker,
      text,
      kind,
      paragraph,
    }));
    expect(got).toEqual(c.expect);
  });
});
