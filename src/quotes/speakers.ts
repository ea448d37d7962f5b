import { lexicon, wordList } from "../text/lexicon.js";
import {
  alternation,
  firstWord,
  type Gender,
  isNameHan,
  isTransliterationChar,
  LiteralMatcher,
  MANNER_OPENINGS,
  NAME_PRECEDING_CHARS,
  nameAtEnd,
  SPEECH_VERBS,
  SURNAMES,
  startsWithAfterName,
  TITLE_AT_END,
  TITLE_AT_START,
  TITLE_MATCHER,
  trimDottedName,
} from "../text/names.js";
import { NAME_DOT, segmenter } from "../text/text.js";
import { type ArticlePeople, ENGLISH_BODY_WORDS, type Entity } from "./mentions.js";
import type { QuotedText } from "./spans.js";
import { LEADING_CONNECTIVES, PLATFORM_ONLY, TRAILING_MODIFIERS } from "./speech.js";

/**
 * Speaker clauses: who the clause before a speech verb (or after a closing mark) names. A known
 * name, a new name in the slot (registered with the article's people), a pronoun, nothing (a zero
 * subject) or something that is no person (an organisation, 报告, 网友, several people).
 */

export type Slot =
  | { kind: "person"; entity: Entity }
  | { kind: "pronoun"; gender: Gender; offset: number }
  | { kind: "zero" }
  | { kind: "none" };

/** Written right after a name (拜登总统, 谢尔曼女士), with the gender they tell when they do. */
export const POST_TITLES: [string, Gender | undefined][] = lexicon("post-titles").entries.map(
  (e) => [e.term, e.fields[0] === "f" || e.fields[0] === "m" ? e.fields[0] : undefined],
);

/** Before a name spoken to: `对布林肯`, `发电报给魏德迈将军`. */
const ADDRESSEE_MARKER = new RegExp(`(?:${alternation(wordList("addressee-markers"))})$`);

/**
 * A relative or companion after a name, a pronoun or 的 (小陈父亲, 其母亲, 他的妻子, 谭妻): the
 * speaker is someone the article does not name.
 */
const KINSHIP_AFTER = new RegExp(`.(?:${alternation(wordList("kinship-nouns"))})$`);

/**
 * A spouse after 的 or 之 (钟女士的先生, 他的爱人也): the named person's relative, unnamed, before
 * any adverbs up to the verb.
 */
const SPOUSE_AFTER = new RegExp(
  `[的之](?:${alternation(wordList("spouse-after-possessive"))})(?:${alternation(wordList("speaker-adverbs"))})*$`,
);

/** A speech verb of two characters or more right before a name in a slot (`批评谭德塞说`). */
const SPEECH_VERB_BEFORE_NAME = new RegExp(
  `(?:${alternation(SPEECH_VERBS.filter((verb) => verb.length >= 2))})$`,
);

/**
 * `习近平向…俄罗斯总统普京承诺`: the slot opens with a person and a preposition of address
 * (向, 对, 跟, 给, 同): the name at its end is the one spoken to.
 */
function addressedBySubject(people: ArticlePeople, before: string): boolean {
  for (const alias of people.aliasList) {
    if (alias.length < 2) continue;
    const at = before.indexOf(alias);
    if (at < 0 || /[向对跟给同把被和与及、,]/.test(before.slice(0, at))) continue;
    if (/^[也还则又]?[向对跟给同]/.test(before.slice(at + alias.length))) return true;
  }
  return false;
}

/** A name found in a slot and where it starts in the paragraph. */
interface SlotName {
  entity: Entity;
  start: number;
}

