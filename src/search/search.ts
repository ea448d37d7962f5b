import { type Article, captionText } from "../articles/article.js";
import { EnglishNames } from "../articles/english-names.js";
import { UserError } from "../errors.js";
import { editDistance } from "../text/edit-distance.js";
import { sentenceRanges } from "../text/sentences.js";
import { contentWords, foldConcat, foldText } from "../text/text.js";
import {
  extractNames,
  isPrefixKey,
  keyText,
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  matchRanges,
  nextMatch,
  parseQuery,
  type QueryTerm,
  termKey,
} from "./analyzer.js";
import {
  type Accumulator,
  accumulate,
  FIELDS,
  fieldSize,
  type IndexDoc,
  IndexStore,
  type KeyMatch,
} from "./store.js";

/**
 * Chinese-aware article search. A MiniSearch index (src/search-store.ts) whose terms are Han
 * bigrams plus the last character of each run, and Latin words (src/analyzer.ts), proposes
 * candidates and ranks them with MiniSearch's BM25 (title boosted); every candidate is then
 * checked against the folded text, so results contain the query's terms and nothing else.
 */

/** A sentence or two of an article, with the ranges (in `text`) that matched the query. */
export interface Snippet {
  text: string;
  highlights: Array<[start: number, end: number]>;
}

export interface SearchHit {
  id: string;
  score: number;
  snippets: Snippet[];
}

export interface SearchResult {
  query: string;
  /** All the articles that match, not only this page. */
  total: number;
  hits: SearchHit[];
  /** When nothing matches: shorter queries that do, close words, names from the index. */
  suggestions: string[];
}

export interface SearchOptions {
  /** Page size (default 10, at most 1000). */
  limit?: number;
  /** Hits to skip (default 0). */
  offset?: number;
  /**
   * `all` (default): every term must occur. `any`: one is enough, articles with more of the
   * terms first; a term that occurs nowhere as written (a whole question) is split into words.
   */
  mode?: "all" | "any";
  /** When nothing matches, look for suggestions (default true; off for counting). */
  suggestions?: boolean;
}

