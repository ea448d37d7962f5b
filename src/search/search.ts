import type { Article } from "../articles/article.js";
import { EnglishNames } from "../articles/english-names.js";
import { contentWords, foldText } from "../text/text.js";
import { MAX_QUERY_TERMS, parseQuery, type QueryTerm } from "./analyzer.js";
import { ShortIdTable, TermEvaluator } from "./evaluate.js";
import {
  articleFingerprint,
  collectEntries,
  entryField,
  type IndexedArticle,
  makeIndexedArticle,
} from "./indexed-article.js";
import { peopleNames } from "./people.js";
import { checkQuery, chineseNames, chineseNamesOfQuery, clampInteger } from "./query.js";
import {
  combine,
  type Ranked,
  round,
  type ScratchArrays,
  type TermHits,
  topK,
  withAlternatives,
} from "./rank.js";
import { makeSnippets, type Snippet } from "./snippets.js";
import { FIELDS, type IndexDoc, IndexStore } from "./store.js";
import { countNames, Suggester } from "./suggest.js";

export { markSnippet, SNIPPET_MAX, type Snippet } from "./snippets.js";

/**
 * Chinese-aware article search. A MiniSearch index (store.ts) whose terms are Han bigrams plus
 * the last character of each run, and Latin words (analyzer.ts), proposes candidates and ranks
 * them with MiniSearch's BM25 (title boosted); every candidate is then checked against the folded
 * text, so results contain the query's terms and nothing else.
 *
 * This module is the facade: the query (query.ts), one term's verified hits (evaluate.ts),
 * combining and ranking (rank.ts), snippets (snippets.ts), suggestions (suggest.ts) and what is
 * kept per article (indexed-article.ts).
 */

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

type PeopleOf = (entry: IndexedArticle) => string[];

/** Names from the caption and body (the title and tags are indexed as they are). */
function defaultPeople(entry: IndexedArticle): string[] {
  const { article } = entry;
  return peopleNames(`${article.caption ?? ""}\u0000${article.paragraphs.join("\n")}`);
}

