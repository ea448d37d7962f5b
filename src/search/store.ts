import { crc32 } from "node:zlib";
import { ANALYSIS_VERSION, numericTermKey, numericTermOrder, TermCounter } from "./analyzer.js";
import {
  ArchiveMiniSearch,
  BM25,
  FIELD_BOOSTS,
  FIELD_COUNT,
  FIELDS,
  type IndexDoc,
  type IndexMeta,
  type Postings,
  PREFIX_WEIGHT,
  type TermData,
} from "./engine.js";
import { TermDictionary } from "./terms.js";

export {
  BM25,
  BOOST,
  FIELD_BOOSTS,
  FIELDS,
  type Field,
  type IndexDoc,
  MINISEARCH_OPTIONS,
  type Postings,
  PREFIX_WEIGHT,
  type TermData,
} from "./engine.js";

/**
 * The MiniSearch index behind search, and what makes it fit an archive of 48,000 articles:
 * - postings packed in typed arrays (6 bytes each instead of a `Map` entry each), behind the
 *   `Map` interface MiniSearch uses, so MiniSearch's own `add`, `remove`, prefix and fuzzy
 *   look-ups keep working on them;
 * - a bulk loader that counts every field's terms with numeric keys and inserts each distinct
 *   term once, instead of `MiniSearch.add` walking the radix tree once per token;
 * - a compact persisted form (varint postings in base64) that loads without re-indexing.
 * MiniSearch's internals are reached only through `ArchiveMiniSearch` (engine.ts).
 */

/** The version stamp a persisted index carries: analysis, fields, boosts and storage format. */
export const INDEX_VERSION = `${ANALYSIS_VERSION}|fields=${FIELDS.join(",")}|boost=${FIELD_BOOSTS.join(",")}|store=4`;

// ---------------------------------------------------------------------------------------------
// Packed postings

/**
 * The packed postings of all terms, term after term, field after field: per posting the document
 * id (the difference from the previous one in its slice) and the count, as two unsigned varints,
 * in one byte array (about 2.4 bytes a posting instead of 6 in typed arrays). A (term, field)
 * slice is a byte range, decoded when searched.
 */
interface PostingStore {
  bytes: Uint8Array;
  /** Where each slice starts in `bytes`; one more entry for the end. */
  byteStarts: Uint32Array;
  /** How many postings come before each slice; one more entry for the total. */
  starts: Uint32Array;
}

/** Postings in typed arrays: sorted documents and their counts (0: removed). */
interface PostingArrays {
  docs: Uint32Array;
  counts: Uint16Array;
}

/** Decodes a slice into `out` from index 0; returns how many postings it holds. */
function decodeSlice(store: PostingStore, slice: number, out: PostingArrays): number {
  const { bytes } = store;
  const { docs, counts } = out;
  let at = store.byteStarts[slice] as number;
  const end = store.byteStarts[slice + 1] as number;
  let n = 0;
  let doc = 0;
  while (at < end) {
    let byte = bytes[at++] as number;
    let value = byte & 0x7f;
    let scale = 128;
    while (byte & 0x80) {
      byte = bytes[at++] as number;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    }
    doc += value;
    byte = bytes[at++] as number;
    let count = byte & 0x7f;
    scale = 128;
    while (byte & 0x80) {
      byte = bytes[at++] as number;
      count += (byte & 0x7f) * scale;
      scale *= 128;
    }
    docs[n] = doc;
    counts[n] = count;
    n++;
  }
  return n;
}

/** Where searches decode slices (one at a time), grown to the longest slice decoded. */
let scratch: PostingArrays = { docs: new Uint32Array(1 << 12), counts: new Uint16Array(1 << 12) };

function sliceLength(store: PostingStore, slice: number): number {
  return (store.starts[slice + 1] as number) - (store.starts[slice] as number);
}

/** A slice decoded into the shared scratch arrays: valid until the next slice is decoded. */
function decodeToScratch(store: PostingStore, slice: number): PostingArrays & { end: number } {
  const length = sliceLength(store, slice);
  if (length > scratch.docs.length) {
    const size = Math.max(length, scratch.docs.length * 2);
    scratch = { docs: new Uint32Array(size), counts: new Uint16Array(size) };
  }
  return { docs: scratch.docs, counts: scratch.counts, end: decodeSlice(store, slice, scratch) };
}

interface PostingChanges {
  removed: number;
  added: Map<number, number>;
}

/**
 * The postings of one term in one field, as MiniSearch uses them (a `Map` from short document id
 * to count), decoded from their packed slice into typed arrays when MiniSearch asks for them.
 * Documents are sorted, so `get` is a binary search. Later changes (MiniSearch `add`/`remove`)
 * are applied in place (a count of 0 marks a removed document) or kept in a small `Map` of added
 * documents.
 */
export class PackedPostings implements Postings {
  private changes: PostingChanges | undefined;

