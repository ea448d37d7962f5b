/**
 * The matching rule of the quotes benchmark (bench/quotes/eval.ts), pure so that
 * test/bench/quotes-match.test.ts can hold it to its definition in bench/QUOTES.md:
 *
 * - a text is placed in its article: each `\n`-separated part at its own paragraph (the first
 *   occurrence; when a predicted part is not in its paragraph, the neighbouring ones are tried);
 * - a prediction matches an annotation when their paragraph ranges overlap, the prediction covers
 *   at least COVERAGE of the annotated characters and is at most MAX_LENGTH_RATIO times as long;
 * - the speaker is right when the predicted name, folded (simplified, half-width, lower case,
 *   no spaces, any name dot), is the annotated person's name or alias, or a form derived from one
 *   (the last part of a dotted or Latin name, the name without its dots), and no other person of
 *   the article answers to it.
 */
import { foldText } from "../../src/text/text.js";

export const COVERAGE = 0.8;
export const MAX_LENGTH_RATIO = 1.25;

/** Characters `start..end` of paragraph `paragraph` (0-based). */
export interface Segment {
  paragraph: number;
  start: number;
  end: number;
}

export interface Placement {
  segments: Segment[];
  length: number;
}

/** Where a text stands in the article, or undefined when a part is found nowhere near. */
export function place(
  paragraphs: string[],
  paragraph: number,
  text: string,
  search = 0,
): Placement | undefined {
  const segments: Segment[] = [];
  const parts = text.split("\n");
  let length = 0;
  for (const [k, part] of parts.entries()) {
    const home = paragraph - 1 + k;
    let found: Segment | undefined;
    for (const delta of [
      0,
      ...Array.from({ length: search }, (_, i) => [i + 1, -(i + 1)]).flat(),
    ]) {
      const at = paragraphs[home + delta]?.indexOf(part) ?? -1;
      if (part.length > 0 && at >= 0) {
        found = { paragraph: home + delta, start: at, end: at + part.length };
        break;
      }
    }
    if (!found) return undefined;
    segments.push(found);
    length += part.length;
  }
  return { segments, length };
}

/** Characters the two placements share. */
export function sharedCharacters(a: Placement, b: Placement): number {
  let shared = 0;
  for (const x of a.segments)
    for (const y of b.segments)
      if (x.paragraph === y.paragraph)
        shared += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return shared;
}

/** How much of the annotated text the prediction covers (0 when it is too long). */
export function textMatch(annotated: Placement, predicted: Placement): number {
  if (predicted.length > MAX_LENGTH_RATIO * annotated.length) return 0;
  const coverage = sharedCharacters(annotated, predicted) / annotated.length;
  return coverage >= COVERAGE ? coverage : 0;
}

/** A name's lookup form: folded, no spaces, one name dot (． between Han characters is one too). */
export function nameForm(name: string): string {
  return dotted(name).replace(/\s+/g, "");
}

/** Folded, with a full stop between two Han characters read as the name dot (罗伯特．克兰普顿). */
function dotted(name: string): string {
  return foldText(name.normalize("NFKC")).replace(
    /(?<=\p{Script=Han})[.．](?=\p{Script=Han})/gu,
    "·",
  );
}

/** The forms a reader may use for a person: as written, and derived (last part, no dots). */
export function derivedForms(form: string): string[] {
  const forms = new Set([nameForm(form)]);
  const folded = dotted(form).trim();
  if (folded.includes("·")) {
    forms.add(nameForm(folded.replaceAll("·", "")));
    const last = folded.split("·").pop()?.trim() ?? "";
    if (last.length >= 2) forms.add(nameForm(last));
  }
  if (/^[\p{Script=Latin}][\p{Script=Latin}.'’\- ]*$/u.test(folded)) {
    const words = folded.split(/[\s.]+/).filter((word) => word.length > 0);
    const last = words[words.length - 1];
    if (words.length > 1 && last && last.length >= 3) forms.add(nameForm(last));
  }
  return [...forms];
}

export interface AnnotatedPerson {
  articleId: string;
  name: string;
  aliases: string[];
}

/** Every form of a person, folded: name and aliases, and the forms derived from them. */
export function personForms(person: AnnotatedPerson): Set<string> {
  return new Set([person.name, ...person.aliases].flatMap(derivedForms));
}

/**
 * Whether `predicted` names `person` among the article's `people`. When another person of the
 * article answers to the same form (two Smiths), the extractor's own aliases of the predicted
 * speaker must single the person out.
 */
export function speakerMatches(
  predicted: string,
  person: AnnotatedPerson,
  people: AnnotatedPerson[],
  predictedAliases: string[] = [],
): boolean {
  const key = nameForm(predicted);
  if (!personForms(person).has(key)) return false;
  const rivals = people.filter((other) => other !== person && personForms(other).has(key));
  if (rivals.length === 0) return true;
  const own = new Set([person.name, ...person.aliases].map(nameForm));
  const rivalForms = new Set(
    rivals.flatMap((other) => [other.name, ...other.aliases].map(nameForm)),
  );
  return predictedAliases.some((alias) => {
    const form = nameForm(alias);
    return own.has(form) && !rivalForms.has(form);
  });
}

const GENERIC = /(?:先生|女士|小姐|太太|某)$|化名/;

/**
 * Whether two annotated people of different articles are one person on the evidence issue 11
 * allows: the full name of one is a form of the other, or they share an English name of two
 * words or more; generic forms (王先生, 张某, anyone 化名) are never the same person.
 */
export function samePerson(a: AnnotatedPerson, b: AnnotatedPerson): boolean {
  const generic = (p: AnnotatedPerson) =>
    GENERIC.test(p.name) || p.aliases.some((alias) => alias.includes("化名"));
  if (generic(a) || generic(b)) return false;
  const forms = (p: AnnotatedPerson) => new Set([p.name, ...p.aliases].map(nameForm));
  const [formsA, formsB] = [forms(a), forms(b)];
  if (formsB.has(nameForm(a.name)) || formsA.has(nameForm(b.name))) return true;
  const english = (p: AnnotatedPerson) =>
    p.aliases.filter((alias) => /^[\p{Script=Latin}.'’\- ]+$/u.test(alias) && alias.includes(" "));
  return english(a).some((alias) => formsB.has(nameForm(alias)));
}
