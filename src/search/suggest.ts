import { editDistance } from "../text/edit-distance.js";
import { foldText, segmentWords } from "../text/text.js";
import { isPrefixKey, keyText, parseQuery, type QueryTerm, termKey } from "./analyzer.js";
import type { IndexedArticle } from "./indexed-article.js";
import { combine, type TermHits } from "./rank.js";
import type { IndexStore } from "./store.js";

/**
 * Suggestions for a query that found nothing: the terms that do match (together or alone), the
 * longest parts of a term that occur, index words close to a Latin term, and tag or people names
 * close to a Han term.
 */
export class Suggester {
  private namesMap: Map<string, number> | undefined;
  private readNames: (() => Map<string, number>) | undefined;

  /**
   * @param names Tags and people names, with how many articles have each, or how to read them
   *   (a persisted index: on the first query that finds nothing, or the first live update).
   * @param matchesAny Whether one term has at least one hit.
   */
  constructor(
    private readonly store: IndexStore,
    names: Map<string, number> | (() => Map<string, number>),
    private readonly matchesAny: (term: QueryTerm) => boolean,
  ) {
    if (names instanceof Map) this.namesMap = names;
    else this.readNames = names;
  }

  /** Tags and people names, with how many articles have each. */
  get names(): Map<string, number> {
    if (!this.namesMap) {
      this.namesMap = (this.readNames as () => Map<string, number>)();
      this.readNames = undefined;
    }
    return this.namesMap;
  }

  /** Counts or uncounts an article's names (`countNames`), dropping the length index. */
  count(entry: IndexedArticle, people: string[], delta: number): void {
    countNames(this.names, entry, people, delta);
    this.namesIndex = undefined;
  }

  /** Suggestions for a query that found nothing. */
  suggest(terms: QueryTerm[], perTerm: TermHits[]): string[] {
    const suggestions: string[] = [];
    const add = (text: string) => {
      if (text && !suggestions.includes(text)) suggestions.push(text);
    };
    const hitting = terms.filter((_, i) => (perTerm[i] as TermHits).docs.length > 0);
    if (terms.length > 1 && hitting.length > 0) {
      if (hitting.length > 1) {
        const together = combine(
          hitting.map((term) => perTerm[terms.indexOf(term)] as TermHits),
          "all",
          this.store.capacity,
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
    return this.matchesAny(term);
  }

  /**
   * The longest parts of a term that do occur (斯托尔滕贝格说了 → 斯托尔滕贝格), made of whole
   * words: a part that cuts a word (星基 of 火星基地, zxc of asdfqwerzxcv) is no correction.
   */
  private shorterTerms(term: QueryTerm): string[] {
    const text = term.text;
    if (text.length < 3 || text.length > 16) return [];
    const edges = wordEdges(text);
    for (let length = text.length - 1; length >= 2; length--) {
      const found: string[] = [];
      for (let start = 0; start + length <= text.length; start++) {
        if (!edges[start] || !edges[start + length]) continue;
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
      for (const name of this.namesSharing(text, text.length - limit, limit)) {
        if (name === text) continue;
        if (editDistance(name, text, limit) <= limit)
          counts.set(name, (counts.get(name) ?? 0) + (this.names.get(name) ?? 0));
      }
    }
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([word]) => keyText(word));
  }

  private namesIndex: NamesByCharacter | undefined;

  /**
   * The names of `text.length ± limit` UTF-16 units of which at least `least` characters (each
   * occurrence counted) are characters of the text, shortest first, then in the order of `names`.
   * From the names each character of the text is in: the archive's names are hundreds of
   * thousands, and reading each of them for every query that found nothing was most of its time.
   */
  private namesSharing(text: string, least: number, limit: number): string[] {
    const index = this.namesByCharacter();
    const { list, shared } = index;
    const touched: number[] = [];
    for (const char of new Set(text)) {
      const ids = index.byCharacter.get(char);
      if (!ids) continue;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] as number;
        if (shared[id] === 0) touched.push(id);
        shared[id] = (shared[id] as number) + 1;
      }
    }
    const found: number[] = [];
    for (const id of touched) {
      const length = (list[id] as string).length;
      if (
        (shared[id] as number) >= least &&
        length >= text.length - limit &&
        length <= text.length + limit
      )
        found.push(id);
      shared[id] = 0;
    }
    found.sort((a, b) => (list[a] as string).length - (list[b] as string).length || a - b);
    return found.map((id) => list[id] as string);
  }

  /** The names by character (rebuilt after articles are added or removed). */
  private namesByCharacter(): NamesByCharacter {
    if (this.namesIndex) return this.namesIndex;
    const list = [...this.names.keys()];
    const grown = new Map<string, number[]>();
    list.forEach((name, id) => {
      // Once per occurrence: a name's shared characters are counted as often as it has them.
      for (const char of name) {
        const ids = grown.get(char);
        if (ids) ids.push(id);
        else grown.set(char, [id]);
      }
    });
    const byCharacter = new Map<string, Int32Array>();
    for (const [char, ids] of grown) byCharacter.set(char, Int32Array.from(ids));
    this.namesIndex = { list, byCharacter, shared: new Uint16Array(list.length) };
    return this.namesIndex;
  }
}

interface NamesByCharacter {
  /** The names, in the order of `Suggester.names`. */
  list: string[];
  /** For each character (a code point), the names it is in, once per occurrence. */
  byCharacter: Map<string, Int32Array>;
  /** Per name, a counter for `namesSharing` (all zeros between calls). */
  shared: Uint16Array;
}

/**
 * For each offset of a text (0 to its length), whether a word starts or ends there: jieba's cut,
 * which keeps a run of Latin letters or digits whole.
 */
export function wordEdges(text: string): boolean[] {
  const edges = new Array<boolean>(text.length + 1).fill(false);
  edges[0] = true;
  edges[text.length] = true;
  let at = 0;
  for (const word of segmentWords(text)) {
    const found = text.indexOf(word, at);
    if (found < 0) break;
    edges[found] = true;
    at = found + word.length;
    edges[at] = true;
  }
  return edges;
}

function isHanKey(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 0x41 && first <= 0x5a;
}

/** Counts (delta 1) or uncounts (−1) the tags and people names of an article. */
export function countNames(
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