  constructor(
    private readonly store: PostingArrays,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get size(): number {
    const changes = this.changes;
    return this.end - this.start + (changes ? changes.added.size - changes.removed : 0);
  }

  private find(doc: number): number {
    const docs = this.store.docs;
    let low = this.start;
    let high = this.end - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = docs[middle] as number;
      if (value === doc) return middle;
      if (value < doc) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  private changed(): PostingChanges {
    this.changes ??= { removed: 0, added: new Map() };
    return this.changes;
  }

  get(doc: number): number | undefined {
    const at = this.find(doc);
    if (at >= 0) {
      const count = this.store.counts[at] as number;
      if (count > 0) return count;
    }
    return this.changes?.added.get(doc);
  }

  has(doc: number): boolean {
    return this.get(doc) !== undefined;
  }

  set(doc: number, count: number): this {
    const at = this.find(doc);
    if (at >= 0) {
      if (this.store.counts[at] === 0) this.changed().removed--;
      this.store.counts[at] = Math.min(Math.max(count, 1), 0xffff);
    } else this.changed().added.set(doc, count);
    return this;
  }

  delete(doc: number): boolean {
    const at = this.find(doc);
    if (at >= 0 && (this.store.counts[at] as number) > 0) {
      this.store.counts[at] = 0;
      this.changed().removed++;
      return true;
    }
    return this.changes?.added.delete(doc) ?? false;
  }

  /** Calls `visit` for every (document, count), without an iterator object per posting. */
  scan(visit: (doc: number, count: number) => void): void {
    const { docs, counts } = this.store;
    for (let i = this.start; i < this.end; i++) {
      const count = counts[i] as number;
      if (count > 0) visit(docs[i] as number, count);
    }
    if (this.changes) for (const [doc, count] of this.changes.added) visit(doc, count);
  }

  *keys(): Generator<number> {
    const { docs, counts } = this.store;
    for (let i = this.start; i < this.end; i++) if (counts[i]) yield docs[i] as number;
    if (this.changes) yield* this.changes.added.keys();
  }

  *entries(): Generator<[number, number]> {
    const { docs, counts } = this.store;
    for (let i = this.start; i < this.end; i++) {
      const count = counts[i] as number;
      if (count) yield [docs[i] as number, count];
    }
    if (this.changes) yield* this.changes.added.entries();
  }

  [Symbol.iterator](): Generator<[number, number]> {
    return this.entries();
  }
}

/** Calls `visit` for every (document, count) of packed or `Map` postings. */
export function scanPostings(
  postings: Postings,
  visit: (doc: number, count: number) => void,
): void {
  if (postings instanceof PackedPostings) postings.scan(visit);
  else for (const [doc, count] of postings) visit(doc, count);
}

/** Running scores of one query term over its index keys (AND), by short document id. */
export interface Accumulator {
  /** How many of the term's keys each document has matched so far. */
  hits: Uint16Array;
  scores: Float64Array;
  /** Bit per field where a document matched the first key. */
  fields: Uint8Array;
  /** Documents that matched every key so far (after `step` keys). */
  candidates: number[];
  /** Index of the key being added. */
  step: number;
}

/**
 * Adds one key's postings in one field to the accumulator with MiniSearch's BM25 (its formula
 * and parameters, so the scores are MiniSearch's): for the first key every document counts, for
 * later keys only documents that matched all earlier keys. Postings far larger than the
 * candidates are probed (binary search) instead of scanned.
 */
export function accumulate(
  data: TermData,
  fieldId: number,
  weight: number,
  store: IndexStore,
  acc: Accumulator,
): void {
  // Packed postings untouched since loading are decoded into scratch arrays (no object made).
  const slice = data instanceof PackedTerm ? data.packedSlice(fieldId) : undefined;
  const postings = slice ? undefined : data.get(fieldId);
  const matching = slice ? slice.end : (postings?.size ?? 0);
  if (matching === 0) return;
  const documentCount = store.documentCount;
  const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
  const factor = weight * (FIELD_BOOSTS[fieldId] ?? 1) * idf;
  const average = store.averageFieldLength(fieldId) || 1;
  const lengths = store.fieldLengths;
  const stride = FIELD_COUNT;
  const { k, b, d } = BM25;
  const kFixed = k * (1 - b);
  const kLength = (k * b) / average;
  const k1 = k + 1;
  const { hits, scores, fields, candidates, step } = acc;
  const bit = 1 << fieldId;
  const next = step + 1;
  const add = (doc: number, count: number): void => {
    const seen = hits[doc] as number;
    if (seen === step) {
      hits[doc] = next;
      if (step === 0) candidates.push(doc);
    } else if (seen !== next) return;
    if (step === 0) fields[doc] = (fields[doc] as number) | bit;
    const length = lengths[doc * stride + fieldId] as number;
    scores[doc] =
      (scores[doc] as number) + factor * (d + (count * k1) / (count + kFixed + kLength * length));
  };
  const probe = step > 0 && candidates.length * 16 < matching;
  if (postings) {
    if (probe) {
      for (const doc of candidates) {
        const count = postings.get(doc);
        if (count !== undefined) add(doc, count);
      }
    } else scanPostings(postings, add);
    return;
  }
  const { docs, counts, end } = slice as NonNullable<typeof slice>;
  const start = 0;
  if (probe) {
    for (const doc of candidates) {
      let low = start;
      let high = end - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const value = docs[middle] as number;
        if (value === doc) {
          const count = counts[middle] as number;
          if (count > 0) add(doc, count);
          break;
        }
        if (value < doc) low = middle + 1;
        else high = middle - 1;
      }
    }
    return;
  }
  for (let i = start; i < end; i++) {
    const count = counts[i] as number;
    if (count === 0) continue;
    const doc = docs[i] as number;
    const seen = hits[doc] as number;
    if (seen === step) {
      hits[doc] = next;
      if (step === 0) {
        candidates.push(doc);
        fields[doc] = (fields[doc] as number) | bit;
      }
    } else if (seen !== next) continue;
    else if (step === 0) fields[doc] = (fields[doc] as number) | bit;
    const length = lengths[doc * stride + fieldId] as number;
    scores[doc] =
      (scores[doc] as number) + factor * (d + (count * k1) / (count + kFixed + kLength * length));
  }
}

/** How many documents a term has in a field (without unpacking packed postings). */
export function fieldSize(data: TermData, fieldId: number): number {
  if (data instanceof PackedTerm) {
    const slice = data.packedSliceIndex(fieldId);
    if (slice >= 0) return data.packedLength(slice);
  }
  return data.get(fieldId)?.size ?? 0;
}

/**
 * What MiniSearch keeps per term (field id → postings), as a `Map` look-alike with one slot per
 * field (a small object instead of a `Map` per term and a `Map` per field). The postings of a
 * field are made on first use from the packed slices; until then the term is two numbers.
 */
class PackedTerm implements TermData {
  // undefined: still packed (see `mask`); null: deleted; otherwise the postings in use.
  private f0: Postings | null | undefined;
  private f1: Postings | null | undefined;
  private f2: Postings | null | undefined;
  private f3: Postings | null | undefined;
  private f4: Postings | null | undefined;

