import type { Article } from "../articles/article.js";
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from "../search/analyzer.js";
import type { SearchIndex } from "../search/search.js";
import { foldText } from "../text/text.js";
import { type AskResult, answerQuestion, type Rarity } from "./ask.js";
import { expandEnglish, hasHanForm, pinyinNameForms, refineEnglish } from "./english.js";
import { type ParsedQuestion, parseQuestion } from "./question.js";
import type { KnownName } from "./question-names.js";

/**
 * /ask over an archive: the question's own search query (its content words, English words by
 * their Chinese candidates, capped below the search limits), candidate articles by BM25, word
 * rarity from the whole archive, then `answerQuestion`.
 */

export interface AskSource {
  readonly search: SearchIndex;
  get(id: string): Article | undefined;
  /** The archive's people directory: names in a question it knows are kept whole. */
  readonly people?: { find(name: string): { name: string; aliases: readonly string[] }[] };
}

/** Whether the directory knows a person by exactly this (folded) name or alias. */
function knownNameOf(source: AskSource): KnownName | undefined {
  const people = source.people;
  if (!people) return undefined;
  const cache = new Map<string, boolean>();
  return (word) => {
    let known = cache.get(word);
    if (known === undefined) {
      known = people
        .find(word)
        .some(
          (person) =>
            foldText(person.name) === word ||
            person.aliases.some((alias) => foldText(alias) === word),
        );
      cache.set(word, known);
    }
    return known;
  };
}

/** How many candidate articles the search hands to the answerer. */
const CANDIDATES = 30;

const rarityCache = new WeakMap<SearchIndex, Map<string, number>>();

/** Document frequency of words over the archive, by the search index (cached per index). */
export function archiveRarity(index: SearchIndex): Rarity {
  let cache = rarityCache.get(index);
  if (!cache) {
    cache = new Map();
    rarityCache.set(index, cache);
  }
  const known = cache;
  return {
    documents: index.size,
    documentFrequency(word: string): number {
      let df = known.get(word);
      if (df === undefined) {
        try {
          df = index.search(word, { mode: "all", limit: 1, suggestions: false }).total;
        } catch {
          df = 0;
        }
        if (known.size > 50_000) known.clear();
        known.set(word, df);
      }
      return df;
    },
  };
}

/** The search query of a question: its terms (English by their best Chinese word), capped. */
export function searchQuery(parsed: ParsedQuestion, extra: readonly string[] = []): string {
  const words: string[] = [...extra];
  for (const term of [...parsed.terms].sort((a, b) => b.weight - a.weight)) {
    // English words by their Chinese word; a Latin word without one as written (a name, a
    // code such as 9Dashline: the archive may write it so).
    const word = term.latin ? (term.synonyms[0] ?? term.word) : term.word;
    if (!word) continue;
    for (const part of word.split(/\s+/)) if (part && !words.includes(part)) words.push(part);
  }
  const kept: string[] = [];
  let length = 0;
  for (const word of words) {
    if (kept.length >= MAX_QUERY_TERMS || length + word.length + 1 > MAX_QUERY_LENGTH) break;
    kept.push(word);
    length += word.length + 1;
  }
  return kept.join(" ");
}

/** How many of the first search's articles choose an English question's senses. */
const REFINING_ARTICLES = 10;

function searchCandidates(
  source: AskSource,
  parsed: ParsedQuestion,
  extra: readonly string[] = [],
): Article[] {
  const query = searchQuery(parsed, extra);
  if (!query) return [];
  try {
    return source.search
      .search(query, { mode: "any", limit: CANDIDATES })
      .hits.flatMap((hit) => source.get(hit.id) ?? []);
  } catch {
    return [];
  }
}

/**
 * Latin names the first search's articles give no Han form: the Han names the whole archive
 * pairs with them (墨菲（Phil Murphy） in another article than the one asked about, which writes
 * 墨菲 alone), by the whole name, else by its last word (a surname: Murphy). The archive's pairs
 * settle conflicts by counts (EnglishNames), so a surname many people share gives nothing.
 */
function linkArchiveNames(parsed: ParsedQuestion, search: SearchIndex): void {
  for (const term of parsed.terms) {
    if (!term.latin || hasHanForm(term)) continue;
    const capitalised = term.word.includes(" ") || /^[A-Z][a-z]/.test(term.written ?? "");
    if (!capitalised || !/^[a-z][a-z .'-]+$/.test(term.word)) continue;
    let names = search.englishNames.chineseFor(term.word, { people: true });
    const last = term.word.split(" ").pop() as string;
    if (names.length === 0 && last !== term.word && last.length >= 3)
      names = search.englishNames.chineseFor(last, { people: true });
    if (names.length === 0) continue;
    term.synonyms = [...names, ...term.synonyms.filter((word) => !names.includes(word))];
    term.anchor = "person";
  }
}

/** Answers a question from the archive, or from one of its articles (`article`: its id). */
export function askArchive(
  source: AskSource,
  question: string,
  options: { limit?: number; article?: string } = {},
): AskResult {
  const parsed = parseQuestion(question);
  const rarity = archiveRarity(source.search);
  // Latin names as the question writes them (before the expansion drops those the archive does
  // not write as such).
  const names = parsed.english
    ? parsed.terms.filter((term) => term.latin && term.anchor === "latin").map((term) => term.word)
    : [];
  expandEnglish(parsed, (word) => rarity.documentFrequency(word));
  let candidates: Article[];
  if (options.article) {
    const article = source.get(options.article);
    candidates = article ? [article] : [];
  } else {
    // Pinyin names the archive writes in Han only (Tang Wei → 汤唯): their Han forms the archive
    // writes join the first search, whose articles then tell which one the story means.
    const forms = parsed.terms.flatMap((term) =>
      names.includes(term.word) && !hasHanForm(term)
        ? pinyinNameForms(term.word, (word) => rarity.documentFrequency(word))
        : [],
    );
    candidates = searchCandidates(source, parsed, forms);
    // An English question's words by the senses the articles found use, then searched again.
    if (parsed.english && candidates.length > 0) {
      refineEnglish(parsed, candidates.slice(0, REFINING_ARTICLES));
      linkArchiveNames(parsed, source.search);
      candidates = searchCandidates(source, parsed);
    }
  }
  const knownName = knownNameOf(source);
  return answerQuestion(question, candidates, {
    ...options,
    rarity,
    parsed,
    ...(knownName ? { knownName } : {}),
  });
}
