import { wordList, wordSet } from "./lexicon.js";
import { foldText, NAME_DOT, segmenter } from "./text.js";

/**
 * The one detector of person names in Chinese news text, shared by quotes, the people directory
 * and the byline parser. It works on folded text (`foldText`, sentence punctuation full width as
 * the quotes stage writes it) and knows names from cues rather than from a list of names:
 *
 * - transliterated names, their parts joined by the name dot (温迪‧谢尔曼, 肯尼思·A·利奇);
 * - Chinese names: a surname (single or compound) and one or two given-name characters, two
 *   surnames and a two-character given name (林郑月娥);
 * - a name after a title (发言人赵立坚) or at the end of a speaker clause (…的谢尔曼);
 * - the English name an article writes in brackets after a Chinese one (普京（Vladimir Putin）).
 *
 * Word lists are data: lexicon/surnames.txt, compound-surnames.txt, transliteration-chars.txt,
 * not-in-given-name.txt, person-titles.txt, places.txt, organisations.txt, group-nouns.txt,
 * not-name-words.txt, organisation-suffix-chars.txt, speech-verbs.txt.
 */

export type Gender = "f" | "m";

/** Characters used in transliterations of foreign names. */
export const TRANSLITERATION_CHARS = wordSet("transliteration-chars");
/** Single-character Chinese surnames. */
export const SURNAMES = wordSet("surnames");
/** Two-character surnames: Chinese compound ones (欧阳, 司马) and Japanese ones (岸田, 安倍). */
export const COMPOUND_SURNAMES = [
  ...wordList("compound-surnames"),
  ...wordList("japanese-surnames"),
];
const COMPOUND_SURNAME_SET = new Set(COMPOUND_SURNAMES);
/** Characters that never occur in a Chinese given name in practice (function words, verbs). */
export const NOT_IN_GIVEN_NAME = wordSet("not-in-given-name");
/** Characters of NOT_IN_GIVEN_NAME a two-character given name may hold (魏凤和, 熊和平). */
const GIVEN_NAME_FUNCTION_CHARS = wordSet("given-name-function-chars");
const ADVERB_SURNAMES = wordSet("adverb-surnames");
/** Openings of manner adverbials after a subject (毫无顾忌地, 一脸无奈地): lexicon/manner-openings. */
export const MANNER_OPENINGS = wordSet("manner-openings");
const JAPANESE_SURNAME_SET = wordSet("japanese-surnames");
const JAPANESE_SINGLE_SURNAMES = wordSet("japanese-single-surnames");
/** Titles and roles written before a name, longest first. */
export const PERSON_TITLES = [...wordList("person-titles")].sort((a, b) => b.length - a.length);
const PLACES = wordSet("places");
/** Places, organisations, group nouns and ordinary words that look like names but are no people. */
const NOT_PEOPLE: ReadonlySet<string> = new Set([
  ...PLACES,
  ...wordList("organisations"),
  ...wordList("group-nouns"),
  ...wordList("not-name-words"),
]);
/** Where people post (脸书, 推特, 微博): never a given name after a surname-like 于 or 在. */
const PLATFORMS = wordSet("speech-platforms");
/**
 * Two-character words for relatives and groups (家属, 妻子, 儿子, 亲属) whose last character is
 * also a surname: a name does not start inside one.
 */
export const STRADDLED_WORDS: ReadonlySet<string> = new Set(
  [...wordList("kinship-nouns"), ...wordList("group-nouns")].filter((w) => w.length === 2),
);
/** Last characters that mark an organisation or a place rather than a person. */
export const ORGANISATION_SUFFIX = wordSet("organisation-suffix-chars");
/** Speech verbs, longest first (a verb after a name ends the name: 谢尔曼说). */
export const SPEECH_VERBS = [...wordList("speech-verbs")].sort((a, b) => b.length - a.length);

/** A regular-expression alternation of literal words, longest first. */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

/** Whether a word is a place, an organisation, a group noun or an ordinary word, never a person. */
export function isNotPerson(word: string): boolean {
  return NOT_PEOPLE.has(word);
}

const BYLINE_PLACES = wordSet("byline-places");

/**
 * A known place name (乌克兰, 台北, 宾州, 海里斯堡), in either script, including the places of
 * bylines that may also be a person's name (奥斯汀): for reading bylines, not for people.
 */
export function isPlaceName(word: string): boolean {
  return PLACES.has(word) || BYLINE_PLACES.has(word);
}

export function isTransliterationChar(char: string | undefined): boolean {
  return char !== undefined && TRANSLITERATION_CHARS.has(char);
}

