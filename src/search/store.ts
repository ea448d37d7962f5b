import { randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ByteWriter } from "../bytes.js";
import { collectGarbage } from "../collect.js";
import { numericTermKey, numericTermOrder, TermCounter } from "./analyzer.js";
import {
  type ArchiveMiniSearch,
  FIELDS,
  type IndexDoc,
  type IndexMeta,
  PREFIX_WEIGHT,
  type TermData,
} from "./engine.js";
import { deserializeIndex, serializeIndex, serializeIndexPieces } from "./persist.js";
import { assemble, type PackedIndex, varintSize } from "./postings.js";

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
export { INDEX_VERSION } from "./persist.js";
export {
  type Accumulator,
  accumulate,
  fieldSize,
  PackedPostings,
  scanPostings,
} from "./postings.js";

/**
 * The MiniSearch index behind search, and what makes it fit an archive of 48,000 articles:
 * - postings packed in bytes (postings.ts), behind the `Map` interface MiniSearch uses, and terms
 *   in a sorted dictionary (terms.ts), so MiniSearch's own `add`, `remove`, prefix and fuzzy
 *   look-ups keep working on them;
 * - a bulk loader that counts every field's terms with numeric keys and inserts each distinct
 *   term once, instead of `MiniSearch.add` walking the term index once per token;
 * - a compact persisted form (persist.ts) that loads by taking views of the bytes read.
 * MiniSearch's internals are reached only through `ArchiveMiniSearch` (engine.ts).
 */

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

  /** The field lengths array itself (`shortId * FIELD_COUNT + fieldId`), for tight loops. */
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
    spillAfterBlocks?: number,
  ): IndexStore {
    return new IndexStore(bulkLoad(ids, foldedField, characters, spillAfterBlocks));
  }

  serialize(fingerprint: (id: string) => string): Buffer {
    return serializeIndex(this.mini, fingerprint);
  }

  /** `serialize` as pieces, never joined (see `serializeIndexPieces`). */
  serializePieces(fingerprint: (id: string) => string): Uint8Array[] {
    return serializeIndexPieces(this.mini, fingerprint);
  }

  /** `count`: the documents expected (undefined: the caller compares them later). */
  static deserialize(
    data: Uint8Array,
    fingerprint: ((id: string) => string | undefined) | undefined,
    count: number | undefined,
    checked = false,
  ): IndexStore {
    return new IndexStore(deserializeIndex(data, fingerprint, count, checked));
  }
}

// ---------------------------------------------------------------------------------------------
// Bulk indexing

/**
 * (term, field, document, count) postings, collected document by document in fixed-size blocks:
 * nothing is reserved ahead or copied to grow, and the document of a posting is not stored but
 * told by where each document's postings start (5 bytes a posting, not 10). Past
 * `spillAfterBlocks` blocks, full blocks are written to a temporary file (unlinked once open) and
 * read back one at a time while they are packed: at the archive's 48 million postings they were
 * 240 MB of a cold start's peak.
 */
class PostingCollector {
  /** Per block in memory: termId * 8 + fieldId of each posting. */
  private slotBlocks: Int32Array[] = [];
  /** Per block in memory: the count of each posting, `LARGE_COUNT` for one in `largeCounts`. */
  private countBlocks: Uint8Array[] = [];
  /** Counts of `LARGE_COUNT` or more (a term's count in a field is seldom that high), by posting. */
  private largeCounts = new Map<number, number>();
  /** Per document (short id), the index of its first posting. */
  private docStarts: number[] = [];
  length = 0;
  /** Postings a block holds: a power of two. */
  private readonly block: number;
  /** Blocks held in memory before the full ones go to a file. */
  private spillAfterBlocks: number;
  /** Once spilling: the file of the full blocks (the one being filled stays in memory). */
  private spill: SpillFile | undefined;

  /**
   * `expected`: about how many postings will come (blocks are no larger than needed for few);
   * `spillAfterBlocks`: blocks held in memory before full ones are written to a file.
   */
  constructor(expected: number, spillAfterBlocks = SPILL_AFTER_BLOCKS) {
    let block = 1 << 12;
    while (block < expected && block < 1 << 20) block *= 2;
    this.block = block;
    this.spillAfterBlocks = spillAfterBlocks;
  }

