import { wordList } from "../text/lexicon.js";
import {
  alternation,
  dictionaryNameAt,
  isNameHan,
  NOT_IN_GIVEN_NAME,
  SURNAMES,
  TITLE_AT_END,
  TITLE_AT_START,
  TRANSLITERATION_CHARS,
} from "../text/names.js";
import { segmenter } from "../text/text.js";
import { type Discourse, NOBODY, PASSIVE_CLAUSE } from "./discourse.js";
import { bareHandleSpeaker } from "./handles.js";
import type { ArticlePeople, Entity } from "./mentions.js";
import type { QuoteKind } from "./model.js";
import { CLAUSE_BREAK, OPENERS, type Part, type QuotedText, type Span } from "./spans.js";
import {
  DOCUMENT_NOUNS,
  opensWithUnnamed,
  resolveSlot,
  SAYING_SUBJECT,
  type Slot,
  subjectAtStart,
  unnamedSubject,
} from "./speakers.js";
import {
  LEADING_CONNECTIVES,
  looksLikeTerm,
  looksLikeTitle,
  NOT_SPEECH_ENDINGS,
  VERB_AT_END,
  VERB_MATCHER,
  type VerbMatch,
} from "./speech.js";

/**
 * Stage 3: attribution. Each quotation is attributed to a person: the name in the speaker slot
 * before the verb (`X说：“…”`) or after the closing mark (`“…”，她补充说。`), the speaker going
 * on (a split quote, a paragraph that is only a quotation), or the subject of a speech verb before
 * it for a fragment inside reported speech (`并称俄罗斯“无意入侵乌克兰”`); otherwise it is left out.
 */

/** The stages an article is read through: its quoted text, its people, the discourse so far. */
export interface Reading {
  text: QuotedText;
  people: ArticlePeople;
  discourse: Discourse;
}

/**
 * Registers the names standing in speaker slots (before a speech verb, after a closing mark)
 * before attribution starts, so a pronoun can point back at a person first named without a
 * title (`杨茂平用多种方式写信求救，她说`).
 */
/** `CLAUSE_BREAK` by character code, for the scan over every character of the article. */
const CLAUSE_BREAK_CODES = new Uint8Array(0x10000);
for (const c of CLAUSE_BREAK) CLAUSE_BREAK_CODES[c.charCodeAt(0)] = 1;

export function discoverSpeakers({ text, people }: Reading): void {
  for (let p = 0; p < text.folded.length; p++) {
    const folded = text.folded[p] as string;
    // A name the dictionary knows as a person opening a sentence (`习近平在…发言`), so that a
    // later 他/她 can point back at them.
    for (let i = 0; i < folded.length; i++) {
      if (i > 0 && !(CLAUSE_BREAK_CODES[folded.charCodeAt(i - 1)] && !text.isQuoted(p, i - 1)))
        continue;
      if (text.isQuoted(p, i)) continue;
      const lead = LEADING_CONNECTIVES.exec(folded.slice(i, i + 8))?.[0].length ?? 0;
      const from = i + lead;
      const firstChar = folded[from] as string;
      // Only where a name can start: a surname or a transliteration character.
      if (!SURNAMES.has(firstChar) && !TRANSLITERATION_CHARS.has(firstChar)) continue;
      if (people.aliasAtStart(folded, from)) continue;
      const found = dictionaryNameAt(folded, from);
      if (!found) continue;
      const head = found.length === 2 ? (runsOnEverywhere(text, found) ?? found) : found;
      if (people.hasAlias(head)) continue;
      people.registerName(p, from, from + head.length);
    }
    for (const { index, length } of text.verbs[p] as VerbMatch[]) {
      if (text.isQuoted(p, index)) continue;
      const next = folded[index + length];
      if (next !== "," && next !== ":" && !OPENERS[next as string]) continue;
      resolveSlot(text, people, p, text.clauseStart(p, index), index);
    }
  }
  for (const span of text.spans) {
    if (span.close < 0) continue;
    const last = span.parts[span.parts.length - 1] as Part;
    afterAttribution(text, people, last.paragraph, span.close);
  }
}

/**
 * A two-character name the dictionary cut from a longer one (王朝 of 王朝辉: 王朝 is a word):
 * when the article writes it at least twice and always followed by the same given-name
 * character, the name is the three characters.
 */
function runsOnEverywhere(text: QuotedText, head: string): string | undefined {
  let next: string | undefined;
  let seen = 0;
  for (const paragraph of text.folded) {
    for (let at = paragraph.indexOf(head); at >= 0; at = paragraph.indexOf(head, at + 1)) {
      const c = paragraph[at + head.length];
      if (c === undefined || !isNameHan(c) || NOT_IN_GIVEN_NAME.has(c)) return undefined;
      if (next !== undefined && c !== next) return undefined;
      // The character starts no word of its own (王毅表示: 表示 is a word, 王毅 the name).
      const word = segmenter().tag(
        paragraph.slice(at + head.length, at + head.length + 4),
        true,
      )[0];
      if (word && word.word.length > 1 && !/^(?:x|nr)/.test(word.tag)) return undefined;
      next = c;
      seen++;
    }
  }
  return seen >= 2 && next ? head + next : undefined;
}

/** Before an online handle in marks (网民, 微博网友, 访民): lexicon/handle-nouns.txt. */
const HANDLE_NOUN = new RegExp(`(?:${alternation(wordList("handle-nouns"))})$`);

/** `”（网名）表示，`, `”质疑说：`: the speech verb after a marked handle, up to the opening mark. */
const AFTER_HANDLE = /^(?:\((?:网名|网民)\))?([^,。:;!?“”「」『』]{0,12}),?:?\s*$/;

/** A marked handle opening a paragraph and introducing a quotation (`“准星儿”说，“`). */
const HANDLE_PARAGRAPH =
  /^\s*[“「][^,。!?;:“”「」]{1,20}[”」](?:\((?:网名|网民)\))?[^,。:;“”「」]{1,12}[,:]\s*[“「]/;

/**
 * The netizen whose handle in marks introduces the quotation (`网民“Kevin在纽约”表示，“…”`,
 * `微博网友“嘎嘎真忙”质疑说：“…”`): after a word for netizens, or opening a paragraph in a run of
 * paragraphs of that shape (`“准星儿”说，“…”` then `“风兮羽不归”说，“…”`), where the marks name
 * the poster, not a body.
 */
