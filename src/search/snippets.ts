import { captionText } from "../articles/article.js";
import { sentenceRanges } from "../text/sentences.js";
import type { QueryTerm } from "./analyzer.js";
import type { IndexedArticle } from "./indexed-article.js";
import { matchRanges } from "./verify.js";

/**
 * Snippets of a search hit: the sentences around the matches, widened to a clause of context,
 * cut to SNIPPET_MAX characters, with the matched ranges to highlight.
 */

/** A sentence or two of an article, with the ranges (in `text`) that matched the query. */
export interface Snippet {
  text: string;
  highlights: Array<[start: number, end: number]>;
}

/** Longest snippet, in characters (plus an ellipsis at a cut end). */
export const SNIPPET_MAX = 120;

/**
 * Marks the highlights of a snippet: `mark` wraps each highlighted part (default `**…**`);
 * `escapeText` is applied to the text, marked or not (for example Discord markdown escaping).
 */
export function markSnippet(
  snippet: Snippet,
  mark: (s: string) => string = (s) => `**${s}**`,
  escapeText: (s: string) => string = (s) => s,
): string {
  let out = "";
  let at = 0;
  for (const [start, end] of mergeRanges(snippet.highlights)) {
    if (start < at || end > snippet.text.length) continue;
    out +=
      escapeText(snippet.text.slice(at, start)) + mark(escapeText(snippet.text.slice(start, end)));
    at = end;
  }
  return out + escapeText(snippet.text.slice(at));
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = ranges
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * One or two sentences around the matches: the sentence of the first match, and one for a term
 * the first lacks (or the next match), each widened to a clause of context. From the captions
 * when only they match, and the title (else the tags) when only the title or tags do.
 */
export function makeSnippets(entry: IndexedArticle, terms: QueryTerm[]): Snippet[] {
  const { article } = entry;
  const body = article.paragraphs.join("\n");
  const foldedBody = entry.folded.slice(entry.bodyStart, entry.figuresStart - 1);
  const matches = terms.map((term) => matchRanges(foldedBody, term, 200));
  const allRanges = matches.flat();
  const ordered = matches
    .flatMap((ranges, termIndex) => ranges.map((range) => ({ range, termIndex })))
    .sort((a, b) => a.range[0] - b.range[0]);
  const snippets: Snippet[] = [];
  const covered = new Set<number>();
  const used: Array<[number, number]> = [];
  for (const pass of [0, 1]) {
    for (const { range, termIndex } of ordered) {
      if (snippets.length >= 2) break;
      if (pass === 0 && covered.has(termIndex)) continue;
      if (used.some(([s, e]) => range[0] >= s && range[1] <= e)) continue;
      const sentence = widenToContext(body, sentenceAround(body, range[0]), allRanges);
      if (used.some(([s, e]) => sentence[0] < e && s < sentence[1])) continue;
      used.push(sentence);
      matches.forEach((ranges, t) => {
        if (ranges.some(([s, e]) => s >= sentence[0] && e <= sentence[1])) covered.add(t);
      });
      snippets.push(cutSnippet(body, sentence, range, allRanges));
    }
  }
  if (snippets.length > 0) return snippets;
  const caption = captionText(article);
  // The lead caption and the image captions, one a line, as `captionText` joins them.
  const foldedCaption = [
    entry.folded.slice(entry.captionStart, entry.bodyStart - 1),
    entry.folded.slice(entry.figuresStart),
  ]
    .filter((text) => text.length > 0)
    .join("\n");
  const inCaption = firstMatch(foldedCaption, terms);
  if (inCaption) {
    // A caption is read whole (its credit included), cut around the term when long.
    const at = inCaption.first[0];
    const lineEnd = caption.indexOf("\n", at);
    const line = trimRange(caption, [
      caption.lastIndexOf("\n", at - 1) + 1,
      lineEnd < 0 ? caption.length : lineEnd,
    ]);
    return [cutSnippet(caption, line, inCaption.first, inCaption.ranges)];
  }
  // The title or the tags hold the term: they are the snippet, never a sentence without it.
  const title = article.title;
  const inTitle = firstMatch(entry.folded.slice(0, entry.tagsStart - 1), terms);
  if (inTitle) return [cutSnippet(title, [0, title.length], inTitle.first, inTitle.ranges)];
  // Folded tags are joined by one separator character, as long as "、".
  const tags = article.tags.join("、");
  const inTags = firstMatch(entry.folded.slice(entry.tagsStart, entry.captionStart - 1), terms);
  if (inTags) return [cutSnippet(tags, [0, tags.length], inTags.first, inTags.ranges)];
  const lead = sentenceAround(body, 0);
  return [cutSnippet(body, lead, [lead[0], lead[0]], [])];
}

function firstMatch(
  folded: string,
  terms: QueryTerm[],
): { first: [number, number]; ranges: Array<[number, number]> } | undefined {
  const ranges = terms.flatMap((term) => matchRanges(folded, term, 20));
  const first = ranges.reduce<[number, number] | undefined>(
    (a, r) => (!a || r[0] < a[0] ? r : a),
    undefined,
  );
  return first ? { first, ranges } : undefined;
}

/** Letters and digits a snippet needs besides its matches: about a clause. */
const MIN_CONTEXT = 10;
const CONTEXT_CHAR = /[\p{L}\p{N}]/u;
/** Per UTF-16 unit: 0 not known yet, 1 not a letter or digit, 2 a letter or digit. */
let contextUnits: Uint8Array | undefined;

function isContextUnit(code: number): boolean {
  contextUnits ??= new Uint8Array(0x10000);
  let known = contextUnits[code] as number;
  if (known === 0) {
    known = CONTEXT_CHAR.test(String.fromCharCode(code)) ? 2 : 1;
    contextUnits[code] = known;
  }
  return known === 2;
}

function contextLength(
  text: string,
  [start, end]: [number, number],
  ranges: Array<[number, number]>,
): number {
  // Only the matches that overlap the range can hold one of its characters.
  const inside = ranges.filter(([s, e]) => s < end && e > start);
  let count = 0;
  for (let i = start; i < end; i++) {
    if (!isContextUnit(text.charCodeAt(i))) continue;
    // A loop, not `some` with a closure: one closure per character was most of search's garbage.
    let matched = false;
    for (let r = 0; r < inside.length && !matched; r++) {
      const range = inside[r] as [number, number];
      matched = i >= range[0] && i < range[1];
    }
    if (!matched) count++;
  }
  return count;
}

/**
 * Widens a sentence that is little more than the matched term (`台积电。`, `斯托尔滕贝格说。`, a
 * subhead) by its neighbours until it has a clause of context: the sentence before it in the
 * paragraph, else the one after; at a paragraph's edge, the next paragraph's first sentence (a
 * subhead introduces it), else the previous paragraph's last.
 */
function widenToContext(
  text: string,
  sentence: [number, number],
  ranges: Array<[number, number]>,
): [number, number] {
  let [start, end] = sentence;
  for (let step = 0; step < 3 && contextLength(text, [start, end], ranges) < MIN_CONTEXT; step++) {
    const paragraphStart = text.lastIndexOf("\n", start - 1) + 1;
    const newline = text.indexOf("\n", end);
    const paragraphEnd = newline < 0 ? text.length : newline;
    if (text.slice(paragraphStart, start).trim()) start = sentenceAround(text, start - 1)[0];
    else if (text.slice(end, paragraphEnd).trim()) {
      let next = end;
      while (/\s/.test(text.charAt(next))) next++;
      end = sentenceAround(text, next)[1];
    } else if (paragraphEnd < text.length) end = sentenceAround(text, paragraphEnd + 1)[1];
    else if (paragraphStart > 0) start = sentenceAround(text, paragraphStart - 2)[0];
    else break;
  }
  return [start, end];
}

/** The sentence (within its paragraph) containing the offset, as [start, end) in `text`. */
function sentenceAround(text: string, offset: number): [number, number] {
  const paragraphStart = text.lastIndexOf("\n", offset - 1) + 1;
  let paragraphEnd = text.indexOf("\n", offset);
  if (paragraphEnd < 0) paragraphEnd = text.length;
  const paragraph = text.slice(paragraphStart, paragraphEnd);
  for (const [start, end] of sentenceRanges(paragraph, "end-marks")) {
    if (offset - paragraphStart < end)
      return trimRange(text, [paragraphStart + start, paragraphStart + end]);
  }
  return trimRange(text, [paragraphStart, paragraphEnd]);
}

function trimRange(text: string, [start, end]: [number, number]): [number, number] {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return [start, end];
}

/**
 * The sentence as a snippet of at most SNIPPET_MAX characters, cut around the focus match with
 * "…" where it was shortened, and the highlights that fall inside it.
 */
function cutSnippet(
  text: string,
  [start, end]: [number, number],
  focus: [number, number],
  ranges: Array<[number, number]>,
): Snippet {
  let from = start;
  let to = end;
  if (to - from > SNIPPET_MAX) {
    const room = Math.max(0, SNIPPET_MAX - (focus[1] - focus[0]));
    from = Math.max(start, focus[0] - Math.floor(room / 3));
    to = Math.min(end, from + SNIPPET_MAX);
    from = Math.max(start, to - SNIPPET_MAX);
  }
  const prefix = from > start ? "…" : "";
  const suffix = to < end ? "…" : "";
  const highlights: Array<[number, number]> = [];
  for (const [s, e] of mergeRanges(ranges)) {
    if (s >= from && e <= to) highlights.push([s - from + prefix.length, e - from + prefix.length]);
  }
  // A snippet widened across paragraphs reads them as one line.
  const piece = text.slice(from, to).replaceAll("\n", " ");
  return { text: prefix + piece + suffix, highlights };
}
