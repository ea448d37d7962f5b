import { isPrefixKey, type QueryTerm, termKey } from "./analyzer.js";
import type { IndexedArticle } from "./indexed-article.js";
import { FIELD_COUNT, fieldFactor, type TermHits, wholeTermFactor } from "./rank.js";
import {
  type Accumulator,
  accumulate,
  fieldSize,
  type IndexStore,
  type KeyMatch,
} from "./store.js";
import { nextMatch } from "./verify.js";

const MEMO_MIN_POSTINGS = 100_000;
const MEMO_SIZE = 16;

/** The verified, scored hits of one query term over the store's postings. */
export class TermEvaluator {
  /** Recent results of terms with very long postings (lone characters), by folded term. */
  private readonly memo = new Map<string, TermHits>();

  /** @param byShortId The indexed articles by MiniSearch short id (shared, kept current by the index). */
  constructor(
    private readonly store: IndexStore,
    private readonly byShortId: Array<IndexedArticle | undefined>,
  ) {}

  /** Forgets remembered results (articles changed). */
  clear(): void {
    this.memo.clear();
  }

  /**
   * One term: MiniSearch's BM25 over the term's index keys (AND), computed in typed arrays over
   * its postings, then each candidate checked against the folded text unless the postings are
   * already exact (a single bigram or word), and weighted up where the whole term is in the
   * title or tags.
   */
  evaluate(term: QueryTerm): TermHits {
    const capacity = this.store.capacity;
    const scores = new Float64Array(capacity);
    const keys = [...new Set(term.tokens.map((token) => termKey(token)))];
    const remembered = keys.length === 1 ? this.memo.get(term.text) : undefined;
    if (remembered) {
      this.memo.delete(term.text);
      this.memo.set(term.text, remembered);
      return remembered;
    }
    const sources = keys.map((key) => this.store.lookup(key, isPrefixKey(key)));
    if (sources.length === 0 || sources.some((matches) => matches.length === 0))
      return { docs: [], scores };
    const size = (matches: KeyMatch[]) => {
      let total = 0;
      for (const { data } of matches) {
        for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId++) total += fieldSize(data, fieldId);
      }
      return total;
    };
    const ordered = sources
      .map((matches) => ({ matches, size: size(matches) }))
      .sort((a, b) => a.size - b.size);
    // A lone character or short word prefix can stand for thousands of index terms: keep the
    // few most recent of those results (dropped when articles change).
    const memoKey =
      keys.length === 1 && (ordered[0]?.size ?? 0) > MEMO_MIN_POSTINGS ? term.text : undefined;
    const acc: Accumulator = {
      hits: new Uint16Array(capacity),
      scores,
      fields: new Uint8Array(capacity),
      candidates: [],
      step: 0,
    };
    ordered.forEach(({ matches }, step) => {
      acc.step = step;
      for (const { data, weight } of matches) {
        for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId++) {
          accumulate(data, fieldId, weight, this.store, acc);
        }
      }
      if (step > 0) acc.candidates = acc.candidates.filter((doc) => acc.hits[doc] === step + 1);
    });
    // One key standing for the whole term: its postings are the matches (a prefix key included,
    // as prefix matching is what the term means), and its title/tags postings say where it is.
    const single = keys.length === 1 && term.text === term.tokens[0];
    const docs: number[] = [];
    for (const doc of acc.candidates) {
      const entry = this.byShortId[doc];
      if (!entry || (!single && nextMatch(entry.folded, term, 0) < 0)) {
        scores[doc] = 0;
        continue;
      }
      const factor = single ? fieldFactor(acc.fields[doc] as number) : wholeTermFactor(entry, term);
      // MiniSearch multiplies a result's score by the number of query keys it matched.
      scores[doc] = (scores[doc] as number) * keys.length * factor;
      docs.push(doc);
    }
    if (memoKey !== undefined) {
      this.memo.set(memoKey, { docs, scores });
      for (const oldest of this.memo.keys()) {
        if (this.memo.size <= MEMO_SIZE) break;
        this.memo.delete(oldest);
      }
    }
    return { docs, scores };
  }
}