function handleSpeaker({ text: quoted, people }: Reading, span: Span): Entity | undefined {
  const p = (span.parts[0] as Part).paragraph;
  const text = quoted.folded[p] as string;
  // The words end their clause (`网友“小李飞车”认为，“小刚学长”在测试中…`: a second handle).
  const last = span.parts[span.parts.length - 1] as Part;
  const afterWords =
    span.close < 0 ? "" : (quoted.folded[last.paragraph] as string).slice(span.close + 1);
  if (!/^\s*(?:$|[。,!?;…])/.test(afterWords)) return undefined;
  const closeAt = text.lastIndexOf("”", span.open - 1);
  const closeAlt = text.lastIndexOf("」", span.open - 1);
  const close = Math.max(closeAt, closeAlt);
  if (close < 0) return undefined;
  const between = AFTER_HANDLE.exec(text.slice(close + 1, span.open));
  if (!between) return undefined;
  const clause = between[1] as string;
  if (!/[,:]\s*$/.test(text.slice(close + 1, span.open))) return undefined;
  const verb = VERB_AT_END.exec(clause);
  // The handle is the subject: at most an adverb before the verb (`也表示`), not a place
  // (`她在其微博账号“…”中留言说`: her account, her words).
  if (!verb || verb.index > 1 || NOT_SPEECH_ENDINGS.test(clause)) return undefined;
  if (verb.index === 1 && !/^[也还则又更]/.test(clause)) return undefined;
  const handleSpan = quoted.spans.find(
    (other) => other.close === close && (other.parts[0] as Part).paragraph === p,
  );
  if (handleSpan?.parts.length !== 1) return undefined;
  const inner = text.slice(handleSpan.open + 1, close);
  if (inner.length === 0 || inner.length > 20 || /[,。!?;:、]/.test(inner)) return undefined;
  const before = text.slice(quoted.clauseStart(p, handleSpan.open), handleSpan.open);
  const opensParagraph = text.slice(0, handleSpan.open).trim() === "";
  const inRun =
    opensParagraph &&
    [p - 1, p + 1].some((q) =>
      HANDLE_PARAGRAPH.test((quoted.folded[q] as string | undefined) ?? ""),
    );
  if (!HANDLE_NOUN.test(before) && !inRun) return undefined;
  const original = (quoted.original[p] as string).slice(handleSpan.open + 1, close);
  return people.entityFor(original, original);
}

/** `白皮书中的“…”`, `声明所说的“…”`: the words of a document. */
const DOCUMENT_WORDS = new RegExp(
  `(?:${DOCUMENT_NOUNS}|文章)(?:中|里|内|上)?(?:所)?(?:说|写|提到|称|指出)?的$`,
);

/** A document opening a clause as its subject (文章试图…, 该报告称, 这份声明指出). */
const DOCUMENT_OPENING = new RegExp(
  `^(?:该|这篇|这份|此|其)?(?:${DOCUMENT_NOUNS}|文章)(?![的和与及、中里内是])`,
);

/** The direct quotation that came last, for a paragraph that continues it. */
export interface LastDirect {
  entity: Entity;
  /** `Discourse.silenced` when it was said: an unnamed speaker since then ends it. */
  silenced: number;
  /** Paragraph where the quotation ends. */
  paragraph: number;
  /** Nothing but its attribution follows it in that paragraph. */
  endsParagraph: boolean;
}

/** The previous direct quotation of the same paragraph. */
export interface PreviousQuote {
  span: Span;
  entity: Entity;
  attributionEnd: number;
}

export interface Classified {
  entity: Entity;
  kind: QuoteKind;
  /** Where the attribution after the closing mark ends, or -1. */
  attributionEnd: number;
}

function countHanChars(text: string): number {
  let n = 0;
  for (const c of text) if (isNameHan(c)) n++;
  return n;
}