export interface SearchIndexOptions {
  /**
   * Names of the people an article mentions, for the boosted `people` field (default: names
   * written with a name dot, names followed by their original in brackets, and 又译/又称 ties).
   */
  people?: (article: Article) => string[];
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 1000;
/** Longest snippet, in characters (plus an ellipsis at a cut end). */
export const SNIPPET_MAX = 120;

const MEMO_MIN_POSTINGS = 100_000;
const MEMO_SIZE = 16;

/** Extra weight (× score) when the whole term, not only its bigrams, is in the title or tags. */
const WHOLE_TERM_IN_TITLE = 1;
const WHOLE_TERM_IN_TAGS = 0.5;

/** What search keeps per article: the article and its folded text, for matching and snippets. */
interface IndexedArticle {
  article: Article;
  shortId: number;
  /**
   * Folded `title \0 tags \0 caption \0 body \0 figures` (tags joined by \u0001, paragraphs and
   * the captions of the images in the body by \n).
   */
  folded: string;
  /** Start offsets in `folded` of tags, caption, body and figures. */
  tagsStart: number;
  captionStart: number;
  bodyStart: number;
  figuresStart: number;
  /** 20220111 for 2022-01-11, 0 when undated. */
  dateKey: number;
}

const FIELD_SEPARATOR = "\u0000";
const TAG_SEPARATOR = "\u0001";

function makeIndexedArticle(article: Article): IndexedArticle {
  const title = article.title;
  const caption = article.caption ?? "";
  const figures = (article.captions ?? []).join("\n");
  const tagsLength =
    article.tags.reduce((sum, tag) => sum + tag.length, 0) + Math.max(0, article.tags.length - 1);
  const tagsStart = title.length + 1;
  const captionStart = tagsStart + tagsLength + 1;
  const bodyStart = captionStart + caption.length + 1;
  const pieces = [title, FIELD_SEPARATOR];
  article.tags.forEach((tag, i) => {
    if (i > 0) pieces.push(TAG_SEPARATOR);
    pieces.push(tag);
  });
  pieces.push(FIELD_SEPARATOR, caption, FIELD_SEPARATOR);
  let figuresStart = bodyStart;
  article.paragraphs.forEach((paragraph, i) => {
    if (i > 0) pieces.push("\n");
    pieces.push(paragraph);
    figuresStart += (i > 0 ? 1 : 0) + paragraph.length;
  });
  figuresStart += 1;
  pieces.push(FIELD_SEPARATOR, figures);
  const folded = foldConcat(pieces);
  const dateKey = article.date ? Number(article.date.replaceAll("-", "")) || 0 : 0;
  return {
    article,
    shortId: -1,
    folded,
    tagsStart,
    captionStart,
    bodyStart,
    figuresStart,
    dateKey,
  };
}

/** The folded text of one field of an entry (`people` is not part of the entry). */
function entryField(entry: IndexedArticle, fieldId: number): string {
  const field = FIELDS[fieldId];
  if (field === "title") return entry.folded.slice(0, entry.tagsStart - 1);
  if (field === "tags") return entry.folded.slice(entry.tagsStart, entry.captionStart - 1);
  if (field === "caption") return entry.folded.slice(entry.captionStart, entry.bodyStart - 1);
  if (field === "body") return entry.folded.slice(entry.bodyStart, entry.figuresStart - 1);
  if (field === "figures") return entry.folded.slice(entry.figuresStart);
  return "";
}

type PeopleOf = (entry: IndexedArticle) => string[];

/** Names from the caption and body (the title and tags are indexed as they are). */
function defaultPeople(entry: IndexedArticle): string[] {
  return extractNames(entry.folded.slice(entry.captionStart, entry.figuresStart - 1));
}

function peopleOf(options: SearchIndexOptions): PeopleOf {
  const custom = options.people;
  return custom ? (entry) => custom(entry.article).map((name) => foldText(name)) : defaultPeople;
}

function makeDoc(entry: IndexedArticle, people: string[]): IndexDoc {
  const { article } = entry;
  return {
    id: article.id,
    title: article.title,
    tags: article.tags.join("\n"),
    people: people.join("\n"),
    caption: article.caption ?? "",
    body: article.paragraphs.join("\n"),
    figures: (article.captions ?? []).join("\n"),
  };
}

/** Matches of one query term: verified documents (short ids) and their scores. */
interface TermHits {
  docs: number[];
  /** Score by short id (0 where the term does not match). */
  scores: Float64Array;
}

interface Ranked {
  docs: number[];
  scores: Float64Array;
  matched: Uint8Array;
}

export class SearchIndex {
  private readonly store: IndexStore;
  private readonly entries: Map<string, IndexedArticle>;
  /** Entries by MiniSearch short id. */
  private readonly byShortId: Array<IndexedArticle | undefined> = [];
  private readonly people: PeopleOf;
  /** Tags and people names, with how many articles have each (for suggestions). */
  private readonly names: Map<string, number>;
  /** Recent results of terms with very long postings (lone characters), by folded term. */
  private readonly memo = new Map<string, TermHits>();
  /** The English names the articles pair with Chinese ones (拜登（Joe Biden）), learnt at load. */
  readonly englishNames: EnglishNames;

  private constructor(
    store: IndexStore,
    entries: Map<string, IndexedArticle>,
    people: PeopleOf,
    names: Map<string, number>,
  ) {
    this.store = store;
    this.entries = entries;
    this.people = people;
    this.names = names;
    this.englishNames = EnglishNames.learn([...entries.values()].map((entry) => entry.article));
    for (const entry of entries.values()) {
      const shortId = store.shortIdOf(entry.article.id);
      if (shortId === undefined)
        throw new Error(`search index: article ${entry.article.id} is not in the index`);
      entry.shortId = shortId;
      this.byShortId[shortId] = entry;
    }
  }