  constructor(
    private readonly store: PostingStore,
    /** The slice of the first field that has postings. */
    private readonly firstSlice: number,
    /** A bit per field that has packed postings. */
    private readonly mask: number,
  ) {}

  private slot(fieldId: number): Postings | null | undefined {
    switch (fieldId) {
      case 0:
        return this.f0;
      case 1:
        return this.f1;
      case 2:
        return this.f2;
      case 3:
        return this.f3;
      case 4:
        return this.f4;
      default:
        return null;
    }
  }

  private setSlot(fieldId: number, postings: Postings | null): void {
    if (fieldId === 0) this.f0 = postings;
    else if (fieldId === 1) this.f1 = postings;
    else if (fieldId === 2) this.f2 = postings;
    else if (fieldId === 3) this.f3 = postings;
    else if (fieldId === 4) this.f4 = postings;
    else throw new Error(`search index: no field ${fieldId}`);
  }

  /**
   * The postings of a field not touched since loading, decoded into scratch arrays valid until
   * the next decoding; undefined once MiniSearch has made postings of them.
   */
  packedSlice(fieldId: number): (PostingArrays & { end: number }) | undefined {
    const slice = this.packedSliceIndex(fieldId);
    return slice >= 0 ? decodeToScratch(this.store, slice) : undefined;
  }

  /** The packed slice of a field not touched since loading, else -1. */
  packedSliceIndex(fieldId: number): number {
    if (this.slot(fieldId) !== undefined || !(this.mask & (1 << fieldId))) return -1;
    let slice = this.firstSlice;
    for (let f = 0; f < fieldId; f++) if (this.mask & (1 << f)) slice++;
    return slice;
  }

  packedLength(slice: number): number {
    return sliceLength(this.store, slice);
  }

  /** The bytes of a packed slice, for writing them out as they are. */
  packedBytes(slice: number): Uint8Array {
    const { bytes, byteStarts } = this.store;
    return bytes.subarray(byteStarts[slice], byteStarts[slice + 1]);
  }

  get size(): number {
    let size = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const slot = this.slot(f);
      if (slot === undefined ? this.mask & (1 << f) : slot) size++;
    }
    return size;
  }