/** Decides whether a quotation is a person's direct or partial quote, and whose. */
export function classify(
  reading: Reading,
  span: Span,
  previous: PreviousQuote | undefined,
  lastDirect: LastDirect | undefined,
): Classified | undefined {
  const { text: quoted, people, discourse } = reading;
  const first = span.parts[0] as Part;
  const p = first.paragraph;
  const text = quoted.folded[p] as string;
  const inner = span.parts
    .map((part) => (quoted.folded[part.paragraph] as string).slice(part.start, part.end))
    .join("");
  const last = span.parts[span.parts.length - 1] as Part;
  const lastText = quoted.folded[last.paragraph] as string;
  const closeAt = span.close;
  // A word in marks (说“不”, “新”) is a term, never someone's words, unless a person's speech
  // verb right before it says it of something (`认为这是在“挑衅”`, `称习近平为“好友”`).
  // A whole utterance after a colon (`拜登回应：“没有。”`) is words however short.
  const utterance =
    span.parts.length === 1 &&
    /[。!?…]$/.test(inner) &&
    /:\s*$/.test(text.slice(Math.max(0, span.open - 2), span.open));
  const tiny = countHanChars(inner) <= 2 && !/[A-Za-z]{3}/.test(inner) && !utterance;
  if (tiny && (span.parts.length > 1 || !wordSaidOf(quoted, span))) return undefined;
  // A subheading (a short paragraph with no sentence end: `“不要让…的国家主办奥运会”`,
  // `蓬佩奥幽默回应央视给他扣帽“人类公敌”`) is nobody's words.
  if (span.parts.length === 1 && text.length <= 40 && !/[。!?…]/.test(text)) return undefined;

  // `遭小粉红轰“不爱国”`, `被邻居骂“…”`, `被问道：“…”`: the subject is spoken to or about; the
  // words are the agent's, someone else's than anyone the clause names.
  if (PASSIVE_SPEECH.test(text.slice(Math.max(0, span.open - 12), span.open))) return undefined;

  if (tiny) return saidOf(reading, span);

  // 0. `网民“Kevin在纽约”表示，“…”`, `“准星儿”说，“…”` (a run of such paragraphs): a handle.
  const handle = handleSpeaker(reading, span);
  if (handle) return { entity: handle, kind: "direct", attributionEnd: -1 };
  // `网友猴面包圣诞树说，“…”`, `l_O_O_l说，“…”`: a handle written without marks.
  const bare = bareHandleSpeaker(reading, span);
  if (bare) return { entity: bare, kind: "direct", attributionEnd: -1 };

  // 1. Introduced before: `X说：“`, `X表示，“`, `X：“`.
  let k = span.open - 1;
  while (k >= 0 && /\s/.test(text[k] as string)) k--;
  const punct = text[k];
  const hasPunct = punct === ":" || punct === ",";
  const verbEnd = hasPunct ? k : k + 1;
  const sentenceStart = quoted.sentenceStart(p, span.open);
  const clauseStart = quoted.clauseStart(p, verbEnd);
  const clause = text.slice(clauseStart, verbEnd);
  const afterClose = closeAt >= 0 ? lastText.slice(closeAt + 1) : "";
  const endsClause =
    closeAt < 0 ||
    /[。!?…]$/.test(inner) ||
    /^(?:\s*$|[。,!?;:…、)]|[”」』“「『])/.test(afterClose) ||
    afterAttribution(quoted, people, last.paragraph, closeAt) !== undefined;
  const previousChar = k >= 0 ? text[k] : undefined;
  const wholeSentence =
    text.slice(sentenceStart, span.open).trim() === "" ||
    previousChar === "”" ||
    previousChar === "」" ||
    previousChar === "』";

  if (clause && verbEnd > sentenceStart && !quoted.isQuoted(p, Math.max(0, verbEnd - 1))) {
    const found = VERB_AT_END.exec(clause);
    // `很少理睬习近平对台湾的主张，“…”`: a speech verb after 的 before a comma is a noun, the
    // words after it are not that person's (`他的回应：“…”` still introduces them).
    const verb = found && punct === "," && clause[found.index - 1] === "的" ? null : found;
    if (verb && !NOT_SPEECH_ENDINGS.test(clause) && (hasPunct || /[说道称]$/.test(clause))) {
      const slot = resolveSlot(quoted, people, p, clauseStart, clauseStart + verb.index);
      if (
        slot.kind === "none" &&
        unnamedSubject(quoted, people, p, clauseStart, clauseStart + verb.index)
      )
        discourse.noteNobody(p, clauseStart);
      if (slot.kind !== "none" && endsClause && !looksLikeTitle(inner)) {
        const entity = discourse.speakerOf(p, slot, clauseStart + verb.index);
        if (entity) return { entity, kind: "direct", attributionEnd: -1 };
        return undefined;
      }
      if (slot.kind === "none") return undefined;
    } else if (hasPunct && punct === ":") {
      const slot = resolveSlot(quoted, people, p, clauseStart, verbEnd);
      // `一名村书记暴吼：“…”`: someone unnamed introduces the words; a pronoun after them is theirs.
      if (slot.kind === "none" && unnamedSubject(quoted, people, p, clauseStart, verbEnd))
        discourse.noteNobody(p, clauseStart);
      // `X：“…”` with nothing but the name before the colon (a label, not `…赞扬那些韩国人：`).
      if (slot.kind === "person" && endsClause && verbEnd - clauseStart <= 12)
        return { entity: slot.entity, kind: "direct", attributionEnd: -1 };
      // `麦克阿瑟热情赞扬那些勇敢作战的韩国人：“…”`: a speech verb inside, the subject in front.
      if (endsClause && VERB_MATCHER.matchAll(clause).next().done === false) {
        const subject = subjectAtStart(
          people,
          clauseStart,
          clause.replace(LEADING_CONNECTIVES, ""),
        );
        const entity =
          subject.kind === "none" ? undefined : discourse.speakerOf(p, subject, verbEnd);
        if (entity) return { entity, kind: "direct", attributionEnd: -1 };
      }
    }
  }

  // 2. Attributed after: `“…”X说。`, `“…”，她补充说。`
  const opensClause = wholeSentence || /[,:]\s*$/.test(text.slice(sentenceStart, span.open));
  // `“英伦好邻舍教会”创办人陈凯兴…表示`: the marks name the body whose title follows.
  const namesBody = TITLE_AT_START.test(afterClose) && !/[。!?…,]/.test(inner);
  if (closeAt >= 0 && opensClause && !namesBody) {
    const after = afterAttribution(
      quoted,
      people,
      last.paragraph,
      closeAt,
      hasPunct && punct === ":",
    );
    if (after) {
      if (after.slot.kind === "none") {
        const start = after.verbAt - (after.slotLength ?? 0);
        if (unnamedSubject(quoted, people, last.paragraph, start, after.verbAt))
          discourse.noteNobody(last.paragraph, start);
        return undefined;
      }
      const entity = discourse.speakerOf(last.paragraph, after.slot, after.verbAt);
      if (entity) return { entity, kind: "direct", attributionEnd: after.end };
      return undefined;
    }
  }

  // 3. A quotation that is a sentence of its own continues the current speaker: a split quote
  // (`“…”，她说。“…”`, `X说：“…”“…”`), reported speech going on in quotes (`X告诉记者，…。“…”`),
  // or a paragraph that is only a quotation after a paragraph ending in X's quotation.
  const afterOk = closeAt < 0 || /^(?:\s*$|[。,!?;…“「『])/.test(afterClose);
  if (wholeSentence && afterOk && !looksLikeTitle(inner) && countHanChars(inner) >= 4) {
    if (previous && (previous.span.parts[0] as Part).paragraph === p && previous.span.close >= 0) {
      const gapStart =
        previous.attributionEnd >= 0 ? previous.attributionEnd : previous.span.close + 1;
      const gap = text.slice(gapStart, span.open).trim();
      if (/^[。,!?;…]*$/.test(gap))
        return { entity: previous.entity, kind: "direct", attributionEnd: -1 };
    }
    const current = discourse.currentSpeaker();
    if (current && current.paragraph === p && current.offset < span.open) {
      if (!discourse.otherMentionBetween(p, current.offset, span.open, current.entity))
        return { entity: current.entity, kind: "direct", attributionEnd: -1 };
    }
    // `她又被强制在家隔离7天。“居家隔离封条都贴了，我们不让出门。”`: a sentence in the first
    // person after a sentence the person opens, no one else named in between.
    const opener = subjectOfSentenceBefore(reading, p, sentenceStart, span.open, inner);
    if (opener) return { entity: opener, kind: "direct", attributionEnd: -1 };
    // Nothing but quotations (and punctuation) in the paragraph.
    let wholeParagraph: boolean = text.trim().length > 0;
    for (let i = 0; i < text.length && wholeParagraph; i++) {
      if (!quoted.isQuoted(p, i) && !/[\s。,!?…;、]/.test(text[i] as string))
        wholeParagraph = false;
    }
    if (
      wholeParagraph &&
      lastDirect &&
      lastDirect.silenced === discourse.silenced &&
      lastDirect.paragraph === p - 1 &&
      lastDirect.endsParagraph &&
      !withinAccountOfOther(reading, p - 1, lastDirect.entity)
    ) {
      return { entity: lastDirect.entity, kind: "direct", attributionEnd: -1 };
    }
    // `X说：“…”` ending a paragraph, a paragraph of narration naming no one, then a paragraph
    // that is only a quotation in the first person: X goes on speaking.
    if (
      wholeParagraph &&
      lastDirect &&
      lastDirect.silenced === discourse.silenced &&
      lastDirect.paragraph === p - 2 &&
      lastDirect.endsParagraph &&
      FIRST_PERSON.test(inner) &&
      quietParagraph(reading, p - 1)
    )
      return { entity: lastDirect.entity, kind: "direct", attributionEnd: -1 };
    // `X说，…。` then a paragraph that is only a quotation: X goes on speaking. So too after
    // X's quotation with narration after it (`“…”雅科博夫斯基指的是，…`), when no one else is
    // named after X in that paragraph.
    if (
      wholeParagraph &&
      current &&
      current.paragraph === p - 1 &&
      (current.reported || !someoneElseAfter(reading, p - 1, current.offset, current.entity)) &&
      !withinAccountOfOther(reading, p - 1, current.entity)
    ) {
      return { entity: current.entity, kind: "direct", attributionEnd: -1 };
    }
  }

  // 3b. A quotation opening the paragraph as a whole sentence of its own, narration after it
  // (`“…。”业主们为保护家园…`), after a paragraph ending in X's quotation: X goes on speaking.
  if (
    span.parts.length === 1 &&
    text.slice(0, span.open).trim() === "" &&
    /[。!?…]$/.test(inner) &&
    countHanChars(inner) >= 4 &&
    lastDirect &&
    lastDirect.silenced === discourse.silenced &&
    lastDirect.paragraph === p - 1 &&
    lastDirect.endsParagraph &&
    !withinAccountOfOther(reading, p - 1, lastDirect.entity)
  )
    return { entity: lastDirect.entity, kind: "direct", attributionEnd: -1 };

  // 3c. `目前上述钱加起来还是不够用，“…”“…”`: a short lead-in naming no one, then quotations to
  // the end of the paragraph, after a paragraph ending in X's quotation: X goes on speaking.
  if (
    span.parts.length === 1 &&
    lastDirect &&
    lastDirect.silenced === discourse.silenced &&
    lastDirect.paragraph === p - 1 &&
    lastDirect.endsParagraph &&
    countHanChars(inner) >= 4 &&
    !looksLikeTitle(inner)
  ) {
    const firstOpen = quoted.spans.find((other) => (other.parts[0] as Part).paragraph === p)?.open;
    const lead = text.slice(0, firstOpen ?? 0);
    // Not a medium's report (`《华尔街日报》上周日报导，“…”`).
    let quotesToEnd =
      firstOpen !== undefined &&
      /,\s*$/.test(lead) &&
      lead.length <= 24 &&
      !/[《》]|报导|报道|消息|据/.test(lead);
    for (let i = firstOpen ?? 0; i < text.length && quotesToEnd; i++)
      if (!quoted.isQuoted(p, i) && !/[\s。,!?…;、]/.test(text[i] as string)) quotesToEnd = false;
    if (quotesToEnd && quietParagraph(reading, p, lead.length))
      return { entity: lastDirect.entity, kind: "direct", attributionEnd: -1 };
  }

  // 4. Partial quote inside reported speech: `X表示，…“没有进展”，并称俄罗斯“无意入侵乌克兰”`.
  if (span.parts.length > 1) return undefined;
  // A row of quotations ending its clause (`表示中共“…”、“…”、“…”。`) is read where it ends; a row
  // going on into the clause (`“…”、“…”等字眼`) is a list of terms, and one after what someone's
  // words are (`习关于…的二句话“…”、“…”`) is theirs, not the speaker's.
  const rowEnd = closeAt >= 0 ? chainEnd(quoted, p, closeAt) : closeAt;
  const rowEndsClause =
    /^(?:\s*$|[,。;!?…])/.test(text.slice(rowEnd + 1)) &&
    !text.slice(quoted.clauseStart(p, span.open), span.open).includes("的");
  if (
    looksLikeTerm(text, span.open, rowEndsClause ? rowEnd : closeAt, inner) ||
    looksLikeTitle(inner) ||
    inListOfNames(reading, p, span)
  )
    return undefined;
  // `曹兴诚在记者会上讲的“…”`, `他所说的“…”`: a speech verb modifying the quotation names
  // whose words they are, whoever reports them; a short one (`习近平一再提到的“百年大变局”`)
  // is their catchphrase taken up as a term, nobody's words here.
  const ownClause = quoted.clauseStart(p, span.open);
  const said = SAID_WORDS.exec(text.slice(ownClause, span.open));
  if (said && countHanChars(inner) <= 8) return undefined;
  if (said) {
    const slot = resolveSlot(quoted, people, p, ownClause, ownClause + said.index);
    const entity =
      slot.kind === "none" ? undefined : discourse.speakerOf(p, slot, ownClause + said.index);
    return entity ? { entity, kind: "partial", attributionEnd: -1 } : undefined;
  }
  // `引用最多的是白皮书中的“…”`: a document's own words, whoever cites them.
  if (DOCUMENT_WORDS.test(text.slice(Math.max(0, span.open - 12), span.open))) return undefined;
  // Reported speech runs on over `；` (`他还提到，…；而…更是“最严重的侵犯人权”`), not over `。`.
  let reportStart = sentenceStart;
  while (reportStart > 0 && text[reportStart - 1] === ";")
    reportStart = quoted.sentenceStart(p, reportStart - 1);
  let verb: VerbMatch | undefined;
  let passive = false;
  // The verbs taken, in order: an earlier one may introduce the reported speech the last is in.
  let taken: VerbMatch[] = [];
  for (const candidate of quoted.verbs[p] as VerbMatch[]) {
    const { index, length } = candidate;
    if (index < reportStart || index + length > span.open) continue;
    if (quoted.isQuoted(p, index)) continue;
    const head = text.slice(quoted.clauseStart(p, index), index + length);
    // `俗话说“…”`: a saying in someone's reported speech is nobody's words (话说 is no verb).
    if (SAYING_SUBJECT.test(head.slice(0, -length).replace(LEADING_CONNECTIVES, ""))) {
      verb = undefined;
      taken = [];
      passive = true;
      continue;
    }
    if (NOT_SPEECH_ENDINGS.test(head)) continue;
    // `称为`, `说明书`: the verb must end a word, not start a longer one.
    const next = text.slice(index + length, index + length + 2);
    if (/^(?:为|作|之为|其为|法|明书|服|赞|号|呼)/.test(next) && length === 1) continue;
    // `他高喊的口号是`: a verb that modifies a noun is no speech act.
    if (next.startsWith("的")) continue;
    // `措辞最强烈的谴责和警告`, `杜特蒂…的主张`: verbs as nouns after 的 are no speech act (but
    // `他的回答是“…”` introduces the words).
    if (
      /的(?:[^,。;:“”]{1,4}[和与及、])$/.test(text.slice(Math.max(0, index - 6), index)) ||
      (text[index - 1] === "的" && !/^(?:是|为|如下|:)/.test(next))
    )
      continue;
    // `被嘲讽为“…”`, `遭小粉红轰“…”`: the subject is spoken about, not speaking; the words are
    // the attackers', and no earlier verb of the sentence reaches past them.
    if (PASSIVE_BEFORE_VERB.test(text.slice(Math.max(0, index - 7), index))) {
      verb = undefined;
      taken = [];
      passive = true;
      continue;
    }
    verb = candidate;
    taken.push(candidate);
  }
  // `他说，超市的菜都涨价了。而且“好多超市被抢空了”`: no verb in the quotation's sentence, but the
  // person's reported speech goes on past a full stop, with no one else in between.
  // Only words of a clause's length that end their clause, not a term (`新南向政策`).
  const going =
    verb || passive || countHanChars(inner) < 8 || !/^(?:\s*$|[,。;!?…])/.test(afterClose)
      ? undefined
      : (reportedGoingOn(reading, p, reportStart, span.open) ??
        subjectSpeaking(reading, p, sentenceStart, span.open, inner, afterClose));
  if (!verb && !going) return undefined;
  // `X表示：“…”，却被媒体翻译成“…”`: a passive of a verb of rendering in the quotation's own
  // clause, after the verb, gives someone else's rendering of the words, not the speaker's.
  const quoteClause = quoted.clauseStart(p, span.open);
  if (
    (!verb || verb.index < quoteClause) &&
    PASSIVE_RENDERING.test(text.slice(quoteClause, span.open))
  )
    return undefined;
  // A short phrase the article writes three times or more (`一带一路`, `动态清零`, `香港加油`) is a
  // term of the article, not one person's wording; words in the first or second person (`我不知道`)
  // are someone's all the same.
  if (
    countHanChars(inner) <= 8 &&
    !/(?<!自)我|你|您/.test(inner) &&
    timesWritten(quoted, inner) >= 3
  )
    return undefined;
  // A short quotation inside a clause (`台湾制造的“人字拖”冲过终点`) is a term, not someone's words,
  // unless it words the predicate (`正“全力袭击”这座城市`).
  // A row of them (`表示中共“…”、“…”、“…”。`) is read where the row ends.
  const afterRow = closeAt >= 0 ? text.slice(chainEnd(quoted, p, closeAt) + 1) : "";
  if (
    countHanChars(inner) <= 6 &&
    closeAt >= 0 &&
    !/^(?:\s*$|[,。;!?:…)”」』])/.test(afterRow) &&
    !(process.env.NOPW === "1" ? false : predicateWording(quoted, p, span, inner))
  )
    return undefined;
  if (
    /(?:叫|作)$/.test(text.slice(Math.max(0, span.open - 1), span.open)) &&
    countHanChars(inner) <= 8
  )
    return undefined;
  if (going) return { entity: going, kind: "partial", attributionEnd: -1 };
  if (!verb) return undefined;
  let verbClause = quoted.clauseStart(p, verb.index);
  let slot = resolveSlot(quoted, people, p, verbClause, verb.index);
  if (slot.kind === "none") {
    const subject = text.slice(verbClause, verb.index).replace(LEADING_CONNECTIVES, "");
    const unnamed = unnamedSubject(quoted, people, p, verbClause, verb.index);
    // `马丁说，他们预计“…”`, `琼斯表示，…且无法预计…，“…”`: the only verb after a person's
    // speech verb in the sentence has a thing, a plural pronoun or no one for subject; words of a
    // clause's length ending their clause are the person's (not a term: `“在商言商”`).
    const plural = /^(?:他们|她们|我们)$/.test(subject);
    const outer = taken.length === 2 ? taken[0] : undefined;
    if (
      outer &&
      (!unnamed || plural) &&
      countHanChars(inner) >= 8 &&
      /^(?:\s*$|[,。;!?…])/.test(afterClose) &&
      text[span.open - 1] !== "的" &&
      // `尚不宣布“…”`: what a verb without a subject of its own names is no one's words.
      !(span.open - (verb.index + verb.length) <= 1 && subject.length <= 3 && !plural) &&
      text[outer.index + outer.length] === ","
    ) {
      const outerClause = quoted.clauseStart(p, outer.index);
      const outerSlot = resolveSlot(quoted, people, p, outerClause, outer.index);
      if (
        outerSlot.kind === "person" &&
        !NOT_SPEECH_ENDINGS.test(text.slice(outerClause, outer.index + outer.length))
      ) {
        verb = outer;
        verbClause = outerClause;
        slot = outerSlot;
      }
    }
  }
  if (slot.kind === "none") {
    if (unnamedSubject(quoted, people, p, verbClause, verb.index))
      discourse.noteNobody(p, verbClause);
    return undefined;
  }
  const entity = discourse.speakerOf(p, slot, verb.index);
  if (!entity) return undefined;
  // `质问张学友“…”、“…”`: the one the verb addresses or attacks is no speaker of it.
  const afterVerb = text.slice(verb.index + verb.length, span.open).replace(/^了/, "");
  const object = people.aliasAtStartOf(afterVerb, 0);
  if (
    object?.entity === entity &&
    (afterVerb.length === object.length || OPENERS[afterVerb[object.length] as string])
  )
    return undefined;
  // `张学友表态，遭到小粉红攻击，指他“不爱国”`: a passive clause in between hands the words on to
  // its agent.
  const clausesAfter = afterVerb.split(/[,;]/).slice(1);
  if (clausesAfter.some((c) => PASSIVE_CLAUSE.test(c.replace(LEADING_CONNECTIVES, ""))))
    return undefined;
  // `…评论说，…，文章试图用贾哈的话来证明“…”`: a document opening a clause in between that
  // cites the speaker draws its own words from them (not `这份报告是“…”`, what the speaker
  // says of a document).
  const citedBy = (c: string): boolean => {
    const clause = c.replace(LEADING_CONNECTIVES, "");
    return (
      DOCUMENT_OPENING.test(clause) &&
      people.aliasList.some(
        (alias) => people.entityByAlias(alias) === entity && clause.includes(alias),
      )
    );
  };
  if (clausesAfter.some(citedBy)) return undefined;
  // `发布会表示要“…”的评论区`: words ending a clause that modifies a noun, the verb's subject not
  // named in it, are nobody's the discourse can tell.
  if (slot.kind === "zero" && /^的/.test(afterClose)) return undefined;
  return { entity, kind: "partial", attributionEnd: -1 };
}

