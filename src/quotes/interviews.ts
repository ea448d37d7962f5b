import { wordList, wordSet } from "../text/lexicon.js";
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
  /** The person the label names, or undefined for a role. */
  entity: Entity | undefined;
  /** Where the paragraph's words start after the label. */
  textStart: number;
}

/** Paragraphs that start with a speaker label (`杨杰凯：…`, `主持人：…`), by paragraph. */
export function findLabels({ text, people }: Reading): Map<number, Label> {
  const labels = new Map<number, Label>();
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
        if (label.endsWith(full) || [...slot.entity.forms].some((f) => foldText(f) === label))
          entity = slot.entity;
      }
    }
    if (entity) labels.set(p, { entity, textStart: match[0].length });
  }
  // A single label in a news article is more often a heading than an interview.
  let named = 0;
  for (const label of labels.values()) if (label.entity) named++;
  if (named < 2) return new Map();
  // A talk show's labels address a guest (秦鹏：…为什么？): when every named turn asks a question,
  // the name is the one asked, never the speaker.
  const turns = [...labels].filter(([, label]) => label.entity);
  if (turns.every(([p]) => /\?/.test(text.folded[p] as string))) return new Map();
  return labels;
}

const TRANSCRIPT_BREAK = new RegExp(
  `^(?:[【(〔［[]|${alternation(wordList("transcript-breaks"))}|\\(完\\)|完$|https?:)`,
);

/** Whether a paragraph of a transcript goes on with the speaker (not a link, a note, a credit). */
export function isTranscriptContinuation(text: string): boolean {
  return !TRANSCRIPT_BREAK.test(text) && !/https?:\/\//.test(text);
}

/** The label without a title written after the name (坦普尔顿博士 → 坦普尔顿). */
function withoutPostTitle(label: string): string {
  for (const [title] of POST_TITLES)
    if (label.endsWith(title) && label.length > title.length) return label.slice(0, -title.length);
  return label;
}