  /** Adds a posting of document `shortId`: documents come in order, from 0. */
  add(termId: number, fieldId: number, shortId: number, count: number): void {
    while (this.docStarts.length <= shortId) this.docStarts.push(this.length);
    const at = this.length & (this.block - 1);
    if (at === 0) this.newBlock();
    const block = this.slotBlocks.length - 1;
    (this.slotBlocks[block] as Int32Array)[at] = termId * 8 + fieldId;
    const capped = Math.min(count, 0xffff);
    (this.countBlocks[block] as Uint8Array)[at] = Math.min(capped, LARGE_COUNT);
    if (capped >= LARGE_COUNT) this.largeCounts.set(this.length, capped);
    this.length++;
  }

  /** Makes room for a block: a new one in memory, or the full one written out and its arrays reused. */
  private newBlock(): void {
    if (!this.spill && this.slotBlocks.length >= this.spillAfterBlocks) {
      this.spill = SpillFile.open(this.block);
      // No file to be had: every block stays in memory.
      if (!this.spill) this.spillAfterBlocks = Number.POSITIVE_INFINITY;
    }
    const spill = this.spill;
    if (!spill) {
      this.slotBlocks.push(new Int32Array(this.block));
      this.countBlocks.push(new Uint8Array(this.block));
      return;
    }
    // Every full block goes to the file; the last one's arrays take the next block.
    for (let b = 0; b < this.slotBlocks.length; b++)
      spill.write(
        spill.blocks,
        this.slotBlocks[b] as Int32Array,
        this.countBlocks[b] as Uint8Array,
      );
    const slots = this.slotBlocks[this.slotBlocks.length - 1] as Int32Array;
    const counts = this.countBlocks[this.countBlocks.length - 1] as Uint8Array;
    this.slotBlocks = [slots];
    this.countBlocks = [counts];
  }

  /** Blocks collected, spilled ones included. */
  private get blockCount(): number {
    return (this.spill?.blocks ?? 0) + this.slotBlocks.length;
  }

  /** A block's postings (a spilled one read into the file's scratch arrays). */
  private blockAt(b: number): { slots: Int32Array; counts: Uint8Array } {
    const spilled = this.spill?.blocks ?? 0;
    if (b >= spilled) {
      return {
        slots: this.slotBlocks[b - spilled] as Int32Array,
        counts: this.countBlocks[b - spilled] as Uint8Array,
      };
    }
    return (this.spill as SpillFile).read(b);
  }

  /** Writes back a spilled block's slots after they were changed in the scratch array. */
  private slotsChanged(b: number, slots: Int32Array): void {
    if (this.spill && b < this.spill.blocks) this.spill.writeSlots(b, slots);
  }

