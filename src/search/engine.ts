import MiniSearch, { type Options as MiniSearchOptions } from "minisearch";
import { isPrefixKey, queryTokens, termKey, tokenize } from "./analyzer.js";
import type { TermDictionary } from "./terms.js";

/**
 * MiniSearch as the search engine, and the one seam through which the store reaches its
 * internals: a subclass, since MiniSearch 7.2 declares them `protected` in its typings. The
 * version is pinned exactly in package.json (test/search/engine.test.ts holds the pin), so the
 * fields read here are the ones that version has.
 */

export const FIELDS = ["title", "tags", "people", "caption", "body", "figures"] as const;
export type Field = (typeof FIELDS)[number];
/** Field boosts (MiniSearch `boost`): a term in the title counts three times one in the body. */
export const BOOST: Readonly<Record<Field, number>> = {
  title: 3,
  tags: 2,
  people: 2,
  caption: 1,
  body: 1,
  figures: 1,
};
export const FIELD_BOOSTS: readonly number[] = FIELDS.map((field) => BOOST[field]);
export const FIELD_COUNT = FIELDS.length;

/** MiniSearch's BM25 parameters and prefix weight (its defaults), used by the scoring loops. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
export const PREFIX_WEIGHT = 0.375;

/** The text MiniSearch indexes for one article. */
export interface IndexDoc {
  id: string;
  title: string;
  tags: string;
  people: string;
  caption: string;
  body: string;
  /** The captions of the images inside the body, one a line. */
  figures?: string;
}

export const MINISEARCH_OPTIONS: MiniSearchOptions<IndexDoc> = {
  idField: "id",
  fields: [...FIELDS],
  storeFields: [],
  tokenize: (text) => tokenize(text),
  processTerm: (token) => termKey(token),
  searchOptions: {
    tokenize: (text) => queryTokens(text),
    processTerm: (token) => termKey(token),
    prefix: (key) => isPrefixKey(key),
    fuzzy: false,
    combineWith: "AND",
    boost: { ...BOOST },
    bm25: { ...BM25 },
    weights: { fuzzy: 0.45, prefix: PREFIX_WEIGHT },
  },
  autoVacuum: false,
};

/** What MiniSearch keeps per term and field: short document id → term count (`Map` or packed). */
export interface Postings extends Iterable<[number, number]> {
  readonly size: number;
  get(doc: number): number | undefined;
  has(doc: number): boolean;
  set(doc: number, count: number): unknown;
  delete(doc: number): boolean;
  keys(): Iterator<number>;
  entries(): Iterator<[number, number]>;
}

/** The fields of one term: field id → postings. */
export interface TermData extends Iterable<[number, Postings]> {
  readonly size: number;
  get(fieldId: number): Postings | undefined;
}

/** Packed postings as assembled: the slices' bytes and where each starts, and the field masks. */
export interface PackedSource {
  bytes: Uint8Array;
  /** Where each slice starts in `bytes`; one more entry for the end. */
  byteStarts: Uint32Array;
  /** How many postings come before each slice; one more entry for the total. */
  starts: Uint32Array;
  /** For each term in key order, a bit per field that has postings. */
  fieldMask: Uint8Array;
}

/** Documents and field lengths, by short id, for an index assembled outside MiniSearch. */
export interface IndexMeta {
  /** [short id, article id], ascending short ids. */
  documents: Array<[number, string]>;
  /** Field lengths per document, parallel to `documents`. */
  fieldLength: number[][];
  averageFieldLength: number[];
  nextId: number;
}

export class ArchiveMiniSearch extends MiniSearch<IndexDoc> {
  /**
   * The packed postings and field masks the term dictionary was assembled from (see
   * `assemble` in postings.ts), for a save to write them as they are while the index is untouched.
   */
  packedSource: PackedSource | undefined;

  constructor() {
    super(MINISEARCH_OPTIONS);
  }

  /**
   * A MiniSearch over these documents whose term index is `terms` (built by the store from packed
   * postings), set up as `MiniSearch.loadJS` would, without a `Map` per term and field.
   */
  static assemble(meta: IndexMeta, terms: TermDictionary): ArchiveMiniSearch {
    const mini = new ArchiveMiniSearch();
    mini._documentCount = meta.documents.length;
    mini._nextId = meta.nextId;
    mini._avgFieldLength = [...meta.averageFieldLength];
    mini._dirtCount = 0;
    meta.documents.forEach(([shortId, id], i) => {
      mini._documentIds.set(shortId, id);
      mini._idToShortId.set(id, shortId);
      mini._fieldLength.set(shortId, meta.fieldLength[i] ?? []);
    });
    // The dictionary implements the `SearchableMap` methods MiniSearch 7.2 calls on its index,
    // and the store's packed term data the `Map` methods it calls on a term's data (get, set,
    // delete, size, keys, entries, iteration): the one cast of the seam.
    mini._index = terms as unknown as typeof mini._index;
    return mini;
  }

  get terms(): TermDictionary {
    return this._index as unknown as TermDictionary;
  }

  /** Short ids ever given out; removed documents leave gaps. */
  get nextShortId(): number {
    return this._nextId;
  }

  shortIdOf(id: string): number | undefined {
    return this._idToShortId.get(id);
  }

  /** [short id, article id] of every document, in ascending short ids. */
  documentsByShortId(): Array<[number, string]> {
    return [...this._documentIds.entries()].sort((a, b) => a[0] - b[0]);
  }

  fieldLengthsOf(shortId: number): readonly number[] | undefined {
    return this._fieldLength.get(shortId);
  }

  /** Every document's field lengths, by short id. */
  allFieldLengths(): Iterable<[number, readonly number[]]> {
    return this._fieldLength.entries();
  }

  get averageFieldLengths(): readonly number[] {
    return this._avgFieldLength;
  }
}
