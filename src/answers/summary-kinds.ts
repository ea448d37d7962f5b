import type { Article } from "../articles/article.js";
import { type Candidate, candidateNeed, candidateSentences } from "./summary.js";

/**
 * Summaries of the two kinds of article that are not single news stories:
 *
 * - a multi-story digest (【翻墙必看】-style roundup: numbered headlines, each followed by a
 *   paragraph of its story) is summarised one line per story: the opening sentence of each
 *   story's paragraph, in order;
 * - an interview transcript (「记者：」/「王靖渝：」 turns) by its opening: the sentences before
 *   and outside the interviewer's turns, in order (the introduction says who and what).
 *
 * `undefined` when the article is neither.
 */

/** A numbered headline of a digest: 「1.杨威：…」, 「12、香港…」 (short, no sentence end inside). */
const NUMBERED_HEADLINE = /^\s*\d{1,2}\s*[.、．]\s*\S/;
const HEADLINE_MAX = 40;
/** A turn of a transcript: a short name and a colon at the paragraph's start. */
const TURN = /^[\u4e00-\u9fff]{1,5}[：:]/;
const INTERVIEWER = /^(记者|主持人|问|编者|大纪元|本台)[：:]/;
const MIN_HEADLINES = 3;
const MIN_TURNS = 6;

/** A full stop or semicolon: a sentence, not a headline (「2.结婚证记录杨庆侠生于1969年6月6日。」). */
const SENTENCE_INSIDE = /[。；;]/;
/**
 * A talk show's numbered question to a guest (「3.秦鹏，您怎么看双方的表态？」, 「2.您认为，…」):
 * addressed by name and a comma, or with the polite 您; a digest's headline is neither.
 */
const QUESTION_TO_GUEST = /^\s*\d{1,2}\s*[.、．]\s*[\u4e00-\u9fff、]{1,8}[，,]|您/;

function isHeadline(paragraph: string): boolean {
  return (
    NUMBERED_HEADLINE.test(paragraph) &&
    paragraph.length <= HEADLINE_MAX &&
    !SENTENCE_INSIDE.test(paragraph) &&
    !QUESTION_TO_GUEST.test(paragraph)
  );
}

/** A story's paragraph after its headline: prose, not a subheading (【…】) nor another headline. */
function isStoryBody(paragraph: string): boolean {
  return !isHeadline(paragraph) && (/[。！!]/.test(paragraph) || paragraph.length > HEADLINE_MAX);
}

/**
 * A digest: at least three numbered headlines, each followed by its story's paragraph. A
 * commentary's numbered points (「1.…。」「2.…。」, one after the other) and a talk show's numbered
 * questions are not headlines.
 */
export function isDigest(article: Article): boolean {
  const paragraphs = article.paragraphs;
  let stories = 0;
  for (let p = 0; p + 1 < paragraphs.length; p++) {
    if (isHeadline(paragraphs[p] as string) && isStoryBody(paragraphs[p + 1] as string)) stories++;
  }
  return stories >= MIN_HEADLINES;
}

export function isTranscript(article: Article): boolean {
  return article.paragraphs.filter((p) => TURN.test(p)).length >= MIN_TURNS;
}

function byParagraph(article: Article): Map<number, Candidate[]> {
  const out = new Map<number, Candidate[]>();
  for (const candidate of candidateSentences(article)) {
    const list = out.get(candidate.paragraph);
    if (list) list.push(candidate);
    else out.set(candidate.paragraph, [candidate]);
  }
  return out;
}

function digestSummary(article: Article, count: number): string[] {
  const sentences = byParagraph(article);
  const lines: string[] = [];
  const paragraphs = article.paragraphs;
  for (let p = 0; p < paragraphs.length && lines.length < count; p++) {
    if (!isHeadline(paragraphs[p] as string)) continue;
    const body = p + 1 < paragraphs.length && !isHeadline(paragraphs[p + 1] as string) ? p + 2 : 0;
    // The story's first sentence that stands alone (not 他说…, not a quotation without its speaker).
    const first = body
      ? sentences.get(body)?.find((candidate) => candidateNeed(candidate) === "none")
      : undefined;
    if (first) lines.push(first.clean);
  }
  return lines;
}

function transcriptSummary(article: Article, count: number): string[] {
  const lines: string[] = [];
  let previous = -1;
  for (const candidate of candidateSentences(article)) {
    if (lines.length >= count) break;
    const paragraph = article.paragraphs[candidate.paragraph - 1] ?? "";
    if (INTERVIEWER.test(paragraph) || /[?？]\s*$/.test(candidate.clean)) continue;
    // A sentence that leans on the one before is shown only right after it.
    const need = candidateNeed(candidate);
    if (need === "never" || (need === "before" && previous !== candidate.index - 1)) continue;
    lines.push(candidate.clean);
    previous = candidate.index;
  }
  return lines;
}

/** The summary of a digest or a transcript, or `undefined` for other articles. */
export function summarizeByKind(article: Article, count: number): string[] | undefined {
  if (isDigest(article)) {
    const lines = digestSummary(article, count);
    if (lines.length > 0) return lines;
  }
  if (isTranscript(article)) {
    const lines = transcriptSummary(article, count);
    if (lines.length > 0) return lines;
  }
  return undefined;
}
