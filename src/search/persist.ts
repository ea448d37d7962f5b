import { crc32 } from "node:zlib";
import { ByteWriter } from "../bytes.js";
import { ANALYSIS_VERSION } from "./analyzer.js";
import {
  type ArchiveMiniSearch,
  FIELD_BOOSTS,
  FIELD_COUNT,
  FIELDS,
  type IndexMeta,
  type Postings,
} from "./engine.js";
import {
  assemble,
  corrupt,
  fieldSize,
  PackedTerm,
  scanPostings,
  writePostings,
} from "./postings.js";

/** The persisted form of the search index (see `serializeIndex`), and loading it back. */

/** The version stamp a persisted index carries: analysis, fields, boosts and storage format. */
export const INDEX_VERSION = `${ANALYSIS_VERSION}|fields=${FIELDS.join(",")}|boost=${FIELD_BOOSTS.join(",")}|store=5`;

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

/**
 * The index as one line of JSON (version, documents and their fingerprints, field lengths) and
 * then the bytes of five sections, each with its CRC-32 in the header: the postings (per term and
 * field, delta + varint, as `PostingStore` holds them), the slice lengths in postings and in bytes
 * (varints), the field masks and the term keys (UTF-8, one a line).
 */
export function serializeIndex(
  mini: ArchiveMiniSearch,
  fingerprint: (id: string) => string,
): Buffer {
  return Buffer.concat(serializeIndexPieces(mini, fingerprint));
}

/**
 * `serializeIndex` as the pieces of its bytes, never joined: an index untouched since it was
 * built or loaded writes its packed postings, field masks and term keys as they are (views, no
 * copy; at the archive's size the postings alone are 150 MB), the same bytes a term-by-term walk
 * writes.
 */
export function serializeIndexPieces(
  mini: ArchiveMiniSearch,
  fingerprint: (id: string) => string,
): Uint8Array[] {
  const documents = mini.documentsByShortId();
  // Short ids of removed documents are dropped: the saved index numbers its documents 0…n−1.
  const dense = documents.every(([shortId], i) => shortId === i);
  const remap = dense ? undefined : new Int32Array(mini.nextShortId).fill(-1);
  if (remap) {
    documents.forEach(([shortId], i) => {
      remap[shortId] = i;
    });
  }
  const untouched = dense ? untouchedParts(mini) : undefined;
  if (untouched) return withHeader(mini, documents, fingerprint, untouched);
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
      writePostings(postingsOut, sliceDocs, sliceCounts, 0, length);
      endSlice(length, postingsOut.length - before);
    }
    if (mask === 0) continue;
    masksOut.byte(mask);
    keys.push(key);
  }
  const keyBytes = Buffer.from(keys.join("\n"), "utf8");
  return withHeader(mini, documents, fingerprint, {
    parts: [
      postingsOut.result(),
      lengthsOut.result(),
      byteLengthsOut.result(),
      masksOut.result(),
      keyBytes,
    ],
    terms: keys.length,
    slices,
    postings,
  });
}

/** The five sections of a serialized index's payload, and what the header says of them. */
interface PayloadParts {
  parts: Uint8Array[];
  terms: number;
  slices: number;
  postings: number;
}

/** The header line, then the parts. */
function withHeader(
  mini: ArchiveMiniSearch,
  documents: Array<[number, string]>,
  fingerprint: (id: string) => string,
  { parts, terms, slices, postings }: PayloadParts,
): Uint8Array[] {
  const header: SerialHeader = {
    magic: SERIAL_MAGIC,
    version: INDEX_VERSION,
    documents: documents.map(([, id], i) => [i, id]),
    fingerprints: documents.map(([, id]) => fingerprint(id)),
    fieldLength: documents.map(([shortId]) => [...(mini.fieldLengthsOf(shortId) ?? [])]),
    averageFieldLength: [...mini.averageFieldLengths],
    nextId: documents.length,
    terms,
    slices,
    postings,
    sections: parts.map((part) => part.length),
    checksums: parts.map((part) => crc32(part)),
  };
  return [Buffer.from(`${JSON.stringify(header)}\n`), ...parts];
}

