import type { Article } from "../articles/article.js";
import { NAME_DOTS } from "../text/text.js";
import {
  classify,
  discoverSpeakers,
  type LastDirect,
  type PreviousQuote,
  type Reading,
} from "./attribution.js";
import { Discourse } from "./discourse.js";
import { findLabels, hostIntroduction, isTranscriptContinuation } from "./interviews.js";
import { ArticlePeople, type Entity } from "./mentions.js";
import type { ArticlePerson, ArticleQuotes, ExtractOptions, Quote, QuoteKind } from "./model.js";
import { type Part, QuotedText, type Span } from "./spans.js";
import { resolveSlot, unnamedSubject } from "./speakers.js";
import { LEADING_CONNECTIVES, NOT_SPEECH_ENDINGS, VERB_AT_END, type VerbMatch } from "./speech.js";

export type { ArticlePerson, ArticleQuotes, ExtractOptions, Quote, QuoteKind } from "./model.js";

/**
 * Quotation extraction with speaker attribution for Chinese news writing.
 *
 * The extractor works on the folded text (simplified, half-width letters, full-width sentence
 * punctuation, one name dot; the same offsets as the original), so traditional articles
 * (「」『』, 說, 表示) go through the same rules; the quoted text and the names are cut out of the
 * original text. The stages, each its own module:
 *  1. spans.ts: the top-level quotations of each paragraph, a quotation over several paragraphs
 *     being ONE quote (its paragraphs joined by "\n", numbered where it starts);
 *  2. mentions.ts: the people named in the article, from the shared name detector
 *     (src/text/names.ts) and the article's cues (titles, English names, 又译, 化名, 姓陈的);
 *  3. speakers.ts, discourse.ts, attribution.ts: the speech events (quotations, and speech verbs
 *     followed by reported speech) in text order, each attributed to the person in its speaker
 *     slot, to a pronoun's antecedent, or to the speaker going on;
 *  4. interviews.ts: transcripts (`杨杰凯：…` paragraphs), one `interview` answer per paragraph.
 * The people directory across articles is people.ts.
 *
 * Kinds: `interview` (a transcript turn: the paragraph after a speaker label and the paragraphs
 * going on with it; not inside quotation marks, so never mixed with quotes), `direct` (an utterance introduced or attributed as such, or continuing a speaker),
 * `partial` (a fragment inside reported speech: 并称俄罗斯“无意入侵乌克兰”), `reported` (speech
 * without quotation marks, only with `{ reported: true }`). Not quotes: 《》 titles, short quoted
 * terms and slogans (所谓的“清零”, “一带一路”倡议, “A”、“B”), and the words of organisations,
 * media, documents and unnamed people (白宫, 外交部, 路透社, 报告, 网友, 一名官员): they are dropped,
 * not kept as speakers.
 */
