import { readFileSync } from "node:fs";
import { join } from "node:path";
import MiniSearch, { type SearchResult } from "minisearch";
import { describe, expect, it } from "vitest";
import { FIELDS, type IndexDoc, MINISEARCH_OPTIONS } from "../../src/search/engine.js";
import { IndexStore } from "../../src/search/store.js";
import { foldText } from "../../src/text/fold.js";
import { articleFixtures, PROJECT_ROOT, plainIndexDoc, seedArticle } from "../helpers.js";

const articles = [seedArticle(), ...articleFixtures("search")];

const docOf = plainIndexDoc;

/** The store's index, assembled from packed postings without `MiniSearch.add`. */
function bulkStore(docs: IndexDoc[]): IndexStore {
  const folded = docs.map((doc) => FIELDS.map((field) => foldText(doc[field] ?? "")));
  return IndexStore.bulk(
    docs.map((doc) => doc.id),
    (i, fieldId) => folded[i]?.[fieldId] as string,
    folded.flat().reduce((sum, text) => sum + text.length, 0),
  );
}

function plainMiniSearch(docs: IndexDoc[]): MiniSearch<IndexDoc> {
  const mini = new MiniSearch<IndexDoc>(MINISEARCH_OPTIONS);
  mini.addAll(docs);
  return mini;
}

const answer = (results: SearchResult[]) =>
  results.map((result) => ({
    id: result.id,
    score: result.score,
    terms: [...result.terms].sort(),
  }));

// Whole terms, a prefix key (a lone Han character), a Latin word, fuzzy and OR queries.
const QUERIES: Array<[string, Parameters<MiniSearch["search"]>[1]]> = [
  ["北约", {}],
  ["谢尔曼", {}],
  ["美", {}],
  ["北约 乌克兰", {}],
  ["北约 乌克兰", { combineWith: "OR" }],
  ["NATO", {}],
  ["Sherman", { fuzzy: 1, prefix: false }],
  ["表示", {}],
];

function expectSameAnswers(ours: MiniSearch<IndexDoc>, plain: MiniSearch<IndexDoc>): void {
  for (const [query, options] of QUERIES) {
    expect(answer(ours.search(query, options)), query).toEqual(
      answer(plain.search(query, options)),
    );
  }
  expect(ours.documentCount).toBe(plain.documentCount);
  expect(ours.termCount).toBe(plain.termCount);
}