  /**
   * Postings grouped by term (in key order: `rank[termId]` is the term's position) then
   * field; documents stay in order (a stable counting sort). The postings are grouped a band of
   * terms at a time (`PACK_BANDS`), twice (once to size the bytes, once to write them), so that
   * only a band's documents and counts are held beside the blocks, not a second copy of all;
   * they are counted by term, and a term's fields are told apart as it is written.
   */
  pack(termCount: number, keyText: string, rank: Int32Array): PackedIndex {
    /** Per term in key order, its first posting; `termCount`: all of them. */
    const start = new Int32Array(termCount + 1);
    const fieldMask = new Uint8Array(termCount);
    for (let b = 0; b < this.blockCount; b++) {
      const slotOf = this.blockAt(b).slots;
      const end = Math.min(this.block, this.length - b * this.block);
      for (let i = 0; i < end; i++) {
        const slot = slotOf[i] as number;
        const term = rank[slot >> 3] as number;
        slotOf[i] = term * 8 + (slot & 7);
        start[term + 1] = (start[term + 1] as number) + 1;
        fieldMask[term] = (fieldMask[term] as number) | (1 << (slot & 7));
      }
      this.slotsChanged(b, slotOf);
    }
    let sliceCount = 0;
    for (let t = 0; t < termCount; t++) {
      sliceCount += bitCount(fieldMask[t] as number);
      start[t + 1] = (start[t] as number) + (start[t + 1] as number);
    }
    const lengths = new Uint32Array(sliceCount);
    const byteLengths = new Uint32Array(sliceCount);
    const total = this.length;
    const bands = Math.max(1, Math.min(PACK_BANDS, Math.ceil(total / PACK_BAND_MIN)));
    /** The first term of each band, then `termCount`: bands of about equal postings. */
    const bandStarts = [0];
    for (let b = 1; b < bands; b++) {
      const target = Math.floor((total * b) / bands);
      let lo = bandStarts[b - 1] as number;
      let hi = termCount;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((start[mid] as number) < target) lo = mid + 1;
        else hi = mid;
      }
      bandStarts.push(lo);
    }
    bandStarts.push(termCount);
    // One set of arrays for every band, reused: a band's arrays left to the collector would
    // stay allocated until a collection, which this loop, allocating nothing else, never starts.
    let widest = 0;
    let widestTerms = 0;
    for (let b = 0; b < bands; b++) {
      const first = bandStarts[b] as number;
      const last = bandStarts[b + 1] as number;
      widest = Math.max(widest, (start[last] as number) - (start[first] as number));
      widestTerms = Math.max(widestTerms, last - first);
    }
    const band: Band = {
      docs: new Uint32Array(widest),
      counts: new Uint16Array(widest),
      fields: new Uint8Array(widest),
      cursor: new Int32Array(widestTerms),
    };
    /** Each (term, field) run of postings in order, band by band: its range in `band`. */
    const forEachRun = (visit: (from: number, to: number, fieldId: number) => void): void => {
      for (let b = 0; b < bands; b++) {
        const first = bandStarts[b] as number;
        const last = bandStarts[b + 1] as number;
        this.fillBand(start, first, last, band);
        const base = start[first] as number;
        for (let t = first; t < last; t++) {
          const mask = fieldMask[t] as number;
          for (let fieldId = 0; fieldId < 8; fieldId++) {
            if ((mask & (1 << fieldId)) !== 0)
              visit((start[t] as number) - base, (start[t + 1] as number) - base, fieldId);
          }
        }
      }
    };
    let size = 0;
    forEachRun((from, to, fieldId) => {
      let previous = 0;
      for (let i = from; i < to; i++) {
        if (band.fields[i] !== fieldId) continue;
        const doc = band.docs[i] as number;
        size += varintSize(doc - previous) + varintSize(band.counts[i] as number);
        previous = doc;
      }
    });
    // Sized exactly first, so that no spare capacity stays behind.
    const out = new ByteWriter(size + 8);
    let slice = 0;
    forEachRun((from, to, fieldId) => {
      const before = out.length;
      let previous = 0;
      let postings = 0;
      for (let i = from; i < to; i++) {
        if (band.fields[i] !== fieldId) continue;
        const doc = band.docs[i] as number;
        out.varint(doc - previous);
        out.varint(band.counts[i] as number);
        previous = doc;
        postings++;
      }
      lengths[slice] = postings;
      byteLengths[slice++] = out.length - before;
    });
    this.slotBlocks = [];
    this.countBlocks = [];
    this.spill?.close();
    this.spill = undefined;
    this.largeCounts = new Map();
    this.docStarts = [];
    this.length = 0;
    return {
      keyText,
      terms: termCount,
      fieldMask,
      lengths,
      byteLengths,
      bytes: out.result(),
    };
  }

  /**
   * Writes the postings of terms [first, last) to `band` from 0, by term and, within a term, in
   * document order (`start`: each term's first posting over all terms).
   */
  private fillBand(start: Int32Array, first: number, last: number, band: Band): void {
    const { docs, counts, fields, cursor } = band;
    const base = start[first] as number;
    cursor.set(start.subarray(first, last));
    const docStarts = this.docStarts;
    let doc = 0;
    for (let b = 0; b < this.blockCount; b++) {
      const { slots: slotOf, counts: countOf } = this.blockAt(b);
      const firstPosting = b * this.block;
      const end = Math.min(this.block, this.length - firstPosting);
      for (let i = 0; i < end; i++) {
        const slot = slotOf[i] as number;
        const term = slot >> 3;
        if (term < first || term >= last) continue;
        while (doc + 1 < docStarts.length && (docStarts[doc + 1] as number) <= firstPosting + i)
          doc++;
        const at = (cursor[term - first] as number) - base;
        cursor[term - first] = at + base + 1;
        docs[at] = doc;
        fields[at] = slot & 7;
        const count = countOf[i] as number;
        counts[at] =
          count === LARGE_COUNT ? (this.largeCounts.get(firstPosting + i) as number) : count;
      }
    }
  }
}

