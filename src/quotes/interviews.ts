import { lexicon, wordList, wordSet } from "../text/lexicon.js";
import { alternation } from "../text/names.js";
import { foldText } from "../text/text.js";
import type { Reading } from "./attribution.js";
import type { Entity } from "./mentions.js";
import { POST_TITLES, resolveSlot } from "./speakers.js";

/**
 * Interview transcripts: paragraphs that open with a speaker label (`杨杰凯：…`). Each labelled
 * paragraph is its speaker's direct quote; unlabelled paragraphs continue the last named speaker;
 * role labels (主持人, 记者, 编者按) name nobody.
 */

const ROLE_LABELS = wordSet("interview-role-labels");

export interface Label {
  /** The person the label names, or undefined for a role or a label that names no speaker. */
  entity: Entity | undefined;
  /** Where the paragraph's words start after the label. */
  textStart: number;
}

/** Words saying the article is an interview or a talk show, in its title or its introduction. */
const INTERVIEW_CUES = lexicon("interview-cues").entries;
const TITLE_CUE = new RegExp(
  alternation(INTERVIEW_CUES.filter((e) => e.fields[0] !== "intro").map((e) => e.term)),
);
const INTRO_CUE = new RegExp(
  alternation(INTERVIEW_CUES.filter((e) => e.fields[0] !== "title").map((e) => e.term)),
);

/** Role labels that only an interview or a talk show has (主持人：, 记者：, 问：). */
const INTERVIEW_ROLES = new Set(
  lexicon("interview-role-labels")
    .entries.filter((e) => e.fields[0] === "talk")
    .map((e) => e.term),
);

/**
 * A label that names no speaker but ends the turn going on: someone not recognised as a name
 * (扶摇：, 警察：, 女：), an organisation, a date, an entry of a list (`世卫：…`, `1月20日：…`).
 * Not a sentence of the speaker's ending in a colon (`我想说的是：…`, `网络战可以分为两类：`).
 */
function endsTurn(label: string): boolean {
  return (
    (label.length <= 8 || /^[A-Za-z]/.test(label)) &&
    !/[的了是有在把被就也都可会要我你您他她它咱这那么呢吗吧?]|[说道讲问称示写类下]$/.test(label)
  );
}

/**
 * Paragraphs that start with a speaker label (`杨杰凯：…`, `主持人：…`), by paragraph, when the
 * article is a transcript: an interview or a talk show (a cue in its title or before the first
 * turn, or a host's or reporter's label) whose labels name persons, one of them taking several
 * turns. Labels that name each person once (a list of officials, of candidates), a play script
 * or a satire written as a dialogue, a timeline (`世卫：`, `1月20日：`) are no transcript.
 */