/** The speaker named by the clause [slotStart, slotEnd) of a paragraph. */
export function resolveSlot(
  text: QuotedText,
  people: ArticlePeople,
  paragraph: number,
  slotStart: number,
  slotEnd: number,
): Slot {
  let s = (text.folded[paragraph] as string).slice(slotStart, slotEnd);
  let offset = slotStart;
  const lead = LEADING_CONNECTIVES.exec(s);
  if (lead) {
    s = s.slice(lead[0].length);
    offset += lead[0].length;
  }
  const whole = s;
  // `…，是告诉她们真相，“…”`, `要告诉大家`: a copula or a modal before the verb, no subject.
  if (/^(?:是|就是|正是|也是|还是|要|是要|想要|为了|是为了)$/.test(s)) return { kind: "zero" };
  // `于脸书写道`: where the words were put, no subject (于 is a surname too).
  if (PLATFORM_ONLY.test(s)) return { kind: "zero" };
  // `高盛分析师们`, `他们`: several people speaking are no one person.
  if (/们$/.test(s)) return { kind: "none" };
  // `声明提到：`, `会谈最后的声明指出`: a document speaks, not the last person named.
  if (DOCUMENT_SUBJECT.test(s)) return { kind: "none" };
  // `俗话说“…”`, `正如古人所说`: a saying, nobody's words.
  if (SAYING_SUBJECT.test(s)) return { kind: "none" };
  for (let step = 0; step < 8; step++) {
    if (s.length === 0) return { kind: "zero" };
    if (s === "他" || s === "她")
      return { kind: "pronoun", gender: s === "她" ? "f" : "m", offset };
    // `小陈父亲说`, `其母亲表示`, `谭妻说`: a relative of someone, unnamed, not that someone.
    if (KINSHIP_AFTER.test(s) || SPOUSE_AFTER.test(s)) return { kind: "none" };
    const found = nameAtSlotEnd(text, people, paragraph, offset, s);
    // `对布林肯`, `发电报给魏德迈将军`: a name after a preposition is the one spoken to.
    const before = found && found.start >= offset ? s.slice(0, found.start - offset) : "";
    // `他向CNN的布赖恩娜‧基拉表示`: the name is the one spoken to, after 向 and its modifier.
    // A title ending in a marker's character (顾问 and 问) is no marker: `国家安全顾问沙利文`.
    // `对于杨润雄形容…是“…”`: 对于 opens a topic whose own verb the name is the subject of.
    // `卢比奥批评谭德塞说`, `布林肯警告普京说`: a name right after a speech verb is the one
    // spoken of or to; the speaker is before the verb.
    const spokenTo =
      !/^(?:对于|针对|关于)$/.test(before) &&
      ((ADDRESSEE_MARKER.test(before) && !TITLE_AT_END.test(before)) ||
        /^(?:他|她)?[也还则又]?[向对跟给同]/.test(before) ||
        SPEECH_VERB_BEFORE_NAME.test(before) ||
        addressedBySubject(people, before));
    // `首相菅义伟和法国总统马克龙在声明中表示`: two people speaking together are no one person.
    if (found && !spokenTo && coordinated(people, before)) return { kind: "none" };
    if (found && !spokenTo) return { kind: "person", entity: found.entity };
    // Strip the shortest modifier at the end (so `刘云（化名）` loses the parenthesis, not a
    // `在…` phrase that swallows the name).
    let stripped = s;
    // Every modifier is shorter than 80 characters: matching in the tail is the same, and cheaper
    // on a long clause.
    const cut = Math.max(0, s.length - 80);
    const tail = cut > 0 ? s.slice(cut) : s;
    for (const modifier of TRAILING_MODIFIERS) {
      const m = modifier.exec(tail);
      if (!m || m[0].length === 0) continue;
      const index = cut + m.index;
      if (stripped === s || index > stripped.length) stripped = s.slice(0, index);
    }
    if (stripped === s) break;
    s = stripped;
  }
  // `NPR援引…教授凯瑟琳·卡利（Kathleen Carley）的话说`: the one cited is the speaker.
  const cited = /引|转述/.test(whole) ? CITED_WORDS.exec(whole) : null;
  if (cited) {
    const from = offset + cited.index + (cited[1] as string).length;
    const slot = resolveSlot(text, people, paragraph, from, from + (cited[2] as string).length);
    return slot.kind === "person" ? slot : { kind: "none" };
  }
  // `石山引述熟悉日本人士的话称`: the words are the cited person's; no name at the end, no one.
  if (cited === null && /引|转述/.test(whole) && CITING.test(whole)) return { kind: "none" };
  const subject = subjectAtStart(people, offset, whole);
  if (subject.kind !== "none") return subject;
  const titled = titleOnly(text, people, paragraph, offset, s);
  return titled ? { kind: "person", entity: titled } : subject;
}

/** Adverbs between a title standing alone and its speech verb (`美国总统进一步说`). */
const ADVERBS_AFTER_TITLE =
  /(?:也|还|则|又|更|再|曾|曾经|亦|并|同时|进一步|不止一次|多次|一再|再次|随后|当时|此前|早前|日前|近日|稍后|周[一二三四五六日])*$/;