  get(fieldId: number): Postings | undefined {
    const slot = this.slot(fieldId);
    if (slot !== undefined) return slot ?? undefined;
    const slice = this.packedSliceIndex(fieldId);
    if (slice < 0) return undefined;
    const length = sliceLength(this.store, slice);
    const own = { docs: new Uint32Array(length), counts: new Uint16Array(length) };
    decodeSlice(this.store, slice, own);
    const postings = new PackedPostings(own, 0, length);
    this.setSlot(fieldId, postings);
    return postings;
  }

  has(fieldId: number): boolean {
    return this.get(fieldId) !== undefined;
  }

  set(fieldId: number, postings: Postings | undefined): this {
    this.setSlot(fieldId, postings ?? null);
    return this;
  }

  delete(fieldId: number): boolean {
    const had = this.get(fieldId) !== undefined;
    this.setSlot(fieldId, null);
    return had;
  }

  *keys(): Generator<number> {
    for (let i = 0; i < FIELD_COUNT; i++) if (this.get(i)) yield i;
  }

  *values(): Generator<Postings> {
    for (let i = 0; i < FIELD_COUNT; i++) {
      const postings = this.get(i);
      if (postings) yield postings;
    }
  }

  *entries(): Generator<[number, Postings]> {
    for (let i = 0; i < FIELD_COUNT; i++) {
      const postings = this.get(i);
      if (postings) yield [i, postings];
    }
  }

  [Symbol.iterator](): Generator<[number, Postings]> {
    return this.entries();
  }
}

/** Terms and their postings in typed arrays, term after term, field after field. */
interface PackedIndex {
  keys: string[];
  /** For each term, a bit per field that has postings. */
  fieldMask: Uint8Array;
  /** Postings in each (term, field) slice. */
  lengths: Uint32Array;
  /** Bytes of each slice in `bytes`. */
  byteLengths: Uint32Array;
  /** The slices' postings, delta + varint packed (see `PostingStore`). */
  bytes: Uint8Array;
}

/** One source of a query token: the term's data and its weight (1, or less for prefix matches). */
export interface KeyMatch {
  key: string;
  data: TermData;
  weight: number;
}

/**
 * The MiniSearch index and a few arrays mirrored from it for the scoring loops (field lengths by
 * short id). Documents are identified by MiniSearch's short ids.
 */
export class IndexStore {
  readonly mini: ArchiveMiniSearch;
  /** Field lengths, `shortId * FIELDS.length + fieldId`. */
  private lengths: Float64Array;

  private constructor(mini: ArchiveMiniSearch) {
    this.mini = mini;
    this.lengths = new Float64Array(Math.max(16, mini.nextShortId) * FIELDS.length);
    for (const [shortId, fieldLengths] of mini.allFieldLengths())
      this.copyLengths(shortId, fieldLengths);
  }

  private copyLengths(shortId: number, fieldLengths: readonly number[]): void {
    const needed = (shortId + 1) * FIELDS.length;
    if (needed > this.lengths.length) {
      const grown = new Float64Array(Math.max(needed, this.lengths.length * 2));
      grown.set(this.lengths);
      this.lengths = grown;
    }
    for (let f = 0; f < FIELDS.length; f++)
      this.lengths[shortId * FIELDS.length + f] = fieldLengths[f] ?? 0;
  }

  /** Documents in index, by short id ever given out (removed ones leave gaps). */
  get capacity(): number {
    return this.mini.nextShortId;
  }

  get documentCount(): number {
    return this.mini.documentCount;
  }

  get termCount(): number {
    return this.mini.termCount;
  }

  fieldLength(shortId: number, fieldId: number): number {
    return this.lengths[shortId * FIELDS.length + fieldId] as number;
  }

  /** The field lengths array itself (`shortId * 5 + fieldId`), for tight loops. */
  get fieldLengths(): Float64Array {
    return this.lengths;
  }

  averageFieldLength(fieldId: number): number {
    return this.mini.averageFieldLengths[fieldId] ?? 0;
  }

  shortIdOf(id: string): number | undefined {
    return this.mini.shortIdOf(id);
  }

  /** Adds a document with MiniSearch's own `add`; returns its short id. */
  add(doc: IndexDoc): number {
    this.mini.add(doc);
    const shortId = this.mini.shortIdOf(doc.id) as number;
    this.copyLengths(shortId, this.mini.fieldLengthsOf(shortId) ?? []);
    return shortId;
  }

  /** Removes a document with MiniSearch's own `remove` (the document must be unchanged). */
  remove(doc: IndexDoc): void {
    const shortId = this.mini.shortIdOf(doc.id);
    this.mini.remove(doc);
    if (shortId !== undefined) this.copyLengths(shortId, []);
  }