/**
 * `陈光诚忆述，杨希刚…带人搜查…杨说，“…”`: a paragraph that opens with another person's account
 * (their name and a speech verb) and quotes `entity` inside it. A paragraph of quotation after
 * it goes on with either, the narrator or the one quoted: it is no one's to tell.
 */
function withinAccountOfOther(
  { text: quoted, people }: Reading,
  p: number,
  entity: Entity,
): boolean {
  const text = (quoted.folded[p] as string).replace(LEADING_CONNECTIVES, "");
  const narrator = people.aliasAtStartOf(text, 0);
  if (!narrator || narrator.entity === entity) return false;
  const comma = text.indexOf(",");
  if (comma < 0) return false;
  const verb = text.slice(narrator.length, comma);
  return verb.length > 0 && (ACCOUNT_VERB.test(verb) || VERB_AT_END.test(verb));
}

/** How an account is introduced after the narrator's name (忆述, 回忆说, 讲述道). */
const ACCOUNT_VERB =
  /^(?:[也还则又]|随后|接着)?(?:忆述|回忆|讲述|叙述|描述|追述|自述)(?:说|道|称)?$/;

/**
 * Whether the narration of paragraph `p` after `from` names someone other than `entity`: a
 * mention of another person, or a name the dictionary knows that is none of the entity's forms.
 */
