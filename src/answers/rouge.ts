import { foldedLettersAndDigits } from "../text/text.js";

/**
 * Character-level ROUGE for Chinese: the units are the characters of the folded text (simplified,
 * half-width, lower-case), punctuation and whitespace left out. ROUGE-1 and ROUGE-2 count
 * overlapping character unigrams and bigrams (clipped counts); ROUGE-L uses the longest common
 * subsequence. Scores are F1 (precision and recall weighted equally); 0 when either side is empty.
 */

export interface RougeScore {
  precision: number;
  recall: number;
  f: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
}

/** The units ROUGE counts: folded characters, without punctuation, symbols and whitespace. */
export function rougeUnits(text: string): string[] {
  return [...foldedLettersAndDigits(text)];
}

function score(overlap: number, candidateSize: number, referenceSize: number): RougeScore {
  if (overlap === 0 || candidateSize === 0 || referenceSize === 0) {
    return { precision: 0, recall: 0, f: 0 };
  }
  const precision = overlap / candidateSize;
  const recall = overlap / referenceSize;
  return { precision, recall, f: (2 * precision * recall) / (precision + recall) };
}

function grams(units: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= units.length; i++) {
    const gram = units.slice(i, i + n).join("\u0000");
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function rougeNUnits(candidate: string[], reference: string[], n: number): RougeScore {
  const c = grams(candidate, n);
  const r = grams(reference, n);
  let overlap = 0;
  for (const [gram, count] of c) overlap += Math.min(count, r.get(gram) ?? 0);
  return score(
    overlap,
    Math.max(0, candidate.length - n + 1),
    Math.max(0, reference.length - n + 1),
  );
}

/** Length of the longest common subsequence (two rows of the table, O(n·m) time). */
export function lcsLength(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        a[i - 1] === b[j - 1]
          ? (previous[j - 1] as number) + 1
          : Math.max(previous[j] as number, current[j - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/** Character n-gram ROUGE of a candidate against one reference. */
export function rougeN(candidate: string, reference: string, n: 1 | 2): RougeScore {
  return rougeNUnits(rougeUnits(candidate), rougeUnits(reference), n);
}

/** Character LCS ROUGE of a candidate against one reference. */
export function rougeL(candidate: string, reference: string): RougeScore {
  const c = rougeUnits(candidate);
  const r = rougeUnits(reference);
  return score(lcsLength(c, r), c.length, r.length);
}

/** ROUGE-1, ROUGE-2 and ROUGE-L of a candidate against one reference. */
export function rouge(candidate: string, reference: string): RougeScores {
  const c = rougeUnits(candidate);
  const r = rougeUnits(reference);
  return {
    rouge1: rougeNUnits(c, r, 1),
    rouge2: rougeNUnits(c, r, 2),
    rougeL: score(lcsLength(c, r), c.length, r.length),
  };
}
