import { lexicon, wordList, wordSet } from "../text/lexicon.js";
import {
  alternation,
  dictionaryNameAt,
  dottedNames,
  type Gender,
  hanNameDots,
  isNameHan,
  isNotPerson,
  isOrdinaryWord,
  LiteralMatcher,
  NAME_PRECEDING_CHARS,
  nameAt,
  nameAtEnd,
  readNameBracket,
  STRADDLED_WORDS,
  SURNAMES,
  TITLE_AT_END,
  TITLE_MATCHER,
} from "../text/names.js";
import { foldText, NAME_DOT, toSimplified } from "../text/text.js";
import type { QuotedText } from "./spans.js";
import { VERB_AT_START } from "./speech.js";

/**
 * Stage 2: the people named in one article and where they are mentioned. Names come from the
 * shared detector (src/text/names.ts) and from cues of the article: dotted transliterations
 * (温迪‧谢尔曼), a title before a name (发言人赵立坚), an English name in parentheses, 又译/昵称
 * aliases, 化名, 姓陈的经理. Each person is an `Entity` with every form the article uses; the
 * attribution stage adds the names it finds in speaker slots through `registerName`.
 */

export interface Entity {
  canonical: string;
  key: string;
  forms: Set<string>;
  english: Set<string>;
  gender: Gender | undefined;
  /** True when the gender comes from a title (女士, 先生), not from a guess. */
  genderSure: boolean;
  /** Full forms (dotted names) by their folded key, to split namesakes. */
  fullForms: Set<string>;
}

export interface Mention {
  paragraph: number;
  offset: number;
  entity: Entity;
  /** Noted as the speaker of a quote (not a name written in the text). */
  speaker?: boolean;
}

/** A title right after a surname (蔡总统, 王教授): the titles written after names, and before. */
const SURNAME_TITLE = new LiteralMatcher(
  [...lexicon("post-titles").entries.map((e) => e.term), ...wordList("person-titles")].filter(
    (t) => t.length >= 2,
  ),
);

