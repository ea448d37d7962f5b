import type { ByteWriter } from "../bytes.js";
import type { IndexMeta, Postings, TermData } from "./engine.js";
import { ArchiveMiniSearch, BM25, FIELD_BOOSTS, FIELD_COUNT } from "./engine.js";
import type { IndexStore } from "./store.js";
import { TermDictionary } from "./terms.js";

/**
 * Postings packed in bytes (delta + varint), the term data MiniSearch sees over them, the BM25
 * scoring loop that reads them without making objects, and the assembly of a MiniSearch index
 * from them.
 */

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

/**
 * The last slice decoded into the scratch arrays. One object, updated in place: a common
 * character's evaluation decodes thousands of slices, and an object per slice fed the collector.
 */
const scratchView: PostingArrays & { end: number } = { ...scratch, end: 0 };

/** A slice decoded into the shared scratch arrays: valid until the next slice is decoded. */
function decodeToScratch(store: PostingStore, slice: number): PostingArrays & { end: number } {
  const length = sliceLength(store, slice);
  if (length > scratch.docs.length) {
    const size = Math.max(length, scratch.docs.length * 2);
    scratch = { docs: new Uint32Array(size), counts: new Uint16Array(size) };
    scratchView.docs = scratch.docs;
    scratchView.counts = scratch.counts;
  }
  scratchView.end = decodeSlice(store, slice, scratch);
  return scratchView;
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
  /**
   * Documents that matched every key so far (after `step` keys): the first `count` entries
   * (typed and reused from term to term: a common character has tens of thousands).
   */
  candidates: Int32Array;
  count: number;
  /** Index of the key being added. */
  step: number;
  /**
   * The step of the term's first key, whose fields are recorded (default 0). 1 when the
   * candidates were given beforehand (hits 1, step 0 done): only those documents are scored.
   */
  first?: number;
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
  // Packed postings untouched since loading are read from their bytes (no object made).
  const packed = data instanceof PackedTerm ? data.packedSliceIndex(fieldId) : -1;
  const postings = packed >= 0 ? undefined : data.get(fieldId);
  const matching = packed >= 0 ? (data as PackedTerm).packedLength(packed) : (postings?.size ?? 0);
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
  const count = acc.count;
  const bit = 1 << fieldId;
  const next = step + 1;
  const recordFields = step === (acc.first ?? 0);
  const probe = step > 0 && count * 16 < matching;
  if (postings) {
    acc.count = scanMap(postings, acc, fieldId, factor, kFixed, kLength, lengths, probe);
    return;
  }
  if (!probe) {
    acc.count = scanPacked(
      (data as PackedTerm).postingStore,
      packed,
      acc,
      fieldId,
      factor,
      kFixed,
      kLength,
      lengths,
      count,
      recordFields,
    );
    return;
  }
  const { docs, counts, end } = (data as PackedTerm).packedSlice(fieldId) as NonNullable<
    ReturnType<PackedTerm["packedSlice"]>
  >;
  // Probing the candidates: a probed document is never new (step > 0).
  for (let c = 0; c < count; c++) {
    const doc = candidates[c] as number;
    let low = 0;
    let high = end - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = docs[middle] as number;
      if (value === doc) {
        const times = counts[middle] as number;
        const seen = hits[doc] as number;
        // `add` written out, as in `scanPacked`.
        if (times > 0 && (seen === step || seen === next)) {
          if (seen === step) hits[doc] = next;
          if (recordFields) fields[doc] = (fields[doc] as number) | bit;
          const length = lengths[doc * stride + fieldId] as number;
          scores[doc] =
            (scores[doc] as number) +
            factor * (d + (times * k1) / (times + kFixed + kLength * length));
        }
        break;
      }
      if (value < doc) low = middle + 1;
      else high = middle - 1;
    }
  }
}

