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
  let at = indexOfAnchored(folded, term.text, from, anchor);
  while (at >= 0) {
    if (isMatchAt(folded, term, at)) return at;
    at = indexOfAnchored(folded, term.text, at + 1, anchor);
  }
  return -1;
}

/**
 * `folded.indexOf(text, from)`, scanning for `text` from its `anchor`-th unit on and checking the
 * units before it: the first occurrence of the tail whose head also matches is the first
 * occurrence of the whole. String search stops at every unit equal to the pattern's first one, so
 * starting the pattern at a rarer unit (病毒 rather than 中共病毒) stops less often.
 */
function indexOfAnchored(folded: string, text: string, from: number, anchor: number): number {
  if (anchor <= 0) return folded.indexOf(text, from);
  const tail = anchor === text.length - 1 ? (text[anchor] as string) : text.slice(anchor);
  const head = text.slice(0, anchor);
  let at = folded.indexOf(tail, from + anchor);
  while (at >= 0) {
    if (folded.startsWith(head, at - anchor)) return at - anchor;
    at = folded.indexOf(tail, at + 1);
  }
  return -1;
}

/**
 * Where to anchor the search for a term of several units (`nextMatch`): the unit of the term that
 * occurs least often in `sample` (a few texts the term is looked for in), the first of equals.
 */
export function anchorOf(text: string, sample: readonly string[]): number {
  if (text.length < 2) return 0;
  let best = 0;
  let fewest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is not split (its halves are not searched for alone).
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const unit = text[i] as string;
    let count = 0;
    for (const piece of sample) {
      for (let at = piece.indexOf(unit); at >= 0; at = piece.indexOf(unit, at + 1)) count++;
    }
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