/** A Latin name in proper case (group 1) after something that is not a Latin letter. */
const LATIN_NAME =
  /(?:^|[^\p{Script=Latin}.' ])(\p{Lu}\p{Ll}[\p{Script=Latin}'’-]*(?: (?:(?:van|von|der|den|de|da|di|du|del|la|le|bin|al) ){0,2}\p{Lu}\p{Ll}[\p{Script=Latin}'’-]*){0,3})/gu;

/**
 * What introduces a person however short their name: where they come from or their age
 * (`来自波兰的Sam`, `今年35岁的Lisa`), as in street interviews that give a first name only.
 */
const PERSON_BEFORE_LATIN = /(?:来自[^,。;:、]{1,12}|[0-9]+岁|多岁)的$/;

/** English words naming places and bodies (lexicon/english-place-words.txt). */
export const ENGLISH_BODY_WORDS = wordSet("english-place-words");

/** Japanese surnames (岸田, 安倍): their bearers are called by the surname alone. */
const JAPANESE_SURNAMES = wordSet("japanese-surnames");

/** Words next to a name that tell the gender (女士, 先生, 女发言人), by gender. */
const GENDERED_TITLES = lexicon("gendered-titles").entries;
const FEMALE_TITLES = GENDERED_TITLES.filter((e) => e.fields[0] === "f").map((e) => e.term);
const MALE_TITLES = GENDERED_TITLES.filter((e) => e.fields[0] === "m").map((e) => e.term);
const FEMALE_NAME_CHARS = wordSet("female-name-chars");
const MALE_NAME_CHARS = wordSet("male-name-chars");
/** What follows 姓X的 or X姓 (姓陈的经理, 戴姓所长). */
const SURNAME_FORMS = alternation(wordList("surname-forms"));

/** `常被人称呼为珍妮`, `人称“小诸葛”`: another name the article gives a person. */
const NICKNAME = new RegExp(
  `(?:${alternation(wordList("nickname-markers"))})[“「]?([\u4e00-\u9fff]{2,4}?)(?=[”」,。、;\\(]|$)`,
  "g",
);

/**
 * What may stand between a person and the marker of their other name: a bracket (their English
 * name), a comma, 的 before a noun marker (他的昵称), adverbs (也, 常, 曾, 一度).
 */
const NICKNAME_LINK = new RegExp(
  `^(?:[(][^()]*[)])?[,、]?(?:${alternation(wordList("nickname-link-words"))})*[,]?$`,
);

/** What makes a titled surname many people: `习常委中` (among Xi's), `王教授们`. */
const COLLECTIVE_AFTER = /^(?:们|中[,、]|之中|等人)/;

/** The people of one article: entities, the aliases that name them, and their mentions. */
export class ArticlePeople {
  readonly entities = new Map<string, Entity>();
  private readonly aliasIndex = new Map<string, Entity>();
  /** Every alias, in the order found (the first found wins ties). */
  readonly aliasList: string[] = [];
  /** The aliases by first and by last character, each in the order found (the same ties). */
  private readonly aliasesByFirst = new Map<string, string[]>();
  private readonly aliasesByLast = new Map<string, string[]>();
  /** Mentions outside quotations in text order (after `indexMentions`), for pronouns. */
  readonly mentions: Mention[] = [];

  constructor(private readonly text: QuotedText) {}

  entityByAlias(alias: string): Entity | undefined {
    return this.aliasIndex.get(alias);
  }

  hasAlias(alias: string): boolean {
    return this.aliasIndex.has(alias);
  }

  entityFor(name: string, original: string): Entity {
    const folded = hanNameDots(foldText(name));
    const existing =
      this.aliasIndex.get(folded) ?? this.aliasIndex.get(folded.replaceAll(NAME_DOT, ""));
    if (existing) {
      if (original !== existing.canonical) existing.forms.add(original);
      return existing;
    }
    const canonical = toSimplified(name);
    const entity: Entity = {
      canonical,
      key: folded,
      forms: new Set(original === canonical ? [] : [original]),
      english: new Set(),
      gender: undefined,
      genderSure: false,
      fullForms: new Set(),
    };
    this.entities.set(folded, entity);
    this.addAlias(folded, entity);
    const lastChar = folded[folded.length - 1];
    if (lastChar && FEMALE_NAME_CHARS.has(lastChar)) entity.gender = "f";
    else if (lastChar && MALE_NAME_CHARS.has(lastChar)) entity.gender = "m";
    return entity;
  }

  addAlias(folded: string, entity: Entity): void {
    if (folded.length < 2 || isNotPerson(folded)) return;
    if (!this.aliasIndex.has(folded)) {
      this.aliasIndex.set(folded, entity);
      this.pushAlias(folded);
    }
    const dotless = folded.replaceAll(NAME_DOT, "");
    if (dotless !== folded && !this.aliasIndex.has(dotless)) {
      this.aliasIndex.set(dotless, entity);
      this.pushAlias(dotless);
    }
  }

  private pushAlias(alias: string): void {
    this.aliasList.push(alias);
    const first = alias[0] as string;
    const last = alias[alias.length - 1] as string;
    const starting = this.aliasesByFirst.get(first);
    if (starting) starting.push(alias);
    else this.aliasesByFirst.set(first, [alias]);
    const ending = this.aliasesByLast.get(last);
    if (ending) ending.push(alias);
    else this.aliasesByLast.set(last, [alias]);
  }

  /** Registers a dotted or titled name found at [start, end) of a paragraph. */
  registerName(paragraph: number, start: number, end: number): Entity | undefined {
    const folded = (this.text.folded[paragraph] as string).slice(start, end);
    const original = (this.text.original[paragraph] as string).slice(start, end);
    if (folded.length < 2 || isNotPerson(folded) || this.writtenAsPlace(folded)) return undefined;
    const parts = folded.split(NAME_DOT);
    let entity: Entity;
    if (parts.length > 1) {
      const last = parts[parts.length - 1] as string;
      const lastOriginal = original.slice(original.length - last.length);
      if (last.length >= 2 && !isNotPerson(last)) {
        entity = this.entityFor(lastOriginal, lastOriginal);
        entity.forms.add(original);
        entity.fullForms.add(folded);
        this.addAlias(folded, entity);
        // Ordinary people are often called by their first name later (凯西‧霍利汉 → 凯西说).
        const first = parts[0] as string;
        if (parts.length === 2 && first.length >= 2 && !this.aliasIndex.has(first))
          this.addAlias(first, entity);
      } else {
        entity = this.entityFor(original, original);
      }
    } else {
      entity = this.personWithEnglish(original) ?? this.entityFor(original, original);
      this.addLatinSurname(original, entity);
    }
    this.noteGender(paragraph, start, end, entity);
    this.readParenthesis(paragraph, end, entity);
    return entity;
  }

  private readonly placeForms = new Map<string, boolean>();

  /**
   * Whether the article writes a Han form as a place before an administrative suffix (丹东市,
   * 丹东市委, 辽宁省): a city or a province the name detector read as a person (丹东接连爆出丑闻).
   * 市长, 省长, 县长 after a name are titles (亚当斯市长), not places.
   */
  private writtenAsPlace(folded: string): boolean {
    if (!/^\p{Script=Han}{2,4}$/u.test(folded)) return false;
    const known = this.placeForms.get(folded);
    if (known !== undefined) return known;
    const pattern = new RegExp(`${folded}[市省县](?![长])`);
    const place = this.text.folded.some((paragraph) => pattern.test(paragraph));
    this.placeForms.set(folded, place);
    return place;
  }

  /**
   * A Latin name of several words is called by its last later (`Jaynry Mak说` … `Mak表示`). Two
   * people of the article sharing it (two Smiths): the word names neither.
   */
  private addLatinSurname(original: string, entity: Entity): void {
    const words = original.split(" ");
    if (words.length < 2 || !/^\p{Script=Latin}+$/u.test(words.join(""))) return;
    const last = foldText(words[words.length - 1] as string);
    if (last.length < 2) return;
    const owner = this.aliasIndex.get(last);
    if (owner === entity) return;
    if (owner || this.sharedSurnames.has(last)) {
      this.sharedSurnames.add(last);
      if (owner) this.dropAlias(last);
      return;
    }
    this.addAlias(last, entity);
  }

  /**
   * The person whose English name in brackets this Latin name is (`山姆‧库柏（Sam Cooper）` then
   * `Sam Cooper：`): the Latin name becomes one more of their names.
   */
  private personWithEnglish(original: string): Entity | undefined {
    if (!/^\p{Script=Latin}/u.test(original)) return undefined;
    const folded = foldText(original);
    for (const entity of this.entities.values()) {
      for (const english of entity.english) {
        if (foldText(english) !== folded) continue;
        entity.forms.add(original);
        this.addAlias(folded, entity);
        return entity;
      }
    }
    return undefined;
  }

  /** Latin surnames two people of the article bear. */
  private readonly sharedSurnames = new Set<string>();

  private dropAlias(alias: string): void {
    this.aliasIndex.delete(alias);
    const remove = (list: string[] | undefined): void => {
      const at = list?.indexOf(alias) ?? -1;
      if (list && at >= 0) list.splice(at, 1);
    };
    remove(this.aliasList);
    remove(this.aliasesByFirst.get(alias[0] as string));
    remove(this.aliasesByLast.get(alias[alias.length - 1] as string));
  }

  private noteGender(paragraph: number, start: number, end: number, entity: Entity): void {
    const text = this.text.folded[paragraph] as string;
    const after = text.slice(end, end + 4);
    const before = text.slice(Math.max(0, start - 5), start);
    if (FEMALE_TITLES.some((t) => after.startsWith(t) || before.endsWith(t))) {
      entity.gender = "f";
      entity.genderSure = true;
    } else if (MALE_TITLES.some((t) => after.startsWith(t) || before.endsWith(t))) {
      entity.gender = "m";
      entity.genderSure = true;
    }
  }

  /** `（Wendy Sherman，又译舍曼）` right after a name: English name and 又译 aliases. */
  private readParenthesis(paragraph: number, end: number, entity: Entity): void {
    const text = this.text.folded[paragraph] as string;
    if (text[end] !== "(") return;
    const close = text.slice(end + 1, end + 80).search(/[)]/);
    if (close < 0) return;
    const inner = (this.text.original[paragraph] as string).slice(end + 1, end + 1 + close);
    const { english, variants } = readNameBracket(inner);
    for (const name of variants) {
      entity.forms.add(name);
      this.addAlias(foldText(name), entity);
    }
    for (const name of english) entity.english.add(name);
  }

  /** Strong cues anywhere in the article: dotted names, titled names, names before (English). */
  findNames(): void {
    for (let p = 0; p < this.text.folded.length; p++) {
      const text = this.text.folded[p] as string;
      for (const [start, end] of dottedNames(text)) this.registerName(p, start, end);
      this.findSurnameOnly(p);
      if (text.includes("化名")) this.findPseudonyms(p);
      this.findTitledNames(p);
      this.findLatinNames(p);
      this.findParenthesisedNames(p);
      this.findNicknames(p);
    }
  }

  /** `刘云（化名）`, `居民陈先生（化名）`: the name right before 化名. */
  private findPseudonyms(paragraph: number): void {
    const text = this.text.folded[paragraph] as string;
    for (const match of text.matchAll(/([\u4e00-\u9fff]{2,12})[(]化名[)]/g)) {
      const run = match[1] as string;
      const title = /.*(?:人|者|员|民|友|生|工|师|家|长|主|的|、)/.exec(run.slice(0, -2));
      let start = title
        ? title[0].length
        : run.length - (run.length >= 3 && SURNAMES.has(run[run.length - 3] as string) ? 3 : 2);
      if (run.length - start > 3) start = run.length - 3;
      // `受难者家属利安（化名）`, `妻子陆冰（化名）`: not from inside 家属 or 妻子.
      if (start > 0 && STRADDLED_WORDS.has(run.slice(start - 1, start + 1))) start++;
      if (run.length - start < 2) continue;
      const entity = this.registerName(paragraph, match.index + start, match.index + run.length);
      // The note stays with the name: a 化名 is nobody's name in another article.
      if (entity) entity.forms.add(`${entity.canonical}（化名）`);
    }
  }

  /**
   * People the article names by surname only: `姓陈的经理` → 陈经理, `戴姓所长` → 戴所长,
   * `一位姓王的女士` → 王女士.
   */
  private findSurnameOnly(paragraph: number): void {
    const text = this.text.folded[paragraph] as string;
    if (!text.includes("姓")) return;
    const pattern = new RegExp(
      `(?:姓([\u4e00-\u9fff])的?(${SURNAME_FORMS})|([\u4e00-\u9fff])姓(${SURNAME_FORMS}))`,
      "g",
    );
    for (const match of text.matchAll(pattern)) {
      const surname = (match[1] ?? match[3]) as string;
      let form = (match[2] ?? match[4]) as string;
      if (!SURNAMES.has(surname) || this.text.isQuoted(paragraph, match.index)) continue;
      if (/村民|居民|市民|男子/.test(form)) form = "先生";
      else if (form === "女子") form = "女士";
      const name = `${surname}${form}`;
      const entity = this.entityFor(name, name);
      if (/女士|小姐|太太/.test(form)) entity.gender = "f";
      else if (form === "先生") entity.gender = "m";
      // The whole phrase names the person, so a speaker slot ending in it finds them.
      this.addAlias(match[0], entity);
    }
  }

  /**
   * Another name the article gives a person: `赛吉（Segi Tekletion），常被人称呼为珍妮`,
   * `人称`, `昵称`, `绰号`, `小名`, `又名`. The name before it in the sentence gets the alias.
   */
  private findNicknames(paragraph: number): void {
    const text = this.text.folded[paragraph] as string;
    for (const match of text.matchAll(NICKNAME)) {
      if (this.text.isQuoted(paragraph, match.index)) continue;
      const nickname = match[1] as string;
      if (isNotPerson(nickname) || this.aliasIndex.has(nickname)) continue;
      const start = this.text.sentenceStart(paragraph, match.index);
      let owner: Entity | undefined;
      let ownerEnd = -1;
      for (const alias of this.aliasList) {
        const at = text.lastIndexOf(alias, match.index);
        if (at >= start && at + alias.length > ownerEnd) {
          owner = this.aliasIndex.get(alias);
          ownerEnd = at + alias.length;
        }
      }
      // The person is the one so called only when nothing but a bracket, a comma or an adverb
      // stands between: in `陈时中说，清洁人员等都曾被称为“破口”` the called are other nouns.
      if (!owner || !NICKNAME_LINK.test(text.slice(ownerEnd, match.index))) continue;
      const original = (this.text.original[paragraph] as string).slice(
        match.index + match[0].length - nickname.length,
        match.index + match[0].length,
      );
      owner.forms.add(original);
      this.addAlias(nickname, owner);
    }
  }

  /** `美国总统拜登`, `发言人赵立坚`, `教授张维迎`: a title followed by a name and a boundary. */
  private findTitledNames(paragraph: number): void {
    const text = this.text.folded[paragraph] as string;
    for (const { index, word } of TITLE_MATCHER.matchAll(text)) {
      if (this.text.isQuoted(paragraph, index)) continue;
      const from = index + word.length;
      const name = nameAt(text, from);
      if (name && !this.aliasIndex.has(text.slice(from, from + name))) {
        this.registerName(paragraph, from, from + name);
      }
    }
  }

  /**
   * Names written only in Latin letters after a title or a role noun (`法轮功学员Tiny Tang`,
   * `参议员Cruz`): two to four words in proper case (one after a title), none a word of places
   * or bodies (`Fox News`), so that a pronoun or a surname later finds them.
   */
  private findLatinNames(paragraph: number): void {
    const original = this.text.original[paragraph] as string;
    if (!/[A-Z]/.test(original)) return;
    const text = this.text.folded[paragraph] as string;
    for (const match of original.matchAll(LATIN_NAME)) {
      const name = match[1] as string;
      const at = match.index + match[0].length - name.length;
      if (
        this.text.isQuoted(paragraph, at) ||
        /^[\p{Script=Latin}(]/u.test(original.slice(at + name.length))
      )
        continue;
      const words = name.split(" ");
      if (words.some((word) => ENGLISH_BODY_WORDS.has(word.toLowerCase()))) continue;
      const before = text.slice(Math.max(0, at - 20), at);
      const titled = TITLE_AT_END.test(before) || PERSON_BEFORE_LATIN.test(before);
      if (
        !titled &&
        (words.length < 2 || !NAME_PRECEDING_CHARS.has(before[before.length - 1] as string))
      )
        continue;
      if (this.aliasIndex.has(foldText(name))) continue;
      this.registerName(paragraph, at, at + name.length);
    }
  }

  /** `谢尔曼（Wendy Sherman）`: the Han name right before an English name in parentheses. */
  private findParenthesisedNames(paragraph: number): void {
    const text = this.text.folded[paragraph] as string;
    const original = this.text.original[paragraph] as string;
    for (const match of text.matchAll(/[(]\s*(\p{Ll}[\p{Script=Latin}.'’\- ]{2,40})\s*[,)]/gu)) {
      const at = match.index;
      const english = original.slice(at + 1, at + 1 + match[0].length - 2).trim();
      if (!/^[A-Z]/.test(english) || !/ /.test(english)) continue;
      const before = text.slice(Math.max(0, at - 12), at);
      const known = this.aliasAtEnd(before);
      if (known) {
        known.entity.english.add(english);
        this.readParenthesis(paragraph, at, known.entity);
        continue;
      }
      // Places have English names too (科珀斯克里斯蒂（Corpus Christi）): only a name after a title
      // or 的, or one that goes on to speak, is a person.
      const closeAt = text.indexOf(")", at);
      const speaksNext = closeAt > 0 && VERB_AT_START.test(text.slice(closeAt + 1, closeAt + 12));
      const length = nameAtEnd(before, speaksNext) || titledHanName(before);
      if (length) this.registerName(paragraph, at - length, at);
    }
  }

  private readonly fullNameOfSurname = new Map<string, Entity | null>();

  /**
   * The one person the article names in full under a Chinese surname it later uses alone
   * (`杨希刚2011年…带人搜查…杨说`), though no cue registered the full name: every place the
   * surname starts a name of three characters (a compound surname and one or two) is read, and
   * only a single such name is taken. Words in quotation marks count (a speaker names them).
   */
  fullNameBySurname(surname: string): Entity | undefined {
    const known = this.fullNameOfSurname.get(surname);
    if (known !== undefined) return known ?? undefined;
    let found: [number, number, number] | undefined;
    let names = 0;
    for (let p = 0; p < this.text.folded.length && names < 2; p++) {
      const text = this.text.folded[p] as string;
      for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
        const length = nameAt(text, at);
        if (length !== surname.length + 2) continue;
        const name = text.slice(at, at + length);
        if (found && (this.text.folded[found[0]] as string).slice(found[1], found[2]) === name)
          continue;
        names++;
        found ??= [p, at, at + length];
        if (names > 1) break;
      }
    }
    const entity = names === 1 && found ? this.registerName(...found) : undefined;
    this.fullNameOfSurname.set(surname, entity ?? null);
    return entity;
  }

  /** Whether a known name starts at `from`. */
  aliasAtStart(text: string, from: number): boolean {
    const list = this.aliasesByFirst.get(text[from] as string);
    if (list) for (const alias of list) if (text.startsWith(alias, from)) return true;
    return false;
  }

  /** The longest known name the text ends with. */
  aliasAtEnd(text: string): { entity: Entity; length: number } | undefined {
    let best: { entity: Entity; length: number } | undefined;
    // Only the aliases ending with the text's last character can end it.
    for (const alias of this.aliasesByLast.get(text[text.length - 1] as string) ?? []) {
      if (alias.length > (best?.length ?? 0) && text.endsWith(alias)) {
        best = { entity: this.aliasIndex.get(alias) as Entity, length: alias.length };
      }
    }
    return best;
  }

  /** The longest known name the text starts with at `skip`. */
  aliasAtStartOf(text: string, skip: number): { entity: Entity; length: number } | undefined {
    let best: { entity: Entity; length: number } | undefined;
    for (const alias of this.aliasesByFirst.get(text[skip] as string) ?? []) {
      if (alias.length > (best?.length ?? 0) && text.startsWith(alias, skip)) {
        best = { entity: this.aliasIndex.get(alias) as Entity, length: alias.length };
      }
    }
    return best;
  }

  /**
   * A Japanese full name and its surname are one person (岸田文雄, 岸田表示; 安倍 and the
   * 安倍晋三 the dictionary knows): the surname becomes an alias of the full name, and a
   * surname-only person takes the full name the article writes as another form.
   */
  linkForms(): void {
    this.linkTitledSurnames();
    for (const entity of [...this.entities.values()]) {
      // The given name of a dotted name, when the article calls the person by it (莉斯尔说).
      for (const full of entity.fullForms) {
        const parts = full.split(NAME_DOT);
        const first = parts[0] as string;
        if (parts.length !== 2 || this.aliasIndex.get(first) !== entity) continue;
        for (const text of this.text.folded) {
          if (!usedAlone(text, first)) continue;
          entity.forms.add(first);
          break;
        }
      }
      const key = entity.key;
      if (key.length >= 3 && key.length <= 4 && JAPANESE_SURNAMES.has(key.slice(0, 2))) {
        const surname = key.slice(0, 2);
        const owner = this.aliasIndex.get(surname);
        if (owner && owner !== entity && owner.key === surname) {
          for (const form of owner.forms) entity.forms.add(form);
          entity.forms.add(owner.canonical);
          for (const alias of this.aliasList)
            if (this.aliasIndex.get(alias) === owner) this.aliasIndex.set(alias, entity);
          this.entities.delete(owner.key);
        } else if (!owner) {
          entity.forms.add(surname);
          this.addAlias(surname, entity);
        }
      } else if (JAPANESE_SURNAMES.has(key)) {
        for (const text of this.text.folded) {
          for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + key.length)) {
            const full = dictionaryNameAt(text, at);
            if (!full || full.length <= key.length || full.length > 4 || this.aliasIndex.has(full))
              continue;
            entity.forms.add(full);
            this.addAlias(full, entity);
          }
        }
      }
    }
  }

  /**
   * Surname + title (蔡总统, 王教授, 李医生) names the one person of that surname the article
   * names in full: the form becomes theirs, so a reader may ask by it.
   */
  private linkTitledSurnames(): void {
    const bearers = new Map<string, Entity[]>();
    for (const entity of this.entities.values()) {
      const key = entity.key;
      if (key.length < 2 || key.length > 3 || !SURNAMES.has(key[0] as string)) continue;
      if (!/^\p{Script=Han}+$/u.test(key) || /先生|女士|小姐/.test(key)) continue;
      const list = bearers.get(key[0] as string) ?? [];
      list.push(entity);
      bearers.set(key[0] as string, list);
    }
    if (bearers.size === 0) return;
    for (let p = 0; p < this.text.folded.length; p++) {
      const text = this.text.folded[p] as string;
      for (const [surname, list] of bearers) {
        if (list.length !== 1) continue;
        const entity = list[0] as Entity;
        for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
          if (
            at > 0 &&
            /\p{Script=Han}/u.test(text[at - 1] as string) &&
            !/[的、和与及]/.test(text[at - 1] as string)
          )
            continue;
          const title = SURNAME_TITLE.at(text, at + 1);
          if (!title) continue;
          const form = text.slice(at, at + 1 + title.length);
          if (this.aliasIndex.has(form)) continue;
          // `习常委中`, `王教授们`: the surname's titled many, not one person.
          if (COLLECTIVE_AFTER.test(text.slice(at + form.length, at + form.length + 2))) continue;
          if (!this.titleWithName(entity.key, title)) continue;
          entity.forms.add((this.text.original[p] as string).slice(at, at + form.length));
          this.addAlias(form, entity);
        }
      }
    }
  }

  /**
   * Whether the article writes the title with the full name (总统蔡英文, 蔡英文总统, 作协主席、
   * 书画院院长吴某某): the titled surname is then theirs. Another bearer of the surname the article
   * does not name in full (a 杨书记 beside the host 杨某某, 蒋委员长 beside 蒋经国) is somebody else.
   */
  private titleWithName(name: string, title: string): boolean {
    const titled = new RegExp(`${title}(?:、[^,。;:!?和与及、]{1,12})*${name}|${name}${title}`);
    return this.text.folded.some((paragraph) => titled.test(paragraph));
  }

  /** Occurrences of every known name outside quotations, in text order, for pronoun resolution. */
  indexMentions(): void {
    this.linkForms();
    if (this.aliasList.length === 0) return;
    // Leftmost-longest, each match going on after the last (as one alternation of every
    // alias, longest first, would find them).
    const matcher = new LiteralMatcher(this.aliasList);
    for (let p = 0; p < this.text.folded.length; p++) {
      const text = this.text.folded[p] as string;
      for (const { index, word } of matcher.matchAll(text)) {
        if (this.text.isQuoted(p, index)) continue;
        const entity = this.aliasIndex.get(word);
        if (entity) this.mentions.push({ paragraph: p, offset: index, entity });
      }
    }
  }

  /** A mention found later (a speaker), kept in text order. */
  addMention(paragraph: number, offset: number, entity: Entity, speaker = false): void {
    let i = this.mentions.length;
    while (i > 0) {
      const m = this.mentions[i - 1] as Mention;
      if (m.paragraph < paragraph || (m.paragraph === paragraph && m.offset <= offset)) break;
      i--;
    }
    this.mentions.splice(
      i,
      0,
      speaker ? { paragraph, offset, entity, speaker } : { paragraph, offset, entity },
    );
  }
}

/**
 * `研究员廷米贺（Michal Thim）`, `顾问宫家邦彦（Kunihiko Miyake）`: three or four name characters
 * right after a title, before a person's English name, are the name even when they read as no
 * transliteration and no Chinese name (a rarer surname, a Japanese name).
 */
function titledHanName(before: string): number {
  for (const n of [4, 3]) {
    const candidate = before.slice(-n);
    if (candidate.length < n || ![...candidate].every((c) => isNameHan(c))) continue;
    if (!TITLE_AT_END.test(before.slice(0, -n)) || isNotPerson(candidate)) continue;
    if (isOrdinaryWord(candidate)) continue;
    return n;
  }
  return 0;
}

/** Whether `part` occurs in `text` other than right before a name dot. */
function usedAlone(text: string, part: string): boolean {
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1))
    if (text[at + part.length] !== NAME_DOT) return true;
  return false;
}