/**
 * `美国总统进一步说`, `日本首相不止一次警告说`: a title alone (after at most a country or a body)
 * for the one person the article has named right after those same words before
 * (`美国总统拜登`, `日本首相岸田文雄`). Only an office one person holds at a time
 * (lexicon/sole-office-titles.txt: not 律师, 检察官), and not one the article gives two people
 * (`总统拜登`, `俄罗斯总统普京`).
 */
function titleOnly(
  text: QuotedText,
  people: ArticlePeople,
  paragraph: number,
  offset: number,
  slot: string,
): Entity | undefined {
  const s = slot.slice(0, slot.length - (ADVERBS_AFTER_TITLE.exec(slot)?.[0].length ?? 0));
  const title = SOLE_OFFICE_AT_END.exec(s);
  if (!title) return undefined;
  const prefix = s.slice(0, title.index);
  if (prefix.length > 6 || /[的一该这那此某有名位个们和与及、前副原代]/.test(prefix))
    return undefined;
  let found: Entity | undefined;
  for (let p = 0; p < text.folded.length; p++) {
    const folded = text.folded[p] as string;
    for (let at = folded.indexOf(s); at >= 0; at = folded.indexOf(s, at + 1)) {
      const name = people.aliasAtStartOf(folded, at + s.length);
      if (!name || text.isQuoted(p, at)) continue;
      // `前总统川普`, `副总统彭斯`: another office than the title alone.
      if (/[前副原代]$/.test(folded.slice(0, at))) continue;
      if (found && found !== name.entity) return undefined;
      if (p > paragraph || (p === paragraph && at >= offset)) {
        if (!found) return undefined;
        continue;
      }
      found = name.entity;
    }
  }
  return found;
}

/** An office one person holds at a time (总统, 州长) at the end of a slot: sole-office-titles. */
const SOLE_OFFICE_AT_END = new RegExp(`(?:${alternation(wordList("sole-office-titles"))})$`);

/**
 * Whether the text before a name found in a slot ends with another name and a conjunction (和,
 * 与, 及, 、), a title allowed after it: `菅义伟和法国总统` before 马克龙.
 */
function coordinated(people: ArticlePeople, before: string): boolean {
  const joined = /(和|与|及|、)([^和与及、,。]{0,10})$/.exec(before);
  if (!joined) return false;
  const title = joined[2] as string;
  if (title !== "" && !TITLE_AT_END.test(title)) return false;
  const first = before.slice(0, joined.index);
  return first !== "" && (people.aliasAtEnd(first) !== undefined || nameAtEnd(first, false) > 0);
}

/** Documents that speak in news writing (声明, 报告, 白皮书). */
export const DOCUMENT_NOUNS =
  "声明|报告|公告|公报|通报|通告|文件|新闻稿|社论|判决书|起诉书|裁定书|白皮书|蓝皮书";

/** A document alone as the subject of a speech verb (声明, 会谈最后的声明, 联合公报, 声明还). */
const DOCUMENT_SUBJECT = new RegExp(
  `^(?:[^,。;:]{0,12}的)?(?:联合)?(?:${DOCUMENT_NOUNS})(?:[还也又并则亦更]|同时|进一步)?$`,
);

/** A proverb's or a saying's source as the whole subject (俗话, 古人所, 正如俗话). */
export const SAYING_SUBJECT = new RegExp(
  `^(?:正如|就像|如同|如)?(?:${alternation(wordList("saying-subjects"))})(?:所|也|常|早就)?$`,
);

/** `援引X的话`: the citing verb and the one cited. */
const CITED_WORDS = /(引述|援引|引用|转引|转述)([^,。;:]{2,90}?)(?:的话|的说法)$/;

/** A speaker clause relaying someone else's words: `引述…的话`, `援引…说法`, `转述`. */
const CITING = /(?:引述|援引|引用|转述|转引)[^,。]{1,24}$/;

/** A group noun or an unnamed role in a speaker clause (网友, 记者, 官员, 发言人). */
const UNNAMED_HEAD = new LiteralMatcher(wordList("group-nouns"));

/**
 * Whether a speaker clause that names no one has an unnamed person or a group for subject
 * (`一位网友表示`, `该官员说`, `记者问`, `议员们称`): their words are nobody's, and they take over
 * from the speaker going on.
 */
