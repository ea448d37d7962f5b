import { wordSet } from "../text/lexicon.js";
import { isNameHan } from "../text/names.js";
import { segmenter } from "../text/text.js";
import type { Article, EnglishNamePair } from "./article.js";

/**
 * The English names the archive itself gives for Chinese ones. Chinese news introduces a
 * foreign person or body once with the original in brackets — `弗拉基米尔‧普京（Vladimir Putin）`,
 * `俄罗斯总统普京（Vladimir Putin）`, `北大西洋公约组织（NATO）` — and then writes the Chinese
 * name alone. This module reads those pairs from each article, and keeps an archive-wide
 * English → Chinese map built only from them (nothing is guessed from sound or spelling), so an
 * English query (`Biden`, `Putin`) can also find the articles that write the Chinese name.
 *
 * Not the same reading as `englishNamePairs` of src/text/names.ts, which finds people for quotes
 * (the whole dotted name, a person's context required, lone words dropped): this one also keeps
 * bodies and places (`北大西洋公约组织（NATO）`), and a dotted name's surname, for search. On the
 * January 2022 month the two agree on about a third of this module's pairs.
 */

/**
 * One pair. `chinese`: for a name with a name dot, the part after the last dot (the surname, as
 * the rest of the article writes it: 拜登 of 乔‧拜登); otherwise the name standing before the
 * bracket, without the title or words before it (普京 of 俄罗斯总统普京, 路透社 of 据路透社).
 * `english`: the name in the brackets, as written (`Vladimir Putin`, `NATO`). `person`: a
 * person's name, whose English surname (the last word) stands for the Chinese name too: a
 * name-dot name, or a name-like Chinese name with a Title-Case English name of two to four
 * words, neither of them reading as a common word or a body.
 */
export type { EnglishNamePair };

/** The lookup form of an English name: NFKC, lower case, one space between words. */
export function englishKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, " ").trim();
}

