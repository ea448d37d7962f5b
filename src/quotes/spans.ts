import { hanNameDots, isNameHan } from "../text/names.js";
import { foldText } from "../text/text.js";
import { findVerbs, type VerbMatch } from "./speech.js";

/**
 * Stage 1: the quoted spans of an article. The top-level quotations of each paragraph (“”, 「」,
 * 『』; nested marks stay inside); a quotation running over several paragraphs (an opening mark at
 * each paragraph, the closing one only at the end) is ONE span. Also the clause and sentence
 * bounds that later stages read, which skip what is inside quotations.
 */

export interface Part {
  paragraph: number;
  /** Index of the first quoted character (after the opening mark). */
  start: number;
  /** Index of the closing mark, or the paragraph length when it closes later or never. */
  end: number;
}

export interface Span {
  parts: Part[];
  /** Index of the opening mark in the first paragraph. */
  open: number;
  /** Index of the closing mark in the last paragraph, or -1 when it never closes. */
  close: number;
}

interface RawSpan {
  open: number;
  end: number;
  closed: boolean;
}

export const OPENERS: Record<string, string> = { "“": "”", "「": "」", "『": "』" };
export const CLAUSE_BREAK = new Set(",。!?;:");
const SENTENCE_BREAK = new Set("。!?;");
/** The breaks by character code, for the scans back and forth over a paragraph. */
const CLAUSE_BREAK_CODES = new Uint8Array(0x10000);
for (const c of CLAUSE_BREAK) CLAUSE_BREAK_CODES[c.charCodeAt(0)] = 1;
const SENTENCE_BREAK_CODES = new Uint8Array(0x10000);
for (const c of SENTENCE_BREAK) SENTENCE_BREAK_CODES[c.charCodeAt(0)] = 1;

const OPEN_CODES = new Map<number, number>([
  [0x201c, 0x201d],
  [0x300c, 0x300d],
  [0x300e, 0x300f],
]);

function scanParagraph(text: string): RawSpan[] {
  const spans: RawSpan[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const closer = code >= 0x201c && code <= 0x300e ? OPEN_CODES.get(code) : undefined;
    if (closer === undefined) {
      i++;
      continue;
    }
    let depth = 1;
    let j = i + 1;
    for (; j < length; j++) {
      const c = text.charCodeAt(j);
      if (c === code) depth++;
      else if (c === closer) {
        depth--;
        if (depth === 0) break;
      }
    }
    spans.push({ open: i, end: j, closed: j < length });
    i = j + 1;
  }
  return spans;
}

/** An article's paragraphs, folded, with their quoted spans and speech verbs. Read-only. */
export class QuotedText {
  readonly original: readonly string[];
  readonly folded: readonly string[];
  /** Per paragraph: 1 where a character is inside a top-level quotation (marks included). */
  private readonly masks: Uint8Array[];
  /** Speech verbs of each paragraph (inside quotations too; callers check). */
  readonly verbs: readonly VerbMatch[][];
  readonly spans: readonly Span[];

  constructor(paragraphs: readonly string[]) {
    this.original = paragraphs;
    this.folded = paragraphs.map((p) => hanNameDots(foldText(p)));
    this.masks = this.folded.map((p) => new Uint8Array(p.length));
    this.verbs = this.folded.map((p) => findVerbs(p));
    this.spans = findSpans(this.folded, this.masks);
  }

  private spanIndex: Map<number, Span>[] | undefined;

  /** The quotation opening at `open` of a paragraph, when one does and lies in that paragraph only. */
  spanAt(paragraph: number, open: number): Span | undefined {
    if (!this.spanIndex) {
      this.spanIndex = this.folded.map(() => new Map());
      for (const span of this.spans) {
        const first = span.parts[0] as Part;
        if (span.parts.length === 1) this.spanIndex[first.paragraph]?.set(span.open, span);
      }
    }
    return this.spanIndex[paragraph]?.get(open);
  }

  isQuoted(paragraph: number, offset: number): boolean {
    return (this.masks[paragraph] as Uint8Array)[offset] === 1;
  }

  /** Start of the clause holding `offset`: after a clause break, a quotation or the start. */
  clauseStart(paragraph: number, offset: number): number {
    const text = this.folded[paragraph] as string;
    const mask = this.masks[paragraph] as Uint8Array;
    let depth = 0;
    for (let i = offset - 1; i >= 0; i--) {
      const c = text[i] as string;
      if (mask[i]) {
        // A short quoted term inside running text (`在政治局“民主生活会”上发出警告`) belongs to the
        // clause; a quotation that stands as an utterance ends it.
        let a = i;
        while (a > 0 && mask[a - 1]) a--;
        const run = text.slice(a, i + 1);
        // So is a programme's or a body's name before its bracket or head noun
        // (`接受…的“The Nation Speaks”节目采访时`, `在…的“中国内幕”（China Insider）节目中`).
        const embedded =
          i + 1 < offset &&
          (isNameHan(text[i + 1]) || text[i + 1] === "(") &&
          a > 0 &&
          isNameHan(text[a - 1]) &&
          run.length <= 24 &&
          !/[。!?,]/.test(run);
        if (!embedded) return i + 1;
        i = a;
        continue;
      }
      if (c === ")") depth++;
      else if (c === "(") depth = Math.max(0, depth - 1);
      else if (depth === 0 && CLAUSE_BREAK_CODES[text.charCodeAt(i)]) return i + 1;
    }
    return 0;
  }

  sentenceStart(paragraph: number, offset: number): number {
    const text = this.folded[paragraph] as string;
    const mask = this.masks[paragraph] as Uint8Array;
    for (let i = offset - 1; i >= 0; i--) {
      if (!mask[i] && SENTENCE_BREAK_CODES[text.charCodeAt(i)]) return i + 1;
    }
    return 0;
  }

  sentenceEnd(paragraph: number, offset: number): number {
    const text = this.folded[paragraph] as string;
    const mask = this.masks[paragraph] as Uint8Array;
    for (let i = offset; i < text.length; i++) {
      if (!mask[i] && SENTENCE_BREAK_CODES[text.charCodeAt(i)]) return i;
    }
    return text.length;
  }
}

/** The spans of all paragraphs, marking each in its paragraph's mask. */
function findSpans(folded: readonly string[], masks: Uint8Array[]): Span[] {
  const spans: Span[] = [];
  const perParagraph = folded.map((text) => scanParagraph(text));
  let carry: Span | undefined;
  for (let p = 0; p < folded.length; p++) {
    const text = folded[p] as string;
    const raws = perParagraph[p] as RawSpan[];
    const mask = masks[p] as Uint8Array;
    let startIndex = 0;
    if (carry) {
      const first = raws[0];
      const lead = text.search(/\S/);
      if (first && first.open === lead && OPENERS[text[lead] as string]) {
        carry.parts.push({ paragraph: p, start: first.open + 1, end: first.end });
        mask.fill(1, first.open, Math.min(first.end + 1, text.length));
        startIndex = 1;
        if (first.closed) {
          carry.close = first.end;
          carry = undefined;
        }
      } else carry = undefined;
    }
    for (let k = startIndex; k < raws.length; k++) {
      const raw = raws[k] as RawSpan;
      const span: Span = {
        parts: [{ paragraph: p, start: raw.open + 1, end: raw.end }],
        open: raw.open,
        close: raw.closed ? raw.end : -1,
      };
      mask.fill(1, raw.open, Math.min(raw.end + 1, text.length));
      spans.push(span);
      carry = raw.closed ? undefined : span;
    }
  }
  return spans;
}
