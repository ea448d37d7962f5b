import { isHan } from "./chars.js";
import { foldText } from "./fold.js";
import { alternation, wordSet } from "./lexicon.js";

/**
 * Where sentences of Chinese news text begin and end: one module for every part that cuts text
 * into sentences. `sentenceRanges` returns ranges of the paragraph under one of two rules:
 * `reading` (the default: summary, ask) and `end-marks` (search snippets); `lastSentenceEnd`
 * finds where a Discord page may be cut.
 *
 * The `reading` rule:
 *
 * - A sentence ends at 。！？ (full or half width, and combinations such as ！？ or ?!) and at an
 *   ellipsis of two or more …; the semicolon does not end a sentence.
 * - Closing marks after the end (” 」 』 ） ’ 》 】 and their ASCII forms) stay with the sentence
 *   they close.
 * - Nothing splits inside quotation marks or brackets (“” 「」 『』 ‘’ （） 《》 【】, nested) that
 *   close later in the same paragraph. A quote that ends with its sentence (`…。”`) ends the
 *   sentence, unless a short attribution follows (`“…。”她说。`), which belongs to it.
 * - A '.' between Latin letters or digits (3.5%, U.S., Mr. Smith, 1.2万) ends nothing; in a run of
 *   English, `word. Next` does.
 * - Whitespace is trimmed; no empty strings; the pieces concatenated give back the paragraph
 *   (whitespace aside).
 *
 * The scan works on `foldText(paragraph)` (same length, half-width punctuation) and slices the
 * original text, so the script and the marks are kept as written.
 */

/** Opening marks (folded) and the mark that closes each. */
const QUOTE_PAIRS: Record<string, string> = {
  "“": "”",
  "「": "」",
  "『": "』",
  "‘": "’",
  "(": ")",
  "《": "》",
  "【": "】",
  "〈": "〉",
  "﹁": "﹂",
  "﹃": "﹄",
};
const CLOSERS = new Set([...Object.values(QUOTE_PAIRS), '"']);
const TITLE_OPENERS = new Set(["《", "〈"]);
const BRACKET_OPENERS = new Set(["(", "【"]);
const STRONG_END = new Set(["。", "｡", "!", "?"]);
const ELLIPSIS = "…";
const COMMA_LIKE = new Set([",", "、", ";", ":", "，", "；", "：", "—"]);

/**
 * A short tail after a closing quote that attributes it (`“…。”她说。`, `“…。”谢尔曼在会后表示，…`):
 * its first clause ends with a speech verb and is not negated (`她没有回答` is a sentence).
 */
const ATTRIBUTION = new RegExp(
  `^[^，,；;]*?(${alternation("sentence-attribution-verbs")}|告诉[^，,]{1,8})(\\s*[，,；;].*)?$`,
);
const NEGATION = new RegExp(alternation("sentence-negations"));
const ATTRIBUTION_MAX = 24;

const LATIN_ABBREVIATIONS = wordSet("sentence-latin-abbreviations");

const OPENER_CODES = new Map<number, number>(
  Object.entries(QUOTE_PAIRS).map(([open, close]) => [open.charCodeAt(0), close.charCodeAt(0)]),
);
const CLOSER_CODES = new Set([...CLOSERS].map((char) => char.charCodeAt(0)));
const STRAIGHT_QUOTE = 0x22;
/**
 * The UTF-16 units at which `readingRanges` has anything to do: openers (a pair may start there),
 * sentence ends, the ellipsis and the period. Any other unit is passed over without making a
 * string of it (a Han character read as `folded[i]` is a new string each time: most of the
 * splitting's time and garbage on long articles).
 */
const READING_MARKS = new Uint8Array(0x10000);
for (const mark of [...Object.keys(QUOTE_PAIRS), '"', ...STRONG_END, ELLIPSIS, "."])
  READING_MARKS[mark.charCodeAt(0)] = 1;

/** For each opening mark that is closed later in the text, the index of its closing mark. */
function matchPairs(folded: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const indices: number[] = [];
  const closers: number[] = [];
  const closeAt = (closer: number, i: number): boolean => {
    const at = closers.lastIndexOf(closer);
    if (at < 0) return false;
    pairs.set(indices[at] as number, i);
    // Marks opened inside and never closed are left unmatched.
    indices.length = at;
    closers.length = at;
    return true;
  };
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if (code === STRAIGHT_QUOTE) {
      if (!closeAt(STRAIGHT_QUOTE, i)) {
        indices.push(i);
        closers.push(STRAIGHT_QUOTE);
      }
      continue;
    }
    const closer = OPENER_CODES.get(code);
    if (closer !== undefined) {
      indices.push(i);
      closers.push(closer);
    } else if (CLOSER_CODES.has(code)) closeAt(code, i);
  }
  return pairs;
}

