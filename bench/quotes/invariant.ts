/**
 * Issue 11 item 6, measured over the month: every quote of kind direct or partial lies inside
 * quotation marks in its article (a quote over several paragraphs: the marks left open and the
 * next paragraph reopening them), every interview answer comes from a transcript (a paragraph of
 * an article with at least two speaker-labelled paragraphs, labelled or following a labelled
 * one). Also writes the top of the people list for a human to check (places, organisations,
 * fragments). Run through `npx tsx bench/quotes/eval.ts --invariant [--top 300]`.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Article } from "../../src/articles/article.js";
import { loadArticles } from "../../src/articles/loader.js";
import { silentLogger } from "../../src/logger.js";
import { PeopleDirectory } from "../../src/quotes/people.js";
import { type ArticleQuotes, extractQuotes, type Quote } from "../../src/quotes/quotes.js";
import { skipMessage, unpackedCorpus } from "../../test/corpus.js";
import { markSpans } from "./spans.js";

/**
 * A speaker label opening a paragraph (check.ts's pattern), followed by the turn itself rather
 * than by quotation marks (`拜登说：“…”` is not a label).
 */
const LABEL = /^(?:“[^”]{1,14}”|[^，。：:“”「」『』（）()]{1,16})[：:](?![“「『])/;

/** Whether each part of the quote is inside a mark span, later parts in reopened marks. */
export function insideMarks(paragraphs: string[], quote: Quote): boolean {
  const parts = quote.text.split("\n");
  return parts.every((part, k) => {
    const spans = markSpans(paragraphs[quote.paragraph - 1 + k] ?? "");
    return spans.some(
      (span) =>
        span.text.includes(part.trim()) &&
        (k === 0 || span.open === 0) &&
        (k === parts.length - 1 || !span.closed),
    );
  });
}

/**
 * Paragraph indexes (0-based) that belong to a transcript: from the first labelled turn on, in an
 * article with at least two, and the host's unlabelled introduction before it (PROTOCOL.md: tag
 * `unlabelled`): the paragraph where the host names himself (`…我是杨杰凯。`, the name labelling
 * a turn) and the paragraphs before it with no quotation of a sentence in marks.
 */
export function transcriptParagraphs(paragraphs: string[]): Set<number> {
  // A heading of the form 名字：短语 has no sentence end: it is not a turn.
  const labelled = paragraphs.map((p) => LABEL.test(p) && /[。？！?!…]/.test(p.replace(LABEL, "")));
  const inside = new Set<number>();
  if (labelled.filter(Boolean).length < 2) return inside;
  let open = false;
  labelled.forEach((isLabel, i) => {
    if (isLabel) open = true;
    if (open) inside.add(i);
  });
  const first = labelled.indexOf(true);
  const labels = new Set(
    paragraphs.filter((_, i) => labelled[i]).map((p) => p.split(/[：:]/)[0]?.trim()),
  );
  for (let q = first - 1; q >= Math.max(0, first - 2); q--) {
    const host = /我是([^，。：:（）()“”]{2,12}?)\s*(?:[（(][^（）()]*[）)])?\s*[。！!]?\s*$/.exec(
      paragraphs[q] ?? "",
    );
    if (!host || !labels.has(host[1]) || (paragraphs[q] ?? "").split("我是").length > 2) continue;
    for (let p = q; p >= 0 && !quotesSentence(paragraphs[p] ?? ""); p--) inside.add(p);
    break;
  }
  return inside;
}

/** Whether a paragraph quotes more than a short term in marks (a teaser `“…”X说。`). */
function quotesSentence(paragraph: string): boolean {
  return markSpans(paragraph).some((span) => span.text.length > 8);
}

function monthRoot(): string | undefined {
  return unpackedCorpus("epoch-news-2022-01");
}

export async function monthInvariant(top: number): Promise<void> {
  const root = monthRoot();
  if (!root) {
    console.log(skipMessage("bench/quotes/eval.ts --invariant"));
    return;
  }
  const { articles } = await loadArticles(root, { logger: silentLogger });
  const byId = new Map<string, Article>(articles.map((a) => [a.id, a]));
  const extracted: ArticleQuotes[] = articles.map((article) => extractQuotes(article));
  let marked = 0;
  let checked = 0;
  let interviews = 0;
  let fromTranscripts = 0;
  let short = 0;
  const outside = new Map<string, Quote[]>();
  const bad = new Set<string>();
  for (const result of extracted) {
    const article = byId.get(result.articleId);
    if (!article) continue;
    const transcript = transcriptParagraphs(article.paragraphs);
    for (const quote of result.quotes) {
      const kind: string = quote.kind;
      if (kind === "interview") {
        interviews++;
        if (transcript.has(quote.paragraph - 1)) fromTranscripts++;
        continue;
      }
      if (quote.kind !== "direct" && quote.kind !== "partial") continue;
      checked++;
      if ([...quote.text].length <= 4) short++;
      if (insideMarks(article.paragraphs, quote)) {
        marked++;
        continue;
      }
      bad.add(`${quote.articleId}\u0000${quote.paragraph}\u0000${quote.text}`);
      const why = transcript.has(quote.paragraph - 1)
        ? "a transcript turn given as a quote"
        : "narration (not inside marks)";
      outside.set(why, [...(outside.get(why) ?? []), quote]);
    }
  }
  const percent = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : "—"}%`;
  console.log(`Month: ${articles.length} articles, ${checked} direct/partial quotes`);
  console.log(`  inside quotation marks: ${marked} (${percent(marked, checked)})`);
  for (const [why, quotes] of outside) {
    console.log(`  ${why}: ${quotes.length}`);
    for (const q of quotes.slice(0, 3))
      console.log(`    ${q.articleId} ¶${q.paragraph} ${q.speaker}: ${q.text.slice(0, 50)}`);
  }
  console.log(`  four characters or fewer: ${short} (${percent(short, checked)})`);
  console.log(
    `  interview answers: ${interviews}, from transcripts ${fromTranscripts} (${percent(fromTranscripts, interviews)})`,
  );
  const directory = PeopleDirectory.build(extracted);
  const keyOf = (q: Quote) => `${q.articleId}\u0000${q.paragraph}\u0000${q.text}`;
  const most = directory.list(undefined, 40);
  let inMarks = 0;
  let returned = 0;
  for (const person of most)
    for (const q of directory.quotesOf(person)) {
      if (q.kind !== "direct" && q.kind !== "partial") continue;
      returned++;
      if (!bad.has(keyOf(q))) inMarks++;
    }
  console.log(
    `  quotes of the 40 most-quoted people inside marks: ${inMarks}/${returned} (${percent(inMarks, returned)})`,
  );
  const lines = directory.list(undefined, top).map((person, i) => {
    const quotes = directory.quotesOf(person);
    const articleCount = new Set(quotes.map((q) => q.articleId)).size;
    return `${i + 1}\t${person.name}\t${person.quoteCount} quotes\t${articleCount} articles\t${person.aliases.slice(0, 6).join("、")}`;
  });
  const file = join(tmpdir(), `quotes-people-top${top}.tsv`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  console.log(`  people: ${directory.size}; the top ${top} written to ${file}`);
}