/** The names of the people an article mentions, as the `people` field indexes them by default. */
export function peopleNamesOf(article: Article): string[] {
  return defaultPeople({ article } as IndexedArticle);
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

/** The documents of `docs` that are among the hits. */
function intersect(docs: readonly number[], hits: TermHits, arrays: ScratchArrays): number[] {
  const member = arrays.flags(hits.scores.length);
  for (const doc of hits.docs) member[doc] = 1;
  return docs.filter((doc) => member[doc] === 1);
}

export class SearchIndex {
  private readonly store: IndexStore;
  private readonly entries: Map<string, IndexedArticle>;
  /** Entries by MiniSearch short id. */
  private readonly articles = new ShortIdTable();
  private readonly people: PeopleOf;
  private readonly terms: TermEvaluator;
  private readonly suggester: Suggester;
  /** The English names the articles pair with Chinese ones, once learnt (see `englishNames`). */
  private learntNames: EnglishNames | undefined;
  /** Learns them from the articles indexed at construction, until first asked for. */
  private learnNames: (() => EnglishNames) | undefined;

  private constructor(
    store: IndexStore,
    entries: Map<string, IndexedArticle>,
    people: PeopleOf,
    names: Map<string, number> | (() => Map<string, number>),
    learnEnglishNames: (articles: Iterable<Article>) => EnglishNames = EnglishNames.learn,
  ) {
    this.store = store;
    this.entries = entries;
    this.people = people;
    this.terms = new TermEvaluator(store, this.articles);
    this.suggester = new Suggester(store, names, (term) => this.terms.matchesAny(term));
    const articles = [...entries.values()].map((entry) => entry.article);
    this.learnNames = () => learnEnglishNames(articles);
    for (const entry of entries.values()) {
      const shortId = store.shortIdOf(entry.article.id);
      if (shortId === undefined)
        throw new Error(`search index: article ${entry.article.id} is not in the index`);
      entry.shortId = shortId;
      this.articles.set(shortId, entry);
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
    const store = bulkStore(list, peopleText);
    return new SearchIndex(store, entries, people, names);
  }

  /**
   * `build` for articles whose folded text is at hand (stored articles, see `storeArticles`),
   * with the names of the people each mentions when they were read before (`peopleNamesOf`):
   * nothing is folded, and the articles' paragraphs are not read for them.
   */
  static buildEntries(entries: IndexedArticle[], peopleFound?: readonly string[][]): SearchIndex {
    const byId = new Map<string, IndexedArticle>();
    for (const entry of entries) {
      byId.delete(entry.article.id);
      byId.set(entry.article.id, entry);
    }
    const names = new Map<string, number>();
    const list = [...byId.values()];
    const peopleText = list.map((entry, i) => {
      const found =
        peopleFound && list.length === entries.length
          ? (peopleFound[i] as string[])
          : defaultPeople(entry);
      countNames(names, entry, found, 1);
      return found.join("\n");
    });
    const store = bulkStore(list, peopleText);
    return new SearchIndex(store, byId, defaultPeople, names, EnglishNames.recorded);
  }

  /**
   * The English names the articles pair with Chinese ones (拜登（Joe Biden）), learnt on first use:
   * only a query with a Latin word, a person's quotes or an English question asks for them, and
   * learning them at the archive's size costs a warm start a few hundred milliseconds.
   */
  get englishNames(): EnglishNames {
    if (!this.learntNames) {
      this.learntNames = (this.learnNames as () => EnglishNames)();
      this.learnNames = undefined;
    }
    return this.learntNames;
  }

  /**
   * Builds now what a warm start leaves for first use (the English-name map, the suggestions'
   * names), so that no member's query pays for it.
   */
  warmUp(): void {
    this.englishNames;
    this.suggester.names;
  }

  /** `englishNames`, for the functions that ask for it only when a query is English. */
  private readonly namesOnUse = () => this.englishNames;

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
    this.articles.set(entry.shortId, entry);
    this.suggester.count(entry, found, 1);
    this.englishNames.add(article);
    this.terms.clear();
  }

  /** Removes an article (no-op for an unknown id). */
  remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const found = this.people(entry);
    this.store.remove(makeDoc(entry, found));
    this.entries.delete(id);
    this.articles.set(entry.shortId, undefined);
    this.suggester.count(entry, found, -1);
    this.englishNames.remove(id);
    this.terms.clear();
  }

  /**
   * The articles that contain the query's terms, best first (score, then newest). Throws a
   * `UserError` for an empty, too long or unsearchable query.
   */
  search(query: string, options: SearchOptions = {}): SearchResult {
    try {
      return this.find(query, options);
    } finally {
      // Nothing of the terms' hits outlives the answer (it holds numbers, not their arrays).
      this.terms.giveBack();
    }
  }

  private find(query: string, options: SearchOptions): SearchResult {
    let terms = checkQuery(query);
    const limit = clampInteger(options.limit ?? DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = clampInteger(options.offset ?? 0, 0, 1_000_000);
    const mode = options.mode ?? "all";
    const capacity = this.store.capacity;
    const evaluate = (term: QueryTerm) => this.terms.evaluate(term);
    let perTerm =
      mode === "all" && terms.length > 1
        ? this.evaluateNarrowing(terms)
        : terms.map((term) => this.evaluateWithChineseNames(term));
    const wholeName = mode === "all" ? chineseNamesOfQuery(this.namesOnUse, terms) : [];
    if (wholeName.length > 0)
      perTerm = [
        withAlternatives(
          combine(perTerm, "all", capacity, this.terms),
          wholeName,
          evaluate,
          this.terms,
        ),
      ];
    if (mode === "any") {
      const expanded = this.splitUnmatched(terms, perTerm);
      terms = expanded.terms;
      perTerm = expanded.perTerm;
    }
    const ranked = combine(perTerm, mode, capacity, this.terms);
    const page = this.topDocs(ranked, offset + limit).slice(offset);
    const snippetTerms =
      page.length === 0
        ? []
        : [...terms, ...terms.flatMap((t) => chineseNames(this.namesOnUse, t)), ...wholeName];
    const hits = page.map((shortId) => {
      const entry = this.articles.entries[shortId] as IndexedArticle;
      return {
        id: entry.article.id,
        score: round(ranked.scores[shortId] as number),
        snippets: makeSnippets(entry, snippetTerms),
      };
    });
    // Suggestions need each term's own hits, not only those among the other terms' hits.
    const suggestions =
      ranked.docs.length === 0 && options.suggestions !== false
        ? this.suggester.suggest(
            terms,
            mode === "all" && terms.length > 1 && wholeName.length === 0
              ? terms.map((term) => this.evaluateWithChineseNames(term))
              : perTerm,
          )
        : [];
    return { query, total: ranked.docs.length, hits, suggestions };
  }

  /**
   * An English name the archive pairs with Chinese names (Biden with 拜登) also matches the
   * articles that write one of them; each is verified against the text like any term. The
   * score of an article is the best of its matches.
   */
  private evaluateWithChineseNames(term: QueryTerm, within?: readonly number[]): TermHits {
    const own = this.terms.evaluate(term, within);
    const alternatives = chineseNames(this.namesOnUse, term);
    return alternatives.length === 0
      ? own
      : withAlternatives(
          own,
          alternatives,
          (alternative) => this.terms.evaluate(alternative, within),
          this.terms,
        );
  }

  /**
   * The terms of an `all` query, each scored only among the articles every term evaluated so
   * far matched, rarest term first: the articles that have them all get the scores a full
   * evaluation gives them, without checking and scoring every article a common term is in.
   * Hits are in the terms' order (their scores are summed in that order).
   */
  private evaluateNarrowing(terms: QueryTerm[]): TermHits[] {
    const order = terms
      .map((term, i) => ({ i, size: this.terms.size(term) }))
      .sort((a, b) => a.size - b.size || a.i - b.i);
    const perTerm: TermHits[] = new Array(terms.length);
    let within: readonly number[] | undefined;
    for (const { i } of order) {
      const hits = this.evaluateWithChineseNames(terms[i] as QueryTerm, within);
      perTerm[i] = hits;
      within = within ? intersect(within, hits, this.terms) : hits.docs;
    }
    return perTerm;
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
        outHits.push(this.terms.evaluate(part));
        if (outTerms.length >= MAX_QUERY_TERMS * 2) break;
      }
    });
    return outTerms.length > 0 ? { terms: outTerms, perTerm: outHits } : { terms, perTerm };
  }

  /** The best `count` documents: more terms matched, higher score, newer, higher id. */
  private topDocs(ranked: Ranked, count: number): number[] {
    const { scores, matched } = ranked;
    const better = (a: number, b: number): boolean => {
      const byMatched = (matched[a] as number) - (matched[b] as number);
      if (byMatched !== 0) return byMatched > 0;
      const byScore = (scores[a] as number) - (scores[b] as number);
      if (byScore !== 0) return byScore > 0;
      const ea = this.articles.entries[a] as IndexedArticle;
      const eb = this.articles.entries[b] as IndexedArticle;
      if (ea.dateKey !== eb.dateKey) return ea.dateKey > eb.dateKey;
      return ea.article.id > eb.article.id;
    };
    return topK(ranked.docs, count, better);
  }

  /** The folded text and offsets search keeps for an article (undefined for an unknown id). */
  indexedArticle(id: string): IndexedArticle | undefined {
    return this.entries.get(id);
  }

  /** The index in bytes (with a version stamp), for `deserialize`. */
  serialize(): Buffer {
    return Buffer.concat(this.serializePieces());
  }

  /**
   * `serialize` as the pieces of its bytes, never joined: a save streams them to its file, and
   * an index untouched since it was built or loaded writes its postings without a copy.
   */
  serializePieces(): Uint8Array[] {
    const payload = this.store.serializePieces((id) => {
      const entry = this.entries.get(id);
      return entry ? articleFingerprint(entry) : "";
    });
    const names = JSON.stringify([...this.suggester.names].filter(([, count]) => count > 0));
    return [Buffer.from(`${names}\n`), ...payload];
  }

  /**
   * Loads a serialized index for these articles. Throws when the data is from another version of
   * the analysis, is corrupt, or does not describe exactly these articles: the caller rebuilds.
   */
  static deserialize(
    data: Uint8Array,
    articles: Iterable<Article>,
    options: SearchIndexOptions = {},
  ): SearchIndex {
    return SearchIndex.load(data, collectEntries(articles), EnglishNames.learn, options, true);
  }

  /**
   * `deserialize` for articles whose folded text is at hand (a persisted archive, or the index
   * being compacted), and whose `englishNames` were read when they were parsed: nothing is folded
   * or read again. The articles are taken to be those indexed (the two were saved together, each
   * with its checksum): their texts are not hashed again to compare with the index's fingerprints.
   */
  static deserializeEntries(
    data: Uint8Array,
    entries: Iterable<IndexedArticle>,
    options: SearchIndexOptions = {},
  ): SearchIndex {
    const byId = new Map<string, IndexedArticle>();
    for (const entry of entries) {
      byId.delete(entry.article.id);
      byId.set(entry.article.id, entry);
    }
    // The bytes are this process's `serialize` or a persisted section that passed its checksum:
    // the index's own checksums and key order are not checked again.
    const { names, rest } = splitNames(data);
    const store = IndexStore.deserialize(rest, undefined, undefined, true);
    if (store.documentCount !== byId.size)
      throw new Error("search index: the articles have changed");
    return new SearchIndex(store, byId, peopleOf(options), names, EnglishNames.recorded);
  }

  private static load(
    data: Uint8Array,
    entries: Map<string, IndexedArticle>,
    learnEnglishNames: (articles: Iterable<Article>) => EnglishNames,
    options: SearchIndexOptions,
    checkFingerprints: boolean,
  ): SearchIndex {
    const { names, rest } = splitNames(data);
    const store = IndexStore.deserialize(
      rest,
      checkFingerprints
        ? (id) => {
            const entry = entries.get(id);
            return entry ? articleFingerprint(entry) : undefined;
          }
        : undefined,
      entries.size,
    );
    return new SearchIndex(store, entries, peopleOf(options), names(), learnEnglishNames);
  }
}

/**
 * The names line of a serialized index, to be read when first asked for (only suggestions and
 * live updates need it; it is 1.6 MB of JSON at the archive), and the bytes of the index after it.
 */
function splitNames(data: Uint8Array): { names: () => Map<string, number>; rest: Buffer } {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) throw new Error("search index: corrupt data (no names)");
  const line = bytes.subarray(0, newline);
  const names = () => {
    try {
      return new Map(JSON.parse(line.toString("utf8")) as Array<[string, number]>);
    } catch (error) {
      throw new Error(`search index: corrupt data (${(error as Error).message})`);
    }
  };
  return { names, rest: bytes.subarray(newline + 1) };
}

/** The index store of a list of articles, the names each mentions given as one text per article. */
function bulkStore(list: IndexedArticle[], peopleText: string[]): IndexStore {
  return IndexStore.bulk(
    list.map((entry) => entry.article.id),
    (i, fieldId) =>
      FIELDS[fieldId] === "people"
        ? (peopleText[i] as string)
        : entryField(list[i] as IndexedArticle, fieldId),
    list.reduce((sum, entry) => sum + entry.folded.length, 0),
  );
}