const NAME_DOTS = "·‧•・･∙⋅";
const BRACKETED_LATIN =
  /[（(]\s*([A-Za-z][A-Za-z.'’\- ]{0,58}[A-Za-z.])\s*(?:[，,、;；][^（）()]{0,40})?[）)]/g;
/** Party and state after a US lawmaker's name (`R-FL`, `D-VA`): not a name. */
const PARTY_LABEL = /^[A-Z]-[A-Z]{2}$/;
const TITLE_CASE_WORD = /^(?:[A-Z][a-z'’-]+|[A-Z]\.|Jr\.?)$/;
/** How far back from the bracket a name (with its title) may start. */
const MAX_RUN = 16;
const MIN_SURNAME_LETTERS = 3;
/** `Jr.`, `Sr.`, `III` after a surname. */
const GENERATION = /^(?:jr\.?|sr\.?|ii|iii|iv),?$/;

/**
 * jieba's tags for names of people and places, other proper nouns and unknown words (most
 * transliterations; jieba files 普京 under places).
 */
const PERSON_TAGS = new Set(["nr", "nrt", "nrfg", "ns", "nz", "x"]);
/** The same, and organisations. */
const NAME_TAGS = new Set([...PERSON_TAGS, "nt"]);
/** jieba's tags for function words that stand before a name (据, 在, 和, 如果, 我是…). */
const LEAD_TAGS = new Set(["p", "c", "r", "v", "d", "u", "uj", "ul", "uz", "ug", "ud", "m", "q"]);

/**
 * The Chinese name a Han run before a bracket ends with: the trailing words jieba tags as
 * names, or, when those are too short, the run without the function words that open it.
 */
function nameEndingRun(run: string): { name: string; nameLike: boolean } | undefined {
  if (namesEndingRuns.has(run)) return namesEndingRuns.get(run);
  const found = readNameEndingRun(run);
  remember(namesEndingRuns, run, found);
  return found;
}

/** jieba's readings of runs and names, remembered: the same names recur across an archive. */
const namesEndingRuns = new Map<string, { name: string; nameLike: boolean } | undefined>();
const nameOnly = new Map<string, boolean>();
const MEMORY = 50_000;

function remember<V>(memory: Map<string, V>, key: string, value: V): void {
  if (memory.size >= MEMORY) memory.clear();
  memory.set(key, value);
}

function readNameEndingRun(run: string): { name: string; nameLike: boolean } | undefined {
  const tokens = segmenter().tag(run, true);
  let name = "";
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (!token || !NAME_TAGS.has(token.tag)) break;
    name = token.word + name;
  }
  if (name.length >= 2) return { name, nameLike: true };
  let start = 0;
  while (start < tokens.length && LEAD_TAGS.has(tokens[start]?.tag ?? "")) start++;
  const rest = tokens
    .slice(start)
    .map((token) => token.word)
    .join("");
  return rest.length >= 2 && rest.length <= 12 ? { name: rest, nameLike: false } : undefined;
}

/**
 * Whether jieba reads the Chinese name as names only: a name that is also a common word
 * (埃内斯‧坎特‧自由, Enes Kanter Freedom) or a body (劳工部) cannot stand for the English last
 * word, or `Freedom` would find every article that writes 自由.
 */
function isNameOnly(chinese: string): boolean {
  let only = nameOnly.get(chinese);
  if (only === undefined) {
    only = segmenter()
      .tag(chinese, true)
      .every((token) => PERSON_TAGS.has(token.tag));
    remember(nameOnly, chinese, only);
  }
  return only;
}

/**
 * Whether an English name reads as a person's: two to four Title-Case words (initials and
 * `Jr.` allowed), none of them a word that names places and bodies (`Long Beach`, `Orange
 * County`, `United Airlines`: lexicon/english-place-words.txt).
 */
function isPersonLike(words: string[]): boolean {
  if (words.length < 2 || words.length > 4) return false;
  return words.every((word) => TITLE_CASE_WORD.test(word) && !isPlaceWord(word));
}

function isPlaceWord(word: string): boolean {
  return wordSet("english-place-words").has(word.toLowerCase());
}

/** The pairs one text writes as 中文名（English Name）, once each, in order. */
export function englishNamePairsInText(text: string): EnglishNamePair[] {
  const pairs: EnglishNamePair[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(BRACKETED_LATIN)) {
    const english = (match[1] as string).replace(/\s+/g, " ");
    if (!/^[A-Z]/.test(english) || PARTY_LABEL.test(english)) continue;
    const words = english.split(" ");
    if (words.length > 6) continue;
    let start = match.index;
    while (
      start > 0 &&
      match.index - start < MAX_RUN &&
      (isNameHan(text.charAt(start - 1)) || NAME_DOTS.includes(text.charAt(start - 1)))
    )
      start--;
    const run = text.slice(start, match.index);
    let pair: EnglishNamePair | undefined;
    let lastDot = run.length - 1;
    while (lastDot >= 0 && !NAME_DOTS.includes(run.charAt(lastDot))) lastDot--;
    if (lastDot >= 0) {
      const surname = run.slice(lastDot + 1);
      if (surname.length >= 2 && lastDot > 0)
        pair = {
          chinese: surname,
          english,
          person: isNameOnly(surname) && !words.some((word) => isPlaceWord(word)),
        };
    } else if (run.length >= 2) {
      const found = nameEndingRun(run);
      const personLike = isPersonLike(words);
      if (found)
        pair = {
          chinese: found.name,
          english,
          person: found.nameLike && personLike && isNameOnly(found.name),
        };
    }
    if (!pair || pair.chinese.length < 2) continue;
    const key = `${pair.chinese}\u0000${englishKey(english)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push(pair);
  }
  return pairs;
}

const LATIN_IN_BRACKETS = /[（(]\s*[A-Za-z]/;

/**
 * The pairs an article writes, in its caption, image captions and paragraphs: those the parser
 * recorded (`article.englishNames`), else read now.
 */
export function articleEnglishNames(article: Article): readonly EnglishNamePair[] {
  return article.englishNames ?? englishNamePairs(article);
}

/** Reads the pairs an article writes, in its caption, image captions and paragraphs. */
export function englishNamePairs(article: Omit<Article, "englishNames">): EnglishNamePair[] {
  const pairs: EnglishNamePair[] = [];
  const seen = new Set<string>();
  const read = (text: string | null) => {
    if (!text || !LATIN_IN_BRACKETS.test(text)) return;
    for (const pair of englishNamePairsInText(text)) {
      const key = `${pair.chinese}\u0000${englishKey(pair.english)}`;
      if (!seen.has(key)) {
        seen.add(key);
        pairs.push(pair);
      }
    }
  };
  read(article.caption);
  for (const caption of article.captions ?? []) read(caption);
  for (const paragraph of article.paragraphs) read(paragraph);
  return pairs;
}

/** The keys an English name is found under: the whole name, and a person's surname. */
function keysOf(pair: EnglishNamePair): string[] {
  const key = englishKey(pair.english);
  const keys = [key];
  if (pair.person) {
    const words = key.split(" ").filter((word) => !GENERATION.test(word));
    const last = words.at(-1) ?? "";
    if (last !== key && last.replace(/[^a-z]/g, "").length >= MIN_SURNAME_LETTERS) keys.push(last);
  }
  return keys;
}

export interface EnglishNameEntry {
  /** The English lookup key (lower case): a whole name or a person's surname. */
  english: string;
  /** The Chinese names it stands for, most articles first. */
  chinese: string[];
  /** Articles that write one of the pairs. */
  articles: number;
}

/**
 * The archive's English → Chinese names, kept up to date as articles come and go. For each
 * English key, a Chinese name counts once per article that writes the pair. A candidate that
 * ends with a shorter one written at least as often (英国首相约翰逊 and 约翰逊) is that name with
 * a title left on, and counts for it. Conflicting candidates are settled by counts: those written by fewer than
 * a third as many articles as the best one are dropped (a stray pair, another outlet's
 * transliteration written once). An English name is dropped altogether when its evidence is
 * scattered: more than three names kept, kept names holding less than two thirds of it, or more
 * than three names with none holding half (`Lee` for 李贞驹, 李云翔 and four others; `CPI` for
 * several phrasings).
 */
export class EnglishNames {
  private readonly byArticle = new Map<string, readonly EnglishNamePair[]>();
  /** English key → Chinese name → articles, for every pair and for people's names only. */
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly personCounts = new Map<string, Map<string, number>>();
  private resolved: Map<string, string[]> | undefined;
  private resolvedPeople: Map<string, string[]> | undefined;
  private reverse: Map<string, string[]> | undefined;
  private reversePeople: Map<string, string[]> | undefined;
  private readonly keysByName = new Map<string, string[]>();
  private readonly personKeysByName = new Map<string, string[]>();

  static learn(articles: Iterable<Article>): EnglishNames {
    const names = new EnglishNames();
    for (const article of articles) names.add(article);
    return names;
  }

  /**
   * The pairs the articles recorded when they were parsed (`article.englishNames`; absent: none),
   * without reading their text: for articles loaded from a persisted index, whose text is decoded
   * only when read.
   */
  static recorded(articles: Iterable<Article>): EnglishNames {
    const names = new EnglishNames();
    for (const article of articles) {
      const pairs = article.englishNames;
      if (!pairs || pairs.length === 0) continue;
      names.byArticle.set(article.id, pairs);
      names.count(pairs, 1);
    }
    return names;
  }

  /** Reads one article's pairs (replacing what an article with its id said before). */
  add(article: Article): void {
    this.remove(article.id);
    const pairs = articleEnglishNames(article);
    if (pairs.length === 0) return;
    this.byArticle.set(article.id, pairs);
    this.count(pairs, 1);
  }

  remove(articleId: string): void {
    const pairs = this.byArticle.get(articleId);
    if (!pairs) return;
    this.byArticle.delete(articleId);
    this.count(pairs, -1);
  }

  /** The pairs one article writes (empty for an unknown id). */
  pairsOf(articleId: string): readonly EnglishNamePair[] {
    return this.byArticle.get(articleId) ?? [];
  }

  /**
   * The Chinese names an English name or surname stands for in this archive, best first: of
   * people, places and bodies (`NATO` → 北大西洋公约组织), or with `people`, of people only
   * (`Putin` → 普京), the pairs search and quotes use.
   */
  chineseFor(english: string, options: { people?: boolean } = {}): string[] {
    const map = options.people ? this.peopleMap() : this.map();
    return map.get(englishKey(english)) ?? [];
  }

  /** The Chinese names of the English names (or surnames) that start with `prefix`, for autocomplete. */
  chineseForPrefix(prefix: string, options: { people?: boolean } = {}): string[] {
    const wanted = englishKey(prefix);
    if (!wanted) return [];
    const out = new Set<string>();
    for (const [english, names] of options.people ? this.peopleMap() : this.map())
      if (english.startsWith(wanted)) for (const name of names) out.add(name);
    return [...out];
  }

  /**
   * The English names and surnames (lookup keys) that stand for a Chinese name, for people and
   * autocomplete; with `people`, only those of people's names.
   */
  englishFor(chinese: string, options: { people?: boolean } = {}): string[] {
    const people = options.people ?? false;
    let reverse = people ? this.reversePeople : this.reverse;
    if (!reverse) {
      reverse = new Map();
      for (const [english, names] of people ? this.peopleMap() : this.map()) {
        for (const name of names) {
          const list = reverse.get(name) ?? [];
          list.push(english);
          reverse.set(name, list);
        }
      }
      if (people) this.reversePeople = reverse;
      else this.reverse = reverse;
    }
    return reverse.get(chinese) ?? [];
  }

  /** Every resolved English key, with its Chinese names and how many articles support it. */
  entries(): EnglishNameEntry[] {
    const out: EnglishNameEntry[] = [];
    for (const [english, chinese] of this.map()) {
      const counts = this.counts.get(english);
      const articles = chinese.reduce((sum, name) => sum + (counts?.get(name) ?? 0), 0);
      out.push({ english, chinese, articles });
    }
    return out.sort((a, b) => b.articles - a.articles || (a.english < b.english ? -1 : 1));
  }

  private count(pairs: readonly EnglishNamePair[], step: number): void {
    // Key, Chinese name, key, Chinese name…: each pair counts once per article.
    const all: string[] = [];
    const people: string[] = [];
    for (const pair of pairs) {
      for (const key of this.keysOf(pair)) {
        addOnce(all, key, pair.chinese);
        if (pair.person) addOnce(people, key, pair.chinese);
      }
    }
    addCounts(this.counts, all, step);
    addCounts(this.personCounts, people, step);
    this.resolved = undefined;
    this.resolvedPeople = undefined;
    this.reverse = undefined;
    this.reversePeople = undefined;
  }

  /** `keysOf`, remembered: the same names recur in thousands of articles. */
  private keysOf(pair: EnglishNamePair): string[] {
    const known = pair.person ? this.personKeysByName : this.keysByName;
    let keys = known.get(pair.english);
    if (!keys) {
      keys = keysOf(pair);
      known.set(pair.english, keys);
    }
    return keys;
  }

  private map(): Map<string, string[]> {
    this.resolved ??= resolveAll(this.counts);
    return this.resolved;
  }

  private peopleMap(): Map<string, string[]> {
    this.resolvedPeople ??= resolveAll(this.personCounts);
    return this.resolvedPeople;
  }
}

/** Appends `key, chinese` to a flat list of such pairs unless it holds it already. */
function addOnce(list: string[], key: string, chinese: string): void {
  for (let i = 0; i < list.length; i += 2) if (list[i] === key && list[i + 1] === chinese) return;
  list.push(key, chinese);
}

function addCounts(
  counts: Map<string, Map<string, number>>,
  pairs: readonly string[],
  step: number,
): void {
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i] as string;
    const chinese = pairs[i + 1] as string;
    const byName = counts.get(key) ?? new Map<string, number>();
    const next = (byName.get(chinese) ?? 0) + step;
    if (next > 0) byName.set(chinese, next);
    else byName.delete(chinese);
    if (byName.size > 0) counts.set(key, byName);
    else counts.delete(key);
  }
}

function resolveAll(counts: Map<string, Map<string, number>>): Map<string, string[]> {
  const resolved = new Map<string, string[]>();
  for (const [key, byName] of counts) {
    const names = resolveCandidates(byName);
    if (names.length > 0) resolved.set(key, names);
  }
  return resolved;
}

/** A candidate is kept when at least a third as many articles write it as the best one. */
const MINOR_SHARE = 3;
/** More names than this for one English name: it is not one name (`CPI`, `Lee`). */
const MAX_NAMES = 3;

function resolveCandidates(byName: Map<string, number>): string[] {
  const merged = new Map<string, number>();
  const names = [...byName.keys()].sort((a, b) => a.length - b.length);
  for (const name of names) {
    const count = byName.get(name) ?? 0;
    // Only a name written at least as often as the longer form takes it in: a stray short
    // candidate (莱恩) never swallows the name (冯德莱恩).
    const shorter = [...merged.keys()].find(
      (kept) => name.endsWith(kept) && (byName.get(kept) ?? 0) >= count,
    );
    const target = shorter ?? name;
    merged.set(target, (merged.get(target) ?? 0) + count);
  }
  const best = Math.max(...merged.values());
  let total = 0;
  for (const count of merged.values()) total += count;
  const kept = [...merged]
    .filter(([, count]) => count * MINOR_SHARE >= best)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // Many names, or evidence spread wide: the English name stands for different things here.
  const support = kept.reduce((sum, [, count]) => sum + count, 0);
  const scattered = merged.size > MAX_NAMES && best * 2 < total;
  if (scattered || kept.length > MAX_NAMES || support * 3 < total * 2) return [];
  return kept.map(([name]) => name);
}
