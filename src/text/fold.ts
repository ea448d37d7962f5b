import { isHanCode } from "./chars.js";
import { simplifiedCode } from "./script.js";

/**
 * The one normal form used for matching anywhere in the project (search, people, quotes, ask,
 * summary): simplified script, half-width ASCII, one name dot, lower-case Latin.
 *
 * Folding maps one UTF-16 unit to one, so a folded text has the length of its original and an
 * offset found in the folded text is the same offset in the original: `foldWithOffsets` states
 * that map for code that slices the original text (snippets, quotes, sentences).
 */

/** Middle dots used between the parts of a transliterated name: ‧ · • ・ ･ ‧ and the hyphenation point. */
export const NAME_DOTS = "·‧•・･∙⋅‐";
export const NAME_DOT = "·";
const NAME_DOT_CODE = NAME_DOT.charCodeAt(0);
const NAME_DOT_CODES = new Set([...NAME_DOTS].map((dot) => dot.charCodeAt(0)));

function foldUnit(code: number): number {
  // Full-width ASCII (ＮＡＴＯ, ０-９) to half-width, the ideographic space to a space.
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  else if (code === 0x3000) return 0x20;
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code < 0x80) return code;
  if (NAME_DOT_CODES.has(code)) return NAME_DOT_CODE;
  if (code >= 0xd800 && code <= 0xdfff) return code;
  if (isHanCode(code)) return simplifiedCode(code);
  if (code >= 0xc0 && code <= 0x24f) {
    const lower = String.fromCharCode(code).toLowerCase();
    if (lower.length === 1) return lower.charCodeAt(0);
  }
  return code;
}

/** Folded code of every UTF-16 unit, −1 until first needed (folding the archive at start-up is cheap). */
const foldTable = new Int32Array(0x10000).fill(-1);

/** The folded form of one UTF-16 unit. */
export function foldCode(code: number): number {
  let folded = foldTable[code] as number;
  if (folded < 0) {
    folded = foldUnit(code);
    foldTable[code] = folded;
  }
  return folded;
}

const decoder = new TextDecoder("utf-16le");
const CHUNK = 4096;

/** The string of UTF-16 units; lone surrogates are kept as they are (TextDecoder would replace them). */
export function unitsToString(units: Uint16Array, hasSurrogate: boolean): string {
  if (!hasSurrogate) return decoder.decode(units);
  let out = "";
  for (let at = 0; at < units.length; at += CHUNK)
    out += String.fromCharCode(...units.subarray(at, at + CHUNK));
  return out;
}

/** Simplified, half-width, lower-case, one name dot; the same length as the input. */
export function foldText(text: string): string {
  const n = text.length;
  const table = foldTable;
  let i = 0;
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    const folded = table[code] as number;
    if ((folded < 0 ? foldCode(code) : folded) !== code) break;
  }
  if (i === n) return text;
  const out = new Uint16Array(n);
  let hasSurrogate = false;
  for (let j = 0; j < n; j++) {
    const code = text.charCodeAt(j);
    const folded = table[code] as number;
    out[j] = folded < 0 ? foldCode(code) : folded;
    if (code >= 0xd800 && code <= 0xdfff) hasSurrogate = true;
  }
  return unitsToString(out, hasSurrogate);
}

/** `foldText(pieces.join(""))` without making the joined string first. */
export function foldConcat(pieces: readonly string[]): string {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const out = new Uint16Array(length);
  const table = foldTable;
  let at = 0;
  let hasSurrogate = false;
  for (const piece of pieces) {
    for (let i = 0; i < piece.length; i++) {
      const code = piece.charCodeAt(i);
      const folded = table[code] as number;
      out[at++] = folded < 0 ? foldCode(code) : folded;
      if (code >= 0xd800 && code <= 0xdfff) hasSurrogate = true;
    }
  }
  return unitsToString(out, hasSurrogate);
}

/** A folded text with the map from its offsets back to the original text. */
export interface FoldedText {
  readonly original: string;
  /** `foldText(original)`. */
  readonly folded: string;
  /**
   * The offset in the original of folded offset `offset` (0 … length). Folding keeps one unit for
   * one, so this is the identity; code that slices the original by folded offsets says so by
   * going through it.
   */
  originalOffset(offset: number): number;
  /** The original text under the folded range [start, end). */
  originalSlice(start: number, end: number): string;
}

export function foldWithOffsets(original: string): FoldedText {
  const folded = foldText(original);
  return {
    original,
    folded,
    originalOffset: (offset) => Math.max(0, Math.min(offset, original.length)),
    originalSlice: (start, end) => original.slice(start, end),
  };
}

/**
 * Folded letters and digits only (punctuation and whitespace dropped): the key under which two
 * sentences or quotations are the same text.
 */
export function foldedLettersAndDigits(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]/gu, "");
}