export function unnamedSubject(
  text: QuotedText,
  people: ArticlePeople,
  paragraph: number,
  slotStart: number,
  slotEnd: number,
): boolean {
  const s = (text.folded[paragraph] as string)
    .slice(slotStart, slotEnd)
    .replace(LEADING_CONNECTIVES, "");
  if (s.length === 0) return false;
  if (SPOUSE_AFTER.test(s)) return true;
  // A slot naming someone known (`盖森伯格（Geisenberger）在接受…采访时对记者`) was not read
  // whole, but its speaker is no unnamed person.
  if (people.aliasList.some((alias) => s.includes(alias))) return false;
  if (/们$/.test(s) || CITING.test(s) || DOCUMENT_SUBJECT.test(s)) return true;
  // `这位历史学家表示`, `该官员说`: the person last named with that role (历史学家赵文华), or
  // nobody when the role was last written without a name (一名美国官员…。该官员说).
  const demonstrative = /^(?:该|此|这位|这名|那位)/.exec(s);
  if (demonstrative) {
    const role = s.slice(demonstrative[0].length, demonstrative[0].length + 2);
    return role.length < 2 || !namedAfterRole(text, people, paragraph, slotStart, role);
  }
  if (/^(?:有|一位|一名|一个|一些|多位|多名|几位|数名|许多|不少|某)/.test(s)) return true;
  if (KINSHIP_AFTER.test(s)) return true;
  // `他的一位朋友透露`, `她的律师说`: someone of theirs, unnamed.
  if (/^(?:他|她)的./.test(s) && !OWN_WORDS.test(s.slice(2))) return true;
  // `访民玛卡妈妈表示`, `白宫新闻秘书说`: a title before no name anyone knows is someone unnamed.
  return (
    UNNAMED_HEAD.matchAll(s).next().done === false ||
    TITLE_MATCHER.matchAll(s).next().done === false
  );
}

/**
 * Whether a clause opens with an unnamed person or a group for subject (`工作人员发现…`,
 * `村委会工作人员找到他们`): a zero subject after it is theirs, not the last named speaker's.
 */
export function opensWithUnnamed(people: ArticlePeople, clause: string): boolean {
  const s = clause.replace(LEADING_CONNECTIVES, "").slice(0, 12);
  const head = UNNAMED_HEAD.matchAll(s).next();
  // The role opens the clause, after at most a body or a place (村委会), and a verb follows it:
  // not an object (`望着妻子`) nor a role after a preposition (`在儿子生日当天`).
  if (head.done || head.value.index > 3) return false;
  const before = s.slice(0, head.value.index);
  const after = clause
    .replace(LEADING_CONNECTIVES, "")
    .slice(head.value.index + head.value.word.length);
  if (after.length < 2 || /^[的们,、和与及]/.test(after)) return false;
  if (/[他她对向给跟和与同被把让叫的在于当从着了过看望]/.test(before)) return false;
  // `吴教授发现`: a surname before the role names someone.
  if (before !== "" && SURNAMES.has(before[before.length - 1] as string)) return false;
  return !people.aliasList.some((alias) => s.includes(alias));
}

/**
 * Whether a person is named (within two paragraphs before `offset`) no earlier than the last
 * time the role was written: `历史学家赵文华…。这位历史学家` yes, `一名美国官员…。该官员` no.
 */
function namedAfterRole(
  text: QuotedText,
  people: ArticlePeople,
  paragraph: number,
  offset: number,
  role: string,
): boolean {
  let roleAt: [number, number] | undefined;
  for (let p = paragraph; p >= Math.max(0, paragraph - 2) && !roleAt; p--) {
    const folded = text.folded[p] as string;
    const at = folded.lastIndexOf(role, p === paragraph ? offset - 1 : folded.length);
    if (at >= 0) roleAt = [p, at];
  }
  return people.mentions.some(
    (m) =>
      m.entity.canonical !== "" &&
      m.paragraph >= paragraph - 2 &&
      (m.paragraph < paragraph || (m.paragraph === paragraph && m.offset < offset)) &&
      (!roleAt || m.paragraph > roleAt[0] || (m.paragraph === roleAt[0] && m.offset >= roleAt[1])),
  );
}

/** What makes a person's name the name of a body (拜登政府, 川普团队): owned-body-heads. */
export const OWNED_BODY = new RegExp(`^(?:${alternation(wordList("owned-body-heads"))})`);