/**
 * Blocks a collector holds in memory before it writes full ones to a file: 8 blocks are 40 MB at
 * most, so a month's postings stay in memory and the archive's go to the file.
 */
const SPILL_AFTER_BLOCKS = 8;

/**
 * The full blocks of a `PostingCollector`, in a temporary file: each block's slots, then its
 * counts, block after block. The file is unlinked as soon as it is open (where the system allows),
 * so nothing is left behind if the process ends; a block read back lands in one pair of scratch
 * arrays, valid until the next read.
 */
class SpillFile {
  blocks = 0;
  private readonly slots: Int32Array;
  private readonly counts: Uint8Array;

  private constructor(
    private readonly fd: number,
    private readonly path: string,
    private unlinked: boolean,
    private readonly block: number,
  ) {
    this.slots = new Int32Array(block);
    this.counts = new Uint8Array(block);
  }

  /** A new spill file, or undefined when none can be made (the blocks then stay in memory). */
  static open(block: number): SpillFile | undefined {
    const path = join(tmpdir(), `dubao-postings-${process.pid}-${randomBytes(6).toString("hex")}`);
    let fd: number;
    try {
      fd = openSync(path, "w+", 0o600);
    } catch {
      return undefined;
    }
    let unlinked = false;
    try {
      unlinkSync(path);
      unlinked = true;
    } catch {
      // Windows keeps an open file's name: it is removed on close.
    }
    return new SpillFile(fd, path, unlinked, block);
  }

  private offset(b: number): number {
    return b * this.block * 5;
  }

  write(b: number, slots: Int32Array, counts: Uint8Array): void {
    this.writeSlots(b, slots);
    writeFully(this.fd, bytesOf(counts), this.offset(b) + this.block * 4);
    if (b === this.blocks) this.blocks++;
  }

  writeSlots(b: number, slots: Int32Array): void {
    writeFully(this.fd, bytesOf(slots), this.offset(b));
  }

  read(b: number): { slots: Int32Array; counts: Uint8Array } {
    readFully(this.fd, bytesOf(this.slots), this.offset(b));
    readFully(this.fd, bytesOf(this.counts), this.offset(b) + this.block * 4);
    return { slots: this.slots, counts: this.counts };
  }

  close(): void {
    closeSync(this.fd);
    if (!this.unlinked) {
      try {
        unlinkSync(this.path);
      } catch {
        // Already gone.
      }
      this.unlinked = true;
    }
  }
}

function bytesOf(array: Int32Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function writeFully(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length; )
    done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

function readFully(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length; ) {
    const read = readSync(fd, bytes, done, bytes.length - done, position + done);
    if (read === 0) throw new Error("search index: the postings' spill file ended early");
    done += read;
  }
}

/** A band's postings, by term then document (see `PostingCollector.fillBand`). */
interface Band {
  docs: Uint32Array;
  counts: Uint16Array;
  fields: Uint8Array;
  /** Per term of the band, where its next posting goes. */
  cursor: Int32Array;
}

/** Bits set in a field mask. */
function bitCount(mask: number): number {
  let count = 0;
  for (let bits = mask; bits !== 0; bits &= bits - 1) count++;
  return count;
}

/** Postings collected from this many on are packed after a full collection (see `bulkLoad`). */
const COLLECT_BEFORE_PACKING = 1 << 24;

