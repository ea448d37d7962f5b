import { isNonHanWordCode, type QueryTerm } from "./analyzer.js";

/**
 * Verification: whether and where a folded query term occurs in a folded text, its word
 * boundaries respected (Latin and digit edges on a boundary).
 */

/** Whether the folded term occurs in the folded text, with its word boundaries respected. */
export function containsTerm(folded: string, term: QueryTerm): boolean {
  return nextMatch(folded, term, 0) >= 0;
}

/** Start of the first match of the term at or after `from`, or −1. */
export function nextMatch(folded: string, term: QueryTerm, from: number): number {
  let at = folded.indexOf(term.text, from);
  while (at >= 0) {
    if (isMatchAt(folded, term, at)) return at;
    at = folded.indexOf(term.text, at + 1);
  }
  return -1;
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