export function extractQuotes(article: Article, options: ExtractOptions = {}): ArticleQuotes {
  const text = new QuotedText(article.paragraphs);
  const people = new ArticlePeople(text);
  people.findNames();
  const reading: Reading = { text, people, discourse: new Discourse(text, people) };
  const labels = findLabels(reading, article.title);
  const hostIntro = hostIntroduction(reading, labels);
  discoverSpeakers(reading);
  people.indexMentions();
  const { discourse } = reading;

  const quotes: (Quote & { order: number })[] = [];
  const speakers = new Set<Entity>();
  const base = { articleId: article.id, url: article.url };
  const emit = (
    entity: Entity,
    quoted: string,
    kind: QuoteKind,
    paragraph: number,
    offset: number,
  ): void => {
    const trimmed = quoted.trim();
    if (!trimmed) return;
    speakers.add(entity);
    quotes.push({
      speaker: entity.canonical,
      text: trimmed,
      kind,
      paragraph: paragraph + 1,
      ...base,
      order: paragraph * 1e6 + offset,
    });
  };

  // Events in text order: quotations and speech verbs followed by reported speech.
  const spansByParagraph = new Map<number, Span[]>();
  for (const span of text.spans) {
    const p = (span.parts[0] as Part).paragraph;
    const list = spansByParagraph.get(p) ?? [];
    list.push(span);
    spansByParagraph.set(p, list);
  }
  const continued = new Set<number>();
  for (const span of text.spans)
    for (const part of span.parts.slice(1)) continued.add(part.paragraph);

  let transcriptSpeaker: Entity | undefined;
  let lastDirect: LastDirect | undefined;
  for (let p = 0; p < text.folded.length; p++) {
    const folded = text.folded[p] as string;
    const original = text.original[p] as string;
    const host = hostIntro.get(p);
    if (host) {
      emit(host, original, "interview", p, 0);
      discourse.noteSpeaker(p, 0, host);
      continue;
    }
    const label = labels.get(p);
    if (label !== undefined) {
      transcriptSpeaker = label.entity;
      if (label.entity) {
        emit(label.entity, original.slice(label.textStart), "interview", p, 0);
        discourse.noteSpeaker(p, 0, label.entity);
      }
      continue;
    }
    if (
      transcriptSpeaker &&
      labels.size >= 2 &&
      !continued.has(p) &&
      isTranscriptContinuation(folded)
    ) {
      // A subheading between turns (`出身贫困 母亲要我从阅读开始`, `“父母已被辞退，失去工作”`) is
      // nobody's words.
      const unquoted = folded.trim().replace(/^[“「『]([^“”「」『』]*)[”」』]$/, "$1");
      if ((!/[。!?…”」』]/.test(unquoted) || !/[,。]/.test(unquoted)) && folded.length <= 40)
        continue;
      // `根据王靖渝的介绍，他生活在…`: a paragraph with a clause opening with the one answering
      // is the writer's narration about them; the turns are over (not `请转寄给宋永毅先生`, the
      // one answering telling what others said to him).
      if (opensClauseWith(text, p, transcriptSpeaker)) transcriptSpeaker = undefined;
      else {
        emit(transcriptSpeaker, original, "interview", p, 0);
        continue;
      }
    }
    if (labels.size >= 2 && !isTranscriptContinuation(folded)) transcriptSpeaker = undefined;

    const spans = spansByParagraph.get(p) ?? [];
    const events: { offset: number; span?: Span; verb?: VerbMatch }[] = spans.map((span) => ({
      offset: span.open,
      span,
    }));
    for (const { index, length } of text.verbs[p] as VerbMatch[]) {
      if (text.isQuoted(p, index)) continue;
      const next = folded[index + length];
      if (next !== "," && next !== ":") continue;
      events.push({ offset: index, verb: { index, length } });
    }
    events.sort((a, b) => a.offset - b.offset);
    const credited = new Map<Span, { entity: Entity; kind: QuoteKind }>();
    const passed: Span[] = [];
    let previous: PreviousQuote | undefined;
    for (const event of events) {
      if (event.verb) {
        const { index, length } = event.verb;
        const clauseStart = text.clauseStart(p, index);
        const head = folded.slice(clauseStart, index + length);
        if (NOT_SPEECH_ENDINGS.test(head)) continue;
        let slot = resolveSlot(text, people, p, clauseStart, index);
        if (slot.kind === "none") {
          // `…在简报中对记者说`: the slot ends where the whole verb phrase starts.
          const phrase = VERB_AT_END.exec(head);
          const slotEnd = phrase ? clauseStart + phrase.index : index;
          if (slotEnd < index) slot = resolveSlot(text, people, p, clauseStart, slotEnd);
          if (slot.kind === "none") {
            if (unnamedSubject(text, people, p, clauseStart, slotEnd))
              discourse.noteNobody(p, clauseStart);
            continue;
          }
        }
        const entity = discourse.speakerOf(p, slot, index);
        if (!entity) continue;
        discourse.noteSpeaker(p, slot.kind === "pronoun" ? slot.offset : clauseStart, entity, true);
        if (options.reported) {
          const from = index + length + 1;
          const end = text.sentenceEnd(p, from);
          let hasQuote = false;
          for (let i = from; i < end; i++) if (text.isQuoted(p, i)) hasQuote = true;
          if (!hasQuote && end - from >= 4)
            emit(entity, original.slice(from, end), "reported", p, from);
        }
        continue;
      }
      const span = event.span as Span;
      const result = classify(reading, span, previous, lastDirect);
      if (!result) {
        passed.push(span);
        continue;
      }
      credited.set(span, result);
      const quoted = span.parts
        .map((part) => (text.original[part.paragraph] as string).slice(part.start, part.end))
        .join("\n");
      emit(result.entity, quoted, result.kind, p, span.open);
      discourse.noteSpeaker(p, span.open, result.entity);
      if (result.kind === "direct")
        previous = { span, entity: result.entity, attributionEnd: result.attributionEnd };
      // A paragraph that is only a quotation goes on with the quotation ending the paragraph
      // before, direct or partial (`他说，…，“…”` then `“…”`).
      if (result.kind === "direct" || result.kind === "partial") {
        const last = span.parts[span.parts.length - 1] as Part;
        const lastText = text.folded[last.paragraph] as string;
        const tailFrom = result.attributionEnd >= 0 ? result.attributionEnd : span.close + 1;
        lastDirect = {
          silenced: discourse.silenced,
          entity: result.entity,
          paragraph: last.paragraph,
          endsParagraph: span.close < 0 || /^[。!?…,]?\s*$/.test(lastText.slice(tailFrom)),
        };
      }
    }
    for (const span of passed) {
      const row = rowNeighbour(text, p, span, credited);
      if (!row) continue;
      emit(row.entity, original.slice(span.open + 1, span.close), row.kind, p, span.open);
    }
  }

  quotes.sort((a, b) => a.order - b.order);
  const quotedPeople: ArticlePerson[] = [...speakers].map((entity) => ({
    name: entity.canonical,
    aliases: aliasesOf(entity),
  }));
  return {
    articleId: article.id,
    date: article.date,
    people: quotedPeople,
    quotes: quotes.map(({ order: _order, ...quote }) => quote),
  };
}