/** A CJK ideograph of the basic and extension-A blocks (what names are written in). */
export function isNameHan(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

// ---------------------------------------------------------------------------------------------
// Name keys: how a name is looked up

/** The lookup form of a name: folded (simplified, lower case, one name dot), spaces collapsed. */
export function nameKey(name: string): string {
  return hanNameDots(foldText(name.normalize("NFKC")).replace(/\s+/g, " ").trim());
}

/**
 * A full stop between two Han characters of a folded text is a name dot (罗伯特．克兰普顿 folds
 * to 罗伯特.克兰普顿): the same length, so offsets still hold.
 */
export function hanNameDots(folded: string): string {
  if (!folded.includes(".")) return folded;
  return folded.replace(/(?<=\p{Script=Han})\.(?=\p{Script=Han})/gu, NAME_DOT);
}

/**
 * The keys a name can be found under: as written, without name dots, an English surname, and the
 * name a reader writes with its title or note (美国国务卿蓬佩奥, 亚当斯市长, 张玉华女士, 张磊（化名）).
 */
export function nameLookupKeys(name: string): string[] {
  const cached = lookupKeyCache.get(name);
  if (cached) return [...cached];
  const key = nameKey(name);
  if (!key) return [];
  const keys = new Set<string>();
  for (const form of withoutTitles(key)) for (const k of plainKeys(form)) keys.add(k);
  if (lookupKeyCache.size > 50_000) lookupKeyCache.clear();
  lookupKeyCache.set(name, [...keys]);
  return [...keys];
}

const lookupKeyCache = new Map<string, string[]>();

const TITLES_AFTER_NAME = new Set([...PERSON_TITLES, ...wordList("post-titles")]);
const TITLE_AFTER_MAX = Math.max(...[...TITLES_AFTER_NAME].map((title) => title.length));

/** The key itself, then the name left when a note, a title before or after it is taken off. */
function withoutTitles(key: string): string[] {
  const forms = [key];
  const noted = /^(.{2,}?)\s*\([^()]*\)$/.exec(key)?.[1];
  let bare = noted ?? key;
  if (noted) forms.push(noted);
  // Titles after the name (亚当斯市长, 张玉华女士), leaving at least a two-character name.
  for (let length = Math.min(TITLE_AFTER_MAX, bare.length - 2); length >= 1; length--) {
    if (TITLES_AFTER_NAME.has(bare.slice(-length)) && isNameHan(bare[0])) {
      bare = bare.slice(0, -length);
      forms.push(bare);
      break;
    }
  }
  // Titles (with places and bodies) before it: the name after the last title (美国国务卿蓬佩奥).
  let cut = -1;
  for (let i = 0; i < bare.length - 2; i++) {
    const title = TITLE_MATCHER.at(bare, i);
    if (title && bare.length - (i + title.length) >= 2) cut = Math.max(cut, i + title.length);
  }
  if (cut > 0) forms.push(bare.slice(cut));
  return forms;
}

function plainKeys(key: string): string[] {
  const keys = new Set([key]);
  if (key.includes(NAME_DOT)) keys.add(key.replaceAll(NAME_DOT, ""));
  if (/^[\p{Script=Latin}][\p{Script=Latin}.'’\- ]*$/u.test(key)) {
    const words = key.split(/[\s.]+/).filter((word) => word.length > 0);
    const last = words[words.length - 1];
    if (words.length > 1 && last && last.length >= 3) keys.add(last);
    keys.add(key.replace(/\s+/g, ""));
  }
  return [...keys];
}

// ---------------------------------------------------------------------------------------------
// Fixed lists in running text

/** Finds words of a fixed list in a text, leftmost-longest, without a giant regex alternation. */
export class LiteralMatcher {
  private readonly byFirst = new Map<number, string[]>();
  /** 1 at the code of every first character: most positions of a text start no word. */
  private readonly firsts = new Uint8Array(0x10000);
  private hasEmpty = false;

  constructor(words: Iterable<string>) {
    for (const word of words) {
      const code = word.charCodeAt(0);
      if (word.length > 0) this.firsts[code] = 1;
      else this.hasEmpty = true;
      const list = this.byFirst.get(code) ?? [];
      list.push(word);
      this.byFirst.set(code, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The longest listed word starting at `index`, or undefined. */
  at(text: string, index: number): string | undefined {
    const code = text.charCodeAt(index);
    if (this.firsts[code] !== 1 && !this.hasEmpty) return undefined;
    const list = this.byFirst.get(code);
    if (!list) return undefined;
    for (const word of list) if (text.startsWith(word, index)) return word;
    return undefined;
  }

  *matchAll(text: string): Generator<{ index: number; word: string }> {
    for (let i = 0; i < text.length; i++) {
      const word = this.at(text, i);
      if (word) {
        yield { index: i, word };
        i += word.length - 1;
      }
    }
  }
}

export const TITLE_AT_END = new RegExp(`(?:${PERSON_TITLES.join("|")})$`);
export const TITLE_AT_START = new RegExp(`^(?:${PERSON_TITLES.join("|")})`);

/** Titles, plus the words that introduce a name (名叫董志民, 一位叫张三的). */
export const TITLE_MATCHER = new LiteralMatcher([
  ...PERSON_TITLES.filter((t) => t.length >= 2),
  "名叫",
  "叫做",
  "名为",
]);

/** What may follow a name (a verb, a preposition, a time word, a title after it, punctuation). */
const AFTER_NAME = new RegExp(
  `^(?:$|[,。:;、(“「『!?…]|[0-9]|${alternation([...SPEECH_VERBS, ...wordList("after-name")])})`,
);

export function startsWithAfterName(rest: string): boolean {
  return AFTER_NAME.test(rest);
}

/** A Latin-letter name as written in brackets: `Wendy Sherman`, `K. Lee`. */
export const LATIN_NAME = /^\p{Script=Latin}[\p{Script=Latin}.'’\- ]{1,40}[\p{Script=Latin}.]$/u;

// ---------------------------------------------------------------------------------------------
// The dictionary as a signal

const wordCheckCache = new Map<string, boolean>();

/**
 * True when the dictionary knows the candidate as an ordinary word (曾经/d, 文中/s, 解释/v, 周一/t)
 * rather than as a name (习近平/nr, 约翰/nrt) or not at all. Memoised: the same few candidates recur.
 */
export function isOrdinaryWord(candidate: string, nounsMayBeNames = false): boolean {
  if (nounsMayBeNames) {
    const tagged = segmenter().tag(candidate, false);
    const only = tagged.length === 1 ? tagged[0] : undefined;
    if (only?.word === candidate && only.tag === "n") return false;
  }
  let known = wordCheckCache.get(candidate);
  if (known === undefined) {
    const tagged = segmenter().tag(candidate, false);
    const only = tagged.length === 1 ? tagged[0] : undefined;
    const first = tagged[0];
    known =
      (only !== undefined && only.word === candidate && !/^(?:nr|ns|nz|x|j)/.test(only.tag)) ||
      // `许多人` = 许多 + 人: a longer ordinary word at the start is no surname.
      (tagged.length > 1 &&
        first !== undefined &&
        first.word.length >= 2 &&
        !COMPOUND_SURNAME_SET.has(first.word) &&
        !/^(?:nr|ns|nz|x|j)/.test(first.tag));
    if (wordCheckCache.size > 50_000) wordCheckCache.clear();
    wordCheckCache.set(candidate, known);
  }
  return known;
}

/** The first word jieba cuts from a short text (`麦克阿瑟热情` → 麦克阿瑟, `王毅然` → 王). */
export function firstWord(text: string): string | undefined {
  return segmenter().cut(text, true)[0];
}

const headNameCache = new Map<string, string | null>();

/** The first word of a clause when the dictionary tags it as a person's name (麦克阿瑟热情赞扬…). */
export function firstDictionaryName(head: string): string | undefined {
  let found = headNameCache.get(head);
  if (found === undefined) {
    const first = segmenter().tag(head, true)[0];
    found = first && first.word.length >= 2 && first.tag.startsWith("nr") ? first.word : null;
    if (headNameCache.size > 50_000) headNameCache.clear();
    headNameCache.set(head, found);
  }
  return found ?? undefined;
}

/** What follows a place or an organisation's name rather than a person's. */
const PLACE_OR_ORG_CONTINUATION = new RegExp(
  `^(?:[0-9a-z]|${alternation(wordList("place-continuations"))})`,
);

/**
 * A name the dictionary knows as a person's opening the text at `from` (`习近平在…发言`), or
 * undefined: places and names of things the dictionary also tags as names are left out
 * (`布里斯班活动家德鲁·帕夫罗`, `阿拉斯加航空公司`, `新罕布夏州`, `红旗8:00`).
 */
export function dictionaryNameAt(text: string, from: number): string | undefined {
  let head = firstDictionaryName(text.slice(from, from + 8));
  if (!head || NOT_PEOPLE.has(head)) return undefined;
  // `李家超日前…`: the dictionary cuts 李家 / 超, the name reading runs one character further.
  if (head.length === 2 && nameAt(text, from) === 3) head = text.slice(from, from + 3);
  const next = text.slice(from + head.length);
  if (TITLE_AT_START.test(next) || PLACE_OR_ORG_CONTINUATION.test(next)) return undefined;
  // `约翰‧霍普金斯大学`: the first part of a dotted name that names a thing is no person.
  if (next[0] === NAME_DOT && namesThing(text, from + head.length)) return undefined;
  if (ORGANISATION_SUFFIX.has(head[head.length - 1] as string)) return undefined;
  return head;
}

/** Whether the dotted parts from the dot at `dot` end in what names a thing (…霍普金斯大学). */
function namesThing(text: string, dot: number): boolean {
  let at = dot;
  while (text[at] === NAME_DOT) {
    let end = at + 1;
    while (end < text.length && end - at <= 8 && !NAME_BREAK.has(text[end] as string)) end++;
    for (let k = at + 2; k < end; k++) if (NAMED_AFTER.test(text.slice(k, k + 4))) return true;
    at = end;
  }
  return false;
}

/** Memoised like `isOrdinaryWord`: the same few given names recur. */
const functionWordCache = new Map<string, boolean>();

/** A given name that is really an adverb or a function word: 习特别强调, 王曾经说. */
function isFunctionWord(word: string): boolean {
  if (word.length < 2) return false;
  let known = functionWordCache.get(word);
  if (known === undefined) {
    const tagged = segmenter().tag(word, false);
    const only = tagged.length === 1 ? tagged[0] : undefined;
    known =
      only !== undefined && only.word === word && /^(?:d|p|c|t|r|u|f|m|q|y|e|o)$/.test(only.tag);
    if (functionWordCache.size > 50_000) functionWordCache.clear();
    functionWordCache.set(word, known);
  }
  return known;
}

// ---------------------------------------------------------------------------------------------
// Names at a position

/**
 * Length of a name starting at `from` (after a title): a transliteration run or a Chinese name,
 * followed by something that may follow a name. 0 when there is none.
 */
export function nameAt(text: string, from: number): number {
  // Transliteration: longest run first, then shorter, followed by a boundary.
  let run = 0;
  while (run < 8 && isTransliterationChar(text[from + run])) run++;
  for (let n = run; n >= 2; n--) {
    const candidate = text.slice(from, from + n);
    if (NOT_PEOPLE.has(candidate) || isOrdinaryWord(candidate)) continue;
    if (startsWithAfterName(text.slice(from + n))) return n;
  }
  // A name the article marks with a form of address right after it (评论员寒山碧先生), even
  // with a surname outside the common list.
  const addressed = /^([\u4e00-\u9fff]{2,3})(?:先生|女士|小姐|博士|教授)/.exec(
    text.slice(from, from + 6),
  );
  if (addressed) {
    const candidate = addressed[1] as string;
    let ok = !NOT_PEOPLE.has(candidate) && !isOrdinaryWord(candidate);
    for (const c of candidate.slice(1)) if (NOT_IN_GIVEN_NAME.has(c)) ok = false;
    if (ok) return candidate.length;
  }
  // Chinese name: surname (single or compound) + one or two characters; 林郑月娥 (two surnames).
  const compound = COMPOUND_SURNAME_SET.has(text.slice(from, from + 2));
  const surnameLength = compound ? 2 : SURNAMES.has(text[from] as string) ? 1 : 0;
  if (!surnameLength) return 0;
  if (!compound && SURNAMES.has(text[from + 1] as string)) {
    const candidate = text.slice(from, from + 4);
    let ok = candidate.length === 4;
    for (const c of candidate.slice(2)) if (!isNameHan(c) || NOT_IN_GIVEN_NAME.has(c)) ok = false;
    if (ok && !isOrdinaryWord(candidate) && startsWithAfterName(text.slice(from + 4))) {
      // Only when the three-character reading does not also end at a boundary.
      if (!startsWithAfterName(text.slice(from + 3))) return 4;
    }
  }
  for (const given of [2, 1]) {
    const n = surnameLength + given;
    const candidate = text.slice(from, from + n);
    if (candidate.length < n) continue;
    let ok = true;
    for (let k = surnameLength; k < n; k++) {
      const c = candidate[k];
      if (!isNameHan(c) || NOT_IN_GIVEN_NAME.has(c as string)) ok = false;
    }
    if (!ok && given === 2)
      ok = functionCharInGivenName(candidate.slice(surnameLength), text.slice(from + n));
    if (!ok || NOT_PEOPLE.has(candidate) || ORGANISATION_SUFFIX.has(candidate[n - 1] as string))
      continue;
    if (isOrdinaryWord(candidate) || isFunctionWord(candidate.slice(surnameLength))) continue;
    if (surnameLength === 1 && adverbBeforeModifier(candidate)) continue;
    if (MANNER_OPENINGS.has(candidate.slice(surnameLength))) continue;
    if (japaneseSurnameThenWord(candidate, surnameLength)) continue;
    if (startsWithAfterName(text.slice(from + n))) return n;
  }
  return 0;
}

/** What may stand right before a name besides a title: 的, 、和与及, the end of a role noun. */
export const NAME_PRECEDING_CHARS = wordSet("name-preceding-chars");

/**
 * Length of a name at the very end of a speaker slot: the whole slot is a name, or a name after a
 * title (or after 的). `loose` also accepts a transliteration run after any non-name character
 * (used before an English name in parentheses).
 */
export function nameAtEnd(slot: string, loose: boolean): number {
  const okBefore = (rest: string): boolean =>
    rest === "" ||
    TITLE_AT_END.test(rest) ||
    NAME_PRECEDING_CHARS.has(rest[rest.length - 1] as string) ||
    (loose && !isTransliterationChar(rest[rest.length - 1]));
  // A Japanese name (沟口墨道): a Japanese surname and two name characters, before any
  // transliteration reading of its given name.
  if (slot.length >= 4 && JAPANESE_SURNAME_SET.has(slot.slice(-4, -2))) {
    const given = slot.slice(-2);
    const rest = slot.slice(0, -4);
    if (
      [...given].every((c) => isNameHan(c)) &&
      !NOT_PEOPLE.has(slot.slice(-4)) &&
      !isFunctionWord(given) &&
      !isOrdinaryWord(given) &&
      (loose || okBefore(rest))
    )
      return 4;
  }
  // 岸信夫, 菅义伟: a one-character Japanese surname and two name characters.
  if (slot.length >= 3 && JAPANESE_SINGLE_SURNAMES.has(slot[slot.length - 3] as string)) {
    const given = slot.slice(-2);
    if (
      [...given].every((c) => isNameHan(c) && !NOT_IN_GIVEN_NAME.has(c)) &&
      !isFunctionWord(given) &&
      !isOrdinaryWord(given) &&
      okBefore(slot.slice(0, -3))
    )
      return 3;
  }
  let run = 0;
  while (run < Math.min(8, slot.length) && isTransliterationChar(slot[slot.length - 1 - run]))
    run++;
  // A title that ends inside the run wins (总经理凯里: 理 is also a transliteration character).
  for (let n = run - 1; n >= 2; n--) {
    const candidate = slot.slice(slot.length - n);
    const rest = slot.slice(0, slot.length - n);
    if (TITLE_AT_END.test(rest) && !NOT_PEOPLE.has(candidate) && !isOrdinaryWord(candidate))
      return n;
  }
  if (run >= 2) {
    const candidate = slot.slice(slot.length - run);
    const rest = slot.slice(0, slot.length - run);
    // `首席市场官董本洪（Chris Tung）`: a surname after a title or a role noun starts a Chinese name, which the
    // run (本洪) would cut; the Chinese reading below takes it.
    const surnameAfterTitle =
      run <= 2 &&
      SURNAMES.has(rest[rest.length - 1] as string) &&
      (TITLE_AT_END.test(rest.slice(0, -1)) ||
        NAME_PRECEDING_CHARS.has(rest[rest.length - 2] as string));
    // The dictionary files many transliterated names as nouns (基思/n): after 的 or a title a
    // transliteration run is taken unless the dictionary knows it as something else than a noun.
    if (
      !surnameAfterTitle &&
      !NOT_PEOPLE.has(candidate) &&
      okBefore(rest) &&
      !isOrdinaryWord(candidate, rest !== "")
    )
      return run;
  }
  // 工程师 is a title, not 程师: a slot ending in a title of two characters or more names no one
  // after it.
  const title = TITLE_AT_END.exec(slot)?.[0];
  if (title && title.length >= 2) return 0;
  for (const n of [3, 2, 4]) {
    if (slot.length < n) continue;
    const candidate = slot.slice(slot.length - n);
    const rest = slot.slice(0, slot.length - n);
    // The segmenter's checks below are dearer: a name must first be able to stand after `rest`.
    if (!okBefore(rest)) continue;
    const compound = COMPOUND_SURNAME_SET.has(candidate.slice(0, 2));
    const surnameLength = compound ? 2 : SURNAMES.has(candidate[0] as string) ? 1 : 0;
    if (!surnameLength || n - surnameLength < 1 || n - surnameLength > 2) {
      // 林郑月娥: two surnames and a two-character given name.
      const doubleSurname =
        n === 4 && SURNAMES.has(candidate[0] as string) && SURNAMES.has(candidate[1] as string);
      if (!doubleSurname || !TITLE_AT_END.test(rest)) continue;
    }
    let ok = true;
    for (let k = 1; k < n; k++) {
      const c = candidate[k];
      if (!isNameHan(c) || NOT_IN_GIVEN_NAME.has(c as string)) ok = false;
    }
    // `国防部长魏凤和` before the verb: after a title or 的, a given name may hold 和.
    if (
      !ok &&
      n - surnameLength === 2 &&
      (TITLE_AT_END.test(rest) || rest.endsWith("的")) &&
      isNameHan(candidate[1])
    )
      ok = functionCharInGivenName(candidate.slice(surnameLength), "");
    if (!ok || NOT_PEOPLE.has(candidate) || ORGANISATION_SUFFIX.has(candidate[n - 1] as string))
      continue;
    if (
      (isOrdinaryWord(candidate) &&
        !(n === 3 && surnameLength === 1 && wordThenGivenChar(candidate, rest))) ||
      isFunctionWord(candidate.slice(surnameLength || 1))
    )
      continue;
    // `于脸书写道`, `在推特说`: a preposition and a platform, not 于 + a given name.
    if (PLATFORMS.has(candidate.slice(surnameLength || 1))) continue;
    if (surnameLength === 1 && adverbBeforeModifier(candidate)) continue;
    // `杨毫无顾忌地说`: a surname and the opening of a manner adverbial, not 杨 + 毫无.
    if (MANNER_OPENINGS.has(candidate.slice(surnameLength))) continue;
    if (japaneseSurnameThenWord(candidate, surnameLength)) continue;
    // `白宫官方网站`: the surname ends a word begun before it (官方), it starts no name. (A loose
    // reading, `策略师班农（Steve Bannon）`, is trimmed by its caller.)
    if (
      !loose &&
      rest !== "" &&
      !startsWord(slot.slice(Math.max(0, rest.length - 3)), Math.min(3, rest.length))
    )
      continue;
    return n;
  }
  return 0;
}

/**
 * A two-character given name holding one character that is also a function word (魏凤和, 熊和平:
 * given-name-function-chars), the other an ordinary name character, when what follows the name
 * is no coordination (`部长魏凤和在…`, not `部长魏凤和美国防长…`, which is 魏凤 and someone).
 */
function functionCharInGivenName(given: string, after: string): boolean {
  let special = 0;
  for (const c of given) {
    if (!isNameHan(c)) return false;
    if (GIVEN_NAME_FUNCTION_CHARS.has(c)) special++;
    else if (NOT_IN_GIVEN_NAME.has(c)) return false;
  }
  return special === 1 && !/^[和与及、等]/.test(after);
}

/**
 * `岸田明确表示`, `安倍强调`: a Japanese surname and an ordinary word after it (明确, an adverb) are
 * the surname alone before the verb phrase, not a full name: Japanese given names are no
 * dictionary words but nouns (文雄, 晋三, 太郎).
 */
function japaneseSurnameThenWord(candidate: string, surnameLength: number): boolean {
  if (surnameLength !== 2 || !JAPANESE_SURNAME_SET.has(candidate.slice(0, 2))) return false;
  const given = candidate.slice(2);
  if (given.length !== 2) return false;
  // 太郎 is a noun to the dictionary and a given name (麻生太郎): only a word of another kind
  // (an adverb, a verb) ends the name at the surname.
  const tagged = segmenter().tag(given, false);
  const only = tagged.length === 1 ? tagged[0] : undefined;
  return only !== undefined && only.word === given && !/^(?:n|x)/.test(only.tag);
}

/** `人士曾委婉表示`: an adverb (曾) and a modifier word (委婉), not 曾 + a given name. */
function adverbBeforeModifier(candidate: string): boolean {
  if (!ADVERB_SURNAMES.has(candidate[0] as string)) return false;
  const given = segmenter().tag(candidate.slice(1), false);
  return given.length === 1 && /^(?:d|ad|a|m|mq)$/.test(given[0]?.tag ?? "");
}

/**
 * Whether the dictionary (without guessing unknown words) starts a word at `at` of `text`, not
 * inside a word begun before.
 */
function startsWord(text: string, at: number): boolean {
  let end = 0;
  for (const word of segmenter().cut(text, false)) {
    if (end >= at) return end === at;
    end += word.length;
  }
  return end === at;
}

/**
 * `媒体人黄金秋`: a surname and a given name whose first character makes a noun with the surname
 * (黄金 + 秋), right after a role noun (人, 员, 者…: not 的 or an enumeration). Taken as a name
 * when the dictionary reads the last character as nothing a noun phrase ends with (a noun, a
 * measure word, a verb: 黄金价, 金融圈, 高层说).
 */
function wordThenGivenChar(candidate: string, rest: string): boolean {
  const before = rest[rest.length - 1];
  if (before !== undefined && !(TITLE_AT_END.test(rest) || ROLE_ENDINGS.has(before))) return false;
  const tagged = segmenter().tag(candidate, false);
  if (tagged.length !== 2) return false;
  const [first, last] = tagged as [{ word: string; tag: string }, { word: string; tag: string }];
  return (
    first.word.length === 2 && first.tag === "n" && !/^(?:n|v|q|m|f|u|p|c|d|r|y|a)/.test(last.tag)
  );
}

/** The last characters of role nouns before a name (人, 员, 者), not 的 nor 、和与及. */
const ROLE_ENDINGS: ReadonlySet<string> = new Set(
  [...NAME_PRECEDING_CHARS].filter((c) => !/[的、和与及]/.test(c)),
);

// ---------------------------------------------------------------------------------------------
// Dotted (transliterated) names

/** What ends a name part: spaces, punctuation, quotation marks, parentheses and the name dot. */
const NAME_BREAK = new Set(` \t\n${NAME_DOT},。:;、“”「」『』()《》!?…`);

/** What follows a dotted run that names a thing after a person (约翰·霍普金斯大学, 马歇尔计划). */
const NAMED_AFTER = new RegExp(`^(?:${alternation(wordList("named-after-heads"))})`);

/**
 * The candidate ranges around each name dot of a folded text: up to 7 characters before the
 * first dot, up to 8 per part after, parts joined by dots. Not yet narrowed to the name.
 */
function dottedRuns(text: string): [number, number][] {
  const runs: [number, number][] = [];
  let at = text.indexOf(NAME_DOT);
  while (at >= 0) {
    let from = at;
    while (from > 0 && at - from < 7 && !NAME_BREAK.has(text[from - 1] as string)) from--;
    let to = at + 1;
    for (;;) {
      let k = to;
      while (k < text.length && k - to < 8 && !NAME_BREAK.has(text[k] as string)) k++;
      if (k === to) break;
      to = k;
      if (text[to] === NAME_DOT && to + 1 < text.length && !NAME_BREAK.has(text[to + 1] as string))
        to++;
      else break;
    }
    if (from < at && to > at + 1) runs.push([from, to]);
    at = text.indexOf(NAME_DOT, Math.max(to, at + 1));
  }
  return runs;
}

/** The dotted names of a folded text (温迪‧谢尔曼, 肯尼思·A·利奇), as [start, end) ranges. */
export function dottedNames(text: string): [number, number][] {
  const names: [number, number][] = [];
  for (const [from, to] of dottedRuns(text)) {
    const range = trimDottedName(text, from, to);
    if (range) names.push(range);
  }
  return names;
}

/** Narrows a dotted match to the name: transliteration characters, no title, no suffix. */
export function trimDottedName(
  text: string,
  from: number,
  to: number,
): [number, number] | undefined {
  const segment = text.slice(from, to);
  const parts = segment.split(NAME_DOT);
  // First part: the longest tail of transliteration characters (or Latin initials).
  const first = parts[0] as string;
  let s = first.length;
  while (s > 0 && (isTransliterationChar(first[s - 1]) || /[A-Za-z]/.test(first[s - 1] as string)))
    s--;
  // Latin letters are an initial (J·K·罗琳) only when the whole part is Latin: `CEO杰夫·菲茨霍`
  // keeps 杰夫 (a title in capitals before the Han name).
  while (
    s < first.length &&
    /[A-Za-z]/.test(first[s] as string) &&
    /[^A-Za-z]/.test(first.slice(s))
  )
    s++;
  if (s === first.length) return undefined;
  // A title that ends inside the first part (总理杰辛达 where 理 is also a name character).
  for (let k = from + s; k < from + first.length; k++) {
    const upto = text.slice(Math.max(0, from + s - 6), k);
    if (TITLE_AT_END.test(upto) && k - (from + s) < first.length - s) s = k - from;
  }
  // Last part: the longest head of transliteration characters, then stop at a title or verb.
  const last = parts[parts.length - 1] as string;
  let e = 0;
  while (e < last.length) {
    if (isTransliterationChar(last[e]) || /[A-Za-z]/.test(last[e] as string)) e++;
    // 萨瑟兰-王: a hyphen between two name characters.
    else if (e > 0 && /[-－‐]/.test(last[e] as string) && isNameHan(last[e + 1])) e += 2;
    else break;
  }
  const lastStart = to - last.length;
  // A Chinese surname after a given name (莎拉‧陈, 詹姆斯·刘): one character, then a boundary.
  if (e === 0 && SURNAMES.has(last[0] as string) && startsWithAfterName(text.slice(lastStart + 1)))
    return [from + s, lastStart + 1];
  if (e === 0) return undefined;
  for (let k = 1; k < e; k++) {
    const rest = text.slice(lastStart + k);
    if (
      TITLE_AT_START.test(rest) ||
      /^(?:说|表示|称|指出|强调|透露|博士|先生|女士|在|对|向)/.test(rest) ||
      // 约翰·霍普金斯大学: 大 is a transliteration character too (one-character heads such as
      // 法 or 路 also occur inside names).
      (NAMED_AFTER.exec(rest)?.[0].length ?? 0) >= 2
    ) {
      e = k;
      break;
    }
  }
  // `巴奈·库穗（Panai Kusui）`: a name character outside the transliteration list (穗) ends the
  // last part when the English name in brackets right after (folded: lower case) has as many
  // words as the parts.
  if (
    e > 0 &&
    e < last.length &&
    last.length - e <= 2 &&
    [...last.slice(e)].every((c) => isNameHan(c) && !NOT_IN_GIVEN_NAME.has(c)) &&
    !startsWithAfterName(last.slice(e))
  ) {
    const english = /^\(\s*([a-z][a-z'’-]*(?: [a-z][a-z'’-]*)*)\s*[,)]/i.exec(text.slice(to));
    if (english && (english[1] as string).split(" ").length === parts.length) e = last.length;
  }
  const end = lastStart + e;
  if (NAMED_AFTER.test(text.slice(end, end + 4))) return undefined;
  // Middle parts must be name characters too.
  for (let k = 1; k < parts.length - 1; k++) {
    const mid = parts[k] as string;
    for (const c of mid) if (!isTransliterationChar(c) && !/[A-Za-z]/.test(c)) return undefined;
  }
  return [from + s, end];
}

// ---------------------------------------------------------------------------------------------
// 中文名（English Name）

/** A Chinese name and the English name an article writes in brackets right after it. */
export interface EnglishNamePair {
  /** The Chinese name as written (温迪‧谢尔曼, 普京). */
  chinese: string;
  /** The English name as written (Wendy Sherman). */
  english: string;
  /** Other Chinese forms given in the same brackets (又译舍曼 → 舍曼). */
  variants: string[];
  /**
   * The context says it is a person: a dotted name, a title before it (总统普京) or a speech
   * verb after the bracket. Without it the pair may name a place (科珀斯克里斯蒂（Corpus Christi）).
   */
  person: boolean;
  /** Offsets of the Chinese name in the text. */
  start: number;
  end: number;
}

const ALIAS_MARKER = new RegExp(`^(?:${alternation(wordList("alias-markers"))})[：:]?\\s*(.+)$`);

/** The pieces of a bracket after a name: `Wendy Sherman，又译舍曼` → English names and aliases. */
export function readNameBracket(inner: string): { english: string[]; variants: string[] } {
  const english: string[] = [];
  const variants: string[] = [];
  for (const piece of inner.split(/[，,、;；]/)) {
    const trimmed = piece.trim();
    const alias = ALIAS_MARKER.exec(trimmed);
    if (alias) {
      const name = (alias[1] as string).trim();
      if (name.length >= 2 && name.length <= 16) variants.push(name);
    } else if (LATIN_NAME.test(trimmed) && /[A-Z]/.test(trimmed[0] as string)) {
      english.push(trimmed);
    } else if (
      // 川普（特朗普）: another transliteration of the name, in brackets of its own.
      trimmed.length >= 2 &&
      trimmed.length <= 6 &&
      [...trimmed].every((c) => isTransliterationChar(c)) &&
      !NOT_PEOPLE.has(trimmed) &&
      !isOrdinaryWord(trimmed)
    ) {
      variants.push(trimmed);
    }
  }
  return { english, variants };
}

/**
 * The reading of a name at the end of `before` (`length` characters) checked against the
 * dictionary's last word when jieba takes it for a name or an unknown word: a shorter word wins
 * over a reading that took a character of the word before (策略师班农 → 班农, not 师班农), a longer
 * one of up to four characters extends it (日本首相岸田文雄 → 岸田文雄, not 田文雄).
 */
function dictionaryReading(before: string, length: number): number {
  const words = segmenter().tag(before, true);
  const last = words[words.length - 1];
  if (!last || !/^(?:nr|x)/.test(last.tag) || !before.endsWith(last.word)) return length;
  const word = last.word;
  if (word.length < 2 || word.length > 4 || ![...word].every(isNameHan)) return length;
  const reading = before.slice(before.length - length);
  if (word.length < length && ![...reading].every(isTransliterationChar)) return word.length;
  if (word.length > length && word.endsWith(reading)) return word.length;
  return length;
}

/**
 * The 中文名（English Name） pairs of a text: 普京（Vladimir Putin）, 温迪‧谢尔曼（Wendy Sherman，
 * 又译舍曼）, 发言人赵立坚（Zhao Lijian）. The Chinese side is a dotted name, or the name the
 * detector finds right before the bracket (a name after a title first), checked against the
 * dictionary's last word (策略师班农（Steve Bannon） → 班农).
 */
export function englishNamePairs(text: string): EnglishNamePair[] {
  const folded = foldText(text);
  const dotted = dottedNames(folded);
  const pairs: EnglishNamePair[] = [];
  for (const match of folded.matchAll(/[(]\s*(\p{Script=Latin}[^()]{1,80})[)]/gu)) {
    const at = match.index;
    const inner = text.slice(at + 1, at + match[0].length - 1);
    const { english, variants } = readNameBracket(inner);
    const name = english[0];
    if (!name) continue;
    let start = -1;
    const range = dotted.find(([, end]) => end === at);
    if (range) start = range[0];
    else {
      const before = folded.slice(Math.max(0, at - 12), at);
      let length = nameAtEnd(before, false) || nameAtEnd(before, true);
      if (length) length = dictionaryReading(before, length);
      if (length) start = at - length;
    }
    if (start < 0 || isNotPerson(folded.slice(start, at))) continue;
    const after = folded.slice(at + match[0].length, at + match[0].length + 12);
    const person =
      range !== undefined ||
      TITLE_AT_END.test(folded.slice(Math.max(0, start - 8), start)) ||
      startsWithSpeechVerb(after);
    // A single English word without a person's context is as often a brand or a place (Kroger).
    if (!person && !/\s/.test(name)) continue;
    pairs.push({ chinese: text.slice(start, at), english: name, variants, person, start, end: at });
  }
  return pairs;
}

const SPEECH_VERB_AT_START = new RegExp(
  `^(?:[^,。:;“”「」]{0,10}?)(?:${SPEECH_VERBS.filter((verb) => verb.length > 1 || verb === "说" || verb === "称").join("|")})`,
);

/** `表示`, `周二表示`, `在声明中说`: a speaker clause going on. */
function startsWithSpeechVerb(text: string): boolean {
  return SPEECH_VERB_AT_START.test(text);
}