function someoneElseAfter(
  { text: quoted, people, discourse }: Reading,
  p: number,
  from: number,
  entity: Entity,
  to = (quoted.folded[p] as string).length,
): boolean {
  const text = quoted.folded[p] as string;
  if (discourse.otherMentionBetween(p, from, to, entity)) return true;
  if (
    people.mentions.some(
      (m) => m.paragraph === p && m.offset > from && m.offset < to && m.entity !== entity,
    )
  )
    return true;
  for (let i = from + 1; i < to; i++) {
    const c = text[i] as string;
    if (quoted.isQuoted(p, i) || (!SURNAMES.has(c) && !TRANSLITERATION_CHARS.has(c))) continue;
    const known = people.aliasAtStartOf(text, i);
    if (known) {
      if (known.entity !== entity) return true;
      i += known.length - 1;
      continue;
    }
    if (dictionaryNameAt(text, i)) return true;
  }
  return false;
}

/**
 * `认为这是在“挑衅”`, `表示这太“糟糕”了`, `称习近平为“好友”`, `形容教育局“偏听”`: a speech verb
 * of the quotation's own clause a few characters before it, the words ending the clause: what
 * the speaker called something, in their own word. Not a name given (`被称为“…”`, `称之为“…”`,
 * `的“统一”`).
 */