/** Whether a clause of the paragraph, outside quotation marks, opens with the person's name. */
function opensClauseWith(text: QuotedText, p: number, entity: Entity): boolean {
  const folded = text.folded[p] as string;
  for (const form of new Set([entity.canonical, ...entity.forms])) {
    if (form.length < 2) continue;
    for (let at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1)) {
      if (text.isQuoted(p, at)) continue;
      const lead = folded.slice(text.clauseStart(p, at), at).replace(LEADING_CONNECTIVES, "");
      // `根据王靖渝的介绍`: the source of the writer's account opens the clause too.
      if (lead === "" || lead === "根据") return true;
    }
  }
  return false;
}

/** Full names first, then English names, then other forms (又译 aliases, other scripts). */
function aliasesOf(entity: Entity): string[] {
  const out: string[] = [];
  const seen = new Set<string>([entity.canonical]);
  const forms = [...entity.forms];
  const full = forms.filter((form) => new RegExp(`[${NAME_DOTS}]`).test(form));
  const rest = forms.filter((form) => !full.includes(form));
  for (const form of [...full, ...entity.english, ...rest]) {
    if (seen.has(form)) continue;
    seen.add(form);
    out.push(form);
  }
  return out;
}

/**
 * Quotations in a row, one after another with only a comma or ； between them (not 、: `“…”、“…”的策略` lists terms)
 * (`习在讲话中…，即世界要“…”，“…”，“…”`, `郭说：“…”，“…”。`), are one speaker's words: a quotation
 * left unattributed takes the speaker of the next one in the row, or of the one before it when it
 * ends its clause. Only a closed quotation of a clause's length (six Han characters or more) in a
 * paragraph of its own.
 */
function rowNeighbour(
  text: QuotedText,
  p: number,
  span: Span,
  credited: Map<Span, { entity: Entity; kind: QuoteKind }>,
): { entity: Entity; kind: QuoteKind } | undefined {
  if (span.parts.length !== 1 || span.close < 0) return undefined;
  const folded = text.folded[p] as string;
  const inner = folded.slice(span.open + 1, span.close);
  if (inner.replace(/[^\u4e00-\u9fff]/g, "").length < 6) return undefined;
  const spans = text.spans.filter((other) => (other.parts[0] as Part).paragraph === p);
  const at = spans.indexOf(span);
  const joined = (a: Span, b: Span): boolean =>
    a.close >= 0 && b.parts.length === 1 && /^[\s,;]+$/.test(folded.slice(a.close + 1, b.open));
  for (let k = at; k + 1 < spans.length && joined(spans[k] as Span, spans[k + 1] as Span); k++) {
    const found = credited.get(spans[k + 1] as Span);
    if (found) return { entity: found.entity, kind: "partial" };
  }
  const before = spans[at - 1];
  const found = before ? credited.get(before) : undefined;
  if (
    before &&
    found &&
    joined(before, span) &&
    /^\s*(?:$|[,。;!?…])/.test(folded.slice(span.close + 1))
  )
    return found;
  return undefined;
}