/**
 * The subject at the start of a speaker clause when the end did not name anyone: a pronoun or a
 * known name followed by whatever (`他作出结论说`, `麦克阿瑟也对蒋报以赞颂和保证`), or a bare
 * surname standing for the one person of that surname in the article (`莫说`).
 */
export function subjectAtStart(people: ArticlePeople, offset: number, s: string): Slot {
  const pronoun = /^(他|她)(?!们|人)/.exec(s);
  // `他的一位朋友透露`: a possessive names whose friend speaks, not the speaker; `他的回答是`,
  // `他的口信中提到`: their own words.
  if (pronoun && s[1] === "的" && s.length > 2 && !OWN_WORDS.test(s.slice(2)))
    return { kind: "none" };
  if (pronoun) return { kind: "pronoun", gender: pronoun[1] === "她" ? "f" : "m", offset };
  // `71岁的麦克阿瑟说了…`: a short modifier in 的 may come first.
  const modifier = /^[^,。的]{1,8}的/.exec(s)?.[0].length ?? 0;
  for (const skip of modifier > 0 ? [0, modifier] : [0]) {
    const best = people.aliasAtStartOf(s, skip);
    const rest = best ? s.slice(skip + best.length) : "";
    // `拜登的一位高级顾问…说`: a name before 的 owns the speaker, it is not the speaker.
    if (best && rest.startsWith("的") && rest.length > 1) continue;
    // `拜登政府表示`, `拜登政府的一名高级官员说`: a body named after the person speaks.
    if (best && OWNED_BODY.test(rest)) return { kind: "none" };
    if (
      best &&
      (startsWithAfterName(rest) ||
        TITLE_AT_START.test(rest) ||
        firstWord(s.slice(skip, skip + best.length + 4)) === s.slice(skip, skip + best.length))
    )
      return { kind: "person", entity: best.entity };
  }
  const surname = s[0] as string;
  if (
    SURNAMES.has(surname) &&
    (s.length === 1 || startsWithAfterName(s.slice(1)) || MANNER_OPENINGS.has(s.slice(1, 3)))
  ) {
    const bearers = new Set<Entity>();
    for (const entity of people.entities.values()) {
      if (entity.key.startsWith(surname) && entity.key.length <= 4 && isNameHan(entity.key[1]))
        bearers.add(entity);
      // 詹姆斯·刘, 莎拉‧陈: a given name and a Chinese surname, called by the surname (刘在…写道).
      else if (entity.key.endsWith(`${NAME_DOT}${surname}`)) bearers.add(entity);
    }
    // `杨希刚…带人搜查…杨说`: the one full name of that surname the article writes.
    if (bearers.size === 0) {
      const named = people.fullNameBySurname(surname);
      if (named) bearers.add(named);
    }
    if (bearers.size === 1) {
      const entity = [...bearers][0] as Entity;
      // The surname the article calls them by is a form a reader may ask with (刘).
      if (entity.key.endsWith(`${NAME_DOT}${surname}`)) entity.forms.add(surname);
      return { kind: "person", entity };
    }
  }
  return { kind: "none" };
}

/** What a person's words are called after 他的/她的 (回答, 口信, 主要观点, 声明). */
const OWN_WORDS = new RegExp(
  `^[^,。的]{0,2}?(?:${alternation([...wordList("speech-nouns"), ...wordList("speech-acts")])})`,
);

/** 刘女士, 王先生: people the article names only by surname and form of address. */
const FORMS_OF_ADDRESS = lexicon("forms-of-address").entries;
const ADDRESSED = new RegExp(
  `([\u4e00-\u9fff])(${alternation(FORMS_OF_ADDRESS.map((e) => e.term))})$`,
);
const ADDRESS_GENDER = new Map(FORMS_OF_ADDRESS.map((e) => [e.term, e.fields[0]]));

/** A rarer surname (伊先生) counts after a role or 的 (`金融业方面的专家伊先生`). */
function rareSurname(char: string, before: string): boolean {
  return (
    !/[这那该此本其每各某位名个老小男女一两几的是和与及们有]/.test(char) &&
    before !== "" &&
    (TITLE_AT_END.test(before) || NAME_PRECEDING_CHARS.has(before[before.length - 1] as string))
  );
}