  /** The index terms a query key stands for: itself, and for a prefix key every longer term. */
  lookup(key: string, prefix: boolean): KeyMatch[] {
    const index = this.mini.terms;
    const matches: KeyMatch[] = [];
    const exact = index.get(key);
    if (exact && exact.size > 0) matches.push({ key, data: exact, weight: 1 });
    if (!prefix) return matches;
    for (const [term, data] of index.atPrefix(key)) {
      const distance = term.length - key.length;
      if (distance === 0 || data.size === 0) continue;
      // MiniSearch's weight for prefix matches.
      matches.push({
        key: term,
        data,
        weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance),
      });
    }
    return matches;
  }

  /** Builds the index of many documents at once (see `bulkLoad`). */
  static bulk(
    ids: string[],
    foldedField: (index: number, fieldId: number) => string,
    characters: number,
  ): IndexStore {
    return new IndexStore(bulkLoad(ids, foldedField, characters));
  }

  serialize(fingerprint: (id: string) => string): string {
    return serializeIndex(this.mini, fingerprint);
  }

  static deserialize(
    data: string,
    fingerprint: (id: string) => string | undefined,
    count: number,
  ): IndexStore {
    return new IndexStore(deserializeIndex(data, fingerprint, count));
  }
}

/** A MiniSearch instance with these documents and packed postings (no `add` per document). */
function assemble(meta: IndexMeta, packed: PackedIndex): ArchiveMiniSearch {
  const slices = packed.lengths.length;
  const starts = new Uint32Array(slices + 1);
  const byteStarts = new Uint32Array(slices + 1);
  for (let i = 0; i < slices; i++) {
    starts[i + 1] = (starts[i] as number) + (packed.lengths[i] as number);
    byteStarts[i + 1] = (byteStarts[i] as number) + (packed.byteLengths[i] as number);
  }
  if (byteStarts[slices] !== packed.bytes.length) throw corrupt("slice bytes");
  const store: PostingStore = { bytes: packed.bytes, byteStarts, starts };
  const termCount = packed.keys.length;
  const firstSlice = new Uint32Array(termCount);
  let slice = 0;
  for (let t = 0; t < termCount; t++) {
    firstSlice[t] = slice;
    const mask = packed.fieldMask[t] as number;
    for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId++) if (mask & (1 << fieldId)) slice++;
  }
  const { fieldMask } = packed;
  const terms = new TermDictionary(
    packed.keys,
    (t) => new PackedTerm(store, firstSlice[t] as number, fieldMask[t] as number),
  );
  return ArchiveMiniSearch.assemble(meta, terms);
}

// ---------------------------------------------------------------------------------------------
// Bulk indexing

/** Growable typed arrays of (term, field, document, count) postings. */
class PostingCollector {
  /** termId * 8 + fieldId. */
  slotOf: Int32Array;
  docOf: Uint32Array;
  countOf: Uint16Array;
  length = 0;

  constructor(expected: number) {
    const size = Math.max(1 << 12, expected);
    this.slotOf = new Int32Array(size);
    this.docOf = new Uint32Array(size);
    this.countOf = new Uint16Array(size);
  }

  add(termId: number, fieldId: number, shortId: number, count: number): void {
    if (this.length === this.slotOf.length) this.grow();
    this.slotOf[this.length] = termId * 8 + fieldId;
    this.docOf[this.length] = shortId;
    this.countOf[this.length] = Math.min(count, 0xffff);
    this.length++;
  }

  private grow(): void {
    const size = Math.ceil(this.slotOf.length * 1.5);
    const slotOf = new Int32Array(size);
    slotOf.set(this.slotOf);
    this.slotOf = slotOf;
    const docOf = new Uint32Array(size);
    docOf.set(this.docOf);
    this.docOf = docOf;
    const countOf = new Uint16Array(size);
    countOf.set(this.countOf);
    this.countOf = countOf;
  }

  /**
   * Postings grouped by term (in the order given: `rank[termId]` is the term's position) then
   * field; documents stay in order (a stable counting sort).
   */
  pack(keys: string[], rank: Int32Array): PackedIndex {
    const termCount = keys.length;
    const slots = termCount * 8;
    const start = new Int32Array(slots + 1);
    const slotOf = this.slotOf;
    for (let i = 0; i < this.length; i++) {
      const slot = slotOf[i] as number;
      const sorted = (rank[slot >> 3] as number) * 8 + (slot & 7);
      slotOf[i] = sorted;
      start[sorted + 1] = (start[sorted + 1] as number) + 1;
    }
    const fieldMask = new Uint8Array(termCount);
    const lengths: number[] = [];
    for (let s = 0; s < slots; s++) {
      const count = start[s + 1] as number;
      if (count > 0) {
        fieldMask[s >> 3] = (fieldMask[s >> 3] as number) | (1 << (s & 7));
        lengths.push(count);
      }
      start[s + 1] = (start[s] as number) + count;
    }
    const docs = new Uint32Array(this.length);
    const counts = new Uint16Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const slot = slotOf[i] as number;
      const at = start[slot] as number;
      start[slot] = at + 1;
      docs[at] = this.docOf[i] as number;
      counts[at] = this.countOf[i] as number;
    }
    // The collected postings are copied: let them go before the index is assembled.
    this.slotOf = new Int32Array(0);
    this.docOf = new Uint32Array(0);
    this.countOf = new Uint16Array(0);
    this.length = 0;
    // Sized exactly first, so that no spare capacity stays behind.
    let size = 0;
    let at = 0;
    for (const length of lengths) {
      let previous = 0;
      for (let i = at; i < at + length; i++) {
        const doc = docs[i] as number;
        size += varintSize(doc - previous) + varintSize(counts[i] as number);
        previous = doc;
      }
      at += length;
    }
    const out = new ByteWriter(size + 8);
    const byteLengths = new Uint32Array(lengths.length);
    at = 0;
    lengths.forEach((length, slice) => {
      const before = out.length;
      out.postings(docs, counts, at, at + length);
      byteLengths[slice] = out.length - before;
      at += length;
    });
    return {
      keys,
      fieldMask,
      lengths: Uint32Array.from(lengths),
      byteLengths,
      bytes: out.result(),
    };
  }
}

