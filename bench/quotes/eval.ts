/**
 * Scores the quote extractor on the issue-11 benchmark sets (bench/quotes/PROTOCOL.md): text
 * only and speaker + text, per kind and per tag, false alarms on negatives per reason, error
 * classes, and asking the people directory by every alias an article uses. The matching rule is
 * in match.ts and bench/QUOTES.md.
 *
 *   npx tsx bench/quotes/eval.ts                 # the dev set (or --set test … test9: dev data since scored)
 *   npx tsx bench/quotes/eval.ts --errors 2      # and the error classes with 2 examples each
 *   npx tsx bench/quotes/eval.ts --verbose       # and every error
 *   npx tsx bench/quotes/eval.ts --invariant     # the month invariant (invariant.ts)
 *   npx tsx bench/quotes/eval.ts --set test --final   # the blind test set: once, at the end
 *   npx tsx bench/quotes/eval.ts --set test2 --final  # the second blind test set: once, at the end
 *   npx tsx bench/quotes/eval.ts --set test3 --final  # the third blind test set: once, at the end
 *   npx tsx bench/quotes/eval.ts --set test4 --final  # the fourth blind test set: once, at the end
 *   npx tsx bench/quotes/eval.ts --set test5          # the fifth test set: dev data since scored
 *   npx tsx bench/quotes/eval.ts --set test6          # the sixth test set: dev data since scored
 *   npx tsx bench/quotes/eval.ts --set test7          # the seventh test set: dev data since scored
 *   npx tsx bench/quotes/eval.ts --set test8          # the eighth test set: dev data since scored
 *   npx tsx bench/quotes/eval.ts --set test9          # the ninth test set: dev data since scored
 *   npx tsx bench/quotes/eval.ts --set test10 --final # the tenth blind test set: once, at the end
 *
 * Articles are read from the archive tarball (CORPUS_DIR or ../shared/corpus), unpacked once.
 */
import type { BenchNegative, BenchQuote, BenchSet } from "./sets.js";

export type { BenchSet } from "./sets.js";

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Article } from "../../src/articles/article.js";
import { parseArticle } from "../../src/articles/parse.js";
import { PeopleDirectory } from "../../src/quotes/people.js";
import { type ArticleQuotes, extractQuotes, type Quote } from "../../src/quotes/quotes.js";
import { archivePages, skipMessage } from "../../test/corpus.js";
import { monthInvariant } from "./invariant.js";
import {
  type AnnotatedPerson,
  nameForm,
  type Placement,
  personForms,
  place,
  samePerson,
  sharedCharacters,
  speakerMatches,
  textMatch,
} from "./match.js";

const here = dirname(fileURLToPath(import.meta.url));

interface Gold {
  quote: BenchQuote;
  where: Placement | undefined;
  person: AnnotatedPerson | undefined;
  /** direct, partial, interview (answers) or interviewer. */
  kind: string;
  predicted?: Predicted | undefined;
}
interface Predicted {
  quote: Quote;
  where: Placement | undefined;
  aliases: string[];
  kind: string;
  gold?: Gold | undefined;
  speakerRight: boolean;
  /** Why it is wrong (undefined when right, "ignored" on an ambiguous span). */
  error?: string | undefined;
}
export interface ErrorCase {
  kind: string;
  articleId: string;
  paragraph: number;
  detail: string;
}

/** Tags that say how a quote is attributed, most telling first (names an error class). */
const ATTRIBUTION_TAGS = [
  "interviewer",
  "interview",
  "multi-paragraph",
  "handle",
  "english-only-name",
  "japanese-name",
  "writing",
  "role-noun",
  "demonstrative",
  "title-only",
  "question",
  "pronoun",
  "continued",
  "speaker-after",
  "short-term",
  "partial",
  "label-colon",
  "verb-before",
  "colon-before",
];

function mainTag(quote: BenchQuote): string {
  return ATTRIBUTION_TAGS.find((tag) => quote.tags.includes(tag)) ?? "other";
}

const short = (text: string, n = 40): string =>
  text.length > n ? `${text.slice(0, n).replaceAll("\n", "⏎")}…` : text.replaceAll("\n", "⏎");

