import { foldCode, foldText } from "../text/text.js";
import { isNonHanWordCode, type QueryTerm } from "./analyzer.js";
import type { IndexedArticle } from "./indexed-article.js";

/**
 * Verification: whether and where a folded query term occurs in a text, its word boundaries
 * respected (Latin and digit edges on a boundary), in folded text or in original text folded on
 * the fly (folding keeps one UTF-16 unit for one, so offsets are the same).
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

/**
 * Whether the folded term occurs in the article's folded text (word boundaries respected). The
 * original text is searched as it is first; folding one unit at a time is only needed when the
 * term holds a character that folding produced somewhere in the article (`foldTargets`: never
 * for a simplified Han term in a simplified article).
 */
export function articleContains(entry: IndexedArticle, term: QueryTerm): boolean {
  const { article } = entry;
  const pieces = [
    article.title,
    ...article.tags,
    article.caption ?? "",
    ...article.paragraphs,
    ...(article.captions ?? []),
  ];
  const needle = term.text;
  if (foldText(needle) === needle) {
    for (const piece of pieces) if (nextRawMatch(piece, term, 0) >= 0) return true;
    if (!sharesAChar(needle, entry.foldTargets)) return false;
  }
  for (const piece of pieces) if (nextScannedMatch(piece, term, 0) >= 0) return true;
  return false;
}

function sharesAChar(needle: string, chars: string): boolean {
  if (chars.length === 0) return false;
  for (let i = 0; i < needle.length; i++) if (chars.includes(needle.charAt(i))) return true;
  return false;
}

/** Whether the folded term occurs in one of the texts (the tags of an article). */
export function anyContains(texts: readonly string[], term: QueryTerm): boolean {
  for (const text of texts) if (nextFoldedMatch(text, term, 0) >= 0) return true;
  return false;
}

/**
 * Start of the first match of the folded term in `foldText(text)` at or after `from`, or −1,
 * without folding the text: an exact match of the original text is tried first (a folded term is
 * nearly always its own fold), then a scan that folds one unit at a time. The text's edges are
 * word boundaries.
 */
export function nextFoldedMatch(text: string, term: QueryTerm, from: number): number {
  const raw = foldText(term.text) === term.text ? nextRawMatch(text, term, from) : -1;
  return raw >= 0 ? raw : nextScannedMatch(text, term, from);
}

/** A match of the term as written in the original text (exact only when the term is its own fold). */
function nextRawMatch(text: string, term: QueryTerm, from: number): number {
  const needle = term.text;
  let at = text.indexOf(needle, from);
  while (at >= 0) {
    if (isFoldedMatchAt(text, term, at)) return at;
    at = text.indexOf(needle, at + 1);
  }
  return -1;
}

function nextScannedMatch(text: string, term: QueryTerm, from: number): number {
  const needle = term.text;
  const length = needle.length;
  const first = needle.charCodeAt(0);
  const last = text.length - length;
  scan: for (let i = from; i <= last; i++) {
    if (foldCode(text.charCodeAt(i)) !== first) continue;
    for (let k = 1; k < length; k++) {
      if (foldCode(text.charCodeAt(i + k)) !== needle.charCodeAt(k)) continue scan;
    }
    if (isFoldedMatchAt(text, term, i)) return i;
  }
  return -1;
}

function isFoldedMatchAt(text: string, term: QueryTerm, at: number): boolean {
  if (term.boundaryBefore && at > 0 && isNonHanWordCode(foldCode(text.charCodeAt(at - 1))))
    return false;
  const end = at + term.text.length;
  if (term.boundaryAfter && end < text.length && isNonHanWordCode(foldCode(text.charCodeAt(end))))
    return false;
  return true;
}