/** How a Latin name in proper case ends. */
const LATIN_TAIL = /[\p{Script=Latin}'’.-]$/u;

/** `Mr.` names a man, `Mrs.`, `Ms.`, `Miss` a woman (group 1). */
const HONORIFIC_GENDER = /^(?:Mr|(Mrs|Ms|Miss))\b/;

/**
 * A Latin name ending a slot: an honorific (kept apart), then one to four words in proper case,
 * particles between them (Vincent van Gogh, Ursula von der Leyen).
 */
const LATIN_NAME_AT_END =
  /(?:^|[^\p{Script=Latin}.])((?:Mr|Mrs|Ms|Miss|Dr|Prof)\.? ?)?(\p{Lu}\p{Ll}[\p{Script=Latin}'’.-]*(?: (?:(?:van|von|der|den|de|da|di|du|del|la|le|bin|al) ){0,2}\p{Lu}\p{Ll}[\p{Script=Latin}'’.-]*){0,3})$/u;

/** Whether the article writes a couple under the surname (A和B‧X, X夫妇, X夫妻). */
function sharedByCouple(text: QuotedText, surname: string): boolean {
  if (surname.length < 2 || !/^\p{Script=Han}+$/u.test(surname)) return false;
  const couple = new RegExp(
    `(?:和|与|及)[^,。和与及]{1,8}${NAME_DOT}${surname}|${surname}(?:夫妇|夫妻|伉俪)`,
  );
  return text.folded.some((paragraph) => couple.test(paragraph));
}

/** A dotted name ending the text (`…德鲁·帕夫罗`). */
const DOTTED_AT_END = new RegExp(`[^${NAME_DOT}]+(?:${NAME_DOT}[^${NAME_DOT}]+)+$`);

/** Whether the dictionary reads the character at `at` as inside a word begun before it. */
function insideWord(s: string, at: number): boolean {
  if (at === 0) return false;
  const from = Math.max(0, at - 4);
  let end = from;
  for (const word of segmenter().cut(s.slice(from), true)) {
    if (end === at) return false;
    end += word.length;
    if (end > at) return true;
  }
  return false;
}