/**
 * Term keys in code-unit order, and each term's position in it. Han keys (upper-case base-36,
 * first character A–V) sort like their numeric terms, so those are sorted as numbers; words
 * starting with a digit come before them and other words after.
 */
function sortTerms(terms: Array<string | number>): { keys: string[]; rank: Int32Array } {
  const ID_BITS = 2 ** 22;
  if (terms.length >= ID_BITS) throw new Error("search index: too many distinct terms");
  const han: number[] = [];
  const low: Array<[string, number]> = [];
  const high: Array<[string, number]> = [];
  terms.forEach((term, termId) => {
    if (typeof term === "number") {
      han.push(numericTermOrder(term) * ID_BITS + termId);
    } else (term.charCodeAt(0) < 0x41 ? low : high).push([term, termId]);
  });
  const byKey = (a: [string, number], b: [string, number]) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  low.sort(byKey);
  high.sort(byKey);
  const sortedHan = Float64Array.from(han).sort();
  const keys: string[] = [];
  const rank = new Int32Array(terms.length);
  const place = (key: string, termId: number) => {
    rank[termId] = keys.length;
    keys.push(key);
  };
  for (const [key, termId] of low) place(key, termId);
  for (const value of sortedHan) {
    const termId = value % ID_BITS;
    place(numericTermKey(terms[termId] as number), termId);
  }
  for (const [key, termId] of high) place(key, termId);
  return { keys, rank };
}

/**
 * Builds the MiniSearch index of many documents at once: each field's tokens are counted with
 * numeric keys (the same tokens as `tokenize`, without a string per Han token), postings are
 * grouped by term in typed arrays, and each distinct term enters the radix tree once. The tests
 * hold the result equal to adding the documents one by one with `MiniSearch.add`.
 */
function bulkLoad(
  ids: string[],
  foldedField: (index: number, fieldId: number) => string,
  characters: number,
): ArchiveMiniSearch {
  const fieldLength: number[][] = [];
  const averageFieldLength: number[] = FIELDS.map(() => 0);
  const counter = new TermCounter();
  // Distinct terms per field are about 45% of its characters: size the postings once.
  const collector = new PostingCollector(Math.ceil(characters * 0.5));
  for (let shortId = 0; shortId < ids.length; shortId++) {
    const lengths: number[] = [];
    for (let fieldId = 0; fieldId < FIELDS.length; fieldId++) {
      counter.count(foldedField(shortId, fieldId));
      const distinct = counter.touched.length;
      lengths[fieldId] = distinct;
      // The running mean MiniSearch keeps, computed the same way so that scores are identical.
      averageFieldLength[fieldId] =
        ((averageFieldLength[fieldId] as number) * shortId + distinct) / (shortId + 1);
      for (const termId of counter.touched)
        collector.add(termId, fieldId, shortId, counter.countOf(termId));
      counter.reset();
    }
    fieldLength.push(lengths);
  }
  const meta: IndexMeta = {
    documents: ids.map((id, shortId) => [shortId, id]),
    fieldLength,
    averageFieldLength,
    nextId: ids.length,
  };
  const { keys, rank } = sortTerms(counter.terms);
  return assemble(meta, collector.pack(keys, rank));
}

// ---------------------------------------------------------------------------------------------
// Persistence

const SERIAL_MAGIC = "dubao-search-index";

interface SerialHeader {
  magic: string;
  version: string;
  documents: Array<[number, string]>;
  fingerprints: string[];
  fieldLength: number[][];
  averageFieldLength: number[];
  nextId: number;
  terms: number;
  slices: number;
  postings: number;
  /** Bytes of each section of the payload: postings, slice lengths, slice bytes, masks, keys. */
  sections: number[];
  /** CRC-32 of each section. */
  checksums: number[];
}