  /** Indexes the articles in one pass (an article id seen twice: the later one wins). */
  static build(articles: Iterable<Article>, options: SearchIndexOptions = {}): SearchIndex {
    const people = peopleOf(options);
    const entries = collectEntries(articles);
    const names = new Map<string, number>();
    const list = [...entries.values()];
    const peopleText = list.map((entry) => {
      const found = people(entry);
      countNames(names, entry, found, 1);
      return found.join("\n");
    });
    const store = IndexStore.bulk(
      list.map((entry) => entry.article.id),
      (i, fieldId) =>
        FIELDS[fieldId] === "people"
          ? (peopleText[i] as string)
          : entryField(list[i] as IndexedArticle, fieldId),
      list.reduce((sum, entry) => sum + entry.folded.length, 0),
    );
    return new SearchIndex(store, entries, people, names);
  }

  /** How many articles are indexed. */
  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Adds an article, or replaces the one with the same id. */
  add(article: Article): void {
    if (this.entries.has(article.id)) this.remove(article.id);
    const entry = makeIndexedArticle(article);
    const found = this.people(entry);
    entry.shortId = this.store.add(makeDoc(entry, found));
    this.entries.set(article.id, entry);
    this.byShortId[entry.shortId] = entry;
    countNames(this.names, entry, found, 1);
    this.englishNames.add(article);
    this.namesIndex = undefined;
    this.memo.clear();
  }

  /** Removes an article (no-op for an unknown id). */
  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const found = this.people(entry);
    this.store.remove(makeDoc(entry, found));
    this.entries.delete(id);
    this.byShortId[entry.shortId] = undefined;
    countNames(this.names, entry, found, -1);
    this.englishNames.remove(id);
    this.namesIndex = undefined;
    this.memo.clear();
  }

