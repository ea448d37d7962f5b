import { foldText, isHanCode } from "../text/text.js";

/**
 * The one text-analysis module of search: what the index stores (index time) and what a query
 * looks up (query time), plus the folded-text helpers both need.
 *
 * Terms. Text is folded first (`foldText`: simplified, half-width, lower case, one name dot), so
 * 北約/北约, ＮＡＴＯ/NATO/nato and 温迪‧谢尔曼/温迪·谢尔曼 are the same text. Then:
 * - every Han character starts a term: the bigram it forms with the next character of the same
 *   run of Han characters, or, for the last character of a run, the character alone. A run of n
 *   characters gives n terms (n − 1 bigrams and one unigram). Any Chinese string of two or more
 *   characters contained in a text is therefore found by the AND of its bigrams, and a single
 *   character by a prefix search (its unigram or a bigram that it starts), whatever a word
 *   segmenter would have made of the sentence;
 * - every run of letters and digits outside Han (Latin, Greek, Cyrillic, kana, digits) is one
 *   term, lower-cased by the fold: `nato`, `2022`, `g7`, `covid`.
 *
 * Keys. MiniSearch keeps terms in a radix tree whose nodes scan their children one by one, which
 * is slow with thousands of distinct first characters. Each Han character is therefore stored as
 * three base-36 digits written in upper case (first digit A–V), so the tree branches on at most
 * 36 symbols, and Han keys (upper case) never collide with Latin or digit keys (lower case).
 *
 * Matching. The index only proposes candidates; a candidate is kept when the folded query term
 * occurs in the folded text (Han: anywhere; Latin/digit edges: on a word boundary, with prefix
 * matching for Latin words of three letters or more). That makes precision exact: 谢尔曼 never
 * matches 谢尔盖, and `nato` does not match `senator`.
 */

/** Bump whenever the terms, keys or fields change: persisted indexes carry it and are rebuilt. */
export const ANALYSIS_VERSION = "dubao-search-3 bigram+unigram-tail/base36/latin-words";

/** Latin words of at least this many characters (starting with a letter) match as prefixes. */
export const MIN_PREFIX_LENGTH = 3;

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 200;

/** Most terms in one query. */
export const MAX_QUERY_TERMS = 12;

// ---------------------------------------------------------------------------------------------
// Character classes (on folded text)

/** Index of a Han character in 0 … 28160 (15 bits), or −1 when the code is not Han. */
export function hanIndex(code: number): number {
  if (code >= 0x3400 && code <= 0x9fff) return code - 0x3400 + 1;
  if (code === 0x3007) return 0;
  if (code >= 0xf900 && code <= 0xfaff) return 27649 + (code - 0xf900);
  return -1;
}

function hanFromIndex(index: number): number {
  if (index === 0) return 0x3007;
  if (index <= 27648) return index - 1 + 0x3400;
  return index - 27649 + 0xf900;
}

let wordTable: Uint8Array | undefined;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Letters and digits outside Han: the characters of Latin (and other alphabetic) words. */
export function isNonHanWordCode(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a)
    );
  }
  if (code >= 0xd800 && code <= 0xdfff) return false;
  wordTable ??= new Uint8Array(0x10000);
  let known = wordTable[code] as number;
  if (known === 0) {
    known = !isHanCode(code) && WORD_CHAR.test(String.fromCharCode(code)) ? 2 : 1;
    wordTable[code] = known;
  }
  return known === 2;
}

// ---------------------------------------------------------------------------------------------
// Keys

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const KEY_OFFSET = 10 * 36 * 36;

function pushHanKey(parts: string[], index: number): void {
  const value = index + KEY_OFFSET;
  parts.push(
    DIGITS[Math.floor(value / 1296)] as string,
    DIGITS[Math.floor(value / 36) % 36] as string,
    DIGITS[value % 36] as string,
  );
}

const BIGRAM_BASE = 32768;
const UNIGRAM_FLAG = 2 ** 30;

/** Numeric key of a Han bigram or unigram (bulk indexing avoids making a string per token). */
export type NumericTerm = number;

/** The index key of a numeric Han term. */
export function numericTermKey(term: NumericTerm): string {
  const parts: string[] = [];
  if (term >= UNIGRAM_FLAG) pushHanKey(parts, term - UNIGRAM_FLAG);
  else {
    pushHanKey(parts, Math.floor(term / BIGRAM_BASE));
    pushHanKey(parts, term % BIGRAM_BASE);
  }
  return parts.join("");
}

/**
 * MiniSearch `processTerm`: the index key of a token made by `tokenize` or `queryTokens`
 * (Han characters become three upper-case base-36 digits each; words stay as they are).
 */