function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** Unsigned varints in a growable byte array. */
class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(expected = 1 << 16) {
    this.bytes = new Uint8Array(Math.max(16, expected));
  }

  /** Postings [start, end) of sorted documents: each as (document − previous, count). */
  postings(docs: ArrayLike<number>, counts: ArrayLike<number>, start: number, end: number): void {
    let previous = 0;
    for (let i = start; i < end; i++) {
      const doc = docs[i] as number;
      this.varint(doc - previous);
      this.varint(Math.min(counts[i] as number, 0xffff));
      previous = doc;
    }
  }

  append(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  varint(value: number): void {
    this.ensure(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  byte(value: number): void {
    this.ensure(1);
    this.bytes[this.length++] = value;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/**
 * The index as one line of JSON (version, documents and their fingerprints, field lengths) and
 * one line of base64 holding five sections, each with its CRC-32 in the header: the postings
 * (per term and field, delta + varint, as `PostingStore` holds them), the slice lengths in
 * postings and in bytes (varints), the field masks and the term keys.
 */
function serializeIndex(mini: ArchiveMiniSearch, fingerprint: (id: string) => string): string {
  const documents = mini.documentsByShortId();
  // Short ids of removed documents are dropped: the saved index numbers its documents 0…n−1.
  const dense = documents.every(([shortId], i) => shortId === i);
  const remap = dense ? undefined : new Int32Array(mini.nextShortId).fill(-1);
  if (remap) {
    documents.forEach(([shortId], i) => {
      remap[shortId] = i;
    });
  }
  const postingsOut = new ByteWriter(1 << 20);
  const lengthsOut = new ByteWriter();
  const byteLengthsOut = new ByteWriter();
  const masksOut = new ByteWriter();
  const keys: string[] = [];
  let slices = 0;
  let postings = 0;
  let sliceDocs = new Uint32Array(1 << 12);
  let sliceCounts = new Uint32Array(1 << 12);
  const endSlice = (length: number, bytes: number) => {
    lengthsOut.varint(length);
    byteLengthsOut.varint(bytes);
    slices++;
    postings += length;
  };
  for (const [key, data] of mini.terms.sorted()) {
    let mask = 0;
    for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId++) {
      const packed = data instanceof PackedTerm ? data.packedSliceIndex(fieldId) : -1;
      if (packed >= 0 && !remap) {
        // Untouched since packing, and no document ids to change: written as it is.
        const bytes = (data as PackedTerm).packedBytes(packed);
        mask |= 1 << fieldId;
        postingsOut.append(bytes);
        endSlice((data as PackedTerm).packedLength(packed), bytes.length);
        continue;
      }
      const size =
        packed >= 0 ? (data as PackedTerm).packedLength(packed) : fieldSize(data, fieldId);
      if (size === 0) continue;
      if (size > sliceDocs.length) {
        sliceDocs = new Uint32Array(size * 2);
        sliceCounts = new Uint32Array(size * 2);
      }
      let length = 0;
      let sorted = true;
      const keep = (doc: number, count: number) => {
        const id = remap ? (remap[doc] as number) : doc;
        if (id < 0 || count === 0) return;
        if (length > 0 && id < (sliceDocs[length - 1] as number)) sorted = false;
        sliceDocs[length] = id;
        sliceCounts[length] = count;
        length++;
      };
      if (packed >= 0) {
        const slice = (data as PackedTerm).packedSlice(fieldId) as NonNullable<
          ReturnType<PackedTerm["packedSlice"]>
        >;
        for (let i = 0; i < slice.end; i++)
          keep(slice.docs[i] as number, slice.counts[i] as number);
      } else scanPostings(data.get(fieldId) as Postings, keep);
      if (length === 0) continue;
      if (!sorted) {
        const order = Array.from({ length }, (_, i) => i).sort(
          (a, b) => (sliceDocs[a] as number) - (sliceDocs[b] as number),
        );
        const docsCopy = sliceDocs.slice(0, length);
        const countsCopy = sliceCounts.slice(0, length);
        order.forEach((from, to) => {
          sliceDocs[to] = docsCopy[from] as number;
          sliceCounts[to] = countsCopy[from] as number;
        });
      }
      mask |= 1 << fieldId;
      const before = postingsOut.length;
      postingsOut.postings(sliceDocs, sliceCounts, 0, length);
      endSlice(length, postingsOut.length - before);
    }
    if (mask === 0) continue;
    masksOut.byte(mask);
    keys.push(key);
  }
  const keyBytes = Buffer.from(keys.join("\n"), "utf8");
  const parts = [
    postingsOut.result(),
    lengthsOut.result(),
    byteLengthsOut.result(),
    masksOut.result(),
    keyBytes,
  ];
  const header: SerialHeader = {
    magic: SERIAL_MAGIC,
    version: INDEX_VERSION,
    documents: documents.map(([, id], i) => [i, id]),
    fingerprints: documents.map(([, id]) => fingerprint(id)),
    fieldLength: documents.map(([shortId]) => [...(mini.fieldLengthsOf(shortId) ?? [])]),
    averageFieldLength: [...mini.averageFieldLengths],
    nextId: documents.length,
    terms: keys.length,
    slices,
    postings,
    sections: parts.map((part) => part.length),
    checksums: parts.map((part) => crc32(part)),
  };
  return `${JSON.stringify(header)}\n${Buffer.concat(parts).toString("base64")}`;
}

function corrupt(why: string): Error {
  return new Error(`search index: corrupt data (${why})`);
}

/** Reads unsigned varints into `out` from `bytes[offset, end)`; returns where it stopped. */
function readVarints(
  bytes: Uint8Array,
  offset: number,
  end: number,
  out: Uint32Array | Uint16Array,
): number {
  let at = offset;
  const count = out.length;
  for (let i = 0; i < count; i++) {
    // Past the end of the array a byte reads as undefined, which ends the value; the caller
    // compares the position reached with the section's end.
    let byte = bytes[at++] as number;
    let value = byte & 0x7f;
    let scale = 128;
    while (byte & 0x80) {
      byte = bytes[at++] as number;
      value += (byte & 0x7f) * scale;
      scale *= 128;
    }
    out[i] = value;
  }
  return at > end ? end + 1 : at;
}

function deserializeIndex(
  data: string,
  fingerprint: (id: string) => string | undefined,
  count: number,
): ArchiveMiniSearch {
  const newline = data.indexOf("\n");
  if (newline < 0) throw corrupt("no header");
  let header: SerialHeader;
  try {
    header = JSON.parse(data.slice(0, newline)) as SerialHeader;
  } catch (error) {
    throw corrupt((error as Error).message);
  }
  if (header?.magic !== SERIAL_MAGIC) throw new Error("search index: not a search index");
  if (header.version !== INDEX_VERSION) {
    throw new Error(`search index: version ${String(header.version)} is not ${INDEX_VERSION}`);
  }
  const { documents, fingerprints, fieldLength, terms, slices, postings, sections } = header;
  if (
    !Array.isArray(documents) ||
    !Array.isArray(fingerprints) ||
    !Array.isArray(fieldLength) ||
    !Array.isArray(sections) ||
    sections.length !== 5
  ) {
    throw corrupt("header");
  }
  if (documents.length !== count) throw new Error("search index: the articles have changed");
  documents.forEach(([, id], i) => {
    if (fingerprints[i] !== fingerprint(id))
      throw new Error(`search index: article ${id} is not the one indexed`);
  });
  const bytes: Uint8Array = Buffer.from(data.slice(newline + 1), "base64");
  const total = sections.reduce((sum, size) => sum + size, 0);
  if (bytes.length !== total) throw corrupt(`payload of ${bytes.length} bytes, expected ${total}`);
  let sectionStart = 0;
  sections.forEach((size, i) => {
    if (crc32(bytes.subarray(sectionStart, sectionStart + size)) !== header.checksums?.[i])
      throw corrupt(`section ${i} fails its checksum`);
    sectionStart += size;
  });
  const [postingBytes, lengthBytes, byteLengthBytes, maskBytes] = sections as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (maskBytes !== terms) throw corrupt("masks");
  let offset = postingBytes;
  const lengths = new Uint32Array(slices);
  if (readVarints(bytes, offset, offset + lengthBytes, lengths) !== offset + lengthBytes)
    throw corrupt("slice lengths");
  offset += lengthBytes;
  const byteLengths = new Uint32Array(slices);
  if (
    readVarints(bytes, offset, offset + byteLengthBytes, byteLengths) !==
    offset + byteLengthBytes
  )
    throw corrupt("slice bytes");
  offset += byteLengthBytes;
  let sliced = 0;
  for (const length of lengths) sliced += length;
  if (sliced !== postings) throw corrupt("postings");
  const fieldMask = bytes.subarray(offset, offset + terms);
  offset += terms;
  const keys =
    terms === 0
      ? []
      : Buffer.from(bytes.buffer, bytes.byteOffset + offset, bytes.length - offset)
          .toString("utf8")
          .split("\n");
  if (keys.length !== terms) throw corrupt("term list");
  let sliceCount = 0;
  for (const mask of fieldMask)
    for (let f = 0; f < FIELD_COUNT; f++) if (mask & (1 << f)) sliceCount++;
  if (sliceCount !== slices) throw corrupt("field masks");
  const meta: IndexMeta = {
    documents,
    fieldLength,
    averageFieldLength: header.averageFieldLength,
    nextId: header.nextId,
  };
  // The postings stay packed: a view of the bytes just read.
  const packed = bytes.subarray(0, postingBytes);
  return assemble(meta, { keys, fieldMask, lengths, byteLengths, bytes: packed });
}