/** The name the slot text `s` (starting at `offset`) ends with, and where it starts. */
function nameAtSlotEnd(
  text: QuotedText,
  people: ArticlePeople,
  paragraph: number,
  offset: number,
  s: string,
): SlotName | undefined {
  const register = (start: number, end: number): SlotName | undefined => {
    const entity = people.registerName(paragraph, start, end);
    return entity ? { entity, start } : undefined;
  };
  // `赵立坚称`, `谭嗣同说出…：`: a name the article knows running one character past the slot
  // into what was read as the verb (坚称, 同…说) is the speaker, and the verb the shorter one.
  const folded = text.folded[paragraph] as string;
  const end = offset + s.length;
  for (let from = Math.max(offset, end - 3); from < end; from++) {
    const across = people.aliasAtStartOf(folded, from);
    if (!across || from + across.length !== end + 1) continue;
    const after = folded.slice(end + 1, end + 5);
    if (SPEECH_VERBS.some((verb) => after.startsWith(verb)))
      return { entity: across.entity, start: from };
  }
  const known = people.aliasAtEnd(s);
  if (known) {
    const rest = s.slice(0, s.length - known.length);
    const alias = s.slice(rest.length);
    if (
      rest === "" ||
      !isTransliterationChar(rest[rest.length - 1]) ||
      !isTransliterationChar(alias[0]) ||
      TITLE_AT_END.test(rest) ||
      rest.endsWith(NAME_DOT)
    )
      return { entity: known.entity, start: offset + rest.length };
  }
  const addressed = ADDRESSED.exec(s);
  // `人权律师`, `维权律师`: a longer title, not 权 + 律师.
  const longerTitle = addressed ? TITLE_AT_END.exec(s) : null;
  if (
    addressed &&
    !(longerTitle && longerTitle[0].length > addressed[0].length) &&
    (SURNAMES.has(addressed[1] as string) ||
      rareSurname(addressed[1] as string, s.slice(0, addressed.index))) &&
    !isTransliterationChar(s[addressed.index - 1]) &&
    !people.aliasAtEnd(s.slice(0, addressed.index)) &&
    // `这名人权律师`, `大陆律师`: the character ends a word (人权, 大陆), it is no surname
    // (but `居民乐女士` is 居民 / 乐 / 女士).
    !insideWord(s, addressed.index)
  ) {
    const start = offset + addressed.index;
    const found = register(start, start + addressed[0].length);
    const told = ADDRESS_GENDER.get(addressed[2] as string);
    const gender: Gender | undefined = told === "f" || told === "m" ? told : undefined;
    if (found && gender) {
      found.entity.gender = gender;
      found.entity.genderSure = true;
    }
    if (found) return found;
  }
  // 小张, 老王: a surname with 小/老 in front.
  const familiar = /(?:^|[^\u4e00-\u9fff]|[的人员工])((?:小|老)([\u4e00-\u9fff]))$/.exec(s);
  if (familiar && SURNAMES.has(familiar[2] as string)) {
    const name = familiar[1] as string;
    const start = offset + s.length - name.length;
    return register(start, start + name.length);
  }
  // Latin names: 创始人Mark DiMassimo说, 参议员Cruz表示, Dr. Utpal Bit说.
  const originalSlot = (text.original[paragraph] as string).slice(offset, offset + s.length);
  // Only a slot ending with a Latin letter (or ' ’ . -) can; the test of its last two code
  // units spares scanning the whole slot.
  const latin = LATIN_TAIL.test(originalSlot.slice(-2))
    ? LATIN_NAME_AT_END.exec(originalSlot)
    : null;
  if (latin) {
    const honorific = latin[1];
    const name = latin[2] as string;
    const latinRest = s.slice(0, s.length - name.length - (honorific?.length ?? 0));
    // Words in proper case (`Mark DiMassimo`, not `LINE Bank` or `Amber KC`), two to four, after
    // nothing, a title, 的 or a role noun; one word (a company, a product as often as a person)
    // only after a person's title or an honorific (参议员Cruz, 店主Lisa, Mr. Cooper).
    const words = name.split(" ");
    // `Fox News`, `Goldman Sachs Group`, `Long Beach`: bodies and places, not people.
    const body = words.some((word) => ENGLISH_BODY_WORDS.has(word.toLowerCase()));
    const titled = TITLE_AT_END.test(latinRest);
    if (
      !body &&
      (honorific ||
        titled ||
        (words.length >= 2 &&
          (latinRest === "" ||
            NAME_PRECEDING_CHARS.has(latinRest[latinRest.length - 1] as string))))
    ) {
      const start = offset + s.length - name.length;
      const found = register(start, start + name.length);
      const gender = honorific ? HONORIFIC_GENDER.exec(honorific) : null;
      if (found && gender && !found.entity.genderSure) {
        found.entity.gender = gender[1] ? "f" : "m";
        found.entity.genderSure = true;
      }
      if (found) return found;
    }
  }
  // A name followed by a title: 拜登总统, 谢尔曼女士, 惠特尼少将.
  const titles: [string, Gender | undefined][] = [...POST_TITLES];
  const trailingTitle = TITLE_AT_END.exec(s)?.[0];
  if (trailingTitle && trailingTitle.length >= 2) titles.push([trailingTitle, undefined]);
  for (const [title, gender] of titles) {
    if (s.length > title.length + 1 && s.endsWith(title)) {
      // `惠特尼（Courtney Whitney）少将`: the name's parenthesis sits before the title.
      const inner = s.slice(0, s.length - title.length).replace(/[(][^()]*[)]$/, "");
      let found = nameAtSlotEnd(text, people, paragraph, offset, inner);
      // `安娜斯塔西娅和克里斯蒂安‧弗鲁加德`, `弗鲁加德夫妇`: a couple shares the surname, which
      // names neither alone; `弗鲁加德女士` is the one of them speaking.
      if (found && gender && inner.length === found.start - offset + found.entity.key.length) {
        if (sharedByCouple(text, found.entity.key)) {
          const own = register(found.start, offset + s.length);
          if (own) found = own;
        }
      }
      if (found && gender && !found.entity.genderSure) {
        found.entity.gender = gender;
        found.entity.genderSure = true;
      }
      if (found) return found;
    }
  }
  const dotted = DOTTED_AT_END.exec(s);
  if (dotted) {
    const from = offset + dotted.index;
    const range = trimDottedName(text.folded[paragraph] as string, from, offset + s.length);
    if (range && range[1] === offset + s.length) return register(range[0], range[1]);
  }
  const length = nameAtEnd(s, false);
  if (length) {
    const start = offset + s.length - length;
    return register(start, start + length);
  }
  return undefined;
}
