import { describe, expect, it } from "vitest";
import { annotationSet, evaluateQuotes, loadAnnotations } from "../../bench/quotes-eval.js";
import { skipMessage, unpackedCorpus } from "../corpus.js";

/**
 * Quote extraction against the hand-annotated January 2022 articles (test/fixtures/
 * quotes-annotated/annotations.json; the articles themselves come from the shared corpus).
 * Floors sit a little below the measured figures (bench/QUOTES.md) so that a regression fails.
 */
const root = unpackedCorpus("epoch-news-2022-01");
if (!root) console.warn(skipMessage("test/quotes-annotated.test.ts"));

describe("the annotation file", () => {
  const annotations = loadAnnotations();

  it("holds at least 15 articles and 100 quotes, each quote in a listed article", () => {
    expect(annotations.articles.length).toBeGreaterThanOrEqual(15);
    expect(annotations.quotes.length).toBeGreaterThanOrEqual(100);
    const ids = new Set(annotations.articles.map((article) => article.id));
    expect(ids.size).toBe(annotations.articles.length);
    for (const quote of annotations.quotes) {
      expect(ids, quote.articleId).toContain(quote.articleId);
      expect(["direct", "partial"]).toContain(quote.kind);
      expect(quote.paragraph).toBeGreaterThan(0);
      expect(quote.text.length).toBeGreaterThan(0);
    }
  });

  it("splits into the three sets", () => {
    for (const set of ["A", "B", "C"]) {
      expect(annotationSet(annotations, set).articles.length, set).toBeGreaterThan(0);
    }
  });
});

describe.skipIf(!root)("quote extraction on the hand-annotated articles", () => {
  const all = root ? evaluateQuotes(root) : undefined;

  it("keeps precision and recall above their floors (speaker and text)", () => {
    expect(all?.full.precision).toBeGreaterThanOrEqual(0.93);
    expect(all?.full.recall).toBeGreaterThanOrEqual(0.75);
  });

  it("keeps precision and recall above their floors (text only)", () => {
    expect(all?.textOnly.precision).toBeGreaterThanOrEqual(0.95);
    expect(all?.textOnly.recall).toBeGreaterThanOrEqual(0.77);
  });

  it("numbers paragraphs like the annotations", () => {
    expect(all?.paragraphAgreement).toBeGreaterThanOrEqual(0.98);
  });

  it("keeps the set annotated after the rules were frozen above its floors too", () => {
    const fresh = root ? evaluateQuotes(root, annotationSet(loadAnnotations(), "C")) : undefined;
    expect(fresh?.full.precision).toBeGreaterThanOrEqual(0.85);
    expect(fresh?.full.recall).toBeGreaterThanOrEqual(0.75);
  });
});