/**
 * `accumulate` over postings in a `Map` (changed since loading). A function of its own: the
 * variables its closure captures live in a context object made at every call of the function
 * that declares them, and `accumulate` runs for each of a lone character's 13,000 (key, field)
 * pairs (2 MB of garbage a query). Returns the new candidate count.
 */
function scanMap(
  postings: Postings,
  acc: Accumulator,
  fieldId: number,
  factor: number,
  kFixed: number,
  kLength: number,
  lengths: IndexStore["fieldLengths"],
  probe: boolean,
): number {
  const { hits, scores, fields, candidates, step } = acc;
  const stride = FIELD_COUNT;
  const { d } = BM25;
  const k1 = BM25.k + 1;
  const bit = 1 << fieldId;
  const next = step + 1;
  const recordFields = step === (acc.first ?? 0);
  let count = acc.count;
  const add = (doc: number, times: number): void => {
    const seen = hits[doc] as number;
    if (seen === step) {
      hits[doc] = next;
      if (step === 0) candidates[count++] = doc;
    } else if (seen !== next) return;
    if (recordFields) fields[doc] = (fields[doc] as number) | bit;
    const length = lengths[doc * stride + fieldId] as number;
    scores[doc] =
      (scores[doc] as number) + factor * (d + (times * k1) / (times + kFixed + kLength * length));
  };
  if (probe) {
    for (let c = 0; c < count; c++) {
      const doc = candidates[c] as number;
      const times = postings.get(doc);
      if (times !== undefined) add(doc, times);
    }
  } else scanPostings(postings, add);
  return count;
}

/**
 * `accumulate` over a packed slice, every posting (no probing): the varints are decoded as they
 * are scored, not first into scratch arrays (the loop a common character runs 300,000 times).
 * Returns the new candidate count.
 */