/** Whether the '.' at `i` ends an English sentence (`… the talks. The envoy …`). */
function latinPeriodEnds(folded: string, original: string, i: number): boolean {
  if (!/[a-z]/.test(folded[i - 1] ?? "")) return false;
  let start = i;
  while (start > 0 && /[a-z.]/i.test(folded[start - 1] as string)) start--;
  const word = folded.slice(start, i);
  if (word.includes(".") || word.length < 2 || LATIN_ABBREVIATIONS.has(word)) return false;
  if (word === "no" && /^\s*\d/.test(folded.slice(i + 1, i + 4))) return false;
  let j = i + 1;
  while (j < folded.length && CLOSERS.has(folded[j] as string)) j++;
  if (j >= folded.length) return true;
  if (!/\s/.test(folded[j] as string)) return false;
  while (j < folded.length && /\s/.test(folded[j] as string)) j++;
  const next = original[j];
  return next !== undefined && (/[A-Z"“‘(]/.test(next) || isHan(next));
}

/** A sentence of a paragraph as [start, end) offsets, whitespace trimmed. */
export type SentenceRange = [start: number, end: number];

const WHITESPACE = /\s/;

/**
 * How sentences end: `reading` keeps quotations, brackets and attributions whole (see above);
 * `end-marks` ends a sentence after every run of 。！？!? and the closing marks right after it,
 * even inside a quotation (search snippets are cut from these).
 */
export type SentenceRule = "reading" | "end-marks";

/** The sentences of one paragraph as ranges of the paragraph, in order, whitespace trimmed. */
export function sentenceRanges(paragraph: string, rule: SentenceRule = "reading"): SentenceRange[] {
  return rule === "end-marks" ? endMarkRanges(paragraph) : readingRanges(paragraph);
}

function readingRanges(paragraph: string): SentenceRange[] {
  const folded = foldText(paragraph);
  const pairs = matchPairs(folded);
  const matchedClosers = new Set(pairs.values());
  const cuts: number[] = [];
  const open: number[] = []; // closing indices of the marks we are inside
  const openedAt: number[] = []; // and where they open
  const n = folded.length;
  let sentenceStart = 0;
  let i = 0;
  while (i < n) {
    while (open.length > 0 && open[open.length - 1] === i) {
      open.pop();
      openedAt.pop();
    }
    if (READING_MARKS[folded.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    const char = folded[i] as string;
    const close = pairs.get(i);
    if (close !== undefined) {
      open.push(close);
      openedAt.push(i);
      i++;
      continue;
    }
    let endLength = 0;
    if (STRONG_END.has(char)) endLength = 1;
    else if (char === ELLIPSIS && folded[i + 1] === ELLIPSIS) endLength = 2;
    else if (char === "." && folded.startsWith("...", i) && !/[a-z0-9]/i.test(folded[i + 3] ?? ""))
      endLength = 3;
    else if (char === "." && open.length === 0 && latinPeriodEnds(folded, paragraph, i))
      endLength = 1;
    if (endLength === 0 || (char === "?" && /[a-z0-9=&]/i.test(folded[i + 1] ?? ""))) {
      i++;
      continue;
    }
    // The whole run of end marks: 。。 ！？ ?! …… ……。
    let j = i + endLength;
    while (
      j < n &&
      (STRONG_END.has(folded[j] as string) || folded[j] === ELLIPSIS || folded[j] === ".")
    )
      j++;
    // Closing marks right after the end: those that close what we are inside, then any others
    // that close nothing (` 。）` of an unmatched bracket stays too).
    const depth = open.length;
    let closed = 0;
    let absorbed = 0;
    while (j < n && CLOSERS.has(folded[j] as string)) {
      if (closed < depth && open[depth - 1 - closed] === j) closed++;
      else if (matchedClosers.has(j)) break;
      absorbed++;
      j++;
    }
    const outer = depth > 0 ? (openedAt[0] as number) : -1;
    open.length = depth - closed;
    openedAt.length = depth - closed;
    if (closed < depth) {
      // The end mark is inside a quote or bracket that goes on: not a sentence end.
      i = j;
      continue;
    }
    const rest = absorbed > 0 ? nextClause(folded, j) : "";
    const attribution =
      rest.length > 0 &&
      rest.length <= ATTRIBUTION_MAX &&
      ATTRIBUTION.test(rest) &&
      !NEGATION.test(rest.split(/[，,；;]/)[0] as string);
    // An end inside a title (《你好吗？》) ends nothing; one inside brackets ends the sentence
    // only when the brackets are the whole sentence (（……。）).
    const enclosed =
      outer >= 0 &&
      (TITLE_OPENERS.has(folded[outer] as string) ||
        (BRACKET_OPENERS.has(folded[outer] as string) &&
          folded.slice(sentenceStart, outer).trim() !== ""));
    const splitHere = j < n && !COMMA_LIKE.has(folded[j] as string) && !attribution && !enclosed;
    if (splitHere) {
      cuts.push(j);
      sentenceStart = j;
    }
    i = j;
  }
  const ranges: SentenceRange[] = [];
  let start = 0;
  for (const cut of [...cuts, n]) {
    let from = start;
    let to = cut;
    while (from < to && WHITESPACE.test(paragraph.charAt(from))) from++;
    while (to > from && WHITESPACE.test(paragraph.charAt(to - 1))) to--;
    if (to > from) ranges.push([from, to]);
    start = cut;
  }
  return ranges;
}

/** Splits one paragraph into sentences (the text of `sentenceRanges`). */
export function splitSentences(paragraph: string): string[] {
  return sentenceRanges(paragraph).map(([start, end]) => paragraph.slice(start, end));
}

/** The text from `start` to the next sentence end or opening mark (the possible attribution). */
function nextClause(folded: string, start: number): string {
  let end = start;
  while (end < folded.length) {
    const char = folded[end] as string;
    if (STRONG_END.has(char) || char === ELLIPSIS || QUOTE_PAIRS[char] || char === '"') break;
    end++;
    if (end - start > ATTRIBUTION_MAX) break;
  }
  return folded.slice(start, end).trim();
}

export interface SentenceRef {
  text: string;
  /** 1-based paragraph number (paragraph n = `article.paragraphs[n - 1]`). */
  paragraph: number;
  /** 0-based order of the sentence in the article. */
  index: number;
}

// ---------------------------------------------------------------------------------------------
// The end-marks rule (search snippets)

const END_MARKS = new Set("。！？!?");
const END_MARK_CLOSERS = new Set("”’」』)）】》\"'");

function endMarkRanges(paragraph: string): SentenceRange[] {
  const ranges: SentenceRange[] = [];
  const push = (start: number, end: number) => {
    while (start < end && WHITESPACE.test(paragraph.charAt(start))) start++;
    while (end > start && WHITESPACE.test(paragraph.charAt(end - 1))) end--;
    if (end > start) ranges.push([start, end]);
  };
  let start = 0;
  const n = paragraph.length;
  for (let i = 0; i < n; i++) {
    if (!END_MARKS.has(paragraph.charAt(i))) continue;
    let end = i + 1;
    while (
      end < n &&
      (END_MARKS.has(paragraph.charAt(end)) || END_MARK_CLOSERS.has(paragraph.charAt(end)))
    )
      end++;
    push(start, end);
    start = end;
    i = end - 1;
  }
  push(start, n);
  return ranges;
}

// ---------------------------------------------------------------------------------------------
// Page cuts (Discord messages)

const PAGE_QUOTE_OPENERS = '「『“‘（《〈【"';
const PAGE_QUOTE_CLOSERS = '」』”’）》〉】"';
const PAGE_ENDS = "。！？!?；;…";

/**
 * The last position after a sentence end (。！？!?；;…) that is outside quotation marks, or 0:
 * where a text longer than a message may be cut into pages.
 */
export function lastSentenceEnd(text: string): number {
  let depth = 0;
  let straight = false;
  let best = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '"') {
      straight = !straight;
    } else if (PAGE_QUOTE_OPENERS.includes(char)) {
      depth++;
    } else if (PAGE_QUOTE_CLOSERS.includes(char)) {
      depth = Math.max(0, depth - 1);
      // A quote that ends a sentence: 。」 closes both.
      if (depth === 0 && !straight && i > 0 && PAGE_ENDS.includes(text[i - 1] as string))
        best = i + 1;
    } else if (depth === 0 && !straight && PAGE_ENDS.includes(char)) {
      const next = text[i + 1];
      if (next === undefined || !PAGE_QUOTE_CLOSERS.includes(next)) best = i + 1;
    }
  }
  return best;
}