export interface Evaluation {
  gold: Gold[];
  predicted: Predicted[];
  errors: ErrorCase[];
  extracted: ArticleQuotes[];
  /** Negatives a prediction overlapped, by reason. */
  negativeAlarms: Map<string, number>;
  negativeCounts: Map<string, number>;
}

function bump(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** Runs the extractor on every article of the set and pairs predictions with annotations. */
export function evaluate(data: BenchSet, articles: Map<string, Article>): Evaluation {
  const gold: Gold[] = [];
  const predicted: Predicted[] = [];
  const errors: ErrorCase[] = [];
  const extracted: ArticleQuotes[] = [];
  const negativeAlarms = new Map<string, number>();
  const negativeCounts = new Map<string, number>();
  for (const { id } of data.articles) {
    const article = articles.get(id);
    if (!article) throw new Error(`article ${id} not loaded`);
    const ps = article.paragraphs;
    const people = data.people.filter((p) => p.articleId === id);
    const own: Gold[] = data.quotes
      .filter((q) => q.articleId === id)
      .map((quote) => ({
        quote,
        where: place(ps, quote.paragraph, quote.text),
        person: people.find((p) => p.name === quote.speaker),
        kind:
          quote.kind !== "interview"
            ? quote.kind
            : quote.tags.includes("interviewer")
              ? "interviewer"
              : "interview",
      }));
    const negatives = data.negatives
      .filter((n) => n.articleId === id)
      .map((negative) => ({ negative, where: place(ps, negative.paragraph, negative.text) }));
    for (const { negative } of negatives) bump(negativeCounts, negative.why);
    const interviewParagraphs = new Set(
      own.filter((g) => g.quote.kind === "interview").map((g) => g.quote.paragraph - 1),
    );
    const result = extractQuotes(article);
    extracted.push(result);
    const aliasesOf = new Map(result.people.map((p) => [p.name, p.aliases]));
    const mine: Predicted[] = result.quotes.map((quote) => {
      const where = place(ps, quote.paragraph, quote.text, 1);
      return {
        quote,
        where,
        aliases: aliasesOf.get(quote.speaker) ?? [],
        kind:
          (quote.kind as string) === "interview" ||
          where?.segments.some((s) => interviewParagraphs.has(s.paragraph))
            ? "interview"
            : quote.kind,
        speakerRight: false,
      };
    });
    // One-to-one: right speaker first, then the best coverage.
    const pairs: { p: Predicted; g: Gold; coverage: number; right: boolean }[] = [];
    for (const p of mine)
      for (const g of own) {
        if (!p.where || !g.where) continue;
        const coverage = textMatch(g.where, p.where);
        if (coverage === 0) continue;
        const right =
          g.person !== undefined && speakerMatches(p.quote.speaker, g.person, people, p.aliases);
        pairs.push({ p, g, coverage, right });
      }
    pairs.sort((a, b) => Number(b.right) - Number(a.right) || b.coverage - a.coverage);
    for (const { p, g, right } of pairs) {
      if (p.gold || g.predicted) continue;
      p.gold = g;
      g.predicted = p;
      p.speakerRight = right;
      p.kind = g.kind;
    }
    const alarmed = new Set<BenchNegative>();
    for (const p of mine) {
      const at = { articleId: id, paragraph: p.quote.paragraph };
      const said = `${p.quote.speaker}: ${short(p.quote.text)}`;
      if (p.gold) {
        if (p.speakerRight) continue;
        const g = p.gold;
        p.error =
          g.quote.speaker === null
            ? "words of an unnamed person credited"
            : `wrong speaker (${mainTag(g.quote)})`;
        errors.push({
          kind: p.error,
          ...at,
          detail: `${said} — annotated ${g.quote.speaker ?? "nobody"}`,
        });
        continue;
      }
      const where = p.where;
      if (!where) {
        p.error = "text not in its paragraph";
        errors.push({ kind: p.error, ...at, detail: said });
        continue;
      }
      const overlapping = negatives.filter((n) => n.where && sharedCharacters(n.where, where) > 0);
      const quoteOverlap = own.filter((g) => g.where && sharedCharacters(g.where, where) > 0);
      if (quoteOverlap.length === 0 && overlapping.some((n) => n.negative.why === "ambiguous")) {
        p.error = "ignored";
        continue;
      }
      const g = quoteOverlap[0];
      if (g?.where) {
        p.kind = g.kind;
        p.error = g.predicted
          ? textMatch(g.where, where) > 0
            ? "duplicate of a matched quote"
            : `boundary: overlaps a quote matched elsewhere`
          : where.length > 1.25 * g.where.length
            ? "boundary: runs past the quote"
            : "boundary: covers too little of the quote";
        errors.push({
          kind: p.error,
          ...at,
          detail: `${said} — annotated ${g.quote.speaker ?? "nobody"}: ${short(g.quote.text)}`,
        });
        continue;
      }
      const n = overlapping
        .map((o) => ({ o, shared: o.where ? sharedCharacters(o.where, where) : 0 }))
        .sort((a, b) => b.shared - a.shared)[0]?.o;
      if (n) {
        for (const hit of overlapping) alarmed.add(hit.negative);
        p.error = `negative: ${n.negative.why}`;
        errors.push({ kind: p.error, ...at, detail: said });
        continue;
      }
      p.error = "narration outside quotation marks";
      errors.push({ kind: p.error, ...at, detail: said });
    }
    for (const negative of alarmed) bump(negativeAlarms, negative.why);
    for (const g of own) {
      if (g.quote.speaker === null || g.predicted?.speakerRight) continue;
      if (g.predicted) continue; // counted as a wrong speaker above
      const overlapping = mine.filter(
        (p) => p.where && g.where && sharedCharacters(g.where, p.where) > 0,
      );
      // A miss that a wrong prediction overlaps is listed once, as that prediction's error.
      if (overlapping.some((p) => p.error && p.error !== "ignored")) continue;
      errors.push({
        kind: `missed${overlapping.length > 0 ? " (inside a neighbour's match)" : ""} (${mainTag(g.quote)})`,
        articleId: id,
        paragraph: g.quote.paragraph,
        detail: `${g.quote.speaker}: ${short(g.quote.text)}`,
      });
    }
    gold.push(...own);
    predicted.push(...mine);
  }
  return { gold, predicted, errors, extracted, negativeAlarms, negativeCounts };
}

export interface Score {
  predicted: number;
  /** Predictions whose text matches an annotated quote (any speaker). */
  textRight: number;
  /** Predictions whose text and speaker match. */
  right: number;
  /** Annotated quotes with a named speaker. */
  annotated: number;
  textFound: number;
  found: number;
}

/** Scores the predictions and annotations a filter keeps (ignored predictions drop out). */
export function score(
  evaluation: Evaluation,
  keepGold: (g: Gold) => boolean,
  keepPredicted: (p: Predicted) => boolean,
): Score {
  const predicted = evaluation.predicted.filter((p) => p.error !== "ignored" && keepPredicted(p));
  const gold = evaluation.gold.filter((g) => g.quote.speaker !== null && keepGold(g));
  return {
    predicted: predicted.length,
    textRight: predicted.filter((p) => p.gold).length,
    right: predicted.filter((p) => p.speakerRight).length,
    annotated: gold.length,
    textFound: gold.filter((g) => g.predicted).length,
    found: gold.filter((g) => g.predicted?.speakerRight).length,
  };
}

const ratio = (a: number, b: number): string => (b === 0 ? "—" : (a / b).toFixed(3));

function row(label: string, s: Score): string {
  return `| ${label} | ${s.annotated} | ${s.predicted} | ${ratio(s.textRight, s.predicted)} | ${ratio(s.textFound, s.annotated)} | ${ratio(s.right, s.predicted)} | ${ratio(s.found, s.annotated)} |`;
}

const HEADER =
  "| | annotated (named) | predicted | text P | text R | speaker+text P | speaker+text R |\n| --- | --- | --- | --- | --- | --- | --- |";

export interface AliasScore {
  queries: number;
  /** Queries that returned every quote of the person in the article / at least one. */
  complete: number;
  some: number;
  expected: number;
  found: number;
  /** Quotes of the person the extractor attributed right (what a lookup can find at best). */
  attributed: number;
  returned: number;
  belonging: number;
  /** Quotes of other articles a query returned, and how many are rightly the same person's. */
  elsewhere: number;
  elsewhereSameName: number;
  /** Queries that missed some quote the extractor had attributed right. */
  failures: string[];
}

/**
 * Asks the people directory built from the set's extraction by every form (name and aliases,
 * or with `derived` the forms a reader derives) of each annotated person with quotes.
 */
export function askByAlias(evaluation: Evaluation, data: BenchSet, derived = false): AliasScore {
  const directory = PeopleDirectory.build(evaluation.extracted);
  const keyOf = (q: Quote) => `${q.articleId}\u0000${q.paragraph}\u0000${q.text}`;
  const owner = new Map<string, Gold>();
  for (const p of evaluation.predicted) if (p.gold) owner.set(keyOf(p.quote), p.gold);
  const result: AliasScore = {
    queries: 0,
    complete: 0,
    some: 0,
    expected: 0,
    found: 0,
    returned: 0,
    belonging: 0,
    elsewhere: 0,
    elsewhereSameName: 0,
    attributed: 0,
    failures: [],
  };
  for (const person of data.people) {
    const quotes = evaluation.gold.filter(
      (g) => g.person === person && g.kind !== "interviewer" && g.quote.speaker !== null,
    );
    if (quotes.length === 0) continue;
    const written = [person.name, ...person.aliases];
    const forms = derived
      ? [...personForms(person)].filter((f) => !written.some((w) => nameForm(w) === f))
      : written;
    for (const form of forms) {
      const matched = directory.find(form);
      const here = matched.flatMap((m) => directory.quotesOf(m, { articleId: person.articleId }));
      const everywhere = matched.flatMap((m) => directory.quotesOf(m));
      const mine = new Set(
        here.flatMap((q) => {
          const g = owner.get(keyOf(q));
          return g && g.person === person && g.predicted?.speakerRight ? [g] : [];
        }),
      );
      result.queries++;
      result.expected += quotes.length;
      const attributed = quotes.filter((g) => g.predicted?.speakerRight).length;
      result.attributed += attributed;
      result.found += mine.size;
      result.returned += here.length;
      result.belonging += here.filter((q) => {
        const g = owner.get(keyOf(q));
        return g?.person === person && g.predicted?.speakerRight;
      }).length;
      if (mine.size === quotes.length) result.complete++;
      if (mine.size < attributed)
        result.failures.push(
          `${person.articleId} ${form} → ${matched.map((m) => m.name).join("、") || "nobody"}: ${mine.size}/${attributed} of the attributed quotes of ${person.name}, ${here.length} returned`,
        );
      if (mine.size > 0) result.some++;
      for (const q of everywhere) {
        if (q.articleId === person.articleId) continue;
        result.elsewhere++;
        const g = owner.get(keyOf(q));
        if (g?.person && g.predicted?.speakerRight && samePerson(g.person, person))
          result.elsewhereSameName++;
      }
    }
  }
  return result;
}

function loadSet(name: string): BenchSet {
  return JSON.parse(readFileSync(join(here, `${name}.json`), "utf8")) as BenchSet;
}

function report(evaluation: Evaluation, data: BenchSet, examples: number, verbose: boolean) {
  const { gold, predicted } = evaluation;
  const all = () => true;
  const ofKind = (kinds: string[]) => (x: { kind: string }) => kinds.includes(x.kind);
  console.log(
    `${data.set}: ${data.articles.length} articles, ${gold.length} annotated quotes (${gold.filter((g) => g.quote.speaker === null).length} unnamed), ${predicted.length} predicted (${predicted.filter((p) => p.error === "ignored").length} on ambiguous spans, ignored)\n`,
  );
  console.log(HEADER);
  console.log(row("all", score(evaluation, all, all)));
  console.log(
    row(
      "quotes (direct + partial)",
      score(evaluation, ofKind(["direct", "partial"]), ofKind(["direct", "partial"])),
    ),
  );
  for (const kind of ["direct", "partial", "interview", "interviewer"])
    console.log(row(kind, score(evaluation, ofKind([kind]), ofKind([kind]))));
  const tags = new Map<string, number>();
  for (const g of gold) for (const tag of g.quote.tags) bump(tags, tag);
  console.log(
    `\nPer tag (precision over the predictions matched to or overlapping a tagged quote)\n`,
  );
  console.log(HEADER);
  for (const [tag] of [...tags].sort((a, b) => b[1] - a[1])) {
    const tagged = (g: Gold | undefined) => g?.quote.tags.includes(tag) ?? false;
    const s = score(
      evaluation,
      tagged,
      (p) =>
        tagged(p.gold) ||
        (!p.gold &&
          gold.some(
            (g) =>
              tagged(g) &&
              g.quote.articleId === p.quote.articleId &&
              g.where &&
              p.where &&
              sharedCharacters(g.where, p.where) > 0,
          )),
    );
    console.log(row(tag, s));
  }
  console.log(
    "\nNegatives a prediction overlapped, by reason\n\n| why | negatives | predicted as quotes |\n| --- | --- | --- |",
  );
  for (const [why, n] of [...evaluation.negativeCounts].sort((a, b) => b[1] - a[1]))
    console.log(`| ${why} | ${n} | ${evaluation.negativeAlarms.get(why) ?? 0} |`);
  console.log("\nAsking by every alias (the directory built from the set)\n");
  console.log(
    "| forms | queries | all quotes found | some found | recall | lookup recall | precision | other articles returned (the same person's) |\n| --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  const failures: string[] = [];
  for (const [label, derived] of [
    ["written in the article", false],
    ["derived (last part, no dot)", true],
  ] as const) {
    const a = askByAlias(evaluation, data, derived);
    console.log(
      `| ${label} | ${a.queries} | ${ratio(a.complete, a.queries)} | ${ratio(a.some, a.queries)} | ${ratio(a.found, a.expected)} | ${ratio(a.found, a.attributed)} | ${ratio(a.belonging, a.returned)} (${a.belonging}/${a.returned}) | ${a.elsewhere} (${a.elsewhereSameName}) |`,
    );
    failures.push(...a.failures);
  }
  console.log(
    `\nLookups that missed quotes the extractor had attributed right: ${failures.length}`,
  );
  for (const line of verbose ? failures : failures.slice(0, examples * 5))
    console.log(`    ${line}`);
  const classes = new Map<string, ErrorCase[]>();
  for (const e of evaluation.errors) classes.set(e.kind, [...(classes.get(e.kind) ?? []), e]);
  const sorted = [...classes].sort((a, b) => b[1].length - a[1].length);
  console.log("\nError classes\n");
  for (const [kind, cases] of sorted) {
    const spread = new Set(cases.map((e) => e.articleId)).size;
    console.log(`- ${kind}: ${cases.length} in ${spread} article${spread === 1 ? "" : "s"}`);
    for (const e of verbose ? cases : cases.slice(0, examples))
      console.log(`    ${e.articleId} ¶${e.paragraph} ${e.detail}`);
  }
}

/**
 * The sets still blind: scored once, at the end, with --final. test to test9 were each scored once
 * in an earlier round and are dev data since (QUOTES.md, "Pooled dev"; test5 at 89238f9, test6 at
 * 0d9fc36, test7 at 5c51218, test8 at 0097f9a, test9 at b839fa7).
 */
const BLIND_SETS = new Set(["test10"]);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  if (args.includes("--invariant")) {
    await monthInvariant(Number(option("--top") ?? 300));
    return;
  }
  const set = option("--set") ?? "dev";
  if (BLIND_SETS.has(set) && !args.includes("--final")) {
    console.log(
      `The ${set} set is blind: it is scored once, at the end (add --final to do so). Use --set dev.`,
    );
    process.exitCode = 1;
    return;
  }
  const pages = archivePages();
  if (!pages) {
    console.log(skipMessage("bench/quotes/eval.ts"));
    return;
  }
  const data = loadSet(set);
  const articles = new Map<string, Article>();
  for (const { id, path } of data.articles) {
    const article = parseArticle(readFileSync(join(pages, path), "utf8"), path);
    if (article.id !== id) throw new Error(`${path} holds ${article.id}, not ${id}`);
    articles.set(id, article);
  }
  const evaluation = evaluate(data, articles);
  for (const g of evaluation.gold)
    if (!g.where)
      console.log(`not placed: ${g.quote.articleId} ¶${g.quote.paragraph} ${g.quote.text}`);
  report(evaluation, data, Number(option("--errors") ?? 0), args.includes("--verbose"));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
