import { nameDistance } from "../text/edit-distance.js";
import { wordList } from "../text/lexicon.js";
import { alternation, nameLookupKeys as keysOf, nameKey, TITLE_AT_END } from "../text/names.js";
import { regionalVariants } from "../text/regional.js";
import { NAME_DOT } from "../text/text.js";
import type { ArticleQuotes, Quote, QuoteKind } from "./model.js";

/**
 * Everyone quoted in the archive, merged across articles by canonical name (folded: 谢尔曼 in one
 * article and 謝爾曼 in another are one person), findable by any name seen in any article: full
 * names, English names and their surname, 又译 aliases, in either script and any case.
 */
export interface Person {
  /** Canonical name (the short form members type: 谢尔曼, 赵立坚). */
  name: string;
  /** Every other form seen, original scripts (温迪‧谢尔曼, Wendy Sherman, 舍曼). */
  aliases: string[];
  quoteCount: number;
  /** Articles with at least one of their quotes (what `list` ranks by: a transcript is one). */
  articleCount: number;
}

interface Contribution {
  name: string;
  aliases: string[];
  /** How many quotes, known before they are decoded. */
  count: number;
  /** The quotes, once decoded (see `quotesIn`). */
  quotes: Quote[] | undefined;
  /**
   * Loaded from `serialize`d data: where the JSON of its quotes is in that data, and its length
   * (−1 and 0 for a contribution added live).
   */
  at: number;
  length: number;
  date: string | null;
}

/**
 * An article loaded from `serialize`d data, its quotes still JSON text there: the article's link,
 * then each contribution's quotes.
 */
interface StoredArticle {
  articleId: string;
  date: string | null;
  people: ArticleQuotes["people"];
  /** Where its text starts in the data, the length of its link's JSON, and of the whole. */
  start: number;
  urlLength: number;
  length: number;
}

interface Entry {
  key: string;
  /** Article id → what that article says about the person. */
  articles: Map<string, Contribution>;
  person?: Person | undefined;
  /** Lookup keys of every name of the person (cached with `person`). */
  keys?: string[] | undefined;
  sorted?: Quote[] | undefined;
  /** English full names the person is written with (folded: wendy sherman). */
  english: Set<string>;
  /** Full names with a name dot the person is written with (folded: 温迪·谢尔曼). */
  full: Set<string>;
}

/**
 * Bump CACHE_VERSION with it: a warm start decodes the directory on first use, after the cache
 * was accepted, and a directory it cannot read then cannot be rebuilt.
 */
const FORMAT_VERSION = 5;

/** A quote as `serialize` writes it: speaker, text, kind, paragraph[, link, article id]. */
type SerialQuote =
  | [string, string, QuoteKind, number]
  | [string, string, QuoteKind, number, string | null, string];

/**
 * An article's people and where they went, as `serialize` writes them: per person, for the one
 * that opened an entry's contribution, how many quotes it has and the length of their JSON (a
 * `SerialQuote[]`, absent when there are none). The article's text follows the directory: its
 * link as JSON (of `urlLength`), then the contributions' quotes in the people's order.
 */
type SerialArticle = [
  id: string,
  date: string | null,
  people: Array<[string, string[]]>,
  placed: string[],
  own: Array<[] | [count: number, length: number]>,
  urlLength: number,
];

/** What `serialize` writes first, on one line. */
interface SerialDirectory {
  version: number;
  articles: SerialArticle[];
  /** Per entry: key, English names, full names. */
  entries: Array<[string, string[], string[]]>;
  /** Per lookup key: the key, then entry key and count, entry key and count… */
  index: Array<[string, ...Array<string | number>]>;
  byEnglish: Array<[string, string]>;
}

/** What ends a description before a name: a role noun (民众, 媒体人, 学员, 协调员, 经纪人), or 的 (大陆的李律师). */
const DESCRIPTION_END = new RegExp(
  `(?:${alternation(wordList("group-nouns"))}|[人员民众者家师士使官的]|学员|公民)$`,
);

