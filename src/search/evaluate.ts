import { isPrefixKey, type QueryTerm, termKey } from "./analyzer.js";
import type { IndexedArticle } from "./indexed-article.js";
import {
  FIELD_COUNT,
  fieldFactor,
  type ScratchArrays,
  type TermHits,
  wholeTermFactor,
} from "./rank.js";
import {
  type Accumulator,
  accumulate,
  fieldSize,
  type IndexStore,
  type KeyMatch,
} from "./store.js";
import { anchoredTerm, anchorOf, nextAnchoredMatch } from "./verify.js";

const MEMO_MIN_POSTINGS = 100_000;
const MEMO_SIZE = 16;
const LOOKUPS_SIZE = 64;
const POOL_SIZE = 8;
const LENT_MAX = 256;
/** Candidates to verify from which the search in each text is anchored at a rarer unit. */
const ANCHOR_MIN_CANDIDATES = 64;
/** Hits arrays made at their largest size at once up to this many candidates (fast elements). */
const PRESIZED_MAX = 65_536;
/** Candidates whose texts tell how often each unit of the term occurs. */
const ANCHOR_SAMPLE = 4;

/** The verified, scored hits of one query term over the store's postings. */
export class TermEvaluator implements ScratchArrays {
  /** Recent results of terms with very long postings (lone characters), by folded term. */
  private readonly memo = new Map<string, TermHits>();
  /** Recent key look-ups (dropped when articles change). */
  private readonly lookups = new Map<string, KeyMatch[]>();
  private counters: Workspace | undefined;
  /** Score arrays given back (all zeros), and those lent since the last `giveBack`. */
  private pool: Float64Array[] = [];
  private lent: Float64Array[] = [];
  /** The same for flag arrays (`flags`). */
  private flagPool: Uint8Array[] = [];
  private flagsLent: Uint8Array[] = [];
  private empty: TermHits | undefined;

  /** @param articles The indexed articles by MiniSearch short id (shared, kept current by the index). */
  constructor(
    private readonly store: IndexStore,
    private readonly articles: ShortIdTable,
  ) {}

  /** Forgets remembered results (articles changed). */
  clear(): void {
    this.memo.clear();
    this.lookups.clear();
    this.pool = [];
    this.flagPool = [];
  }

  /**
   * One term: MiniSearch's BM25 over the term's index keys (AND), computed in typed arrays over
   * its postings, then each candidate checked against the folded text unless the postings are
   * already exact (a single bigram or word), and weighted up where the whole term is in the
   * title or tags.
   *
   * With `within` (short ids), only those documents are scored and checked: the hits are the
   * term's hits among them, with the scores the whole evaluation gives them (the same sums in the
   * same order), for a query whose other terms already narrowed the result. A remembered whole
   * result may be returned instead (a superset: callers intersect).
   *
   * The scores are valid until `giveBack` (the end of the search that asked).
   */
  evaluate(term: QueryTerm, within?: readonly number[]): TermHits {
    return this.run(term, within, false);
  }

  /** Whether the term has at least one hit (checking candidates only until one matches). */
  matchesAny(term: QueryTerm): boolean {
    return this.run(term, undefined, true).docs.length > 0;
  }