/**
 * The payload of an index whose terms are all as packed (no live update since it was built or
 * loaded): its postings, masks and keys as they are, the slice lengths encoded from the offsets.
 * Every packed term has postings in some field, so no term is left out as the walk would.
 */
function untouchedParts(mini: ArchiveMiniSearch): PayloadParts | undefined {
  const source = mini.packedSource;
  const keyText = mini.terms.untouchedText;
  if (!source || keyText === undefined || source.fieldMask.includes(0)) return undefined;
  const { bytes, byteStarts, starts, fieldMask } = source;
  const slices = starts.length - 1;
  const lengthsOut = new ByteWriter(slices + 16);
  const byteLengthsOut = new ByteWriter(slices + 16);
  for (let i = 0; i < slices; i++) {
    lengthsOut.varint((starts[i + 1] as number) - (starts[i] as number));
    byteLengthsOut.varint((byteStarts[i + 1] as number) - (byteStarts[i] as number));
  }
  return {
    parts: [
      bytes.subarray(0, byteStarts[slices]),
      lengthsOut.result(),
      byteLengthsOut.result(),
      fieldMask,
      // The keys without the newline that ends the last.
      Buffer.from(keyText.slice(0, Math.max(0, keyText.length - 1)), "utf8"),
    ],
    terms: fieldMask.length,
    slices,
    postings: starts[slices] as number,
  };
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

/**
 * Loads a serialized index; its postings stay in `data`, viewed rather than copied. Without
 * `fingerprint`, the documents are not compared with the fingerprints they were indexed with.
 * `checked`: the whole of `data` passed a checksum since it was written (the persisted index's
 * section), so its sections' own checksums and the order of its keys are not checked again.
 */
export function deserializeIndex(
  data: Uint8Array,
  fingerprint: ((id: string) => string | undefined) | undefined,
  count: number | undefined,
  checked = false,
): ArchiveMiniSearch {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const newline = buffer.indexOf(0x0a);
  if (newline < 0) throw corrupt("no header");
  let header: SerialHeader;
  try {
    header = JSON.parse(buffer.toString("utf8", 0, newline)) as SerialHeader;
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
  if (count !== undefined && documents.length !== count)
    throw new Error("search index: the articles have changed");
  if (fingerprint) {
    documents.forEach(([, id], i) => {
      if (fingerprints[i] !== fingerprint(id))
        throw new Error(`search index: article ${id} is not the one indexed`);
    });
  }
  const bytes = buffer.subarray(newline + 1);
  const total = sections.reduce((sum, size) => sum + size, 0);
  if (bytes.length !== total) throw corrupt(`payload of ${bytes.length} bytes, expected ${total}`);
  let sectionStart = 0;
  sections.forEach((size, i) => {
    if (
      !checked &&
      crc32(bytes.subarray(sectionStart, sectionStart + size)) !== header.checksums?.[i]
    )
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
  // Indexed loops, not for…of: over millions of slices the iterator's result objects were most of
  // a warm start's garbage in this section (140 MB at the archive).
  for (let i = 0; i < slices; i++) sliced += lengths[i] as number;
  if (sliced !== postings) throw corrupt("postings");
  const fieldMask = bytes.subarray(offset, offset + terms);
  offset += terms;
  const keyText = terms === 0 ? "" : `${bytes.toString("utf8", offset)}\n`;
  let sliceCount = 0;
  for (let t = 0; t < terms; t++) {
    const mask = fieldMask[t] as number;
    for (let f = 0; f < FIELD_COUNT; f++) if (mask & (1 << f)) sliceCount++;
  }
  if (sliceCount !== slices) throw corrupt("field masks");
  const meta: IndexMeta = {
    documents,
    fieldLength,
    averageFieldLength: header.averageFieldLength,
    nextId: header.nextId,
  };
  // The postings stay packed: a view of the bytes just read.
  const packed = bytes.subarray(0, postingBytes);
  return assemble(
    meta,
    { keyText, terms, fieldMask, lengths, byteLengths, bytes: packed },
    checked,
  );
}
