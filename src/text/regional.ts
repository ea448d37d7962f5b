import { lexicon } from "./lexicon.js";

/**
 * Mainland, Taiwan and Hong Kong usage beyond script (lexicon/regional-variants.txt): 川普 for
 * 特朗普, 纽西兰 for 新西兰, 软体 for 软件. Folding maps characters one for one and leaves these
 * apart; a question written in one usage must still find the article written in another. The one
 * place that knows the groups, for /ask's question analysis and its search query alike.
 */

let groups: Map<string, readonly string[]> | undefined;
let longest = 0;

function variantGroups(): Map<string, readonly string[]> {
  if (groups) return groups;
  const built = new Map<string, readonly string[]>();
  for (const entry of lexicon("regional-variants").entries) {
    const group = [entry.term, ...entry.fields];
    for (const word of group) {
      const others = group.filter((other) => other !== word);
      built.set(word, [...(built.get(word) ?? []), ...others]);
      longest = Math.max(longest, word.length);
    }
  }
  groups = built;
  return built;
}

/** The other usages' words for a folded word (特朗普 → 川普, 纽泽西 → 新泽西), else none. */
export function regionalVariants(word: string): readonly string[] {
  return variantGroups().get(word) ?? [];
}

/**
 * The spans of a folded text that are words of the list, longest first and left to right, not
 * overlapping (纽泽西州 → 纽泽西 at 0): a segmenter that cuts such a word apart (纽 泽西) can be
 * joined again over them.
 */
export function regionalWordSpans(folded: string): { start: number; end: number }[] {
  const known = variantGroups();
  const spans: { start: number; end: number }[] = [];
  for (let at = 0; at < folded.length; ) {
    let found = 0;
    for (let length = Math.min(longest, folded.length - at); length >= 2; length--) {
      if (known.has(folded.slice(at, at + length))) {
        found = length;
        break;
      }
    }
    if (found > 0) {
      spans.push({ start: at, end: at + found });
      at += found;
    } else at++;
  }
  return spans;
}

/**
 * The other usages' forms of a folded word, also of a longer word holding a listed one
 * (纽泽西州 → 新泽西州, 川普政府 → 特朗普政府): each listed span replaced by its variants.
 */
export function regionalForms(word: string): string[] {
  const whole = regionalVariants(word);
  if (whole.length > 0) return [...whole];
  const out: string[] = [];
  for (const { start, end } of regionalWordSpans(word)) {
    // A two-character word inside a longer one beside a single character is mostly part of
    // another word (查德 in 理查德).
    if (end - start < 3 && word.length - (end - start) < 2) continue;
    for (const variant of regionalVariants(word.slice(start, end)))
      out.push(word.slice(0, start) + variant + word.slice(end));
  }
  return out;
}