  private run(term: QueryTerm, within: readonly number[] | undefined, one: boolean): TermHits {
    const capacity = this.store.capacity;
    const keys = [...new Set(term.tokens.map((token) => termKey(token)))];
    const remembered = keys.length === 1 ? this.memo.get(term.text) : undefined;
    if (remembered) {
      this.memo.delete(term.text);
      this.memo.set(term.text, remembered);
      return remembered;
    }
    if (within && within.length === 0) return this.none(capacity);
    const sources = keys.map((key) => this.lookup(key));
    if (sources.length === 0 || sources.some((matches) => matches.length === 0))
      return this.none(capacity);
    const workspace = this.workspace(capacity);
    // Whether a term matches at all needs no scores of its own: they go to the workspace.
    const scores = one ? workspace.scores : this.lend(capacity);
    const ordered = sources
      .map((matches) => ({ matches, size: matchesSize(matches) }))
      .sort((a, b) => a.size - b.size);
    // A lone character or short word prefix can stand for thousands of index terms: keep the
    // few most recent of those results (dropped when articles change).
    const memoKey =
      !within && !one && keys.length === 1 && (ordered[0]?.size ?? 0) > MEMO_MIN_POSTINGS
        ? term.text
        : undefined;
    // Given candidates count as a first step already taken by every one of them.
    const first = within ? 1 : 0;
    const acc: Accumulator = {
      hits: workspace.hits,
      scores,
      fields: workspace.fields,
      candidates: workspace.firstDocs,
      count: 0,
      step: 0,
      first,
    };
    if (within) {
      for (const doc of within) {
        acc.hits[doc] = 1;
        acc.candidates[acc.count++] = doc;
      }
    }
    // The documents of the first step (in `firstDocs`), whose counters are reset at the end;
    // later steps keep the survivors in `laterDocs`.
    let touched = acc.count;
    ordered.forEach(({ matches }, i) => {
      const step = i + first;
      acc.step = step;
      for (const { data, weight } of matches) {
        for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId++) {
          accumulate(data, fieldId, weight, this.store, acc);
        }
      }
      if (step === 0) {
        touched = acc.count;
        return;
      }
      const from = acc.candidates;
      const to = workspace.laterDocs;
      let kept = 0;
      for (let c = 0; c < acc.count; c++) {
        const doc = from[c] as number;
        if (acc.hits[doc] === step + 1) to[kept++] = doc;
      }
      acc.candidates = to;
      acc.count = kept;
    });
    // One key standing for the whole term: its postings are the matches (a prefix key included,
    // as prefix matching is what the term means), and its title/tags postings say where it is.
    const single = keys.length === 1 && term.text === term.tokens[0];
    // Sized once (a lone character's tens of thousands of hits grew the array three times over).
    const docs: number[] = acc.count <= PRESIZED_MAX ? new Array(acc.count) : [];
    let found = 0;
    const anchored = anchoredTerm(
      term,
      single || acc.count < ANCHOR_MIN_CANDIDATES ? 0 : this.anchor(term, acc),
    );
    // The texts and head ends are read from arrays by short id, not through each candidate's
    // entry: one cache miss less per candidate over a large heap (a fifth of verifying).
    const { folded, headEnds } = this.articles;
    for (let c = 0; c < acc.count; c++) {
      const doc = acc.candidates[c] as number;
      if (one && found > 0) break;
      // Compared with undefined, not tested for truth (an empty text is still an article).
      const text = folded[doc];
      const at = text === undefined || single ? 0 : nextAnchoredMatch(text, anchored, 0);
      if (text === undefined || at < 0) {
        scores[doc] = 0;
        continue;
      }
      const factor = single
        ? fieldFactor(acc.fields[doc] as number)
        : at >= (headEnds[doc] as number)
          ? 1
          : wholeTermFactor(this.articles.entries[doc] as IndexedArticle, term, at);
      // MiniSearch multiplies a result's score by the number of query keys it matched.
      scores[doc] = (scores[doc] as number) * keys.length * factor;
      docs[found++] = doc;
    }
    docs.length = found;
    // The workspace is left all zeros for the next term.
    const { firstDocs } = workspace;
    for (let c = 0; c < touched; c++) {
      const doc = firstDocs[c] as number;
      workspace.hits[doc] = 0;
      workspace.fields[doc] = 0;
    }
    if (one) {
      for (let c = 0; c < touched; c++) workspace.scores[firstDocs[c] as number] = 0;
      return { docs, scores: this.none(capacity).scores };
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

  /** Where to anchor the search for the term in each candidate's text (`anchorOf`). */
  private anchor(term: QueryTerm, acc: Accumulator): number {
    const sample: string[] = [];
    for (let c = 0; c < acc.count && sample.length < ANCHOR_SAMPLE; c++) {
      const text = this.articles.folded[acc.candidates[c] as number];
      if (text !== undefined) sample.push(text);
    }
    return anchorOf(term.text, sample);
  }

  /**
   * How many postings the term's rarest key has (its candidates are at most that many): the
   * order in which a query's terms narrow its result.
   */
  size(term: QueryTerm): number {
    let smallest = Number.POSITIVE_INFINITY;
    for (const token of term.tokens)
      smallest = Math.min(smallest, matchesSize(this.lookup(termKey(token))));
    return smallest;
  }

  /** The index terms of a key (remembered: a query often looks a key up more than once). */
  private lookup(key: string): KeyMatch[] {
    let matches = this.lookups.get(key);
    if (!matches) {
      matches = this.store.lookup(key, isPrefixKey(key));
      this.lookups.set(key, matches);
      for (const oldest of this.lookups.keys()) {
        if (this.lookups.size <= LOOKUPS_SIZE) break;
        this.lookups.delete(oldest);
      }
    }
    return matches;
  }

  /** Per-document counters reused from term to term (all zeros between evaluations). */
  private workspace(capacity: number): Workspace {
    if (!this.counters || this.counters.hits.length < capacity) {
      this.counters = {
        hits: new Uint16Array(capacity),
        fields: new Uint8Array(capacity),
        scores: new Float64Array(capacity),
        firstDocs: new Int32Array(capacity),
        laterDocs: new Int32Array(capacity),
      };
    }
    return this.counters;
  }

  /**
   * A score array of all zeros for one evaluation, taken from the arrays given back by
   * `giveBack` (an archive's is 0.4 MB: allocating one per term made for frequent collections).
   */
  private lend(capacity: number): Float64Array {
    let scores = this.pool.pop();
    while (scores && scores.length !== capacity) scores = this.pool.pop();
    scores ??= new Float64Array(capacity);
    // Evaluations that nobody gives back (a caller outside a search) are not held on to.
    if (this.lent.length >= LENT_MAX) this.lent.shift();
    this.lent.push(scores);
    return scores;
  }

  /** A score array of all zeros until `giveBack` (`ScratchArrays`: combining a search's terms). */
  scores(capacity: number): Float64Array {
    return this.lend(capacity);
  }

  /** A flag per document, all zeros, until `giveBack`. */
  flags(capacity: number): Uint8Array {
    let flags = this.flagPool.pop();
    while (flags && flags.length !== capacity) flags = this.flagPool.pop();
    flags ??= new Uint8Array(capacity);
    if (this.flagsLent.length >= LENT_MAX) this.flagsLent.shift();
    this.flagsLent.push(flags);
    return flags;
  }

  /**
   * The caller (one search) is done with every result evaluated since the last call: their score
   * arrays are zeroed and kept for the next evaluations, except those of remembered results.
   */
  giveBack(): void {
    for (const flags of this.flagsLent) {
      if (this.flagPool.length >= POOL_SIZE) break;
      flags.fill(0);
      this.flagPool.push(flags);
    }
    this.flagsLent = [];
    if (this.lent.length === 0) return;
    const kept = new Set<Float64Array>();
    for (const hits of this.memo.values()) kept.add(hits.scores);
    for (const scores of this.lent) {
      if (kept.has(scores) || this.pool.length >= POOL_SIZE) continue;
      scores.fill(0);
      this.pool.push(scores);
    }
    this.lent = [];
  }

  /** No hits, with scores all zero (shared by every empty result: never written to). */
  private none(capacity: number): TermHits {
    if (!this.empty || this.empty.scores.length !== capacity)
      this.empty = { docs: [], scores: new Float64Array(capacity) };
    return { docs: [], scores: this.empty.scores };
  }
}

/**
 * The indexed articles by MiniSearch short id, and what verifying a candidate reads of each (its
 * folded text, where its title and tags end) in arrays of their own.
 */
export class ShortIdTable {
  readonly entries: Array<IndexedArticle | undefined> = [];
  readonly folded: Array<string | undefined> = [];
  /** `captionStart − 1`: a first match from there on is in neither the title nor the tags. */
  readonly headEnds: number[] = [];

  set(shortId: number, entry: IndexedArticle | undefined): void {
    this.entries[shortId] = entry;
    this.folded[shortId] = entry?.folded;
    this.headEnds[shortId] = entry ? entry.captionStart - 1 : 0;
  }
}

interface Workspace {
  hits: Uint16Array;
  fields: Uint8Array;
  scores: Float64Array;
  /** The candidates of a term's first key, and those left after each later key. */
  firstDocs: Int32Array;
  laterDocs: Int32Array;
}

/** Postings of the index terms a key stands for, over all fields. */
function matchesSize(matches: KeyMatch[]): number {
  let total = 0;
  for (const { data } of matches) {
    for (let fieldId = 0; fieldId < FIELD_COUNT; fieldId++) total += fieldSize(data, fieldId);
  }
  return total;
}