export class PeopleDirectory {
  private readonly entries = new Map<string, Entry>();
  /** Lookup key → entry key → how many article contributions use it. */
  private readonly index = new Map<string, Map<string, number>>();
  /** Article id → its quotes, or (loaded) where they are in `data`. */
  private readonly byArticle = new Map<string, ArticleQuotes | StoredArticle>();
  /** The `serialize`d data the directory was loaded from (its quotes are decoded from it). */
  private data = "";
  private ranked: Entry[] | undefined;
  /** Article id → the entry key each of its people went to, in order. */
  private readonly placed = new Map<string, string[]>();
  /** English full name (folded) → the entry of the person it names. */
  private readonly byEnglish = new Map<string, string>();
  /**
   * Given names in both scripts, from people written with both (理查德‧摩尔 and Richard Moore:
   * 理查德 → richard), so that a person written in one script only is told from an entry
   * written in the other (理查德‧摩尔 from Michel Moore).
   */
  private readonly givenAcross = new Map<string, Set<string>>();
  /** The entry each Person handed out stands for (generic forms share a name, not an entry). */
  private readonly entryByPerson = new WeakMap<Person, Entry>();

  static build(perArticle: Iterable<ArticleQuotes>): PeopleDirectory {
    const directory = new PeopleDirectory();
    for (const quotes of perArticle) directory.add(quotes);
    return directory;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds (or replaces) one article's people and quotes. */
  add(quotes: ArticleQuotes): void {
    if (this.byArticle.has(quotes.articleId)) this.remove(quotes.articleId);
    this.byArticle.set(quotes.articleId, quotes);
    const date = quotes.date ?? null;
    const placed: string[] = [];
    this.placed.set(quotes.articleId, placed);
    for (const person of quotes.people) {
      const key = this.placeOf(person, quotes.articleId);
      placed.push(key);
      if (!key) continue;
      let entry = this.entries.get(key);
      if (!entry) {
        entry = { key, articles: new Map(), english: new Set(), full: new Set() };
        this.entries.set(key, entry);
      }
      for (const full of fullNamesOf(person)) entry.full.add(full);
      for (const english of englishNamesOf(person)) {
        entry.english.add(english);
        if (!this.entries.has(this.byEnglish.get(english) ?? "")) this.byEnglish.set(english, key);
      }
      const speaker = nameKey(person.name);
      const own = quotes.quotes.filter((quote) => nameKey(quote.speaker) === speaker);
      const previous = entry.articles.get(quotes.articleId);
      const contribution: Contribution = previous
        ? mergedContribution(previous, person.aliases, date)
        : {
            name: person.name,
            aliases: person.aliases,
            count: own.length,
            quotes: own,
            at: -1,
            length: 0,
            date,
          };
      if (previous) this.unindex(entry.key, previous);
      entry.articles.set(quotes.articleId, contribution);
      this.indexContribution(entry.key, contribution);
      entry.person = undefined;
      entry.keys = undefined;
      entry.sorted = undefined;
    }
    this.ranked = undefined;
  }

  /** Forgets one article (the file watcher saw it change or go). */
  remove(articleId: string): void {
    const quotes = this.byArticle.get(articleId);
    if (!quotes) return;
    this.byArticle.delete(articleId);
    const placed = this.placed.get(articleId) ?? [];
    this.placed.delete(articleId);
    for (const key of placed) {
      const entry = this.entries.get(key);
      const contribution = entry?.articles.get(articleId);
      if (!entry || !contribution) continue;
      entry.articles.delete(articleId);
      this.unindex(key, contribution);
      entry.person = undefined;
      entry.keys = undefined;
      entry.sorted = undefined;
      if (entry.articles.size === 0) {
        this.entries.delete(key);
        for (const english of entry.english)
          if (this.byEnglish.get(english) === key) this.byEnglish.delete(english);
      }
    }
    this.ranked = undefined;
  }

  /**
   * The entry a person of one article joins: the one already holding their English full name
   * (谢尔曼 and 舍曼, both Wendy Sherman), else their name's, unless that one is somebody else's
   * English name (Brian Price and Ned Price, both 普赖斯); generic forms stay per article.
   */
  private placeOf(person: { name: string; aliases: string[] }, articleId: string): string {
    const key = entryKeyOf(person, articleId);
    if (!key || key.includes("\u0000")) return key;
    const english = englishNamesOf(person);
    const full = fullNamesOf(person);
    this.pairGivenNames(person);
    for (const name of english) {
      const owner = this.byEnglish.get(name);
      if (owner !== undefined && this.entries.has(owner)) return owner;
    }
    // Another given name (Ned Price, Brian Price) is another person; another spelling of the
    // same one (Kay-Achim Schonbach, Schoenbach; Enes Kanter Freedom) is not.
    const conflicting = (entry: Entry): boolean =>
      conflicts(english, entry.english) ||
      conflicts(full, entry.full) ||
      this.conflictsAcross(full, english, entry) ||
      (inOtherScriptsOnly(english, full, entry) && !this.pairedAcross(full, english, entry));
    const existing = this.entries.get(key);
    if (!existing || !conflicting(existing)) return key;
    // One of the namesakes already split off (理查德‧摩尔 after Richard Moore's entry).
    for (const other of this.splitOff.get(key) ?? []) {
      const entry = this.entries.get(other);
      if (entry && !conflicting(entry)) return other;
    }
    const split = `${key}\u0000${english[0] ?? full[0]}`;
    const known = this.splitOff.get(key);
    if (!known) this.splitOff.set(key, [split]);
    else if (!known.includes(split)) known.push(split);
    return split;
  }

  /** Learns a person's given name in both scripts when written with one full name in each. */
  private pairGivenNames(person: { name: string; aliases: string[] }): void {
    const english = englishNamesOf(person);
    const full = fullNamesOf(person);
    if (english.length !== 1 || full.length !== 1) return;
    const han = givenName(full[0] as string);
    const latin = givenName(english[0] as string);
    const known = this.givenAcross.get(han);
    if (known) known.add(latin);
    else this.givenAcross.set(han, new Set([latin]));
  }

  /** Whether a Han given name of either side is known as a Latin given name of the other. */
  private pairedAcross(full: string[], english: string[], entry: Entry): boolean {
    const latinGiven = new Set([...english, ...entry.english].map(givenName));
    return [...full, ...entry.full].some((name) =>
      [...(this.givenAcross.get(givenName(name)) ?? [])].some((latin) => latinGiven.has(latin)),
    );
  }

  /** The keys of namesakes split off an entry's key (摩尔 → 摩尔\0richard moore). */
  private readonly splitOff = new Map<string, string[]>();

  /**
   * Whether full names in one script name someone else than an entry's in the other: every
   * given name of the person is known in the other script, and none of those is the entry's.
   */
  private conflictsAcross(full: string[], english: string[], entry: Entry): boolean {
    const acrossAll = (hanNames: string[], latinNames: Set<string>): boolean => {
      if (hanNames.length === 0 || latinNames.size === 0) return false;
      const latinGiven = new Set([...latinNames].map(givenName));
      return hanNames.every((name) => {
        const known = this.givenAcross.get(givenName(name));
        return known !== undefined && ![...known].some((latin) => latinGiven.has(latin));
      });
    };
    if (english.length === 0 && entry.full.size === 0) return acrossAll(full, entry.english);
    if (
      full.length === 0 &&
      entry.english.size === 0 &&
      english.length > 0 &&
      entry.full.size > 0
    ) {
      const latinGiven = new Set(english.map(givenName));
      return [...entry.full].every((name) => {
        const known = this.givenAcross.get(givenName(name));
        return known !== undefined && ![...known].some((latin) => latinGiven.has(latin));
      });
    }
    return false;
  }

  /** Everyone known by this name: any alias, either script, any case. */
  find(name: string): Person[] {
    const found = new Map<string, Entry>();
    const keys = keysOf(name);
    // A whole English name (Ned Price) that someone has is theirs alone, not every Price's.
    const whole = englishNamesOf({ aliases: [name] })[0];
    if (whole && this.index.has(whole)) keys.splice(0, keys.length, whole);
    for (const key of keys) {
      for (const entryKey of this.index.get(key)?.keys() ?? []) {
        const entry = this.entries.get(entryKey);
        if (entry) found.set(entryKey, entry);
      }
    }
    if (found.size === 0) {
      const described = this.describedName(name);
      if (described) return this.find(described);
      // `普丁` for the 普京 of mainland-usage articles (川普/特朗普, 马克宏/马克龙): the other
      // usages' transliteration of the whole name (lexicon/regional-variants.txt).
      for (const variant of regionalVariants(nameKey(name))) {
        for (const key of keysOf(variant)) {
          for (const entryKey of this.index.get(key)?.keys() ?? []) {
            const entry = this.entries.get(entryKey);
            if (entry) found.set(entryKey, entry);
          }
        }
      }
    }
    return [...found.values()].sort(byQuotes).map((entry) => this.personOf(entry));
  }

  /**
   * The name inside a description a reader copies from the article, when the whole finds nobody:
   * the longest known name after a role, a title or a place (资深媒体人何良懋, 福建民众李女士,
   * 特使兼协调员加布里埃尔, 摩尔多瓦法轮功学员塔基亚娜).
   */
  private describedName(name: string): string | undefined {
    const key = nameKey(name);
    if (!/^\p{Script=Han}/u.test(key)) return undefined;
    for (let i = 1; i <= key.length - 2; i++) {
      const prefix = key.slice(0, i);
      const rest = key.slice(i);
      if (!DESCRIPTION_END.test(prefix) && !TITLE_AT_END.test(prefix)) continue;
      if (!/^\p{Script=Han}/u.test(rest)) continue;
      if (keysOf(rest).some((k) => this.index.has(k))) return rest;
    }
    return undefined;
  }

  /** A person's quotes, oldest article first, then in paragraph order. */
  quotesOf(person: Person | string, options: { articleId?: string | undefined } = {}): Quote[] {
    const entries =
      typeof person === "string"
        ? this.find(person).flatMap((found) => this.entryOf(found) ?? [])
        : [this.entryOf(person)].filter((entry): entry is Entry => !!entry);
    const out: Quote[] = [];
    for (const entry of entries) {
      if (options.articleId !== undefined) {
        const contribution = entry.articles.get(options.articleId);
        if (contribution) out.push(...this.quotesIn(options.articleId, contribution));
        continue;
      }
      out.push(...this.sortedQuotes(entry));
    }
    return out;
  }

  /** People whose names (any alias) start with the prefix, most quoted first. */
  list(prefix?: string, limit = 25): Person[] {
    const wanted = prefix === undefined ? "" : nameKey(prefix);
    const out: Person[] = [];
    for (const entry of this.rankedEntries()) {
      if (out.length >= limit) break;
      if (wanted && !this.keysOfEntry(entry).some((key) => key.startsWith(wanted))) continue;
      out.push(this.personOf(entry));
    }
    return out;
  }

  /** The closest known names, for a name that matches nobody. */
  suggest(name: string, limit = 5): string[] {
    const wanted = nameKey(name);
    if (!wanted) return [];
    const scored: { name: string; score: number; count: number }[] = [];
    for (const entry of this.entries.values()) {
      let best = Number.POSITIVE_INFINITY;
      for (const key of this.keysOfEntry(entry)) {
        const score = nameDistance(wanted, key);
        if (score < best) best = score;
      }
      if (best <= 0.5) {
        const person = this.personOf(entry);
        scored.push({ name: person.name, score: best, count: person.quoteCount });
      }
    }
    scored.sort((a, b) => a.score - b.score || b.count - a.count || a.name.localeCompare(b.name));
    return scored.slice(0, limit).map((entry) => entry.name);
  }

  /**
   * The directory as it is, compactly, to be loaded without reading a name again. First a line of
   * JSON: per article `[id, date, people, placed, own, link length]` — a person as
   * `[name, aliases]`, the entry each person went to, and for the person that opened an entry's
   * contribution, its number of quotes and the length of their JSON — then each entry's English
   * and full names, the lookup index and the owners of English names. Then each article's link as
   * JSON and each contribution's quotes as a JSON array, one after the other: a quote as
   * `[speaker, text, kind, paragraph]` (its article id and link are the article's; a quote with
   * others carries them fifth and sixth). Loading decodes a contribution's quotes only when they
   * are first asked for, and only those: a person quoted in a thousand articles costs the JSON of
   * their own quotes, not of everyone quoted beside them.
   */
  serialize(): string {
    return this.serializePieces().join("");
  }

  /** `serialize` as pieces, never joined into one string (see `serialize`). */
  serializePieces(): string[] {
    const articles: SerialArticle[] = [];
    const texts: string[] = [];
    for (const article of this.byArticle.values()) {
      const stored = isStored(article) ? article : undefined;
      const live = isStored(article) ? undefined : article;
      const placed = this.placed.get(article.articleId) ?? [];
      const url = live ? JSON.stringify(live.quotes[0]?.url ?? null) : "";
      if (stored) texts.push(this.data.slice(stored.start, stored.start + stored.length));
      else texts.push(url);
      const opened = new Set<string>();
      const own = placed.map((key): [] | [number, number] => {
        if (!key || opened.has(key)) return [];
        opened.add(key);
        const contribution = this.entries.get(key)?.articles.get(article.articleId);
        if (!contribution) return [];
        if (!live) return [contribution.count, contribution.length];
        const quotes = contribution.quotes ?? [];
        const text =
          quotes.length === 0
            ? ""
            : JSON.stringify(serialQuotesOf(quotes, live.articleId, live.quotes[0]?.url));
        texts.push(text);
        return [quotes.length, text.length];
      });
      articles.push([
        article.articleId,
        article.date ?? null,
        article.people.map((person) => [person.name, person.aliases]),
        placed,
        own,
        stored ? stored.urlLength : url.length,
      ]);
    }
    const serial: SerialDirectory = {
      version: FORMAT_VERSION,
      articles,
      entries: [...this.entries.values()].map((entry) => [
        entry.key,
        [...entry.english],
        [...entry.full],
      ]),
      index: [...this.index].map(([key, counts]) => [key, ...[...counts].flat()]),
      byEnglish: [...this.byEnglish],
    };
    // JSON.stringify escapes every line break, so the first one ends the directory.
    return [`${JSON.stringify(serial)}\n`, ...texts];
  }

  static deserialize(data: string): PeopleDirectory {
    const lineEnd = data.indexOf("\n");
    const parsed = JSON.parse(
      lineEnd < 0 ? data : data.slice(0, lineEnd),
    ) as Partial<SerialDirectory>;
    const { articles, entries, index, byEnglish } = parsed;
    if (
      parsed.version !== FORMAT_VERSION ||
      lineEnd < 0 ||
      !Array.isArray(articles) ||
      !Array.isArray(entries) ||
      !Array.isArray(index) ||
      !Array.isArray(byEnglish)
    ) {
      throw new Error(`unsupported people directory data (version ${String(parsed.version)})`);
    }
    const directory = new PeopleDirectory();
    directory.data = data;
    let offset = lineEnd + 1;
    for (const [articleId, date, people, placed, own, urlLength] of articles) {
      const article: StoredArticle = {
        articleId,
        date,
        people: people.map(([name, aliases]) => ({ name, aliases })),
        start: offset,
        urlLength,
        length: 0,
      };
      offset += urlLength;
      directory.byArticle.set(articleId, article);
      directory.placed.set(articleId, placed);
      placed.forEach((key, j) => {
        const person = article.people[j];
        if (!key || !person) return;
        let entry = directory.entries.get(key);
        if (!entry) {
          entry = { key, articles: new Map(), english: new Set(), full: new Set() };
          directory.entries.set(key, entry);
        }
        const previous = entry.articles.get(articleId);
        const [count = 0, length = 0] = own[j] ?? [];
        entry.articles.set(
          articleId,
          previous
            ? mergedContribution(previous, person.aliases, date)
            : {
                name: person.name,
                aliases: person.aliases,
                count,
                quotes: count === 0 ? [] : undefined,
                at: offset,
                length,
                date,
              },
        );
        if (!previous) offset += length;
      });
      article.length = offset - article.start;
    }
    if (offset !== data.length)
      throw new Error("people directory data: quotes of the wrong length");
    for (const [key, english, full] of entries) {
      const entry = directory.entries.get(key);
      if (!entry) throw new Error(`people directory data: no articles for ${key}`);
      entry.english = new Set(english);
      entry.full = new Set(full);
    }
    for (const [key, ...counts] of index) {
      const byEntry = new Map<string, number>();
      for (let i = 0; i + 1 < counts.length; i += 2)
        byEntry.set(counts[i] as string, counts[i + 1] as number);
      directory.index.set(key, byEntry);
    }
    for (const [english, key] of byEnglish) directory.byEnglish.set(english, key);
    // The given names paired across scripts and the namesakes split off, as `add` left them.
    for (const entry of directory.entries.values()) {
      for (const contribution of entry.articles.values()) directory.pairGivenNames(contribution);
      const cut = entry.key.indexOf("\u0000");
      if (cut > 0 && !GENERIC_SPLIT.test(entry.key)) {
        const base = entry.key.slice(0, cut);
        const known = directory.splitOff.get(base);
        if (!known) directory.splitOff.set(base, [entry.key]);
        else known.push(entry.key);
      }
    }
    return directory;
  }

  /** A contribution's quotes, decoded from the loaded data on first use (theirs alone). */
  private quotesIn(articleId: string, contribution: Contribution): Quote[] {
    if (!contribution.quotes) {
      const article = this.byArticle.get(articleId);
      const { data } = this;
      const url =
        article && isStored(article)
          ? (JSON.parse(data.slice(article.start, article.start + article.urlLength)) as
              | string
              | null)
          : null;
      const serial = JSON.parse(
        data.slice(contribution.at, contribution.at + contribution.length),
      ) as SerialQuote[];
      contribution.quotes = serial.map(([speaker, text, kind, paragraph, ownUrl, ownArticle]) => ({
        speaker,
        text,
        kind,
        paragraph,
        articleId: ownArticle ?? articleId,
        url: ownUrl === undefined ? url : ownUrl,
      }));
    }
    return contribution.quotes;
  }

  // ---------------------------------------------------------------------------------------------

  private indexContribution(entryKey: string, contribution: Contribution): void {
    for (const key of new Set([contribution.name, ...contribution.aliases].flatMap(keysOf))) {
      let counts = this.index.get(key);
      if (!counts) {
        counts = new Map();
        this.index.set(key, counts);
      }
      counts.set(entryKey, (counts.get(entryKey) ?? 0) + 1);
    }
  }

  private unindex(entryKey: string, contribution: Contribution): void {
    for (const key of new Set([contribution.name, ...contribution.aliases].flatMap(keysOf))) {
      const counts = this.index.get(key);
      if (!counts) continue;
      const left = (counts.get(entryKey) ?? 0) - 1;
      if (left > 0) counts.set(entryKey, left);
      else counts.delete(entryKey);
      if (counts.size === 0) this.index.delete(key);
    }
  }

  private keysOfEntry(entry: Entry): string[] {
    if (!entry.keys) {
      const person = this.personOf(entry);
      entry.keys = [...new Set([person.name, ...person.aliases].flatMap(keysOf))];
    }
    return entry.keys;
  }

  private entryOf(person: Person): Entry | undefined {
    return this.entryByPerson.get(person) ?? this.entries.get(nameKey(person.name));
  }

  private personOf(entry: Entry): Person {
    if (entry.person) return entry.person;
    // The most used spelling of the canonical name; aliases in order of first appearance.
    const spellings = new Map<string, number>();
    const aliases: string[] = [];
    const seen = new Set<string>();
    let quoteCount = 0;
    for (const contribution of entry.articles.values()) {
      spellings.set(contribution.name, (spellings.get(contribution.name) ?? 0) + 1);
      quoteCount += contribution.count;
    }
    const name =
      [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? entry.key;
    seen.add(name);
    for (const contribution of entry.articles.values()) {
      for (const alias of [contribution.name, ...contribution.aliases]) {
        if (seen.has(alias)) continue;
        seen.add(alias);
        aliases.push(alias);
      }
    }
    entry.person = { name, aliases, quoteCount, articleCount: quotedArticlesOf(entry) };
    this.entryByPerson.set(entry.person, entry);
    return entry.person;
  }

  private sortedQuotes(entry: Entry): Quote[] {
    if (entry.sorted) return entry.sorted;
    const list = [...entry.articles.entries()];
    const compare = list.every(([id, c]) => PLAIN_KEY.test(id) && PLAIN_KEY.test(c.date ?? ""))
      ? byCodeUnits
      : KEY_ORDER.compare;
    const articles = list.sort(([idA, a], [idB, b]) => {
      if (a.date !== b.date) {
        if (a.date === null) return 1;
        if (b.date === null) return -1;
        return compare(a.date, b.date);
      }
      return compare(idA, idB);
    });
    const sorted: Quote[] = [];
    for (const [articleId, contribution] of articles) {
      const quotes = this.quotesIn(articleId, contribution);
      // Quotes come in text order, so nearly always in paragraph order already.
      let ordered = true;
      for (let i = 1; i < quotes.length && ordered; i++)
        ordered = (quotes[i - 1] as Quote).paragraph <= (quotes[i] as Quote).paragraph;
      for (const quote of ordered ? quotes : [...quotes].sort(byParagraph)) sorted.push(quote);
    }
    entry.sorted = sorted;
    return sorted;
  }

  private rankedEntries(): Entry[] {
    if (!this.ranked) {
      this.ranked = sortedByQuotes([...this.entries.values()]);
    }
    return this.ranked;
  }
}

/**
 * 张先生, 王女士, 李某, 张博士, 林生 (Cantonese 林先生) and anyone 化名: a form shared by strangers,
 * never merged across articles.
 */
const GENERIC_NAME =
  /^(?:\p{Script=Han}{1,2}(?:先生|女士|小姐|太太|夫人|某某|某|博士|律师|医生|老师|教授)|\p{Script=Han}生)$/u;

/** A generic name's key per article (张先生\0n123): no namesake split off. */
const GENERIC_SPLIT = new RegExp(`${"\u0000"}n?[0-9-]+$`);

/** The directory entry a person of one article belongs to: the folded name, or per article. */
function entryKeyOf(person: { name: string; aliases: string[] }, articleId: string): string {
  const key = nameKey(person.name);
  const generic =
    GENERIC_NAME.test(key) ||
    [person.name, ...person.aliases].some((form) => form.includes("化名"));
  return key && generic ? `${key}\u0000${articleId}` : key;
}

/** A person's English full names (two words or more), folded. */
function englishNamesOf(person: { aliases: string[] }): string[] {
  return person.aliases
    .filter((alias) =>
      /^\p{Script=Latin}[\p{Script=Latin}.'’-]*(?:\s+[\p{Script=Latin}.'’-]+)+$/u.test(
        alias.trim(),
      ),
    )
    .map((alias) => nameKey(alias).normalize("NFD").replace(/\p{M}/gu, ""));
}

/** A person's full names written with a name dot (温迪‧谢尔曼), folded. */
function fullNamesOf(person: { name: string; aliases: string[] }): string[] {
  return [person.name, ...person.aliases]
    .map((form) => nameKey(form))
    .filter((form) => form.includes(NAME_DOT) && /^\p{Script=Han}/u.test(form));
}

/**
 * Whether a person's full names name someone else than an entry's: both have some, and no given
 * name is shared (Ned Price, Brian Price; 理查德‧摩尔, 约翰尼‧摩尔). Another spelling of the same
 * given name (Kay-Achim Schonbach, Schoenbach; Enes Kanter Freedom) is no conflict.
 */
function conflicts(names: string[], known: Set<string>): boolean {
  if (names.length === 0 || known.size === 0) return false;
  const knownGiven = new Set([...known].map(givenName));
  return !names.some((name) => knownGiven.has(givenName(name)));
}

/** The first part of a full name (理查德 of 理查德·摩尔, richard of richard moore). */
function givenName(name: string): string {
  return name.split(/[\s·]/)[0] as string;
}

/**
 * Whether full names on both sides are in different scripts only (Michel Moore beside 理查德‧摩尔,
 * Jumaane Williams beside 科迪‧威廉姆斯): no shared given name can show them one, unless a person
 * written both ways paired the given names (`pairGivenNames`).
 */
function inOtherScriptsOnly(english: string[], full: string[], entry: Entry): boolean {
  const sharedScript =
    (english.length > 0 && entry.english.size > 0) || (full.length > 0 && entry.full.size > 0);
  const ownFull = english.length + full.length > 0;
  const entryFull = entry.english.size + entry.full.size > 0;
  return ownFull && entryFull && !sharedScript;
}

const byParagraph = (a: Quote, b: Quote) => a.paragraph - b.paragraph;

function quoteCountOf(entry: Entry): number {
  let count = 0;
  for (const contribution of entry.articles.values()) count += contribution.count;
  return count;
}

/** Quoted in more articles first (a transcript of 100 answers is one article), then more quotes. */
function byQuotes(a: Entry, b: Entry): number {
  return (
    quotedArticlesOf(b) - quotedArticlesOf(a) ||
    quoteCountOf(b) - quoteCountOf(a) ||
    a.key.localeCompare(b.key)
  );
}

/** What `localeCompare` does, without making a collator per call. */
const KEY_ORDER = new Intl.Collator();

/**
 * Article ids (n13495457) and dates (2022-01-10) that any locale's collator orders as their code
 * units (digits in order, a prefix first, hyphens where dates have them): compared directly,
 * without a collation per comparison (thousands for a person quoted in a thousand articles).
 */
const PLAIN_KEY = /^n?[0-9-]*$/;
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Entries in `byQuotes` order, each one's counts taken once (all of them: every person ranked). */
function sortedByQuotes(entries: Entry[]): Entry[] {
  const counts = new Map(
    entries.map((entry) => [entry, [quotedArticlesOf(entry), quoteCountOf(entry)]]),
  );
  const countsOf = (entry: Entry) => counts.get(entry) as number[];
  return entries.sort((a, b) => {
    const [articlesA = 0, quotesA = 0] = countsOf(a);
    const [articlesB = 0, quotesB = 0] = countsOf(b);
    return articlesB - articlesA || quotesB - quotesA || KEY_ORDER.compare(a.key, b.key);
  });
}

function quotedArticlesOf(entry: Entry): number {
  let count = 0;
  for (const contribution of entry.articles.values()) if (contribution.count > 0) count++;
  return count;
}

/** A second person of an article in the same entry: its aliases join the first one's quotes. */
function mergedContribution(
  previous: Contribution,
  aliases: string[],
  date: string | null,
): Contribution {
  return {
    name: previous.name,
    aliases: [...new Set([...previous.aliases, ...aliases])],
    count: previous.count,
    quotes: previous.quotes,
    at: previous.at,
    length: previous.length,
    date,
  };
}

function isStored(article: ArticleQuotes | StoredArticle): article is StoredArticle {
  return !("quotes" in article);
}

/**
 * Quotes of an article to be written: those with the article's id and link (its first quote's)
 * carry neither.
 */
function serialQuotesOf(
  quotes: Quote[],
  articleId: string,
  url: string | null | undefined,
): SerialQuote[] {
  return quotes.map((quote): SerialQuote => {
    const { speaker, text, kind, paragraph } = quote;
    return quote.url === (url ?? null) && quote.articleId === articleId
      ? [speaker, text, kind, paragraph]
      : [speaker, text, kind, paragraph, quote.url, quote.articleId];
  });
}
