import { isNonHanWordCode, type QueryTerm } from "./analyzer.js";

/**
 * Verification: whether and where a folded query term occurs in a folded text, its word
 * boundaries respected (Latin and digit edges on a boundary).
 */

/** Whether the folded term occurs in the folded text, with its word boundaries respected. */
export function containsTerm(folded: string, term: QueryTerm): boolean {
  return nextMatch(folded, term, 0) >= 0;
}

/**
 * Start of the first match of the term at or after `from`, or −1. `anchor` (see `anchorOf`) only
 * changes how the text is scanned, never the result.
 */
export function nextMatch(folded: string, term: QueryTerm, from: number, anchor = 0): number {
  return nextAnchoredMatch(folded, anchoredTerm(term, anchor), from);
}

/** A term with the unit its search in a text starts from (`anchorOf`), split there once. */
export interface AnchoredTerm {
  term: QueryTerm;
  anchor: number;
  /** The units before the anchor, and the rest. */
  head: string;
  tail: string;
}

export function anchoredTerm(term: QueryTerm, anchor: number): AnchoredTerm {
  const text = term.text;
  return anchor <= 0
    ? { term, anchor: 0, head: "", tail: text }
    : { term, anchor, head: text.slice(0, anchor), tail: text.slice(anchor) };
}

/** `nextMatch` with the term split at its anchor beforehand (once for many texts). */
export function nextAnchoredMatch(folded: string, anchored: AnchoredTerm, from: number): number {
  const { term } = anchored;
  let at = indexOfAnchored(folded, anchored, from);
  while (at >= 0) {
    if (isMatchAt(folded, term, at)) return at;
    at = indexOfAnchored(folded, anchored, at + 1);
  }
  return -1;
}

/**
 * `folded.indexOf(text, from)`, scanning for `text` from its `anchor`-th unit on and checking the
 * units before it: the first occurrence of the tail whose head also matches is the first
 * occurrence of the whole. String search stops wherever the pattern's first unit may be, so
 * starting the pattern at another unit (病毒 rather than 中共病毒) can stop less often.
 */
function indexOfAnchored(folded: string, anchored: AnchoredTerm, from: number): number {
  const { anchor, head, tail } = anchored;
  if (anchor === 0) return folded.indexOf(tail, from);
  let at = folded.indexOf(tail, from + anchor);
  while (at >= 0) {
    if (folded.startsWith(head, at - anchor)) return at - anchor;
    at = folded.indexOf(tail, at + 1);
  }
  return -1;
}

/**
 * Where to anchor the search for a term of several units (`nextMatch`): the unit whose search
 * stops least often in `sample` (a few texts the term is looked for in), the first of equals.
 * V8 finds a pattern's first unit with `memchr` for the higher of its two bytes, so the search
 * stops at every unit with that byte in either half (习, U+4E60, stops at every 性, U+6027): the
 * stops are counted by byte, not by occurrences of the unit.
 */
export function anchorOf(text: string, sample: readonly string[]): number {
  if (text.length < 2) return 0;
  const stops = new Uint32Array(256);
  for (const piece of sample) {
    for (let i = 0; i < piece.length; i++) {
      const code = piece.charCodeAt(i);
      const low = code & 0xff;
      const high = code >> 8;
      stops[low] = (stops[low] as number) + 1;
      if (high !== low) stops[high] = (stops[high] as number) + 1;
    }
  }
  let best = 0;
  let fewest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is not split (its halves are not searched for alone).
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const count = stops[Math.max(code & 0xff, code >> 8)] as number;
    if (count < fewest) {
      fewest = count;
      best = i;
    }
  }
  return best;
}

function isMatchAt(folded: string, term: QueryTerm, at: number): boolean {
  if (term.boundaryBefore && at > 0 && isNonHanWordCode(folded.charCodeAt(at - 1))) return false;
  const end = at + term.text.length;
  if (term.boundaryAfter && end < folded.length && isNonHanWordCode(folded.charCodeAt(end)))
    return false;
  return true;
}

/** Every match of the term in the folded text, as [start, end) ranges, left to right. */
export function matchRanges(
  folded: string,
  term: QueryTerm,
  limit = 1000,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let at = nextMatch(folded, term, 0);
  while (at >= 0 && ranges.length < limit) {
    ranges.push([at, at + term.text.length]);
    at = nextMatch(folded, term, at + term.text.length);
  }
  return ranges;
}