  /**
   * The articles that contain the query's terms, best first (score, then newest). Throws a
   * `UserError` for an empty, too long or unsearchable query.
   */
  search(query: string, options: SearchOptions = {}): SearchResult {
    let terms = checkQuery(query);
    const limit = clampInteger(options.limit ?? DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = clampInteger(options.offset ?? 0, 0, 1_000_000);
    const mode = options.mode ?? "all";
    let perTerm = terms.map((term) => this.evaluateWithChineseNames(term));
    const wholeName = mode === "all" ? this.chineseNamesOfQuery(terms) : [];
    if (wholeName.length > 0)
      perTerm = [this.withAlternatives(this.combine(perTerm, "all"), wholeName)];
    if (mode === "any") {
      const expanded = this.splitUnmatched(terms, perTerm);
      terms = expanded.terms;
      perTerm = expanded.perTerm;
    }
    const ranked = this.combine(perTerm, mode);
    const page = this.topDocs(ranked, offset + limit).slice(offset);
    const hits = page.map((shortId) => {
      const entry = this.byShortId[shortId] as IndexedArticle;
      return {
        id: entry.article.id,
        score: round(ranked.scores[shortId] as number),
        snippets: makeSnippets(entry, [
          ...terms,
          ...terms.flatMap((t) => this.chineseNames(t)),
          ...wholeName,
        ]),
      };
    });
    const suggestions =
      ranked.docs.length === 0 && options.suggestions !== false ? this.suggest(terms, perTerm) : [];
    return { query, total: ranked.docs.length, hits, suggestions };
  }

  /**
   * One term: MiniSearch's BM25 over the term's index keys (AND), computed in typed arrays over
   * its postings, then each candidate checked against the folded text unless the postings are
   * already exact (a single bigram or word), and weighted up where the whole term is in the
   * title or tags.
   */
  private evaluate(term: QueryTerm): TermHits {
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

  /**
   * An English name the archive pairs with Chinese names (Biden with 拜登) also matches the
   * articles that write one of them; each is verified against the text like any term. The
   * score of an article is the best of its matches.
   */
  private evaluateWithChineseNames(term: QueryTerm): TermHits {
    const own = this.evaluate(term);
    const alternatives = this.chineseNames(term);
    return alternatives.length === 0 ? own : this.withAlternatives(own, alternatives);
  }

  /** Hits of the query's terms, or of any of the alternatives (best score of each article). */
  private withAlternatives(own: TermHits, alternatives: QueryTerm[]): TermHits {
    // Scores outside `own.docs` may be partial sums of a query's terms: only members count.
    const scores = new Float64Array(own.scores.length);
    for (const doc of own.docs) scores[doc] = own.scores[doc] as number;
    const docs = [...own.docs];
    const member = new Set(docs);
    for (const alternative of alternatives) {
      const hits = this.evaluate(alternative);
      for (const doc of hits.docs) {
        const score = hits.scores[doc] as number;
        if (!member.has(doc)) {
          member.add(doc);
          docs.push(doc);
        }
        if (score > (scores[doc] as number)) scores[doc] = score;
      }
    }
    return { docs, scores };
  }

  /** A query of English words that together name a person (`Vladimir Putin`): the Chinese names. */
  private chineseNamesOfQuery(terms: QueryTerm[]): QueryTerm[] {
    if (terms.length < 2 || !terms.every((term) => /^[a-z][a-z.'-]*$/.test(term.text))) return [];
    const whole = terms.map((term) => term.text).join(" ");
    return this.englishNames
      .chineseFor(whole, { people: true })
      .flatMap((name) => parseQuery(name).slice(0, 1));
  }

  /** The people's Chinese names an English query term stands for in this archive, as terms. */
  private chineseNames(term: QueryTerm): QueryTerm[] {
    if (!/^[a-z]/.test(term.text)) return [];
    return this.englishNames
      .chineseFor(term.text, { people: true })
      .flatMap((name) => parseQuery(name).slice(0, 1))
      .filter((alternative) => alternative.text !== term.text);
  }

  /** Terms that found nothing (a whole question, in `any` mode) are replaced by their words. */
  private splitUnmatched(
    terms: QueryTerm[],
    perTerm: TermHits[],
  ): { terms: QueryTerm[]; perTerm: TermHits[] } {
    if (perTerm.every((hits) => hits.docs.length > 0)) return { terms, perTerm };
    const outTerms: QueryTerm[] = [];
    const outHits: TermHits[] = [];
    const seen = new Set<string>();
    terms.forEach((term, i) => {
      if ((perTerm[i] as TermHits).docs.length > 0 || term.text.length < 3) {
        outTerms.push(term);
        outHits.push(perTerm[i] as TermHits);
        seen.add(term.text);
        return;
      }
      for (const word of contentWords(term.text)) {
        if (word.length < 2 || seen.has(word)) continue;
        const [part] = parseQuery(word);
        if (!part) continue;
        seen.add(word);
        outTerms.push(part);
        outHits.push(this.evaluate(part));
        if (outTerms.length >= MAX_QUERY_TERMS * 2) break;
      }
    });
    return outTerms.length > 0 ? { terms: outTerms, perTerm: outHits } : { terms, perTerm };
  }

  /** `all`: documents with every term, scores summed. `any`: documents with at least one. */
  private combine(perTerm: TermHits[], mode: "all" | "any"): Ranked {
    const capacity = this.store.capacity;
    const scores = new Float64Array(capacity);
    const matched = new Uint8Array(capacity);
    const docs: number[] = [];
    if (perTerm.length === 1) {
      const only = perTerm[0] as TermHits;
      for (const doc of only.docs) matched[doc] = 1;
      return { docs: only.docs, scores: only.scores, matched };
    }
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

  /** The best `count` documents: more terms matched, higher score, newer, higher id. */
  private topDocs(ranked: Ranked, count: number): number[] {
    const { scores, matched } = ranked;
    const better = (a: number, b: number): boolean => {
      const byMatched = (matched[a] as number) - (matched[b] as number);
      if (byMatched !== 0) return byMatched > 0;
      const byScore = (scores[a] as number) - (scores[b] as number);
      if (byScore !== 0) return byScore > 0;
      const ea = this.byShortId[a] as IndexedArticle;
      const eb = this.byShortId[b] as IndexedArticle;
      if (ea.dateKey !== eb.dateKey) return ea.dateKey > eb.dateKey;
      return ea.article.id > eb.article.id;
    };
    return topK(ranked.docs, count, better);
  }

  /** Suggestions for a query that found nothing. */
  private suggest(terms: QueryTerm[], perTerm: TermHits[]): string[] {
    const suggestions: string[] = [];
    const add = (text: string) => {
      if (text && !suggestions.includes(text)) suggestions.push(text);
    };
    const hitting = terms.filter((_, i) => (perTerm[i] as TermHits).docs.length > 0);
    if (terms.length > 1 && hitting.length > 0) {
      if (hitting.length > 1) {
        const together = this.combine(
          hitting.map((term) => perTerm[terms.indexOf(term)] as TermHits),
          "all",
        );
        if (together.docs.length > 0) add(hitting.map((term) => term.raw).join(" "));
      }
      for (const term of hitting) add(term.raw);
    }
    for (const term of terms) {
      if (hitting.includes(term)) continue;
      for (const shorter of this.shorterTerms(term)) add(shorter);
      for (const word of this.closeWords(term)) add(word);
    }
    return suggestions.slice(0, 5);
  }

  /** Whether a term occurs anywhere (cheap when one of its keys is in no article). */
  private occurs(term: QueryTerm): boolean {
    for (const token of term.tokens) {
      const key = termKey(token);
      if (this.store.lookup(key, isPrefixKey(key)).length === 0) return false;
    }
    return this.evaluate(term).docs.length > 0;
  }

  /** The longest parts of a term that do occur (斯托尔滕贝格说了 → 斯托尔滕贝格). */
  private shorterTerms(term: QueryTerm): string[] {
    const text = term.text;
    if (text.length < 3 || text.length > 16) return [];
    for (let length = text.length - 1; length >= 2; length--) {
      const found: string[] = [];
      for (let start = 0; start + length <= text.length; start++) {
        const [part] = parseQuery(text.slice(start, start + length));
        if (!part || part.text.length < 2 || found.includes(part.text)) continue;
        if (this.occurs(part)) found.push(part.text);
      }
      if (found.length > 0) return found.slice(0, 2);
    }
    return [];
  }

  /** Index words close to a term that found nothing: Latin words by MiniSearch fuzzy, Han by names. */
  private closeWords(term: QueryTerm): string[] {
    const counts = new Map<string, number>();
    for (const token of term.tokens) {
      if (termKey(token) !== token || token.length < 3 || /^\d+$/.test(token)) continue;
      const results = this.store.mini.search(token, {
        fuzzy: token.length >= 6 ? 2 : 1,
        prefix: false,
      });
      for (const result of results.slice(0, 500)) {
        for (const matched of result.terms) {
          if (matched === token || isHanKey(matched)) continue;
          counts.set(matched, (counts.get(matched) ?? 0) + 1);
        }
      }
    }
    if (term.tokens.some((token) => termKey(token) !== token) && term.text.length >= 2) {
      const text = term.text;
      const limit = text.length >= 5 ? 2 : 1;
      const chars = new Set(text);
      const byLength = this.namesByLength();
      for (let length = text.length - limit; length <= text.length + limit; length++) {
        for (const name of byLength.get(length) ?? []) {
          if (name === text) continue;
          let shared = 0;
          for (const char of name) if (chars.has(char)) shared++;
          if (shared < text.length - limit) continue;
          if (editDistance(name, text, limit) <= limit)
            counts.set(name, (counts.get(name) ?? 0) + (this.names.get(name) ?? 0));
        }
      }
    }
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([word]) => keyText(word));
  }

  private namesIndex: Map<number, string[]> | undefined;

  /** The names grouped by length (rebuilt after articles are added or removed). */
  private namesByLength(): Map<number, string[]> {
    if (this.namesIndex) return this.namesIndex;
    const byLength = new Map<number, string[]>();
    for (const name of this.names.keys()) {
      const list = byLength.get(name.length);
      if (list) list.push(name);
      else byLength.set(name.length, [name]);
    }
    this.namesIndex = byLength;
    return byLength;
  }

  /** The index in a string (with a version stamp), for `deserialize`. */
  serialize(): string {
    const payload = this.store.serialize((id) => {
      const entry = this.entries.get(id);
      return entry ? articleFingerprint(entry) : "";
    });
    const names = JSON.stringify([...this.names].filter(([, count]) => count > 0));
    return `${names}\n${payload}`;
  }

  /**
   * Loads a serialized index for these articles. Throws when the data is from another version of
   * the analysis, is corrupt, or does not describe exactly these articles: the caller rebuilds.
   */
  static deserialize(
    data: string,
    articles: Iterable<Article>,
    options: SearchIndexOptions = {},
  ): SearchIndex {
    const newline = data.indexOf("\n");
    if (newline < 0) throw new Error("search index: corrupt data (no names)");
    let names: Map<string, number>;
    try {
      names = new Map(JSON.parse(data.slice(0, newline)) as Array<[string, number]>);
    } catch (error) {
      throw new Error(`search index: corrupt data (${(error as Error).message})`);
    }
    const entries = collectEntries(articles);
    const store = IndexStore.deserialize(
      data.slice(newline + 1),
      (id) => {
        const entry = entries.get(id);
        return entry ? articleFingerprint(entry) : undefined;
      },
      entries.size,
    );
    return new SearchIndex(store, entries, peopleOf(options), names);
  }
}

function isHanKey(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 0x41 && first <= 0x5a;
}

function countNames(
  names: Map<string, number>,
  entry: IndexedArticle,
  people: string[],
  delta: number,
): void {
  const own = new Set(people);
  for (const tag of entry.article.tags) own.add(foldText(tag));
  for (const name of own) {
    const count = (names.get(name) ?? 0) + delta;
    if (count > 0) names.set(name, count);
    else names.delete(name);
  }
}

/** Entries by article id, in order; an id seen twice keeps the later article. */
function collectEntries(articles: Iterable<Article>): Map<string, IndexedArticle> {
  const entries = new Map<string, IndexedArticle>();
  for (const article of articles) {
    entries.delete(article.id);
    entries.set(article.id, makeIndexedArticle(article));
  }
  return entries;
}

/** A cheap hash of an article's folded text: a persisted index is only used for the same text. */
function articleFingerprint(entry: IndexedArticle): string {
  let hash = 0x811c9dc5;
  const text = entry.folded;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length.toString(36)}.${(hash >>> 0).toString(36)}`;
}

function checkQuery(query: string): QueryTerm[] {
  if (typeof query !== "string" || query.trim() === "") throw new UserError("search.empty");
  if (query.length > MAX_QUERY_LENGTH) {
    throw new UserError("search.tooLong", { length: query.length, max: MAX_QUERY_LENGTH });
  }
  const terms = parseQuery(query);
  if (terms.length === 0) throw new UserError("search.noTerms");
  if (terms.length > MAX_QUERY_TERMS)
    throw new UserError("search.tooManyTerms", { max: MAX_QUERY_TERMS });
  return terms;
}

function clampInteger(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

const TITLE_BIT = 1 << FIELDS.indexOf("title");
const TAGS_BIT = 1 << FIELDS.indexOf("tags");
const FIELD_COUNT = FIELDS.length;

function fieldFactor(bits: number): number {
  return (
    1 + (bits & TITLE_BIT ? WHOLE_TERM_IN_TITLE : 0) + (bits & TAGS_BIT ? WHOLE_TERM_IN_TAGS : 0)
  );
}

function wholeTermFactor(entry: IndexedArticle, term: QueryTerm): number {
  const head = entry.folded.slice(0, entry.captionStart - 1);
  const first = nextMatch(head, term, 0);
  if (first < 0) return 1;
  let factor = 1;
  if (first < entry.tagsStart) {
    factor += WHOLE_TERM_IN_TITLE;
    if (nextMatch(head, term, entry.tagsStart) >= 0) factor += WHOLE_TERM_IN_TAGS;
  } else factor += WHOLE_TERM_IN_TAGS;
  return factor;
}

/** The best `count` items by `better`, best first (a bounded heap: no full sort of big results). */
function topK(items: number[], count: number, better: (a: number, b: number) => boolean): number[] {
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

// ---------------------------------------------------------------------------------------------
// Snippets

/**
 * Marks the highlights of a snippet: `mark` wraps each highlighted part (default `**…**`);
 * `escapeText` is applied to the text, marked or not (for example Discord markdown escaping).
 */
export function markSnippet(
  snippet: Snippet,
  mark: (s: string) => string = (s) => `**${s}**`,
  escapeText: (s: string) => string = (s) => s,
): string {
  let out = "";
  let at = 0;
  for (const [start, end] of mergeRanges(snippet.highlights)) {
    if (start < at || end > snippet.text.length) continue;
    out +=
      escapeText(snippet.text.slice(at, start)) + mark(escapeText(snippet.text.slice(start, end)));
    at = end;
  }
  return out + escapeText(snippet.text.slice(at));
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = ranges
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * One or two sentences around the matches: the sentence of the first match, and one for a term
 * the first lacks (or the next match), each widened to a clause of context. From the captions
 * when only they match, and the title (else the tags) when only the title or tags do.
 */
function makeSnippets(entry: IndexedArticle, terms: QueryTerm[]): Snippet[] {
  const { article } = entry;
  const body = article.paragraphs.join("\n");
  const foldedBody = entry.folded.slice(entry.bodyStart, entry.figuresStart - 1);
  const matches = terms.map((term) => matchRanges(foldedBody, term, 200));
  const allRanges = matches.flat();
  const ordered = matches
    .flatMap((ranges, termIndex) => ranges.map((range) => ({ range, termIndex })))
    .sort((a, b) => a.range[0] - b.range[0]);
  const snippets: Snippet[] = [];
  const covered = new Set<number>();
  const used: Array<[number, number]> = [];
  for (const pass of [0, 1]) {
    for (const { range, termIndex } of ordered) {
      if (snippets.length >= 2) break;
      if (pass === 0 && covered.has(termIndex)) continue;
      if (used.some(([s, e]) => range[0] >= s && range[1] <= e)) continue;
      const sentence = widenToContext(body, sentenceAround(body, range[0]), allRanges);
      if (used.some(([s, e]) => sentence[0] < e && s < sentence[1])) continue;
      used.push(sentence);
      matches.forEach((ranges, t) => {
        if (ranges.some(([s, e]) => s >= sentence[0] && e <= sentence[1])) covered.add(t);
      });
      snippets.push(cutSnippet(body, sentence, range, allRanges));
    }
  }
  if (snippets.length > 0) return snippets;
  const caption = captionText(article);
  // The lead caption and the image captions, one a line, as `captionText` joins them.
  const foldedCaption = [
    entry.folded.slice(entry.captionStart, entry.bodyStart - 1),
    entry.folded.slice(entry.figuresStart),
  ]
    .filter((text) => text.length > 0)
    .join("\n");
  const inCaption = firstMatch(foldedCaption, terms);
  if (inCaption) {
    // A caption is read whole (its credit included), cut around the term when long.
    const at = inCaption.first[0];
    const lineEnd = caption.indexOf("\n", at);
    const line = trimRange(caption, [
      caption.lastIndexOf("\n", at - 1) + 1,
      lineEnd < 0 ? caption.length : lineEnd,
    ]);
    return [cutSnippet(caption, line, inCaption.first, inCaption.ranges)];
  }
  // The title or the tags hold the term: they are the snippet, never a sentence without it.
  const title = article.title;
  const inTitle = firstMatch(entry.folded.slice(0, entry.tagsStart - 1), terms);
  if (inTitle) return [cutSnippet(title, [0, title.length], inTitle.first, inTitle.ranges)];
  // Folded tags are joined by one separator character, as long as "、".
  const tags = article.tags.join("、");
  const inTags = firstMatch(entry.folded.slice(entry.tagsStart, entry.captionStart - 1), terms);
  if (inTags) return [cutSnippet(tags, [0, tags.length], inTags.first, inTags.ranges)];
  const lead = sentenceAround(body, 0);
  return [cutSnippet(body, lead, [lead[0], lead[0]], [])];
}

function firstMatch(
  folded: string,
  terms: QueryTerm[],
): { first: [number, number]; ranges: Array<[number, number]> } | undefined {
  const ranges = terms.flatMap((term) => matchRanges(folded, term, 20));
  const first = ranges.reduce<[number, number] | undefined>(
    (a, r) => (!a || r[0] < a[0] ? r : a),
    undefined,
  );
  return first ? { first, ranges } : undefined;
}

/** Letters and digits a snippet needs besides its matches: about a clause. */
const MIN_CONTEXT = 10;
const CONTEXT_CHAR = /[\p{L}\p{N}]/u;

function contextLength(
  text: string,
  [start, end]: [number, number],
  ranges: Array<[number, number]>,
): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    if (!CONTEXT_CHAR.test(text.charAt(i))) continue;
    if (!ranges.some(([s, e]) => i >= s && i < e)) count++;
  }
  return count;
}

/**
 * Widens a sentence that is little more than the matched term (`台积电。`, `斯托尔滕贝格说。`, a
 * subhead) by its neighbours until it has a clause of context: the sentence before it in the
 * paragraph, else the one after; at a paragraph's edge, the next paragraph's first sentence (a
 * subhead introduces it), else the previous paragraph's last.
 */
function widenToContext(
  text: string,
  sentence: [number, number],
  ranges: Array<[number, number]>,
): [number, number] {
  let [start, end] = sentence;
  for (let step = 0; step < 3 && contextLength(text, [start, end], ranges) < MIN_CONTEXT; step++) {
    const paragraphStart = text.lastIndexOf("\n", start - 1) + 1;
    const newline = text.indexOf("\n", end);
    const paragraphEnd = newline < 0 ? text.length : newline;
    if (text.slice(paragraphStart, start).trim()) start = sentenceAround(text, start - 1)[0];
    else if (text.slice(end, paragraphEnd).trim()) {
      let next = end;
      while (/\s/.test(text.charAt(next))) next++;
      end = sentenceAround(text, next)[1];
    } else if (paragraphEnd < text.length) end = sentenceAround(text, paragraphEnd + 1)[1];
    else if (paragraphStart > 0) start = sentenceAround(text, paragraphStart - 2)[0];
    else break;
  }
  return [start, end];
}

/** The sentence (within its paragraph) containing the offset, as [start, end) in `text`. */
function sentenceAround(text: string, offset: number): [number, number] {
  const paragraphStart = text.lastIndexOf("\n", offset - 1) + 1;
  let paragraphEnd = text.indexOf("\n", offset);
  if (paragraphEnd < 0) paragraphEnd = text.length;
  const paragraph = text.slice(paragraphStart, paragraphEnd);
  for (const [start, end] of sentenceRanges(paragraph, "end-marks")) {
    if (offset - paragraphStart < end)
      return trimRange(text, [paragraphStart + start, paragraphStart + end]);
  }
  return trimRange(text, [paragraphStart, paragraphEnd]);
}

function trimRange(text: string, [start, end]: [number, number]): [number, number] {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return [start, end];
}

/**
 * The sentence as a snippet of at most SNIPPET_MAX characters, cut around the focus match with
 * "…" where it was shortened, and the highlights that fall inside it.
 */
function cutSnippet(
  text: string,
  [start, end]: [number, number],
  focus: [number, number],
  ranges: Array<[number, number]>,
): Snippet {
  let from = start;
  let to = end;
  if (to - from > SNIPPET_MAX) {
    const room = Math.max(0, SNIPPET_MAX - (focus[1] - focus[0]));
    from = Math.max(start, focus[0] - Math.floor(room / 3));
    to = Math.min(end, from + SNIPPET_MAX);
    from = Math.max(start, to - SNIPPET_MAX);
  }
  const prefix = from > start ? "…" : "";
  const suffix = to < end ? "…" : "";
  const highlights: Array<[number, number]> = [];
  for (const [s, e] of mergeRanges(ranges)) {
    if (s >= from && e <= to) highlights.push([s - from + prefix.length, e - from + prefix.length]);
  }
  // A snippet widened across paragraphs reads them as one line.
  const piece = text.slice(from, to).replaceAll("\n", " ");
  return { text: prefix + piece + suffix, highlights };
}
