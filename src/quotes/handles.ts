import { wordList } from "../text/lexicon.js";
import { alternation, isPlaceName, ORGANISATION_SUFFIX, TITLE_MATCHER } from "../text/names.js";
import { segmenter } from "../text/text.js";
import type { Reading } from "./attribution.js";
import type { Entity } from "./mentions.js";
import type { Part, Span } from "./spans.js";
import {
  LEADING_CONNECTIVES,
  NOT_SPEECH_ENDINGS,
  TRAILING_MODIFIERS,
  VERB_AT_END,
  VERB_MATCHER,
} from "./speech.js";

/**
 * Netizens quoted under handles written without marks, as round-ups of online comments do
 * (`网友猴面包圣诞树说，“…”`, `l_O_O_l说，“…”；还是伍先森痛斥，“…”`): the handle is the whole
 * subject of a clause that opens its sentence and introduces the quotation. Read only where the
 * frame tells a handle from anything else: after a word for netizens (lexicon/handle-nouns.txt),
 * or shaped as no name is (digits, `_`, Latin in lower case, Latin with Han), with netizens
 * written of nearby; a Han subject with no such shape only beside a handle so read in the same
 * paragraph.
 */

const HANDLE_NOUNS = wordList("handle-nouns");

/** A word for netizens opening the subject, or `ID为`, `网名为` before the handle. */
const HANDLE_NOUN_AT_START = new RegExp(
  `^(?:(?:${alternation(HANDLE_NOUNS)})(?:ID|id|网名)?(?:为|是|叫)?|(?:ID|id|网名)(?:为|是|叫))@?`,
);

/** Netizens written of: the frame of a round-up of comments, in the paragraph or just before. */
const NETIZENS_WRITTEN_OF = new RegExp(`(?:${alternation([...HANDLE_NOUNS, "留言", "评论区"])})`);

/** A subject in Latin letters, digits and the signs of user names, one short run. */
const LATIN_HANDLE = /^@?[A-Za-z0-9][A-Za-z0-9_.\- ]{0,28}[A-Za-z0-9_]$/;

/**
 * A subject written as no person's name is: digits or `_` in it (Gcb1114, l_O_O_l, 我是影子199810),
 * Latin opening in lower case (lao_shan), Han and Latin in one word (苏打MSK, 邓布利多H), a word
 * after a hyphen in lower case (Kelly-zen), two humps of capitals inside a word (ThisShitHits).
 */
function handleShaped(s: string): boolean {
  if (s.length < 2 || s.length > 24) return false;
  // Latin with digits or `_` and a small letter (Gcb1114, l_O_O_l; not G7, F35), in lower case (lao_shan, Kelly-zen), or with two
  // humps of capitals (ThisShitHits).
  if (/^@?[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9_]$/.test(s))
    return (
      (/[0-9_]/.test(s) && /[a-z_]/.test(s)) ||
      /^@?[a-z]/.test(s) ||
      /-[a-z]/.test(s) ||
      /[a-z][A-Z][a-z]*[a-z][A-Z]/.test(s)
    );
  // Han and then digits (我是影子199810, 花花071870; not a date: 刘涛25日) or Latin (苏打MSK,
  // 邓布利多H; not a place or a body before an abbreviation: 美国CNN).
  const mixed = /^(\p{Script=Han}{1,8})(?:[0-9]{3,}|[A-Za-z][A-Za-z0-9]{0,7})$/u.exec(s);
  if (!mixed) return false;
  const han = mixed[1] as string;
  // `四川网友酷酷的TtIng`: a phrase ending in a handle, not a handle.
  if (/[的之]/.test(han) || NETIZENS_WRITTEN_OF.test(han)) return false;
  if (isPlaceName(han) || ORGANISATION_SUFFIX.has(han[han.length - 1] as string)) return false;
  const words = segmenter().tag(han, false);
  return !(words.length === 1 && /^(?:nt|j)/.test(words[0]?.tag ?? ""));
}

/** Noun tags of the dictionary (and unknown words): a Han handle is a string of nouns. */
const NOUN_TAG = /^(?:n|x|eng)/;

/** A Han subject that reads as nouns only (猴面包圣诞树), at least three characters. */
function nounsOnly(s: string): boolean {
  if (!/^\p{Script=Han}{3,12}$/u.test(s)) return false;
  const words = segmenter().tag(s, false);
  return words.every((w) => NOUN_TAG.test(w.tag));
}

/** A Han subject beside a handle: no pronoun, group, title or person the article names. */
function hanSibling(reading: Reading, s: string): boolean {
  if (!/^\p{Script=Han}{2,12}$/u.test(s)) return false;
  if (/^(?:他|她|其|该|这|那|有|一)|们|和|与|及/.test(s)) return false;
  if (TITLE_MATCHER.matchAll(s).next().done === false) return false;
  if (reading.people.aliasList.some((alias) => s.includes(alias))) return false;
  return true;
}

type FrameKind = "noun" | "shaped" | "sibling";
interface Frame {
  kind: FrameKind;
  handle: string;
}

/**
 * What may stand between a handle and its verb: adverbs (则, 也), an adverbial in -地, a place
 * (`在他的推特账户上`), a speech act (`留言`); not the prepositional phrases a name's slot loses
 * (`同学` is no 同 + object).
 */