function wordSaidOf(quoted: QuotedText, span: Span): VerbMatch | undefined {
  const p = (span.parts[0] as Part).paragraph;
  const text = quoted.folded[p] as string;
  if (span.close < 0 || !/^了?\s*(?:$|[,。;!?…])/.test(text.slice(span.close + 1)))
    return undefined;
  const clauseStart = quoted.clauseStart(p, span.open);
  let found: VerbMatch | undefined;
  for (const verb of quoted.verbs[p] as VerbMatch[]) {
    const end = verb.index + verb.length;
    if (verb.index < clauseStart || end > span.open || quoted.isQuoted(p, verb.index)) continue;
    const gap = text.slice(end, span.open);
    if (gap.length > 8 || /[的“”「」]/.test(gap) || /^(?:为|作|之为|其为|成)$/.test(gap)) continue;
    if (NOT_SPEECH_ENDINGS.test(text.slice(clauseStart, end))) continue;
    if (PASSIVE_BEFORE_VERB.test(text.slice(Math.max(0, verb.index - 7), verb.index))) continue;
    found = verb;
  }
  return found;
}

/** The person whose speech verb `wordSaidOf` finds, for a word in marks. */
function saidOf(reading: Reading, span: Span): Classified | undefined {
  const { text: quoted, people, discourse } = reading;
  const verb = wordSaidOf(quoted, span);
  if (!verb) return undefined;
  const p = (span.parts[0] as Part).paragraph;
  const inner = (quoted.folded[p] as string).slice(span.open + 1, span.close);
  if (timesWritten(quoted, inner) >= 3) return undefined;
  const verbClause = quoted.clauseStart(p, verb.index);
  const slot = resolveSlot(quoted, people, p, verbClause, verb.index);
  if (slot.kind === "none") return undefined;
  const entity = discourse.speakerOf(p, slot, verb.index);
  return entity ? { entity, kind: "partial", attributionEnd: -1 } : undefined;
}

/**
 * The person whose reported speech (`X说，…`, the last speech event, in the same paragraph) goes on
 * over full stops up to the sentence at `sentenceStart` holding a quotation at `open`: no speech
 * verb in the sentences after the speaker's, no one else named opening a sentence, no pronoun of
 * the other gender, no unnamed person or group opening the quotation's sentence.
 */
function reportedGoingOn(
  { text: quoted, people, discourse }: Reading,
  p: number,
  sentenceStart: number,
  open: number,
): Entity | undefined {
  const current = discourse.currentSpeaker();
  if (!current?.reported || current.paragraph !== p || current.offset >= sentenceStart)
    return undefined;
  const text = quoted.folded[p] as string;
  const speakerEnd = quoted.sentenceEnd(p, current.offset);
  if (speakerEnd >= sentenceStart) return undefined;
  for (const { index, length } of quoted.verbs[p] as VerbMatch[]) {
    if (index <= speakerEnd || index >= open || quoted.isQuoted(p, index)) continue;
    const head = text.slice(quoted.clauseStart(p, index), index + length);
    if (!NOT_SPEECH_ENDINGS.test(head)) return undefined;
  }
  if (discourse.otherMentionBetween(p, current.offset, open, current.entity)) return undefined;
  const own = text.slice(sentenceStart, open).replace(LEADING_CONNECTIVES, "");
  if (opensWithUnnamed(people, own) || /^(?:他们|她们|有人|有的)/.test(own)) return undefined;
  // `例如“自由和开放的印太地区”`: an example the article cites, not the speaker's words going on.
  if (/^(?:例如|比如|譬如|诸如|好比)/.test(own)) return undefined;
  return current.entity;
}

/**
 * `对于买房投资，陈先生仍保有乐观态度，“我觉得长期投资肯定没问题”。`: no speech verb, but the
 * person a clause of the sentence opens with goes on in their own words, in the first person,
 * after a comma, to the end of the sentence; no one else named in between.
 */
function subjectSpeaking(
  { text: quoted, people, discourse }: Reading,
  p: number,
  sentenceStart: number,
  open: number,
  inner: string,
  afterClose: string,
): Entity | undefined {
  const text = quoted.folded[p] as string;
  if (text[open - 1] !== ",") return undefined;
  if (!/^\s*(?:$|[。!?…])/.test(afterClose)) return undefined;
  // In the first person, or a sentence's worth of words (`黄玲持不同看法，“国家是法治社会，…”`).
  if (!FIRST_PERSON.test(inner) && !(countHanChars(inner) >= 10 && /[,。!?…]/.test(inner)))
    return undefined;
  // Each clause start of the sentence in turn (the comma before `open` ends the walk).
  for (let at = sentenceStart; at < open; ) {
    const next = text.indexOf(",", at) + 1;
    if (quoted.isQuoted(p, at)) {
      at = next > at ? next : open;
      continue;
    }
    const clause = text.slice(at, open);
    const own = clause.replace(LEADING_CONNECTIVES, "");
    const start = at + clause.length - own.length;
    const slot = subjectAtStart(people, start, own);
    // `她是一月十九日到佳木斯，还没到她下飞机，“…我就觉得…”`: a pronoun for the person too.
    const entity =
      slot.kind === "person"
        ? slot.entity
        : slot.kind === "pronoun" &&
            FIRST_PERSON.test(inner) &&
            // `因为他平时比较害羞`: a reason inside someone's reported speech, not a new subject.
            !/^(?:因为|由于|所以|如果|虽然|尽管|既然|而且|因此)/.test(clause)
          ? discourse.speakerOf(p, slot, start)
          : undefined;
    if (!entity || entity === NOBODY) {
      at = next > at ? next : open;
      continue;
    }
    if (discourse.otherMentionBetween(p, start, open, entity)) return undefined;
    // `罗丁上班第一天，主管就对新人喝斥，“…”`: someone unnamed opening a later clause speaks.
    for (let c = text.indexOf(",", start) + 1; c > 0 && c < open; c = text.indexOf(",", c) + 1)
      if (!quoted.isQuoted(p, c) && opensWithUnnamed(people, text.slice(c, open))) return undefined;
    return entity;
  }
  return undefined;
}