export function termKey(token: string): string {
  const first = token.charCodeAt(0);
  if (hanIndex(first) < 0) return token;
  const parts: string[] = [];
  for (let i = 0; i < token.length; i++) pushHanKey(parts, hanIndex(token.charCodeAt(i)));
  return parts.join("");
}

/** The text of an index key (for suggestions and debugging). */
export function keyText(key: string): string {
  const first = key.charCodeAt(0);
  if (!(first >= 0x41 && first <= 0x5a)) return key;
  let out = "";
  for (let i = 0; i + 3 <= key.length; i += 3) {
    const value = Number.parseInt(key.slice(i, i + 3), 36) - KEY_OFFSET;
    out += String.fromCharCode(hanFromIndex(value));
  }
  return out;
}

/** Whether a key is looked up as a prefix: a lone Han character, or a Latin word of 3+ letters. */
export function isPrefixKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first >= 0x41 && first <= 0x5a) return key.length === 3;
  return key.length >= MIN_PREFIX_LENGTH && isLetterCode(first);
}

function isLetterCode(code: number): boolean {
  return (
    isNonHanWordCode(code) &&
    !(code >= 0x30 && code <= 0x39) &&
    !/\p{N}/u.test(String.fromCharCode(code))
  );
}

// ---------------------------------------------------------------------------------------------
// Index time

/**
 * MiniSearch `tokenize` at index time: folds the field and returns its tokens as text (`北约`,
 * `约`, `nato`); `termKey` (the `processTerm`) turns them into keys.
 */
export function tokenize(text: string): string[] {
  const folded = foldText(text);
  const tokens: string[] = [];
  forEachRun(
    folded,
    (start, end) => {
      for (let k = start; k < end; k++) tokens.push(folded.slice(k, Math.min(k + 2, end)));
    },
    (start, end) => tokens.push(folded.slice(start, end)),
  );
  return tokens;
}

/** Calls `han` for each run of Han characters of a folded text, `word` for each run of other word characters. */
function forEachRun(
  folded: string,
  han: (start: number, end: number) => void,
  word: (start: number, end: number) => void,
): void {
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const code = folded.charCodeAt(i);
    let j = i + 1;
    if (hanIndex(code) >= 0) {
      while (j < n && hanIndex(folded.charCodeAt(j)) >= 0) j++;
      han(i, j);
    } else if (isNonHanWordCode(code)) {
      while (j < n && isNonHanWordCode(folded.charCodeAt(j))) j++;
      word(i, j);
    }
    i = j;
  }
}

/** Sort key of a numeric Han term: the order of `numericTermKey` strings (a unigram before its bigrams). */
export function numericTermOrder(term: NumericTerm): number {
  return term >= UNIGRAM_FLAG
    ? (term - UNIGRAM_FLAG) * (BIGRAM_BASE + 1)
    : Math.floor(term / BIGRAM_BASE) * (BIGRAM_BASE + 1) + (term % BIGRAM_BASE) + 1;
}

/**
 * Counts the terms of field texts for the bulk indexer, as `tokenize` would make them but
 * without a string per Han token: each distinct term (numeric Han term or word) gets an id, in
 * order of first sight (`terms[id]`). Lives here because calls into another module cost several
 * times a local call in this loop.
 */
export class TermCounter {
  /** Every term seen, by id. */
  readonly terms: Array<NumericTerm | string> = [];
  /** Ids of the distinct terms of the last counted text. */
  readonly touched: number[] = [];
  private counts = new Int32Array(1 << 16);
  private readonly words = new Map<string, number>();
  private bits = 16;
  private keys = new Int32Array(1 << 16).fill(-1);
  private ids = new Int32Array(1 << 16);
  private used = 0;

  /** How often term `id` occurs in the last counted text. */
  countOf(id: number): number {
    return this.counts[id] as number;
  }

  /** Forgets the counts of the last text (not the term ids). */
  reset(): void {
    for (const id of this.touched) this.counts[id] = 0;
    this.touched.length = 0;
  }