const HANDLE_MODIFIERS = [
  TRAILING_MODIFIERS[0],
  TRAILING_MODIFIERS[1],
  /(?:在|于)[^,。;:在于]{1,40}$/,
  TRAILING_MODIFIERS[TRAILING_MODIFIERS.length - 1],
].filter((modifier) => modifier !== undefined);

/** `还是伍先森痛斥`, `还有网友X说`: a connective opening the clause of a further comment. */
const OPENING_CONNECTIVE = /^(?:还是|还有|另有|也有|更有|而)/;

/** An adverb or an adjective right before the verb (奇怪道, 无奈道), not part of the handle. */
function withoutMannerWord(s: string, verbsToo: boolean): string {
  const words = segmenter().tag(s, false);
  const last = words[words.length - 1];
  const manner = verbsToo ? /^(?:a|ad|d|v)$/ : /^(?:a|ad|d)$/;
  if (words.length >= 2 && last && manner.test(last.tag) && last.word.length >= 2)
    return s.slice(0, s.length - last.word.length);
  return s;
}

/** The frame of the clause introducing a span, when it is `SUBJECT VERB，“` opening a sentence. */
function frameOf(reading: Reading, span: Span): Frame | undefined {
  const { text: quoted } = reading;
  if (span.parts.length !== 1) return undefined;
  const p = (span.parts[0] as Part).paragraph;
  const text = quoted.folded[p] as string;
  const original = quoted.original[p] as string;
  // The words end their clause.
  if (span.close >= 0 && !/^\s*(?:$|[。,!?;…])/.test(text.slice(span.close + 1))) return undefined;
  let k = span.open - 1;
  while (k >= 0 && /\s/.test(text[k] as string)) k--;
  if (text[k] !== "," && text[k] !== ":") return undefined;
  const clauseStart = quoted.clauseStart(p, k);
  const opener = text[clauseStart - 1];
  const clause = text.slice(clauseStart, k);
  if (NOT_SPEECH_ENDINGS.test(clause)) return undefined;
  // `Gcb1114奇怪道`, `Kelly-zen无奈道`: 道 after a manner word (no speech verb alone) ends the
  // clause of a subject shaped as a handle.
  let verbAt = VERB_AT_END.exec(clause)?.index ?? (/.道$/.test(clause) ? clause.length - 1 : -1);
  // `花花071870则直指中共，“…”`: a speech verb and its object after a subject shaped as a handle.
  let withObject = false;
  if (verbAt < 0) {
    for (const { index } of VERB_MATCHER.matchAll(clause)) {
      if (index < 2) continue;
      verbAt = index;
      withObject = true;
      break;
    }
  }
  if (verbAt < 0) return undefined;
  const connective = LEADING_CONNECTIVES.exec(clause)?.[0].length ?? 0;
  const lead = connective + (OPENING_CONNECTIVE.exec(clause.slice(connective))?.[0].length ?? 0);
  let subject = clause.slice(lead, verbAt);
  for (let step = 0; step < 4; step++) {
    let stripped = subject;
    for (const modifier of HANDLE_MODIFIERS) {
      const m = modifier.exec(stripped);
      // Never down to one character (`我在天涯啊说` is a handle, not 我 in 天涯).
      if (m && m[0].length > 0 && m.index >= 2) stripped = stripped.slice(0, m.index);
    }
    if (stripped === subject) break;
    subject = stripped;
  }
  const bareDao = !withObject && !VERB_AT_END.test(clause);
  const before = subject;
  subject = withoutMannerWord(subject, bareDao);
  if (bareDao && subject === before) return undefined;
  if (subject.length < 2) return undefined;
  const from = clauseStart + lead;
  const originalSubject = original.slice(from, from + subject.length).trim();
  const noun = HANDLE_NOUN_AT_START.exec(subject);
  if (noun && (opener === undefined || /[。!?;,]/.test(opener))) {
    const handle = originalSubject.slice(noun[0].length);
    const folded = subject.slice(noun[0].length);
    if (handleShaped(handle) || (!withObject && (LATIN_HANDLE.test(handle) || nounsOnly(folded))))
      return { kind: "noun", handle };
    return undefined;
  }
  // Without a word for netizens: the subject opens its sentence (or follows `；`), and netizens
  // are written of in the paragraph or the two before it.
  if (opener !== undefined && !/[。!?;]/.test(opener)) return undefined;
  let context = false;
  for (let q = Math.max(0, p - 2); q <= p && !context; q++)
    context = NETIZENS_WRITTEN_OF.test(quoted.folded[q] as string);
  if (!context) return undefined;
  if (handleShaped(originalSubject)) return { kind: "shaped", handle: originalSubject };
  if (!bareDao && !withObject && hanSibling(reading, subject))
    return { kind: "sibling", handle: originalSubject };
  return undefined;
}

/** The netizen whose handle, written without marks, introduces the quotation. */
export function bareHandleSpeaker(reading: Reading, span: Span): Entity | undefined {
  const frame = frameOf(reading, span);
  if (!frame) return undefined;
  if (frame.kind === "sibling") {
    // Only beside a handle read by its noun or its shape in the same paragraph.
    const p = (span.parts[0] as Part).paragraph;
    const beside = reading.text.spans.some((other) => {
      if (other === span || (other.parts[0] as Part).paragraph !== p) return false;
      const kind = frameOf(reading, other)?.kind;
      return kind === "noun" || kind === "shaped";
    });
    if (!beside) return undefined;
  }
  return reading.people.entityFor(frame.handle, frame.handle);
}