function scanPacked(
  store: PostingStore,
  slice: number,
  acc: Accumulator,
  fieldId: number,
  factor: number,
  kFixed: number,
  kLength: number,
  lengths: IndexStore["fieldLengths"],
  count: number,
  recordFields: boolean,
): number {
  const { bytes, byteStarts } = store;
  const { hits, scores, fields, candidates, step } = acc;
  const stride = FIELD_COUNT;
  const { d } = BM25;
  const k1 = BM25.k + 1;
  const bit = 1 << fieldId;
  const next = step + 1;
  let at = byteStarts[slice] as number;
  const end = byteStarts[slice + 1] as number;
  let doc = 0;
  while (at < end) {
    let byte = bytes[at++] as number;
    let value = byte & 0x7f;
    if (byte & 0x80) {
      let scale = 128;
      do {
        byte = bytes[at++] as number;
        value += (byte & 0x7f) * scale;
        scale *= 128;
      } while (byte & 0x80);
    }
    doc += value;
    byte = bytes[at++] as number;
    let times = byte & 0x7f;
    if (byte & 0x80) {
      let scale = 128;
      do {
        byte = bytes[at++] as number;
        times += (byte & 0x7f) * scale;
        scale *= 128;
      } while (byte & 0x80);
    }
    if (times === 0) continue;
    const seen = hits[doc] as number;
    if (seen === step) {
      hits[doc] = next;
      if (step === 0) candidates[count++] = doc;
    } else if (seen !== next) continue;
    if (recordFields) fields[doc] = (fields[doc] as number) | bit;
    const length = lengths[doc * stride + fieldId] as number;
    scores[doc] =
      (scores[doc] as number) + factor * (d + (times * k1) / (times + kFixed + kLength * length));
  }
  return count;
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
export class PackedTerm implements TermData {
  // undefined: still packed (see `mask`); null: deleted; otherwise the postings in use.
  private f0: Postings | null | undefined;
  private f1: Postings | null | undefined;
  private f2: Postings | null | undefined;
  private f3: Postings | null | undefined;
  private f4: Postings | null | undefined;
  private f5: Postings | null | undefined;
  /** Whether a slot was ever set: until then every field is as packed (the common case, read fast). */
  private slotted = false;

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
      case 5:
        return this.f5;
      default:
        return null;
    }
  }

  private setSlot(fieldId: number, postings: Postings | null): void {
    this.slotted = true;
    if (fieldId === 0) this.f0 = postings;
    else if (fieldId === 1) this.f1 = postings;
    else if (fieldId === 2) this.f2 = postings;
    else if (fieldId === 3) this.f3 = postings;
    else if (fieldId === 4) this.f4 = postings;
    else if (fieldId === 5) this.f5 = postings;
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
    const bit = 1 << fieldId;
    if (!(this.mask & bit) || (this.slotted && this.slot(fieldId) !== undefined)) return -1;
    return this.firstSlice + bitCount(this.mask & (bit - 1));
  }

  get postingStore(): PostingStore {
    return this.store;
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
    if (!this.slotted) return bitCount(this.mask);
    let size = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const slot = this.slot(f);
      if (slot === undefined ? this.mask & (1 << f) : slot) size++;
    }
    return size;
  }

  get(fieldId: number): Postings | undefined {
    if (!this.slotted && !(this.mask & (1 << fieldId))) return undefined;
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
export interface PackedIndex {
  /** The term keys in code-unit order, each followed by "\n". */
  keyText: string;
  /** How many terms. */
  terms: number;
  /** For each term, a bit per field that has postings. */
  fieldMask: Uint8Array;
  /** Postings in each (term, field) slice. */
  lengths: Uint32Array;
  /** Bytes of each slice in `bytes`. */
  byteLengths: Uint32Array;
  /** The slices' postings, delta + varint packed (see `PostingStore`). */
  bytes: Uint8Array;
}

/** A MiniSearch instance with these documents and packed postings (no `add` per document). */
/** `checked`: the bytes passed a checksum since this module wrote them (see `TermDictionary`). */
export function assemble(meta: IndexMeta, packed: PackedIndex, checked = false): ArchiveMiniSearch {
  const slices = packed.lengths.length;
  const starts = new Uint32Array(slices + 1);
  const byteStarts = new Uint32Array(slices + 1);
  for (let i = 0; i < slices; i++) {
    starts[i + 1] = (starts[i] as number) + (packed.lengths[i] as number);
    byteStarts[i + 1] = (byteStarts[i] as number) + (packed.byteLengths[i] as number);
  }
  if (byteStarts[slices] !== packed.bytes.length) throw corrupt("slice bytes");
  const store: PostingStore = { bytes: packed.bytes, byteStarts, starts };
  const termCount = packed.terms;
  const firstSlice = new Uint32Array(termCount);
  let slice = 0;
  for (let t = 0; t < termCount; t++) {
    firstSlice[t] = slice;
    const mask = packed.fieldMask[t] as number;
    for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId++) if (mask & (1 << fieldId)) slice++;
  }
  const { fieldMask } = packed;
  const terms = new TermDictionary(
    packed.keyText,
    termCount,
    (t) => new PackedTerm(store, firstSlice[t] as number, fieldMask[t] as number),
    !checked,
  );
  const mini = ArchiveMiniSearch.assemble(meta, terms);
  mini.packedSource = { ...store, fieldMask };
  return mini;
}

/** Bits set in a field mask (at most 8 bits). */
function bitCount(mask: number): number {
  let count = 0;
  for (let bits = mask; bits !== 0; bits &= bits - 1) count++;
  return count;
}

export function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** Postings [start, end) of sorted documents: each as (document − previous, count). */
export function writePostings(
  out: ByteWriter,
  docs: ArrayLike<number>,
  counts: ArrayLike<number>,
  start: number,
  end: number,
): void {
  let previous = 0;
  for (let i = start; i < end; i++) {
    const doc = docs[i] as number;
    out.varint(doc - previous);
    out.varint(Math.min(counts[i] as number, 0xffff));
    previous = doc;
  }
}

export function corrupt(why: string): Error {
  return new Error(`search index: corrupt data (${why})`);
}