/**
 * The person (or the pronoun's antecedent) opening the sentence right before a quotation that is
 * a whole sentence in the first person, when no one else is named or opens a clause up to it.
 */
function subjectOfSentenceBefore(
  reading: Reading,
  p: number,
  sentenceStart: number,
  open: number,
  inner: string,
): Entity | undefined {
  if (sentenceStart === 0 || !FIRST_PERSON.test(inner) || !/[。!?…]$/.test(inner)) return undefined;
  const { text: quoted, people, discourse } = reading;
  const text = quoted.folded[p] as string;
  const before = quoted.sentenceStart(p, sentenceStart - 1);
  if (quoted.isQuoted(p, before)) return undefined;
  // The subject opens the sentence or a clause of it after a time or a setting (`之前，卢廷阁曾被…`).
  let start = -1;
  let slot: Slot = { kind: "none" };
  for (let at = before; at < sentenceStart && slot.kind === "none"; ) {
    const clauseEnd = text.indexOf(",", at);
    const next = clauseEnd < 0 || clauseEnd >= sentenceStart ? sentenceStart : clauseEnd + 1;
    if (!quoted.isQuoted(p, at)) {
      const clause = text.slice(at, sentenceStart);
      const own = clause.replace(LEADING_CONNECTIVES, "");
      start = at + clause.length - own.length;
      slot = subjectAtStart(people, start, own);
      // Only a short clause of time or setting before it (`之前，`, `2021年12月25日下午，`).
      if (slot.kind === "none" && next - at > 14) break;
    }
    at = next;
  }
  // `其中一个愤怒的声音，来自…艺术家张九云。“…”`: the one person the sentence names, anywhere.
  if (slot.kind === "none") {
    const named = people.mentions.filter(
      (m) => m.paragraph === p && m.offset >= before && m.offset < sentenceStart,
    );
    const first = named[0];
    if (!first || named.some((m) => m.entity !== first.entity)) return undefined;
    // Introduced by a title (`艺术家张九云`), in a sentence where no one speaks (`…，秦晋表示，…`:
    // a name the detector missed).
    if (!TITLE_AT_END.test(text.slice(Math.max(0, first.offset - 8), first.offset)))
      return undefined;
    for (const { index } of quoted.verbs[p] as VerbMatch[]) {
      if (index < before || index >= sentenceStart || quoted.isQuoted(p, index)) continue;
      const said = resolveSlot(quoted, people, p, quoted.clauseStart(p, index), index);
      if (said.kind !== "person" || said.entity !== first.entity) return undefined;
    }
    start = first.offset;
    slot = { kind: "person", entity: first.entity };
    if (
      opensWithUnnamed(people, text.slice(before, sentenceStart).replace(LEADING_CONNECTIVES, ""))
    )
      return undefined;
  }
  if (slot.kind !== "person" && slot.kind !== "pronoun") return undefined;
  const entity = discourse.speakerOf(p, slot, start);
  if (!entity || entity === NOBODY) return undefined;
  const subjectEnd = start + (people.aliasAtStartOf(text, start)?.length ?? 1) - 1;
  if (someoneElseAfter(reading, p, subjectEnd, entity, open)) return undefined;
  for (let c = text.indexOf(",", start) + 1; c > 0 && c < open; c = text.indexOf(",", c) + 1)
    if (!quoted.isQuoted(p, c) && opensWithUnnamed(people, text.slice(c, open))) return undefined;
  return entity;
}

/**
 * A paragraph of narration (or its first `end` characters) that names no one and quotes no one:
 * no quotation marks, no mention of a known person, no name the dictionary knows, no pronoun, no
 * one speaking.
 */
function quietParagraph({ text: quoted, people }: Reading, p: number, end?: number): boolean {
  const text = (quoted.folded[p] as string).slice(0, end);
  if (text.length === 0 || /[“”「」『』他她]/.test(text)) return false;
  if (people.mentions.some((m) => m.paragraph === p && m.offset < text.length)) return false;
  if ((quoted.verbs[p] as VerbMatch[]).some((v) => v.index < text.length)) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if ((SURNAMES.has(c) || TRANSLITERATION_CHARS.has(c)) && dictionaryNameAt(text, i))
      return false;
  }
  return true;
}

/** `我`, `我们` (not 自我): words in the first person. */
const FIRST_PERSON = /(?<!自)我/;

/** How many times the article's paragraphs write `phrase`, quoted or not. */
function timesWritten(quoted: QuotedText, phrase: string): number {
  let n = 0;
  for (const paragraph of quoted.folded) {
    for (let at = paragraph.indexOf(phrase); at >= 0; at = paragraph.indexOf(phrase, at + 1)) n++;
  }
  return n;
}

/** `遭小粉红轰`, `被网民痛批`, `被问道：`: a passive of a verb of speaking or attacking. */
const PASSIVE_SPEECH =
  /(?:被|遭到?)[^,。;“”「」]{0,6}(?:轰|骂|批|斥|呛|怼|嘲|讽|指|责|攻击|质疑|质问|抨击|怒|喊|问道?|追问)[:,]?\s*$/;

/** `被嘲讽为`, `遭小粉红轰`, `遭到网民痛批`: a passive marker and its agent right before a verb. */
/**
 * A speech verb and 的 right before a quotation: `X讲的“…”`, `他所说的“…”`, `参谋本部发表的“…”`
 * (a body's words are nobody's).
 */
const SAID_WORDS = /(?:所)?(?:讲|说|讲过|说过|提到|提出|喊出|发表|公布)的$/;

const PASSIVE_BEFORE_VERB = /(?:被|遭到?|受到)[^,。被遭受]{0,5}$/;

/** `被媒体翻译成`, `被外界解读为`, `被网友批评`: someone else renders or judges the words. */
const PASSIVE_RENDERING =
  /被[^,。“”]{0,8}(?:翻译|译|解读|曲解|说成|称为|称作|指|批|骂|嘲|讽|形容|描述|认为)/;