describe("MiniSearch behind the typed seam", () => {
  it("is pinned to the exact version installed", () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8"));
    const installed = JSON.parse(
      readFileSync(join(PROJECT_ROOT, "node_modules/minisearch/package.json"), "utf8"),
    );
    expect(manifest.dependencies.minisearch).toBe(installed.version);
  });

  it("answers MiniSearch's own search as plain MiniSearch does, built in bulk", () => {
    const docs = articles.map(docOf);
    expectSameAnswers(bulkStore(docs).mini, plainMiniSearch(docs));
  });

  it("keeps a term's count in a field when it is 255 or more (collected apart from the rest)", () => {
    const repeated = (times: number) => Array.from({ length: times }, () => "北约").join("，");
    const docs = [
      ...articles.map(docOf),
      { ...docOf(seedArticle()), id: "t-254", body: repeated(254) },
      { ...docOf(seedArticle()), id: "t-255", body: repeated(255) },
      { ...docOf(seedArticle()), id: "t-300", body: `${repeated(300)}。乌克兰` },
    ];
    // Scores to 9 digits: the running mean of field lengths may differ in the last bit.
    const rounded = (mini: MiniSearch<IndexDoc>) =>
      answer(mini.search("北约")).map((hit) => ({ ...hit, score: hit.score.toPrecision(9) }));
    expect(rounded(bulkStore(docs).mini)).toEqual(rounded(plainMiniSearch(docs)));
  });

  it("builds the same index when its postings fill several blocks and some documents have none", () => {
    const empty: IndexDoc = { ...docOf(seedArticle()), id: "t-empty" };
    for (const field of FIELDS) (empty as unknown as Record<string, string>)[field] = "";
    const docs = Array.from({ length: 12 }, (_, copy) => copy).flatMap((copy) => [
      ...articles.map((article) => ({ ...docOf(article), id: `${article.id}-${copy}` })),
      { ...empty, id: `t-empty-${copy}` },
    ]);
    const folded = docs.map((doc) => FIELDS.map((field) => foldText(doc[field] ?? "")));
    // Few characters said: the smallest blocks, so that these postings take several.
    const store = IndexStore.bulk(
      docs.map((doc) => doc.id),
      (i, fieldId) => folded[i]?.[fieldId] as string,
      1,
    );
    // As built in one block (the characters counted: a block larger than all the postings).
    expect(store.serialize((id) => id)).toEqual(bulkStore(docs).serialize((id) => id));
    // And with every full block written to a file and read back while packing.
    const spilled = IndexStore.bulk(
      docs.map((doc) => doc.id),
      (i, fieldId) => folded[i]?.[fieldId] as string,
      1,
      1,
    );
    expect(spilled.serialize((id) => id)).toEqual(store.serialize((id) => id));
    expect(store.mini.documentCount).toBe(docs.length);
  });

  it("saves an untouched index as its packed bytes, the bytes the term-by-term walk writes", () => {
    const docs = articles.map(docOf);
    const fingerprint = (id: string) => id;
    for (const store of [
      bulkStore(docs),
      IndexStore.deserialize(bulkStore(docs).serialize(fingerprint), fingerprint, docs.length),
    ]) {
      const pieces = store.serializePieces(fingerprint);
      // The postings piece is a view of the packed bytes themselves, not a copy.
      expect(pieces[1]?.buffer).toBe(store.mini.packedSource?.bytes.buffer);
      store.mini.packedSource = undefined;
      expect(Buffer.concat(pieces)).toEqual(store.serialize(fingerprint));
    }
  });

  it("does so after a save and a load, and after adding and removing documents", () => {
    const docs = articles.map(docOf);
    const fingerprint = (id: string) => id;
    const store = bulkStore(docs);
    const loaded = IndexStore.deserialize(store.serialize(fingerprint), fingerprint, docs.length);
    const plain = plainMiniSearch(docs);
    expectSameAnswers(loaded.mini, plain);
    const [first, second] = docs as [IndexDoc, IndexDoc];
    const added: IndexDoc = { ...second, id: "t-added", title: "北约外长会议在布鲁塞尔举行" };
    loaded.remove(first);
    loaded.add(added);
    plain.remove(first);
    plain.add(added);
    expectSameAnswers(loaded.mini, plain);
    expect(loaded.shortIdOf(first.id)).toBeUndefined();
    expect(loaded.shortIdOf("t-added")).toBe(docs.length);
  });

  it("compacts on save: edits leave no trace in the saved index or the one loaded from it", () => {
    const docs = articles.map(docOf);
    const fingerprint = (id: string) => id;
    const pristine = bulkStore(docs).serialize(fingerprint);
    let store = IndexStore.deserialize(pristine, fingerprint, docs.length);
    const plain = plainMiniSearch(docs);
    for (let round = 0; round < 5; round++) {
      for (const doc of docs.slice(0, 3)) {
        store.remove(doc);
        store.add(doc);
        plain.remove(doc);
        plain.add(doc);
      }
      expect(store.capacity).toBe(docs.length + 3 * (round + 1));
    }
    const saved = store.serialize(fingerprint);
    store = IndexStore.deserialize(saved, fingerprint, docs.length);
    expect(store.capacity).toBe(docs.length);
    // The same documents in another order: the size of the saved index stays where it was.
    expect(Math.abs(saved.length - pristine.length)).toBeLessThan(pristine.length * 0.01);
    expectSameAnswers(store.mini, plain);
  });
});
