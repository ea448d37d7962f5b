import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type BenchSet, QUOTE_SETS } from "../../bench/quotes/sets.js";

/**
 * The shape of the quotes benchmark sets, without the archive (check.ts compares them with the
 * articles themselves): the set is the one selection.json drew, every named speaker has a people
 * entry of the article, kinds and negative reasons are those of PROTOCOL.md, no article is in two sets.
 */
const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "bench", "quotes");
const KINDS = new Set(["direct", "partial", "interview"]);
const REASONS = new Set([
  "term",
  "scare-quote",
  "name",
  "slogan",
  "title",
  "organisation",
  "document",
  "subheading",
  "list-label",
  "addressee-label",
  "cited",
  "negated",
  "ambiguous",
]);
const selection = JSON.parse(readFileSync(join(dir, "selection.json"), "utf8")) as Record<
  string,
  { id: string }[]
>;
const load = (name: string) =>
  JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")) as BenchSet;

describe.each(QUOTE_SETS)("bench/quotes %s", (name) => {
  const data = load(name);
  it("holds the articles selection.json drew for it", () => {
    expect(data.set).toBe(name);
    const drawn = (selection[name] ?? []).map((a) => a.id);
    const ids = data.articles.map((a) => a.id);
    expect([...ids].sort()).toEqual([...drawn].sort());
  });
  it("gives every named speaker a people entry of the article", () => {
    const people = new Set(data.people.map((p) => `${p.articleId} ${p.name}`));
    const missing = data.quotes.filter(
      (q) => q.speaker !== null && !people.has(`${q.articleId} ${q.speaker}`),
    );
    expect(missing).toEqual([]);
  });
  it("uses the protocol's kinds and reasons", () => {
    expect(data.quotes.filter((q) => !KINDS.has(q.kind))).toEqual([]);
    expect(
      data.quotes.filter((q) => q.tags.includes("interviewer") && q.kind !== "interview"),
    ).toEqual([]);
    expect(data.negatives.filter((n) => !REASONS.has(n.why))).toEqual([]);
  });
});

it("puts no article in two quotes sets", () => {
  const ids = QUOTE_SETS.flatMap((name) => load(name).articles.map((a) => a.id));
  expect(ids.length).toBe(new Set(ids).size);
});