export function findLabels({ text, people }: Reading, title = ""): Map<number, Label> {
  const labels = new Map<number, Label>();
  const roles = new Set<string>();
  for (let p = 0; p < text.folded.length; p++) {
    const folded = text.folded[p] as string;
    const match = /^\s*([^:,。“”「」《》()\s]{1,12}|[A-Za-z][A-Za-z.' ]{1,30})\s*:\s*/.exec(folded);
    if (!match) continue;
    const label = match[1] as string;
    const rest = folded.slice(match[0].length);
    if (!rest || /^https?/.test(rest)) continue;
    // 坦普尔顿博士：“…” quotes someone before a transcript: a quote, not a turn.
    if (/^[“「『]/.test(rest)) continue;
    // A heading of the form 名字：短语 (拜登：美国军队不会进入乌克兰) has no sentence: not a turn.
    if (!/[。?!…]/.test(rest)) continue;
    if (ROLE_LABELS.has(label)) {
      roles.add(label);
      labels.set(p, { entity: undefined, textStart: match[0].length });
      continue;
    }
    const known = people.aliasAtEnd(label) ?? people.aliasAtEnd(withoutPostTitle(label));
    let entity: Entity | undefined;
    if (known && (known.length === label.length || known.length === withoutPostTitle(label).length))
      entity = known.entity;
    else {
      const labelAt = match.index + match[0].indexOf(label);
      const slot = resolveSlot(text, people, p, labelAt, labelAt + label.length);
      if (slot.kind === "person") {
        const full = foldText(slot.entity.canonical);
        // `Mr. Cooper：` after `Sam Cooper：`: an honorific and the surname of a Latin name.
        const bare = label.replace(/^(?:mrs?|ms|miss|dr|prof)\.? ?/, "");
        if (
          label.endsWith(full) ||
          [...slot.entity.forms].some((f) => foldText(f) === label) ||
          (bare !== label && people.entityByAlias(bare) === slot.entity)
        )
          entity = slot.entity;
      }
    }
    if (entity) labels.set(p, { entity, textStart: match[0].length });
    else if (endsTurn(label)) labels.set(p, { entity: undefined, textStart: match[0].length });
  }
  const turns = [...labels].filter(([, label]) => label.entity);
  // A single label in a news article is more often a heading than an interview.
  if (turns.length < 2) return new Map();
  // A talk show's labels address a guest (秦鹏：…为什么？): when every named turn asks a question,
  // the name is the one asked, never the speaker.
  if (turns.every(([p]) => /\?/.test(text.folded[p] as string))) return new Map();
  // Turns alternate: someone speaks more than once. Names each labelled once are a list.
  const turnsOf = new Map<Entity, number>();
  for (const [, { entity }] of turns)
    turnsOf.set(entity as Entity, (turnsOf.get(entity as Entity) ?? 0) + 1);
  if (Math.max(...turnsOf.values()) < 2) return new Map();
  // The article says it is an interview or a talk show.
  const firstTurn = Math.min(...labels.keys());
  const intro = text.folded.slice(0, firstTurn + 1).join("\n");
  const cued =
    TITLE_CUE.test(foldText(title)) ||
    INTRO_CUE.test(intro) ||
    [...roles].some((role) => INTERVIEW_ROLES.has(role));
  if (!cued) return new Map();
  return labels;
}

const TRANSCRIPT_BREAK = new RegExp(
  `^(?:[【(〔［[]|${alternation(wordList("transcript-breaks"))}|\\(完\\)|完$|https?:)`,
);

/**
 * A short parenthesis opening an answer's sentence (`（他们）把…带走`, `（中共）…`): the
 * transcriber's gloss of an omitted subject, the answer going on — not a note in parentheses.
 */
const OPENING_GLOSS = /^\([^():]{1,6}\)[\u4e00-\u9fff]/;

/** Whether a paragraph of a transcript goes on with the speaker (not a link, a note, a credit). */
export function isTranscriptContinuation(text: string): boolean {
  return (!TRANSCRIPT_BREAK.test(text) || OPENING_GLOSS.test(text)) && !/https?:\/\//.test(text);
}

/** The label without a title written after the name (坦普尔顿博士 → 坦普尔顿). */
function withoutPostTitle(label: string): string {
  for (const [title] of POST_TITLES)
    if (label.endsWith(title) && label.length > title.length) return label.slice(0, -title.length);
  return label;
}

/**
 * A talk show's host introducing it before the first turn, in the first person and unlabelled
 * (`我第一次知悉卡什‧帕特尔，…`, `这里是《美国思想领袖》节目，我是杨杰凯。`): the paragraph where
 * the host names himself (`我是X`, X a labelled speaker of the transcript) and the paragraphs
 * without quotation marks right before it, back to the first of them written in the first person.
 * By paragraph, the host.
 */
export function hostIntroduction(
  { text, people }: Reading,
  labels: Map<number, Label>,
): Map<number, Entity> {
  const intro = new Map<number, Entity>();
  if (labels.size < 2) return intro;
  const firstTurn = Math.min(...labels.keys());
  const speakers = new Set([...labels.values()].map((label) => label.entity));
  // Paragraphs quoting someone (a teaser `“…”X说。`); a short term in marks is narration.
  const quoted = new Set<number>();
  for (const span of text.spans)
    for (const part of span.parts) if (part.end - part.start > 8) quoted.add(part.paragraph);
  for (let q = firstTurn - 1; q >= 0 && q >= firstTurn - 2; q--) {
    const folded = text.folded[q] as string;
    const named = /我是([^,。:;!?()“”「」]{2,12}?)\s*(?:\([^()]*\))?\s*[。!]?\s*$/.exec(folded);
    // `我是Sydney，我是秦鹏`: two hosts introducing the show together are neither one's words.
    if (!named || quoted.has(q) || folded.split("我是").length > 2) continue;
    const host = people.entityByAlias(named[1] as string);
    if (!host || !speakers.has(host)) return intro;
    let from = q;
    for (let p = q - 1; p >= 0 && !quoted.has(p) && (text.folded[p] as string).trim(); p--)
      if (FIRST_PERSON.test(text.folded[p] as string)) from = p;
    for (let p = from; p <= q; p++) intro.set(p, host);
    return intro;
  }
  return intro;
}

/** `我`, `我们` (not 自我): a paragraph in the first person. */
const FIRST_PERSON = /(?<!自)我/;