/** The closing mark of the last quotation in a row (`“…”；“…”`, `“…”、“…”`) from `closeAt`. */
/**
 * `三大主题，包括“对抗威权”、“打击贪腐”及“促进对人权尊重”`: three or more short phrases in marks
 * joined by 、 or a conjunction are an enumeration of named things (aims, slogans, programmes),
 * not words someone said.
 */
function inListOfNames({ text: quoted }: Reading, p: number, span: Span): boolean {
  const text = quoted.folded[p] as string;
  const spans = quoted.spans.filter(
    (other) => other.parts.length === 1 && (other.parts[0] as Part).paragraph === p,
  );
  const at = spans.indexOf(span);
  if (at < 0) return false;
  const linked = (a: Span, b: Span): boolean =>
    a.close >= 0 && /^\s*(?:、|以及|或者|及|和|与|或)\s*$/.test(text.slice(a.close + 1, b.open));
  let first = at;
  while (first > 0 && linked(spans[first - 1] as Span, spans[first] as Span)) first--;
  let last = at;
  while (last + 1 < spans.length && linked(spans[last] as Span, spans[last + 1] as Span)) last++;
  if (last - first < 2) return false;
  // Only after a word opening an enumeration (`包括`, `例如`): after a speech verb or a person
  // (`表示中共“…”、“…”、“…”`, `孙一口一个“文贵兄”、“咱哥俩”…`) they are what someone says.
  const firstOpen = (spans[first] as Span).open;
  const lead = text.slice(quoted.clauseStart(p, firstOpen), firstOpen);
  if (!/(?:包括|包含|例如|比如|诸如|譬如)$/.test(lead)) return false;
  for (let i = first; i <= last; i++) {
    const part = (spans[i] as Span).parts[0] as Part;
    const inner = text.slice(part.start, part.end);
    if (countHanChars(inner) > 8 || /[,。!?…;]/.test(inner)) return false;
  }
  return true;
}

function chainEnd(quoted: QuotedText, paragraph: number, closeAt: number): number {
  const text = quoted.folded[paragraph] as string;
  for (;;) {
    let open = closeAt + 1;
    while (text[open] === " ") open++;
    if (text[open] === ";" || text[open] === "," || text[open] === "、") open++;
    while (text[open] === " ") open++;
    const next = OPENERS[text[open] as string] ? quoted.spanAt(paragraph, open) : undefined;
    if (!next || next.close < 0) return closeAt;
    closeAt = next.close;
  }
}

/** `”，她补充说。` after a closing mark: the speaker slot and where the attribution ends. */
export function afterAttribution(
  quoted: QuotedText,
  people: ArticlePeople,
  paragraph: number,
  closeAt: number,
  introduced = false,
): { slot: Slot; verbAt: number; end: number; slotLength?: number } | undefined {
  const text = quoted.folded[paragraph] as string;
  // `“…”；“…”。孙大午在北大慷慨激昂地说。`: quotations in a row share the attribution after
  // the last, and a short sentence of its own after the full stop can be it.
  closeAt = chainEnd(quoted, paragraph, closeAt);
  let i = closeAt + 1;
  while (i < text.length && /[\s,]/.test(text[i] as string)) i++;
  const afterStop = text[i] === "。";
  if (afterStop) i++;
  const start = i;
  let depth = 0;
  let j = start;
  for (; j < text.length && j - start <= 80; j++) {
    const c = text[j] as string;
    if (quoted.isQuoted(paragraph, j)) break;
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && CLAUSE_BREAK.has(c)) break;
  }
  if (j - start > 80 || j === start) return undefined;
  // `秘电：“…”麦克阿瑟则回复道：“…”`: after a quotation that had its own introduction, a clause
  // ending in a colon introduces the next quotation (`“…”布德罗说：“…”` speaks for both).
  if (introduced && text[j] === ":" && /^\s*[“「『]/.test(text.slice(j + 1))) return undefined;
  const clause = text.slice(start, j);
  const verb = VERB_AT_END.exec(clause);
  if (afterStop) {
    // Only a whole sentence `X说。` ending the paragraph or followed by more quotation.
    if (!verb || NOT_SPEECH_ENDINGS.test(clause) || verb[0].length > 4) return undefined;
    if (text[j] !== "。" || !/^\s*(?:$|[“「『])/.test(text.slice(j + 1))) return undefined;
    const slot = resolveSlot(quoted, people, paragraph, start, start + verb.index);
    if (slot.kind !== "person") return undefined;
    return { slot, verbAt: start + verb.index, end: j + 1, slotLength: verb.index };
  }
  if (verb && !NOT_SPEECH_ENDINGS.test(clause)) {
    const slot = resolveSlot(quoted, people, paragraph, start, start + verb.index);
    return { slot, verbAt: start + verb.index, end: j + 1, slotLength: verb.index };
  }
  // `”寒山碧表示对洪为民的背景也感到很奇怪。`: a person and a speech verb opening the clause.
  const first = VERB_MATCHER.matchAll(clause).next();
  if (first.done || first.value.index === 0 || first.value.index > 15) return undefined;
  const slot = resolveSlot(quoted, people, paragraph, start, start + first.value.index);
  if (slot.kind !== "person" && slot.kind !== "pronoun") return undefined;
  return { slot, verbAt: start + first.value.index, end: j + 1 };
}

/**
 * `感到“震惊”`, `会“全力支持”美国队`, `“管理不善”和“保安失败”是…`: a short quotation inside a
 * clause that ends in a verb, an adjective or a time word is how the speaker put the predicate,
 * their wording; a term is a noun phrase (`“认知作战”`, `“港版国安法”`) or a set phrase, and is
 * written more than once, or named as a saying or a claim after it (`“港人自主”和“香港独立”的诉求`,
 * `像“为国争光”这样的说法`).
 */
function predicateWording(quoted: QuotedText, p: number, span: Span, inner: string): boolean {
  if (timesWritten(quoted, inner) > 1) return false;
  const text = quoted.folded[p] as string;
  let after = text.slice(span.close + 1);
  // `“A”和“B”的诉求`: a pair of quotations is read after the second.
  if (/^[和与及][“「『]/.test(after)) {
    const next = quoted.spanAt(p, span.close + 2);
    if (next && next.close >= 0) after = text.slice(next.close + 1);
  }
  if (/^(?:的|这样|这种|这类|之类|一类|等)/.test(after)) return false;
  if (/[、,]/.test(inner)) return false;
  const words = segmenter().tag(inner, false);
  const first = words[0];
  const last = words[words.length - 1];
  // A noun, a number or a place first (`“战略模糊”`, `“零容忍”`, `“市场抽查”`) makes a term of a
  // verb-final phrase too; so do single characters only (`“拜习会”`).
  return (
    first !== undefined &&
    last !== undefined &&
    /^(?:v|vn|a|an|d|ad)$/.test(first.tag) &&
    /^(?:v|a|d|t|ad)$/.test(last.tag) &&
    words.some((word) => word.word.length > 1)
  );
}
