import type { QueryTerm } from "./analyzer.js";
import type { IndexedArticle } from "./indexed-article.js";
import { FIELDS } from "./store.js";
import { nextMatch } from "./verify.js";

/**
 * Ranking: the hits of one term, combining terms (all or any), alternatives of a term (best
 * score), the weight of a whole term in the title or tags, and the top of a result without a
 * full sort.
 */

/** Extra weight (× score) when the whole term, not only its bigrams, is in the title or tags. */
const WHOLE_TERM_IN_TITLE = 1;
const WHOLE_TERM_IN_TAGS = 0.5;

/** Matches of one query term: verified documents (short ids) and their scores. */
export interface TermHits {
  docs: number[];
  /** Score by short id (0 where the term does not match). */
  scores: Float64Array;
}

export interface Ranked {
  docs: number[];
  scores: Float64Array;
  matched: Uint8Array;
}

/**
 * Arrays of one per document, all zeros, for the length of one search (an archive's score array
 * is 0.4 MB: one new per query and term added up to frequent full collections).
 */
export interface ScratchArrays {
  scores(capacity: number): Float64Array;
  flags(capacity: number): Uint8Array;
}

/** New arrays each time (callers outside a search). */
export const NEW_ARRAYS: ScratchArrays = {
  scores: (capacity) => new Float64Array(capacity),
  flags: (capacity) => new Uint8Array(capacity),
};

/** Hits of the query's terms, or of any of the alternatives (best score of each article). */
export function withAlternatives(
  own: TermHits,
  alternatives: QueryTerm[],
  evaluate: (term: QueryTerm) => TermHits,
  arrays: ScratchArrays = NEW_ARRAYS,
): TermHits {
  // Scores outside `own.docs` may be partial sums of a query's terms: only members count.
  const scores = arrays.scores(own.scores.length);
  for (const doc of own.docs) scores[doc] = own.scores[doc] as number;
  const docs = [...own.docs];
  const member = arrays.flags(own.scores.length);
  for (const doc of docs) member[doc] = 1;
  for (const alternative of alternatives) {
    const hits = evaluate(alternative);
    for (const doc of hits.docs) {
      const score = hits.scores[doc] as number;
      if (member[doc] === 0) {
        member[doc] = 1;
        docs.push(doc);
      }
      if (score > (scores[doc] as number)) scores[doc] = score;
    }
  }
  return { docs, scores };
}

/** `all`: documents with every term, scores summed. `any`: documents with at least one. */
export function combine(
  perTerm: TermHits[],
  mode: "all" | "any",
  capacity: number,
  arrays: ScratchArrays = NEW_ARRAYS,
): Ranked {
  const matched = arrays.flags(capacity);
  if (perTerm.length === 1) {
    const only = perTerm[0] as TermHits;
    for (const doc of only.docs) matched[doc] = 1;
    return { docs: only.docs, scores: only.scores, matched };
  }
  const scores = arrays.scores(capacity);
  const docs: number[] = [];
  for (const hits of perTerm) {
    for (const doc of hits.docs) {
      if (matched[doc] === 0) docs.push(doc);
      matched[doc] = (matched[doc] as number) + 1;
      scores[doc] = (scores[doc] as number) + (hits.scores[doc] as number);
    }
  }
  if (mode === "any") return { docs, scores, matched };
  return { docs: docs.filter((doc) => matched[doc] === perTerm.length), scores, matched };
}

export function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

const TITLE_BIT = 1 << FIELDS.indexOf("title");
const TAGS_BIT = 1 << FIELDS.indexOf("tags");
export const FIELD_COUNT = FIELDS.length;

export function fieldFactor(bits: number): number {
  return (
    1 + (bits & TITLE_BIT ? WHOLE_TERM_IN_TITLE : 0) + (bits & TAGS_BIT ? WHOLE_TERM_IN_TAGS : 0)
  );
}

/**
 * The weight of a whole term in the title or tags. `firstMatch`, when known, is where the term
 * first matches in the folded text (a match never crosses a field separator, so the first match in
 * the title and tags is that one when it starts before the caption).
 */
export function wholeTermFactor(
  entry: IndexedArticle,
  term: QueryTerm,
  firstMatch?: number,
): number {
  const headEnd = entry.captionStart - 1;
  if (firstMatch !== undefined && (firstMatch < 0 || firstMatch >= headEnd)) return 1;
  const head = entry.folded.slice(0, headEnd);
  const first = firstMatch ?? nextMatch(head, term, 0);
  if (first < 0) return 1;
  let factor = 1;
  if (first < entry.tagsStart) {
    factor += WHOLE_TERM_IN_TITLE;
    if (nextMatch(head, term, entry.tagsStart) >= 0) factor += WHOLE_TERM_IN_TAGS;
  } else factor += WHOLE_TERM_IN_TAGS;
  return factor;
}

/** The best `count` items by `better`, best first (a bounded heap: no full sort of big results). */
export function topK(
  items: number[],
  count: number,
  better: (a: number, b: number) => boolean,
): number[] {
  if (count <= 0 || items.length === 0) return [];
  if (items.length <= count * 4)
    return [...items].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, count);
  // Min-heap by `better`: the root is the worst of the kept items.
  const heap: number[] = [];
  const worse = (a: number, b: number) => better(b, a);
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i] as number, heap[parent] as number)) break;
      [heap[i], heap[parent]] = [heap[parent] as number, heap[i] as number];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const left = i * 2 + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && worse(heap[left] as number, heap[worst] as number)) worst = left;
      if (right < heap.length && worse(heap[right] as number, heap[worst] as number)) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst] as number, heap[i] as number];
      i = worst;
    }
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      up(heap.length - 1);
    } else if (better(item, heap[0] as number)) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