/** Packed postings of this many bytes or more are followed by a full collection (see above). */
const COLLECT_AFTER_BYTES = 16 << 20;

/** A posting's count in its block when it is this or more (and kept in `largeCounts`). */
const LARGE_COUNT = 0xff;

/**
 * Bands of terms `PostingCollector.pack` groups at a time: each band's documents, counts and
 * fields (7 bytes a posting) are held beside the collected blocks, so 8 bands hold an eighth of
 * what one would (about 40 rather than 330 MB at the 2020–2022 archive's 48 million postings);
 * each band reads the collected blocks twice (from the spill file at that size: page cache).
 */
const PACK_BANDS = 8;
/** Fewer postings than this a band are grouped in fewer bands (a small index in one). */
const PACK_BAND_MIN = 1 << 20;

/**
 * Term keys in code-unit order, as the dictionary's text (each key followed by a newline), and
 * each term's position in it. Han keys (upper-case base-36, first character A–V) sort like their
 * numeric terms, so those are sorted as numbers; words starting with a digit come before them and
 * other words after. The keys are joined a few thousand at a time: millions of key strings held
 * at once were 120 MB of heap at the archive's size.
 */
function sortTerms(terms: Array<string | number>): {
  keyText: string;
  termCount: number;
  rank: Int32Array;
} {
  const ID_BITS = 2 ** 22;
  if (terms.length >= ID_BITS) throw new Error("search index: too many distinct terms");
  let hanCount = 0;
  for (const term of terms) if (typeof term === "number") hanCount++;
  const sortedHan = new Float64Array(hanCount);
  const low: Array<[string, number]> = [];
  const high: Array<[string, number]> = [];
  let h = 0;
  terms.forEach((term, termId) => {
    if (typeof term === "number") {
      sortedHan[h++] = numericTermOrder(term) * ID_BITS + termId;
    } else (term.charCodeAt(0) < 0x41 ? low : high).push([term, termId]);
  });
  const byKey = (a: [string, number], b: [string, number]) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
  low.sort(byKey);
  high.sort(byKey);
  sortedHan.sort();
  const rank = new Int32Array(terms.length);
  const parts: string[] = [];
  let chunk: string[] = [];
  let placed = 0;
  const place = (key: string, termId: number) => {
    rank[termId] = placed++;
    chunk.push(key);
    if (chunk.length === KEY_CHUNK) {
      parts.push(`${chunk.join("\n")}\n`);
      chunk = [];
    }
  };
  for (const [key, termId] of low) place(key, termId);
  for (const value of sortedHan) {
    const termId = value % ID_BITS;
    place(numericTermKey(terms[termId] as number), termId);
  }
  for (const [key, termId] of high) place(key, termId);
  if (chunk.length > 0) parts.push(`${chunk.join("\n")}\n`);
  return { keyText: parts.join(""), termCount: placed, rank };
}

/** Term keys joined at a time by `sortTerms`. */
const KEY_CHUNK = 4096;

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
  spillAfterBlocks?: number,
): ArchiveMiniSearch {
  const fieldLength: number[][] = [];
  const averageFieldLength: number[] = FIELDS.map(() => 0);
  let counter: TermCounter | undefined = new TermCounter();
  // Distinct terms per field are about half its characters.
  const collector = new PostingCollector(Math.ceil(characters * 0.5), spillAfterBlocks);
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
  const { keyText, termCount, rank } = sortTerms(counter.terms);
  // The counter's terms, word map and tables (tens of megabytes at the archive's size) are
  // garbage now, with the counting's: collected before the packing allocates its arrays.
  counter = undefined;
  if (collector.length >= COLLECT_BEFORE_PACKING) collectGarbage();
  const packed = collector.pack(termCount, keyText, rank);
  // The collected blocks and the terms' keys are garbage now: hundreds of megabytes at the
  // archive's size, let go before the dictionary is assembled and the people are counted.
  if (packed.bytes.length >= COLLECT_AFTER_BYTES) collectGarbage();
  return assemble(meta, packed);
}