  /** Counts the tokens of a folded text (after `reset`, or adding to the counts so far). */
  count(text: string): void {
    const n = text.length;
    let i = 0;
    let han = n > 0 ? hanIndex(text.charCodeAt(0)) : -1;
    while (i < n) {
      let id: number;
      if (han >= 0) {
        const next = i + 1 < n ? hanIndex(text.charCodeAt(i + 1)) : -1;
        id = this.numericId(next >= 0 ? han * BIGRAM_BASE + next : UNIGRAM_FLAG + han);
        i++;
        han = next;
      } else if (isNonHanWordCode(text.charCodeAt(i))) {
        let j = i + 1;
        while (j < n && isNonHanWordCode(text.charCodeAt(j))) j++;
        const word = text.slice(i, j);
        const known = this.words.get(word);
        if (known === undefined) {
          id = this.terms.length;
          this.words.set(word, id);
          this.terms.push(word);
        } else id = known;
        i = j;
        han = i < n ? hanIndex(text.charCodeAt(i)) : -1;
      } else {
        i++;
        han = i < n ? hanIndex(text.charCodeAt(i)) : -1;
        continue;
      }
      if (id >= this.counts.length) {
        const grown = new Int32Array(this.counts.length * 2);
        grown.set(this.counts);
        this.counts = grown;
      }
      const seen = this.counts[id] as number;
      if (seen === 0) this.touched.push(id);
      this.counts[id] = seen + 1;
    }
  }

  /** Open addressing with Fibonacci hashing (the top bits of key × 2^32/φ). */
  private numericId(key: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
    for (;;) {
      const found = this.keys[slot] as number;
      if (found === key) return this.ids[slot] as number;
      if (found === -1) break;
      slot = (slot + 1) & mask;
    }
    const id = this.terms.length;
    this.terms.push(key);
    this.keys[slot] = key;
    this.ids[slot] = id;
    this.used++;
    if (this.used * 2 > this.keys.length) this.grow();
    return id;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldIds = this.ids;
    this.bits++;
    this.keys = new Int32Array(1 << this.bits).fill(-1);
    this.ids = new Int32Array(1 << this.bits);
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i] as number;
      if (key === -1) continue;
      let slot = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
      while (this.keys[slot] !== -1) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.ids[slot] = oldIds[i] as number;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Query time

/** One whitespace-separated term of a query, folded, with what it looks up and how it matches. */
export interface QueryTerm {
  /** As typed (trimmed). */
  raw: string;
  /** Folded: the string searched for in folded text. */
  text: string;
  /** Index tokens (Han bigrams, lone Han characters, words), combined with AND. */
  tokens: string[];
  /** The term starts with a letter or digit: the character before a match must not be one. */
  boundaryBefore: boolean;
  /** The term ends with a digit or a short word: the character after a match must not be one. */
  boundaryAfter: boolean;
}

const QUERY_SEPARATORS = /[\s,，、;；]+/u;

/**
 * MiniSearch `tokenize` at query time (`searchOptions.tokenize`): Han runs of two or more
 * characters give their bigrams only (a text containing the run has each of them, whether the
 * run ends there or not); a lone Han character is looked up as a prefix; words as at index time.
 */
export function queryTokens(text: string): string[] {
  const folded = foldText(text);
  const tokens: string[] = [];
  forEachRun(
    folded,
    (start, end) => {
      if (end - start === 1) tokens.push(folded.charAt(start));
      else for (let k = start; k + 1 < end; k++) tokens.push(folded.slice(k, k + 2));
    },
    (start, end) => tokens.push(folded.slice(start, end)),
  );
  return [...new Set(tokens)];
}

/**
 * Splits a query into terms (whitespace, commas, 、 and semicolons separate terms), folded and
 * de-duplicated; terms with nothing to look up (only punctuation) are dropped.
 */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const part of query.split(QUERY_SEPARATORS)) {
    const raw = part.trim();
    if (!raw) continue;
    const text = trimPunctuation(foldText(raw));
    if (!text || seen.has(text)) continue;
    const tokens = queryTokens(text);
    if (tokens.length === 0) continue;
    seen.add(text);
    terms.push({ raw, text, tokens, ...boundaries(text) });
  }
  return terms;
}

function trimPunctuation(text: string): string {
  let start = 0;
  let end = text.length;
  const keep = (code: number) => hanIndex(code) >= 0 || isNonHanWordCode(code);
  while (start < end && !keep(text.charCodeAt(start))) start++;
  while (end > start && !keep(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

function boundaries(text: string): { boundaryBefore: boolean; boundaryAfter: boolean } {
  const boundaryBefore = isNonHanWordCode(text.charCodeAt(0));
  let boundaryAfter = false;
  if (isNonHanWordCode(text.charCodeAt(text.length - 1))) {
    let start = text.length - 1;
    while (start > 0 && isNonHanWordCode(text.charCodeAt(start - 1))) start--;
    const lastWord = text.slice(start);
    boundaryAfter = !isPrefixKey(lastWord);
  }
  return { boundaryBefore, boundaryAfter };
}
